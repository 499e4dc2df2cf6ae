import { ActionIcon, Anchor, Card, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import type { ReceivableRow } from '@servix/server/modules/payments/payments.schema';
import { IconCashBanknote, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ageingCsvUrl, useReceivables } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { type Column, ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { LoadError, PageLoader } from '../../ui/states';
import { CustomerAdvancesModal } from './advance-refunds';

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
}

const BUCKETS = ['notDue', 'd1to30', 'd31to60', 'd61to90', 'over90'] as const;

/** Receivables on a day: each customer's open invoices, advances, balance and ageing; the totals; the CSV. */
export function ReceivablesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [date, setDate] = useState<string | null>(today());
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { user } = useSession();
  const canRefund = canCall(user.role, 'POST /api/v1/refunds');
  const [refunding, setRefunding] = useState<ReceivableRow | null>(null);
  const data = useReceivables({
    date: date ?? today(),
    ...(overdueOnly ? { overdueOnly: 'true' as const } : {}),
  });
  const money = (c: number) => (c ? formatMoney(c, locale) : '—');
  const columns: Column<ReceivableRow>[] = [
    {
      key: 'customer',
      header: t('payments.receivables.customer'),
      phone: 'title',
      render: (r) => (
        <Anchor component={Link} to={`/customers/${r.partyId}`} size="sm" fw={500}>
          {r.partyName}
        </Anchor>
      ),
    },
    ...BUCKETS.map(
      (b): Column<ReceivableRow> => ({
        key: b,
        header: t(`payments.receivables.${b}`),
        align: 'right',
        nowrap: true,
        phone: 'secondary',
        render: (r) => money(r.ageing[b]),
      }),
    ),
    {
      key: 'advance',
      header: t('payments.receivables.advance'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (r) =>
        canRefund && r.advanceCents > 0 ? (
          <Group gap={4} justify="flex-end" wrap="nowrap" component="span">
            {money(r.advanceCents)}
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label={t('payments.refund.advanceAction')}
              title={t('payments.refund.advanceAction')}
              onClick={() => setRefunding(r)}
              data-testid="receivables-advance-refund"
            >
              <IconCashBanknote size={16} />
            </ActionIcon>
          </Group>
        ) : (
          money(r.advanceCents)
        ),
    },
    {
      key: 'credit',
      header: t('payments.receivables.credit'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (r) => money(r.creditCents),
    },
    {
      key: 'balance',
      header: t('payments.receivables.balance'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (r) => <b>{formatMoney(r.balanceCents, locale)}</b>,
    },
    {
      key: 'statement',
      header: t('payments.receivables.statement'),
      nowrap: true,
      phone: 'secondary',
      render: (r) => (
        <Anchor
          href={`/api/v1/receivables/${r.partyId}/statement/pdf?date=${date ?? today()}&language=bg`}
          target="_blank"
          size="sm"
          data-testid="statement-pdf"
        >
          PDF
        </Anchor>
      ),
    },
  ];
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('payments.receivables.title')}
        description={t('payments.receivables.description')}
        actions={
          <Anchor href={ageingCsvUrl(date ?? today())} size="sm" download>
            <Group gap={4} component="span">
              <IconDownload size={16} />
              {t('payments.receivables.csv')}
            </Group>
          </Anchor>
        }
      />
      <Group gap="md" align="flex-end">
        <DateField label={t('payments.receivables.date')} value={date} onChange={setDate} w={180} />
        <Switch
          label={t('payments.receivables.overdueOnly')}
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
        />
      </Group>
      {data.isPending ? (
        <PageLoader />
      ) : data.isError ? (
        <LoadError error={data.error} onRetry={() => data.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="ageing-totals">
            {BUCKETS.map((b) => (
              <Card key={b} withBorder radius="md" padding="sm">
                <Text size="xs" c="dimmed">
                  {t(`payments.receivables.${b}`)}
                </Text>
                <Text fw={700}>{formatMoney(data.data.totals[b], locale)}</Text>
              </Card>
            ))}
            <Card withBorder radius="md" padding="sm">
              <Text size="xs" c="dimmed">
                {t('payments.receivables.balance')}
              </Text>
              <Text fw={700}>{formatMoney(data.data.totals.balanceCents, locale)}</Text>
            </Card>
          </SimpleGrid>
          {data.data.items.length === 0 ? (
            <Text c="dimmed">{t('payments.receivables.empty')}</Text>
          ) : (
            <ResponsiveTable
              columns={columns}
              rows={data.data.items}
              rowKey={(r) => r.partyId}
              minWidth={900}
              data-testid="receivables-table"
            />
          )}
        </>
      )}
      {refunding && (
        <CustomerAdvancesModal
          partyId={refunding.partyId}
          partyName={refunding.partyName}
          onClose={() => setRefunding(null)}
        />
      )}
    </Stack>
  );
}
