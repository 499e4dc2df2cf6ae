import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { JournalRow, SalesJournal } from '@servix/server/modules/sales/vat-journal.schema';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { API_BASE, api } from '../../api/client';
import { currentLocale } from '../../i18n';
import { ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { useIsPhone } from '../../ui/phone';
import { LoadError, PageLoader } from '../../ui/states';

const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The last 24 months, newest first, as "ноември 2026" / "November 2026". */
function monthOptions(today: string, locale: 'bg' | 'en') {
  const format = new Intl.DateTimeFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const value = d.toISOString().slice(0, 7);
    return { value, label: format.format(d).replace(/ г\.$/, '') };
  });
}

/** The 0 % columns the journal keeps apart (02-14 … 02-17), shown here as one. */
const zeroRated = (c: JournalRow['cells']) =>
  c.base0Cents + c.base0IntraEuCents + c.base0SpecialCents + c.baseServicesEuCents;

/** „Дневник за продажбите“: the month's documents per VAT column with totals; CSV and PRODAGBI.TXT for NAP. */
export function VatJournalPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : lastMonth(todayDate()).from.slice(0, 7);
  const journal = useQuery({
    queryKey: ['vat', 'sales-journal', month],
    queryFn: () => api.get<SalesJournal>('/vat/sales-journal', { month }),
    placeholderData: keepPreviousData,
  });
  const currency = journal.data?.currency ?? 'EUR';
  const money = (c: number) => <span style={NUMERIC}>{formatMoney(c, locale, currency)}</span>;
  const totals = journal.data?.totals;
  const options = monthOptions(todayDate(), locale);
  if (!options.some((o) => o.value === month)) options.push({ value: month, label: month });

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('vatJournal.title')}
        description={t('vatJournal.description')}
        actions={
          <Group gap="xs" wrap="wrap">
            <Button
              component="a"
              href={`${API_BASE}/vat/sales-journal?month=${month}&format=csv`}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
            >
              {t('vatJournal.csv')}
            </Button>
            <Button
              component="a"
              href={`${API_BASE}/vat/sales-journal.txt?month=${month}`}
              download
              variant="default"
              title={t('vatJournal.napFileHint')}
              leftSection={<IconFileText size={16} />}
              data-testid="nap-file"
            >
              {t('vatJournal.napFile')}
            </Button>
          </Group>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap" mb="md">
        <Select
          label={t('vatJournal.month')}
          data={options}
          value={month}
          onChange={(v) => v && setParams({ month: v }, { replace: true })}
          allowDeselect={false}
          w={phone ? '100%' : 220}
          data-testid="journal-month"
        />
        {journal.data && (
          <Text size="sm" c="dimmed">
            {t('vatJournal.documents', { count: journal.data.rows.length })} ·{' '}
            {t('vatJournal.currency', { currency })}
          </Text>
        )}
      </Group>
      {journal.isPending && <PageLoader />}
      {journal.isError && <LoadError error={journal.error} onRetry={() => void journal.refetch()} />}
      {journal.data && totals && (
        <div style={{ opacity: journal.isPlaceholderData ? 0.6 : 1 }}>
          <ResponsiveTable
            framed
            rows={journal.data.rows}
            rowKey={(r) => r.invoiceId}
            rowTone={(r) => (r.cancelled ? 'dimmed' : undefined)}
            rowTestId="journal-row"
            empty={t('vatJournal.empty')}
            totals={{
              label: t('vatJournal.total'),
              cells: {
                totalBase: money(totals.totalBaseCents),
                totalVat: money(totals.totalVatCents),
                base20: money(totals.base20Cents),
                vat20: money(totals.vat20Cents),
                base9: money(totals.base9Cents),
                vat9: money(totals.vat9Cents),
                base0: money(zeroRated(totals)),
                exempt: money(totals.baseExemptCents),
              },
            }}
            columns={[
              { key: 'seq', header: t('vatJournal.seq'), width: 50, phone: 'hidden', render: (r) => r.seq },
              {
                key: 'number',
                header: t('vatJournal.number'),
                phone: 'title',
                render: (r) => (
                  <Group gap={6} wrap="nowrap">
                    <Link to={`/invoices/${r.invoiceId}`}>{r.number}</Link>
                    {r.docType !== '01' && (
                      <Badge variant="light" size="sm">
                        {t(`vatJournal.docType.${r.docType as '01' | '02' | '03'}`)}
                      </Badge>
                    )}
                    {r.cancelled && (
                      <Badge color="gray" variant="light" size="sm">
                        {t('vatJournal.cancelled')}
                      </Badge>
                    )}
                  </Group>
                ),
              },
              {
                key: 'date',
                header: t('vatJournal.date'),
                width: 110,
                phone: 'primary',
                render: (r) => formatDate(r.documentDate, locale),
              },
              {
                key: 'recipient',
                header: t('vatJournal.recipient'),
                phone: 'primary',
                render: (r) => (
                  <Stack gap={0}>
                    <span>{r.recipientName}</span>
                    <Text size="xs" c="dimmed">
                      {r.recipientId}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'totalBase',
                header: t('vatJournal.totalBase'),
                align: 'right',
                headerWrap: true,
                phone: 'primary',
                render: (r) => money(r.cells.totalBaseCents),
              },
              {
                key: 'totalVat',
                header: t('vatJournal.totalVat'),
                align: 'right',
                headerWrap: true,
                phone: 'primary',
                render: (r) => money(r.cells.totalVatCents),
              },
              {
                key: 'base20',
                header: t('vatJournal.base20'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(r.cells.base20Cents),
              },
              {
                key: 'vat20',
                header: t('vatJournal.vat20'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(r.cells.vat20Cents),
              },
              {
                key: 'base9',
                header: t('vatJournal.base9'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(r.cells.base9Cents),
              },
              {
                key: 'vat9',
                header: t('vatJournal.vat9'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(r.cells.vat9Cents),
              },
              {
                key: 'base0',
                header: t('vatJournal.base0'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(zeroRated(r.cells)),
              },
              {
                key: 'exempt',
                header: t('vatJournal.exempt'),
                align: 'right',
                headerWrap: true,
                phone: 'secondary',
                render: (r) => money(r.cells.baseExemptCents),
              },
            ]}
          />
        </div>
      )}
    </Stack>
  );
}
