import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Allocation, Payment } from '@servix/server/modules/payments/payments.schema';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import {
  paymentsKey,
  useAllocatePayment,
  usePayment,
  usePaymentRefunds,
  useUndoAllocation,
} from '../../api/payments';
import { usePrintReceipt } from '../../api/receipts';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { PageHeader } from '../../ui/page-header';
import { ReasonModal } from '../../ui/reason-modal';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { notifyPrintOutcome } from '../receipts/print-outcome';
import { FiscalStatusBadge } from '../receipts/receipt-badges';
import { StornoCard } from '../receipts/storno-card';
import { AdvanceRefunds } from './advance-refunds';

/** One allocation (or write-off) as a card: the invoice, the day, the amount; undo while it stands. */
export function AllocationCard({
  allocation,
  currency,
  canUndo,
  onUndo,
}: {
  allocation: Allocation;
  currency: string;
  canUndo: boolean;
  onUndo: (a: Allocation) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const crossCurrency = allocation.kind === 'payment' && allocation.invoiceCurrency !== 'EUR';
  return (
    <Card withBorder radius="sm" padding="xs" data-testid="allocation">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {allocation.kind === 'write_off' ? (
              <Text size="sm" fw={600}>
                {t('payments.payment.writeOff')}
              </Text>
            ) : (
              <Anchor
                component={Link}
                to={`/invoices/${allocation.invoiceId}`}
                size="sm"
                ff="monospace"
                fw={600}
              >
                {allocation.invoiceNumber}
              </Anchor>
            )}
            {allocation.paymentNumber && (
              <Anchor component={Link} to={`/payments/${allocation.paymentId}`} size="xs">
                {t('payments.payment.title', { number: allocation.paymentNumber })}
              </Anchor>
            )}
            {allocation.undone && (
              <Badge color="gray" variant="light" size="sm">
                {t('payments.payment.undone')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(allocation.date, locale)}
            {allocation.reason ? ` · ${allocation.reason}` : ''}
            {allocation.undoReason ? ` · ${allocation.undoReason}` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {crossCurrency ? (
            // EUR-05: EUR paid against a BGN invoice of 2025, and the BGN it settled at 1.95583.
            <Stack gap={0} align="flex-end">
              <Text fw={700} td={allocation.undone ? 'line-through' : undefined}>
                {formatMoney(allocation.amountCents, locale, 'EUR')}
              </Text>
              <Text size="xs" c="dimmed" data-testid="allocation-settled">
                {formatMoney(allocation.settledCents, locale, allocation.invoiceCurrency)}
              </Text>
            </Stack>
          ) : (
            <Text fw={700} td={allocation.undone ? 'line-through' : undefined}>
              {formatMoney(allocation.amountCents, locale, currency)}
            </Text>
          )}
          {canUndo && !allocation.undone && (
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => onUndo(allocation)}
              data-testid="allocation-undo"
            >
              {t('payments.payment.undo')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}

export function UndoModal({ allocation, onClose }: { allocation: Allocation; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoAllocation();
  return (
    <ReasonModal
      title={t('payments.payment.undoTitle')}
      reasonLabel={t('payments.payment.reason')}
      confirmLabel={t('payments.payment.confirmUndo')}
      doneMessage={t('payments.payment.undoneOk')}
      pending={undo.isPending}
      submit={(reason) => undo.mutateAsync({ id: allocation.id, reason })}
      onClose={onClose}
    />
  );
}

/**
 * The fiscal receipt of a payment in cash or by card (FIS-01, ADR 0037): its number, УНП and what the device printed;
 * not fiscalised yet (paper out, a lost task) it says so and offers to print it again. Its stornos, but those of the
 * refunds of this payment's advance, which show under their refund (`shownElsewhere`).
 */
function PaymentReceiptCard({
  receipt,
  shownElsewhere,
}: {
  receipt: NonNullable<Payment['receipt']>;
  shownElsewhere: Set<string>;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const print = usePrintReceipt();
  const queryClient = useQueryClient();
  const notFinal = receipt.fiscalStatus === 'failed' || receipt.fiscalStatus === 'printing';
  const canPrint = notFinal && canCall(user.role, 'POST /api/v1/sale-receipts/:id/print');
  return (
    <SectionCard title={t('payments.payment.receipt')}>
      <Stack gap="xs" data-testid="payment-receipt">
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Anchor component={Link} to={`/sale-receipts/${receipt.id}`} ff="monospace" fw={600}>
              {receipt.number}
            </Anchor>
            <FiscalStatusBadge status={receipt.fiscalStatus} />
          </Group>
          {canPrint && (
            <Button
              size="xs"
              leftSection={<IconPrinter size={16} />}
              loading={print.isPending}
              data-testid="payment-receipt-print"
              onClick={() =>
                print.mutate(receipt.id, {
                  onSuccess: async (r) => {
                    await queryClient.invalidateQueries({ queryKey: paymentsKey });
                    notifyPrintOutcome(t, r);
                  },
                  onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                })
              }
            >
              {t('payments.payment.printAgain')}
            </Button>
          )}
        </Group>
        {notFinal && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="payment-receipt-not-final">
            {t('receipts.receipt.notFinal')}
            {receipt.fiscalErrorText ? ` ${receipt.fiscalErrorText[currentLocale()]}` : ''}
          </Alert>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('payments.payment.uniqueSaleNumber')}: {receipt.uniqueSaleNumber}
          {receipt.receiptNumber
            ? ` · ${t('payments.payment.fiscalReceiptNumber')}: ${receipt.receiptNumber}`
            : ''}
        </Text>
        {receipt.stornos
          .filter((s) => !s.refundId || !shownElsewhere.has(s.refundId))
          .map((s) => (
            <StornoCard key={s.id} storno={s} />
          ))}
      </Stack>
    </SectionCard>
  );
}

/** A payment: customer, account, method, amount, the advance left; its allocations, each undone with a reason. */
export function PaymentPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const { user } = useSession();
  const payment = usePayment(id);
  const refunds = usePaymentRefunds(id ?? '', id !== undefined && canCall(user.role, 'GET /api/v1/refunds'));
  const allocate = useAllocatePayment(id ?? '');
  const [undoing, setUndoing] = useState<Allocation | null>(null);
  if (payment.isPending) return <PageLoader />;
  if (payment.isError)
    return payment.error instanceof ApiError && payment.error.status === 404 ? (
      <NotFound />
    ) : (
      <LoadError error={payment.error} onRetry={() => payment.refetch()} />
    );
  const p = payment.data;
  const canWrite = canCall(user.role, 'POST /api/v1/payment-allocations/:id/undo');
  const money = (c: number) => formatMoney(c, locale, p.currency);
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('payments.payment.title', { number: p.number })}
        description={
          <Anchor component={Link} to="/payments" size="sm">
            {t('payments.payment.back')}
          </Anchor>
        }
        actions={
          canWrite &&
          p.unallocatedCents > 0 && (
            <Button
              variant="light"
              loading={allocate.isPending}
              onClick={() =>
                allocate.mutate(
                  { oldestFirst: true },
                  { onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }) },
                )
              }
            >
              {t('payments.payment.oldestFirst')}
            </Button>
          )
        }
      />
      <InfoCard title={p.partyName}>
        <DetailField label={t('payments.list.date')}>{formatDate(p.date, locale)}</DetailField>
        <DetailField label={t('payments.list.account')}>
          {p.accountName} · {t(`payments.method.${p.method}`)}
        </DetailField>
        <DetailField label={t('payments.list.amount')}>
          <Text fw={700} span data-testid="payment-total">
            {money(p.amountCents)}
          </Text>
        </DetailField>
        <DetailField label={t('payments.payment.allocated')}>{money(p.allocatedCents)}</DetailField>
        <DetailField label={t('payments.list.unallocated')}>
          <span data-testid="payment-unallocated">{money(p.unallocatedCents)}</span>
        </DetailField>
        {p.notes && <DetailField label={t('payments.form.notes')}>{p.notes}</DetailField>}
      </InfoCard>
      {p.receipt && (
        <PaymentReceiptCard
          receipt={p.receipt}
          shownElsewhere={new Set((refunds.data?.items ?? []).map((r) => r.id))}
        />
      )}
      {canCall(user.role, 'GET /api/v1/refunds') && <AdvanceRefunds payment={p} refunds={refunds} />}
      <SectionCard title={t('payments.payment.allocations')}>
        {p.allocations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('payments.payment.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {p.allocations.map((a) => (
              <AllocationCard
                key={a.id}
                allocation={a}
                currency={p.currency}
                canUndo={canWrite}
                onUndo={setUndoing}
              />
            ))}
          </Stack>
        )}
      </SectionCard>
      {undoing && <UndoModal allocation={undoing} onClose={() => setUndoing(null)} />}
    </Stack>
  );
}
