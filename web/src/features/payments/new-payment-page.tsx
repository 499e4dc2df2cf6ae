import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { OpenInvoice } from '@servix/server/modules/payments/payments.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { useInvoice } from '../../api/invoices';
import { useMoneyAccounts } from '../../api/money';
import { useCreatePayment, useOpenInvoices } from '../../api/payments';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { PageHeader } from '../../ui/page-header';
import { FormAlert } from '../../ui/states';
import { centsToText, textToCents } from '../../ui/typed-values';
import { CustomerPicker } from '../items/pickers';
import { PaymentStateBadge } from './payment-state-badge';

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
}

const METHODS = ['cash', 'card', 'bank_transfer'] as const;

/**
 * A customer's payment: the customer, the cash desk or bank account, the method, the amount and the day; the
 * customer's open invoices each with an amount to allocate (by hand, or "oldest first" from the amount); what is
 * not allocated stays the customer's advance. Opened from an invoice's "Pay", that invoice is filled in.
 */
export function NewPaymentPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromInvoice = useInvoice(params.get('invoiceId') ?? undefined);
  const [partyId, setPartyId] = useState<string | null>(params.get('partyId'));
  const accounts = useMoneyAccounts();
  const open = useOpenInvoices(partyId);
  const create = useCreatePayment();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('cash');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState<string | null>(today());
  const [notes, setNotes] = useState('');
  const [shares, setShares] = useState<Record<string, string>>({});
  const [prefilled, setPrefilled] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const items: OpenInvoice[] = open.data?.items ?? [];
  // From an invoice's "Pay": its open amount, allocated to it.
  const invoiceId = params.get('invoiceId');
  if (!prefilled && invoiceId && open.data) {
    const target = items.find((i) => i.id === invoiceId);
    if (target) {
      // A BGN invoice of 2025 is paid in EUR by its open amount converted at 1.95583 (EUR-05).
      setAmount(centsToText(target.openEurCents, locale));
      setShares({ [target.id]: centsToText(target.openEurCents, locale) });
    }
    setPrefilled(true);
  }
  const accountList = accounts.data?.items ?? [];
  if (accountId === null && accountList.length > 0) setAccountId(accountList[0]?.id ?? null);

  const amountCents = Number(textToCents(amount)) || 0;
  const allocated = items.reduce((s, i) => s + (Number(textToCents(shares[i.id] ?? '')) || 0), 0);
  const oldestFirst = () => {
    let left = amountCents;
    const next: Record<string, string> = {};
    for (const i of items) {
      const take = Math.min(left, i.openEurCents);
      if (take > 0) next[i.id] = centsToText(take, locale);
      left -= Math.max(take, 0);
    }
    setShares(next);
  };
  const submit = () => {
    setErrors({});
    setFailure(null);
    const allocations = items
      .map((i) => ({ invoiceId: i.id, amountCents: Number(textToCents(shares[i.id] ?? '')) || 0 }))
      .filter((a) => a.amountCents > 0);
    create.mutate(
      {
        partyId: partyId ?? '',
        accountId: accountId ?? '',
        method,
        date: date ?? '',
        amountCents: textToCents(amount),
        ...(notes.trim() ? { notes } : {}),
        allocations,
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('payments.form.saved', { number: p.number }) });
          navigate(`/payments/${p.id}`);
        },
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fieldErrors());
          setFailure(messageOf(err));
        },
      },
    );
  };
  const initial =
    fromInvoice.data && fromInvoice.data.partyId === partyId
      ? {
          id: fromInvoice.data.partyId,
          name: fromInvoice.data.recipientName,
          uic: null,
          city: null,
          phone: null,
        }
      : null;
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('payments.form.title')} />
      <form
        noValidate
        aria-label={t('payments.form.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <FormAlert message={failure} />
          <Card withBorder radius="md" padding="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CustomerPicker
                key={initial ? 'from-invoice' : 'picked'}
                label={t('payments.form.customer')}
                required
                value={partyId}
                initial={initial}
                onChange={(v) => {
                  setPartyId(v);
                  setShares({});
                }}
                error={errors.partyId}
                data-testid="payment-customer"
              />
              <Select
                label={t('payments.form.account')}
                required
                value={accountId}
                onChange={setAccountId}
                data={accountList.map((a) => ({ value: a.id, label: a.name }))}
                error={errors.accountId}
                data-testid="payment-account"
              />
              <Select
                label={t('payments.form.method')}
                value={method}
                allowDeselect={false}
                onChange={(v) => v && setMethod(v as (typeof METHODS)[number])}
                data={METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
                error={errors.method}
              />
              <TextInput
                label={t('payments.form.amount')}
                required
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
                error={errors.amountCents}
                data-testid="payment-amount"
              />
              <DateField
                label={t('payments.form.date')}
                required
                value={date}
                onChange={setDate}
                error={errors.date}
              />
              <TextInput
                label={t('payments.form.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                error={errors.notes}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4">
                  {t('payments.form.openInvoices')}
                </Title>
                {items.length > 0 && (
                  <Button variant="light" onClick={oldestFirst} data-testid="payment-oldest-first">
                    {t('payments.form.oldestFirst')}
                  </Button>
                )}
              </Group>
              {!partyId ? (
                <Text size="sm" c="dimmed">
                  {t('payments.form.pickCustomer')}
                </Text>
              ) : items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {open.isPending ? '…' : t('payments.form.noOpen')}
                </Text>
              ) : (
                <Stack gap="xs" data-testid="payment-open-invoices">
                  {items.map((i, n) => (
                    <OpenInvoiceRow
                      key={i.id}
                      invoice={i}
                      value={shares[i.id] ?? ''}
                      error={errors[`allocations.${n}.amountCents`] ?? errors[`allocations.${n}.invoiceId`]}
                      onChange={(v) => setShares((s) => ({ ...s, [i.id]: v }))}
                    />
                  ))}
                </Stack>
              )}
              {amountCents > 0 && allocated <= amountCents && (
                <Text size="sm" c="dimmed" data-testid="payment-remainder">
                  {t('payments.form.remainder', { amount: formatMoney(amountCents - allocated, locale) })}
                </Text>
              )}
              {allocated > amountCents && (
                <Alert color="orange">
                  {t('payments.form.over', { amount: formatMoney(allocated - amountCents, locale) })}
                </Alert>
              )}
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="payment-save">
              {t('payments.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function OpenInvoiceRow({
  invoice,
  value,
  error,
  onChange,
}: {
  invoice: OpenInvoice;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="sm" padding="xs" data-testid="open-invoice" aria-label={invoice.number ?? ''}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text size="sm" ff="monospace" fw={600}>
              {invoice.number}
            </Text>
            <PaymentStateBadge state={invoice.paymentState} />
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(invoice.documentDate, locale)}
            {invoice.dueDate ? ` · ${t('payments.form.due')} ${formatDate(invoice.dueDate, locale)}` : ''}
          </Text>
          <Text size="sm">
            {t('payments.form.open')}: <b>{formatMoney(invoice.openCents, locale, invoice.currency)}</b>
            {invoice.currency !== 'EUR' && (
              <Text span size="sm" data-testid="open-invoice-eur">
                {' '}
                {t('payments.form.openInEur', { amount: formatMoney(invoice.openEurCents, locale, 'EUR') })}
              </Text>
            )}
          </Text>
        </Stack>
        <TextInput
          aria-label={`${t('payments.form.allocate')} ${invoice.number ?? ''}`}
          placeholder={t('payments.form.allocate')}
          inputMode="decimal"
          w={130}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          data-testid="allocate-amount"
        />
      </Group>
    </Card>
  );
}
