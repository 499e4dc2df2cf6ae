import { Anchor, Button, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import {
  RECEIPT_FISCAL_STATUSES,
  RECEIPT_METHODS,
  RECEIPT_STATUSES,
  type SaleReceiptListItem,
} from '@servix/server/modules/receipts/receipts.schema';
import { IconCashRegister } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFiscalWorkstations } from '../../api/fiscal';
import { receiptsKey } from '../../api/receipts';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { FiscalStatusBadge, ReceiptStatusBadge } from './receipt-badges';

/** The sale receipts: number, date, status, fiscal state, customer, order, amount; search, filters and CSV. */
export function ReceiptsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const list = useListState({
    filters: ['status', 'fiscalStatus', 'method', 'source', 'siteId', 'workstationId'] as const,
    defaultSort: '-createdAt',
  });
  const result = usePagedList<SaleReceiptListItem>(receiptsKey, '/sale-receipts', list.query);
  // The sites and workstations to filter by (FIS-05 mandatory reports, ADR 0041); none until a device is set up.
  const workstations = useFiscalWorkstations().data?.items ?? [];
  const sites = [...new Map(workstations.map((w) => [w.siteId, w.siteName])).entries()];
  const columns: Column<SaleReceiptListItem>[] = [
    {
      key: 'number',
      header: t('receipts.number'),
      sortKey: 'number',
      nowrap: true,
      phone: 'title',
      render: (r) => (
        <Anchor component={Link} to={`/sale-receipts/${r.id}`} size="sm" ff="monospace" fw={500}>
          {r.number}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('receipts.statusLabel'),
      phone: 'primary',
      render: (r) => <ReceiptStatusBadge status={r.status} />,
    },
    {
      key: 'fiscal',
      header: t('receipts.fiscalLabel'),
      phone: 'primary',
      render: (r) => <FiscalStatusBadge status={r.fiscalStatus} />,
    },
    {
      key: 'documentDate',
      header: t('receipts.date'),
      sortKey: 'documentDate',
      nowrap: true,
      phone: 'primary',
      render: (r) => formatDate(r.documentDate, locale),
    },
    {
      key: 'customer',
      header: t('receipts.customer'),
      phone: 'primary',
      render: (r) =>
        r.partyName ?? (
          <Text size="sm" c="dimmed">
            {t('receipts.walkIn')}
          </Text>
        ),
    },
    {
      key: 'order',
      header: t('receipts.order'),
      nowrap: true,
      phone: 'secondary',
      render: (r) =>
        r.orderId && r.orderNumber ? (
          <Anchor component={Link} to={`/orders/${r.orderId}`} size="sm" ff="monospace">
            {r.orderNumber}
          </Anchor>
        ) : (
          t('receipts.source.counter')
        ),
    },
    {
      key: 'where',
      header: t('fiscalSites.where'),
      phone: 'secondary',
      render: (r) =>
        r.siteName ? (
          <Text size="sm">
            {r.siteName} · {r.workstationName ?? '—'}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'operator',
      header: t('fiscalSites.operator'),
      phone: 'secondary',
      render: (r) => r.operatorName ?? '—',
    },
    {
      key: 'method',
      header: t('receipts.methodLabel'),
      phone: 'secondary',
      render: (r) => t(`receipts.method.${r.method}`),
    },
    {
      key: 'total',
      header: t('receipts.total'),
      sortKey: 'totalCents',
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (r) => formatMoney(r.totalCents, locale, r.currency),
    },
  ];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('receipts.list.title')}
        description={t('receipts.list.description')}
        actions={
          canCall(user.role, 'POST /api/v1/sale-receipts/counter-sale') && (
            <Button
              component={Link}
              to="/counter-sale"
              leftSection={<IconCashRegister size={16} />}
              data-testid="receipts-new-sale"
            >
              {t('receipts.list.newSale')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('receipts.list.searchHint')}
        filters={
          <>
            <FilterSelect
              list={list}
              name="status"
              label={t('receipts.statusLabel')}
              placeholder={t('receipts.list.allStatuses')}
              data={RECEIPT_STATUSES.map((s) => ({ value: s, label: t(`receipts.status.${s}`) }))}
            />
            <FilterSelect
              list={list}
              name="fiscalStatus"
              label={t('receipts.fiscalLabel')}
              placeholder={t('receipts.list.allFiscal')}
              data={RECEIPT_FISCAL_STATUSES.map((s) => ({ value: s, label: t(`receipts.fiscal.${s}`) }))}
              w={250}
            />
            <FilterSelect
              list={list}
              name="method"
              label={t('receipts.methodLabel')}
              placeholder={t('receipts.list.allMethods')}
              data={RECEIPT_METHODS.map((m) => ({ value: m, label: t(`receipts.method.${m}`) }))}
              w={240}
            />
            <FilterSelect
              list={list}
              name="source"
              label={t('receipts.sourceLabel')}
              placeholder={t('receipts.list.allSources')}
              data={(['order', 'counter'] as const).map((s) => ({
                value: s,
                label: t(`receipts.source.${s}`),
              }))}
              w={220}
            />
            {sites.length > 0 && (
              <FilterSelect
                list={list}
                name="siteId"
                label={t('fiscalSites.filterSite')}
                placeholder={t('receipts.list.allSites')}
                data={sites.map(([value, label]) => ({ value, label }))}
                w={220}
              />
            )}
            {workstations.length > 0 && (
              <FilterSelect
                list={list}
                name="workstationId"
                label={t('fiscalSites.filterWorkstation')}
                placeholder={t('receipts.list.allWorkstations')}
                data={workstations.map((w) => ({ value: w.id, label: `${w.siteName} · ${w.name}` }))}
                w={260}
              />
            )}
          </>
        }
        exportPath="/sale-receipts"
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `/sale-receipts/${r.id}`}
        minWidth={900}
        data-testid="receipts-table"
        empty={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('receipts.list.empty')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('receipts.list.hint')}
            </Text>
          </Stack>
        }
      />
    </Stack>
  );
}
