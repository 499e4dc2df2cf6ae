import { Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Refund, Refundable } from '@servix/server/modules/payments/payments.schema';
import { STORNO_REASONS } from '@servix/server/modules/receipts/receipts.schema';
import type { InvoiceDetail } from '@servix/server/modules/sales/sales.schema';
import { IconCashBanknote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import { useMoneyAccounts } from '../../api/money';
import { useCreateRefund, useNoteRefunds, useRefundable, useUndoRefund } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { SectionCard } from '../../ui/detail';
import { FormAlert } from '../../ui/states';
import { centsToText, textToCents } from '../../ui/typed-values';
import { StornoCard } from '../receipts/storno-card';

const METHODS = ['cash', 'card', 'bank_transfer'] as const;

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
}

const NO_RECEIPT = 'none';

/**
 * Pays back what a credit note leaves the customer to get (ADR 0029): account, method, amount, day; in cash or by
 * card the storno of the payment's receipt that paid the invoice (FIS-02, ADR 0040), with its reason, or a storno
 * printed elsewhere when there is no receipt of ours.
 */
function RefundModal({
  note,
  owedCents,
  refundable,
  onClose,
}: {
  note: InvoiceDetail;
  owedCents: number;
  refundable: Refundable;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const accounts = useMoneyAccounts();
  const create = useCreateRefund();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('cash');
  const [amount, setAmount] = useState(centsToText(owedCents, locale));
  const [date, setDate] = useState<string | null>(today());
  const suggested = refundable.creditNotes.find((n) => n.id === note.id)?.receiptIds[0];
  const [receiptId, setReceiptId] = useState<string>(suggested ?? refundable.receipts[0]?.id ?? NO_RECEIPT);
  const [reason, setReason] = useState<(typeof STORNO_REASONS)[number]>('refund');
  const withStorno = method !== 'bank_transfer' && receiptId !== NO_RECEIPT;
  const [stornoNumber, setStornoNumber] = useState('');
  const [stornoTime, setStornoTime] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const accountList = (accounts.data?.items ?? []).filter((a) => !a.archived);
  if (accountId === null && accountList.length > 0) setAccountId(accountList[0]?.id ?? null);
  return (
    <Modal opened onClose={onClose} title={t('payments.refund.title', { number: note.number ?? '' })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              partyId: note.partyId,
              accountId: accountId ?? '',
              method,
              date: date ?? '',
              allocations: [{ creditNoteId: note.id, amountCents: textToCents(amount) }],
              ...(withStorno ? { storno: { receiptId, reason } } : {}),
              ...(!withStorno && method !== 'bank_transfer' && stornoNumber.trim()
                ? { stornoReceipt: { receiptNumber: stornoNumber, receiptDateTime: stornoTime } }
                : {}),
            },
            {
              onSuccess: (r) => {
                notifications.show({
                  color: 'green',
                  message: t('payments.refund.saved', {
                    amount: formatMoney(r.amountCents, locale),
                    number: r.number,
                  }),
                });
                onClose();
              },
              onError: (err) => {
                if (err instanceof ApiError) setErrors(err.fieldErrors());
                setFailure(messageOf(err));
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <Select
            label={t('payments.refund.account')}
            required
            value={accountId}
            onChange={setAccountId}
            data={accountList.map((a) => ({
              value: a.id,
              label: `${a.name} (${formatMoney(a.balanceCents, locale)})`,
            }))}
            error={errors.accountId}
            data-testid="refund-account"
          />
          <Select
            label={t('payments.refund.method')}
            value={method}
            allowDeselect={false}
            onChange={(v) => v && setMethod(v as (typeof METHODS)[number])}
            data={METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
            error={errors.method}
            data-testid="refund-method"
          />
          <TextInput
            label={t('payments.refund.amount')}
            required
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountCents ?? errors['allocations.0.amountCents']}
            data-testid="refund-amount"
          />
          <DateField
            label={t('payments.refund.date')}
            required
            value={date}
            onChange={setDate}
            error={errors.date}
          />
          {method !== 'bank_transfer' && refundable.receipts.length > 0 && (
            <Select
              label={t('payments.refund.stornoOf')}
              value={receiptId}
              allowDeselect={false}
              onChange={(v) => v && setReceiptId(v)}
              data={[
                ...refundable.receipts.map((r) => ({
                  value: r.id,
                  label: t('payments.refund.stornoOption', {
                    number: r.number,
                    date: formatDate(r.date, locale),
                    left: formatMoney(r.leftCents, locale, r.currency),
                  }),
                })),
                { value: NO_RECEIPT, label: t('payments.refund.stornoNone') },
              ]}
              error={errors['storno.receiptId']}
              data-testid="refund-storno-receipt"
            />
          )}
          {withStorno && (
            <>
              <Select
                label={t('payments.refund.stornoReason')}
                value={reason}
                allowDeselect={false}
                onChange={(v) => v && setReason(v as (typeof STORNO_REASONS)[number])}
                data={STORNO_REASONS.map((r) => ({
                  value: r,
                  label: t(`receipts.receipt.stornoReasons.${r}`),
                }))}
                error={errors['storno.reason']}
                data-testid="refund-storno-reason"
              />
              <Text size="xs" c="dimmed">
                {t('payments.refund.stornoAuto')}
              </Text>
            </>
          )}
          {method !== 'bank_transfer' && !withStorno && (
            <>
              <Text size="xs" c="dimmed">
                {t('payments.refund.stornoHint')}
              </Text>
              <Group grow wrap="wrap" gap="sm">
                <TextInput
                  label={t('payments.refund.stornoNumber')}
                  value={stornoNumber}
                  onChange={(e) => setStornoNumber(e.currentTarget.value)}
                  error={errors.stornoReceipt ?? errors['stornoReceipt.receiptNumber']}
                  miw={140}
                />
                <TextInput
                  label={t('payments.refund.stornoTime')}
                  value={stornoTime}
                  onChange={(e) => setStornoTime(e.currentTarget.value)}
                  error={errors['stornoReceipt.receiptDateTime']}
                  miw={140}
                />
              </Group>
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="refund-save">
              {t('payments.refund.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UndoRefundModal({ refund, onClose }: { refund: Refund; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoRefund();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('payments.refund.undoTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          undo.mutate(
            { id: refund.id, reason },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('payments.refund.undoneOk') });
                onClose();
              },
              onError: (err) => {
                if (err instanceof ApiError) setErrors(err.fieldErrors());
                setFailure(messageOf(err));
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <Textarea
            label={t('payments.refund.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-testid="refund-undo-reason"
          />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={undo.isPending} data-testid="refund-undo-confirm">
              {t('payments.refund.confirmUndo')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** An issued credit note's refunds: what is still owed back, "Pay back", and each refund with its undo. */
export function NoteRefunds({ note }: { note: InvoiceDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canRead = canCall(user.role, 'GET /api/v1/refunds');
  const canWrite = canCall(user.role, 'POST /api/v1/refunds');
  const shown = canRead && note.kind === 'credit_note' && note.status === 'issued';
  const refundable = useRefundable(note.partyId, shown);
  const refunds = useNoteRefunds(note.id, shown);
  const [paying, setPaying] = useState(false);
  const [undoing, setUndoing] = useState<Refund | null>(null);
  if (!shown || !refundable.data || !refunds.data) return null;
  const owed = refundable.data.creditNotes.find((n) => n.id === note.id)?.refundableCents ?? 0;
  const money = (c: number) => formatMoney(c, locale, note.currency);
  return (
    <SectionCard title={t('payments.refund.section')}>
      <Stack gap="xs" data-testid="note-refunds">
        <Group gap="md" justify="space-between" wrap="wrap">
          <Text size="sm">
            {t('payments.refund.owed')}: <b data-testid="note-refund-owed">{money(owed)}</b>
          </Text>
          {canWrite && owed > 0 && (
            <Button
              size="xs"
              leftSection={<IconCashBanknote size={16} />}
              onClick={() => setPaying(true)}
              data-testid="note-refund"
            >
              {t('payments.refund.action')}
            </Button>
          )}
        </Group>
        {owed === 0 && refunds.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.refund.none')}
          </Text>
        )}
        {refunds.data.items.map((r) => (
          <Card key={r.id} withBorder padding="xs" data-testid="refund-card">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">
                    {r.number}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(r.date, locale)} · {r.accountName} · {t(`payments.method.${r.method}`)}
                    {r.stornoReceiptNumber ? ` · ${r.stornoReceiptNumber}` : ''}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Text size="sm" fw={600} td={r.undone ? 'line-through' : undefined}>
                    {money(
                      r.allocations.find((a) => a.creditNoteId === note.id)?.amountCents ?? r.amountCents,
                    )}
                  </Text>
                  {r.undone ? (
                    <Badge color="gray" variant="light">
                      {t('payments.refund.undone')}
                    </Badge>
                  ) : (
                    canCall(user.role, 'POST /api/v1/refunds/:id/undo') && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setUndoing(r)}
                        data-testid="refund-undo"
                      >
                        {t('payments.refund.undo')}
                      </Button>
                    )
                  )}
                </Group>
              </Group>
              {r.stornos.map((x) => (
                <StornoCard key={x.id} storno={x} />
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
      {paying && (
        <RefundModal
          note={note}
          owedCents={owed}
          refundable={refundable.data}
          onClose={() => setPaying(false)}
        />
      )}
      {undoing && <UndoRefundModal refund={undoing} onClose={() => setUndoing(null)} />}
    </SectionCard>
  );
}
