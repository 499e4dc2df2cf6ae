import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import { PAYMENT_METHODS, type Refundable } from '@servix/server/modules/payments/payments.schema';
import { STORNO_REASONS } from '@servix/server/modules/receipts/receipts.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import { useMoneyAccounts } from '../../api/money';
import { useCreateRefund } from '../../api/payments';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { FormAlert } from '../../ui/states';
import { centsToText, textToCents } from '../../ui/typed-values';

type Method = (typeof PAYMENT_METHODS)[number];

/** What a refund pays back: a credit note's owed amount, or a payment's unused advance (ADR 0029). */
export type RefundTarget = { creditNoteId: string } | { paymentId: string };

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
}

const NO_RECEIPT = 'none';

/**
 * Pays money back to a customer against one credit note or one payment's advance (ADR 0029, ADR 0044): account,
 * method, amount (what may be paid back, or less), day; in cash or by card the storno of a payment's receipt (FIS-02,
 * ADR 0040) with its reason, or a storno printed elsewhere when there is no receipt of ours. The server's refusals
 * show at their field.
 */
export function RefundDialog({
  title,
  partyId,
  target,
  refundableCents,
  refundable,
  suggestedReceiptId,
  defaultAccountId,
  defaultMethod = 'cash',
  onClose,
}: {
  title: string;
  partyId: string;
  target: RefundTarget;
  refundableCents: number;
  refundable: Refundable;
  suggestedReceiptId?: string | null;
  defaultAccountId?: string;
  defaultMethod?: Method;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const accounts = useMoneyAccounts();
  const create = useCreateRefund();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>(defaultMethod);
  const [amount, setAmount] = useState(centsToText(refundableCents, locale));
  const [date, setDate] = useState<string | null>(today());
  const [receiptId, setReceiptId] = useState<string>(
    suggestedReceiptId ?? refundable.receipts[0]?.id ?? NO_RECEIPT,
  );
  const [reason, setReason] = useState<(typeof STORNO_REASONS)[number]>('refund');
  const withStorno = method !== 'bank_transfer' && receiptId !== NO_RECEIPT;
  const [stornoNumber, setStornoNumber] = useState('');
  const [stornoTime, setStornoTime] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const accountList = (accounts.data?.items ?? []).filter((a) => !a.archived);
  if (accountId === null && accountList.length > 0)
    setAccountId(accountList.find((a) => a.id === defaultAccountId)?.id ?? accountList[0]?.id ?? null);
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          create.mutate(
            {
              partyId,
              accountId: accountId ?? '',
              method,
              date: date ?? '',
              allocations: [{ ...target, amountCents: textToCents(amount) }],
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
            onChange={(v) => v && setMethod(v as Method)}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
            error={errors.method}
            data-testid="refund-method"
          />
          <TextInput
            label={t('payments.refund.amount')}
            description={t('payments.refund.upTo', { amount: formatMoney(refundableCents, locale) })}
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
                  data-testid="refund-storno-number"
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
