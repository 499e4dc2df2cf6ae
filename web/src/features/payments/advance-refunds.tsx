import { Anchor, Button, Card, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Payment, Refundable } from '@servix/server/modules/payments/payments.schema';
import { IconCashBanknote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type usePaymentRefunds, useRefundable } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';
import { RefundDialog } from './refund-dialog';
import { RefundList } from './refund-list';

type Advance = Refundable['advances'][number];

/**
 * "Refund the advance" of one payment (ADR 0044): the refund dialog against the payment's unused advance, its amount
 * what is left (or less), its storno the payment's own receipt while something of it is left to storno.
 */
export function AdvanceRefundDialog({
  partyId,
  advance,
  refundable,
  defaultAccountId,
  defaultMethod,
  onClose,
}: {
  partyId: string;
  advance: Advance;
  refundable: Refundable;
  defaultAccountId?: string;
  defaultMethod?: Payment['method'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <RefundDialog
      title={t('payments.refund.advanceTitle', { number: advance.number })}
      partyId={partyId}
      target={{ paymentId: advance.paymentId }}
      refundableCents={advance.refundableCents}
      refundable={refundable}
      suggestedReceiptId={advance.receiptId}
      defaultAccountId={defaultAccountId ?? advance.accountId}
      defaultMethod={defaultMethod ?? advance.method}
      onClose={onClose}
    />
  );
}

/** A payment's advance paid back: what may still go back, "Refund the advance", and each refund with its undo. */
export function AdvanceRefunds({
  payment,
  refunds,
}: {
  payment: Payment;
  refunds: ReturnType<typeof usePaymentRefunds>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'POST /api/v1/refunds');
  const refundable = useRefundable(payment.partyId, payment.unallocatedCents > 0);
  const [paying, setPaying] = useState(false);
  const items = refunds.data?.items ?? [];
  if (payment.unallocatedCents === 0 && items.length === 0) return null;
  const advance = refundable.data?.advances.find((a) => a.paymentId === payment.id);
  const money = (c: number) => formatMoney(c, locale, payment.currency);
  return (
    <SectionCard title={t('payments.refund.advanceSection')}>
      <Stack gap="xs" data-testid="advance-refunds">
        <Group gap="md" justify="space-between" wrap="wrap">
          <Text size="sm">
            {t('payments.refund.advanceLeft')}:{' '}
            <b data-testid="advance-refundable">{money(payment.unallocatedCents)}</b>
            {payment.refundedCents > 0 && (
              <>
                {' · '}
                {t('payments.refund.refunded')}:{' '}
                <b data-testid="advance-refunded">{money(payment.refundedCents)}</b>
              </>
            )}
          </Text>
          {canWrite && advance && advance.refundableCents > 0 && (
            <Button
              size="xs"
              leftSection={<IconCashBanknote size={16} />}
              onClick={() => setPaying(true)}
              data-testid="advance-refund"
            >
              {t('payments.refund.advanceAction')}
            </Button>
          )}
        </Group>
        <RefundList
          refunds={items}
          currency={payment.currency}
          amountOf={(r) =>
            r.allocations.find((a) => a.paymentId === payment.id)?.amountCents ?? r.amountCents
          }
        />
      </Stack>
      {paying && advance && refundable.data && (
        <AdvanceRefundDialog
          partyId={payment.partyId}
          advance={advance}
          refundable={refundable.data}
          defaultAccountId={payment.accountId}
          defaultMethod={payment.method}
          onClose={() => setPaying(false)}
        />
      )}
    </SectionCard>
  );
}

/**
 * A customer's advances to refund, from what is open (receivables): each payment with its advance left and "Refund
 * the advance", which opens the same dialog as on the payment's page.
 */
export function CustomerAdvancesModal({
  partyId,
  partyName,
  onClose,
}: {
  partyId: string;
  partyName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const refundable = useRefundable(partyId);
  const [paying, setPaying] = useState<Advance | null>(null);
  const advances = refundable.data?.advances ?? [];
  if (paying && refundable.data)
    return (
      <AdvanceRefundDialog
        partyId={partyId}
        advance={paying}
        refundable={refundable.data}
        onClose={() => setPaying(null)}
      />
    );
  return (
    <Modal opened onClose={onClose} title={`${t('payments.refund.advances')}: ${partyName}`}>
      <Stack gap="xs" data-testid="customer-advances">
        {refundable.isPending && <Loader size="sm" />}
        {refundable.data && advances.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.refund.noAdvances')}
          </Text>
        )}
        {advances.map((a) => (
          <Card key={a.paymentId} withBorder padding="xs" data-testid="customer-advance">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Anchor component={Link} to={`/payments/${a.paymentId}`} size="sm" ff="monospace" fw={600}>
                  {t('payments.refund.advanceOf', { number: a.number, date: formatDate(a.date, locale) })}
                </Anchor>
                <Text size="sm" fw={700}>
                  {formatMoney(a.refundableCents, locale)}
                </Text>
              </Stack>
              <Button
                size="xs"
                leftSection={<IconCashBanknote size={16} />}
                onClick={() => setPaying(a)}
                data-testid="customer-advance-refund"
              >
                {t('payments.refund.advanceAction')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Modal>
  );
}
