import { Anchor, MultiSelect, Stack, Text } from '@mantine/core';
import { PAYMENT_STATES } from '@servix/server/kernel/payment-state';
import {
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceListItem,
} from '@servix/server/modules/sales/sales.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { invoicesKey } from '../../api/invoices';
import { currentLocale } from '../../i18n';
import {
  type Column,
  FilterSelect,
  type ListState,
  ListView,
  useListState,
  usePagedList,
} from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { PaymentStateBadge } from '../payments/payment-state-badge';
import { InvoiceKindBadge, InvoiceStatusBadge } from './invoice-badges';
import { saleDocumentColumns } from './sale-document-columns';

type Filter = 'status' | 'kind' | 'paymentState';

function KindFilter({ list }: { list: ListState<Filter> }) {
  const { t } = useTranslation();
  const value = list.filters.kind?.split(',').filter(Boolean) ?? [];
  return (
    <MultiSelect
      aria-label={t('invoices.kindLabel')}
      placeholder={value.length ? undefined : t('invoices.list.allKinds')}
      data={INVOICE_KINDS.map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))}
      value={value}
      onChange={(v) => list.setFilter('kind', v.join(','))}
      clearable
      w={{ base: '100%', sm: 300 }}
      data-testid="invoice-kind-filter"
    />
  );
}

function StatusFilter({ list }: { list: ListState<Filter> }) {
  const { t } = useTranslation();
  const value = list.filters.status?.split(',').filter(Boolean) ?? [];
  return (
    <MultiSelect
      aria-label={t('invoices.statusLabel')}
      placeholder={value.length ? undefined : t('invoices.list.allStatuses')}
      data={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))}
      value={value}
      onChange={(v) => list.setFilter('status', v.join(','))}
      clearable
      w={{ base: '100%', sm: 300 }}
      data-testid="invoice-status-filter"
    />
  );
}

/** The invoices: number, status, dates, recipient, order, total; search, status filter and CSV export. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState({
    filters: ['status', 'kind', 'paymentState'] as const,
    defaultSort: '-createdAt',
  });
  const result = usePagedList<InvoiceListItem>(invoicesKey, '/invoices', list.query);
  const columns: Column<InvoiceListItem>[] = [
    {
      key: 'number',
      header: t('invoices.number'),
      sortKey: 'number',
      nowrap: true,
      phone: 'title',
      render: (i) => (
        <Anchor component={Link} to={`/invoices/${i.id}`} size="sm" ff="monospace" fw={500}>
          {i.number ?? t('invoices.status.draft')}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('invoices.kindLabel'),
      phone: 'primary',
      render: (i) => <InvoiceKindBadge kind={i.kind} />,
    },
    {
      key: 'status',
      header: t('invoices.statusLabel'),
      phone: 'primary',
      render: (i) => <InvoiceStatusBadge status={i.status} />,
    },
    {
      key: 'paymentState',
      header: t('payments.stateLabel'),
      phone: 'primary',
      render: (i) => <PaymentStateBadge state={i.paymentState} />,
    },
    ...saleDocumentColumns<InvoiceListItem>(t, locale),
  ];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t('invoices.list.title')} description={t('invoices.list.description')} />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('invoices.list.searchHint')}
        filters={
          <>
            <StatusFilter list={list} />
            <KindFilter list={list} />
            <FilterSelect
              list={list}
              name="paymentState"
              label={t('payments.stateLabel')}
              placeholder={t('payments.allStates')}
              data={PAYMENT_STATES.map((s) => ({ value: s, label: t(`payments.state.${s}`) }))}
            />
          </>
        }
        exportPath="/invoices"
        columns={columns}
        rowKey={(i) => i.id}
        rowHref={(i) => `/invoices/${i.id}`}
        minWidth={860}
        data-testid="invoices-table"
        empty={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('invoices.list.empty')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('invoices.list.hint')}
            </Text>
          </Stack>
        }
      />
    </Stack>
  );
}
