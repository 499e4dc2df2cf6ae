import { Anchor, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type StockDocumentListItem,
} from '@servix/server/modules/stock/stock.schema';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stockDocumentsKey, useWarehouseOptions } from '../../../api/stock';
import { canCall } from '../../../app/access';
import { useSeesStockCosts } from '../../../app/fields';
import { useSession } from '../../../app/session';
import { currentLocale } from '../../../i18n';
import {
  type Column,
  FilterDate,
  FilterSelect,
  ListView,
  useListState,
  usePagedList,
} from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { DocumentStatusBadge } from './document-badges';
import { isSupplierReturn } from './document-view';

/** "New document" with the five kinds a storekeeper drafts. */
export function NewDocumentMenu() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button leftSection={<IconPlus size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('stock.docs.new')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {DOCUMENT_TYPES.map((type) => (
          <Menu.Item key={type} component={Link} to={`/stock/documents/new?type=${type}`}>
            {t(`stock.docs.newType.${type}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function StockDocumentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const canCreate = canCall(user.role, 'POST /api/v1/stock/documents');
  const costs = useSeesStockCosts();
  const list = useListState({
    filters: ['type', 'status', 'warehouseId', 'from', 'to'] as const,
    defaultSort: '-documentDate',
  });
  const result = usePagedList<StockDocumentListItem>(stockDocumentsKey, '/stock/documents', list.query);
  const warehouses = useWarehouseOptions().data ?? [];

  const columns: Column<StockDocumentListItem>[] = [
    {
      key: 'number',
      header: t('stock.docs.number'),
      sortKey: 'number',
      nowrap: true,
      render: (d) => (
        <Anchor component={Link} to={`/stock/documents/${d.id}`} size="sm" ff="monospace" fw={500}>
          {d.number ?? t('stock.docs.noNumber')}
        </Anchor>
      ),
    },
    {
      key: 'type',
      phone: 'primary',
      header: t('stock.docs.documentType'),
      render: (d) => (
        <Group gap={6}>
          <Text size="sm">
            {isSupplierReturn(d) ? t('stock.docs.supplierReturnType') : t(`stock.docs.type.${d.type}`)}
          </Text>
          {d.reversalOfId && (
            <Badge size="xs" color="grape" variant="light">
              {t('stock.docs.reversal')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'date',
      phone: 'primary',
      header: t('stock.docs.date'),
      sortKey: 'documentDate',
      nowrap: true,
      render: (d) => formatDate(d.documentDate, locale),
    },
    {
      key: 'warehouse',
      phone: 'secondary',
      header: t('stock.docs.warehouse'),
      render: (d) => (
        <Text size="sm">
          {d.warehouseName}
          {d.toWarehouseName && ` → ${d.toWarehouseName}`}
        </Text>
      ),
    },
    {
      key: 'counterparty',
      phone: 'secondary',
      header: t('stock.docs.counterparty'),
      render: (d) => (
        <Text size="sm" lineClamp={1}>
          {d.supplierName
            ? [d.supplierName, d.supplierDocNumber && `№ ${d.supplierDocNumber}`].filter(Boolean).join(' · ')
            : (d.reason ?? '—')}
        </Text>
      ),
    },
    {
      key: 'lines',
      phone: 'secondary',
      header: t('stock.docs.lineCount'),
      align: 'right',
      render: (d) => d.lineCount,
    },
    ...(costs
      ? [
          {
            key: 'value',
            phone: 'primary',
            header: t('stock.docs.value'),
            sortKey: 'totalValueCents',
            align: 'right',
            nowrap: true,
            render: (d) =>
              (d.status === 'draft' && d.type !== 'receipt') || d.totalValueCents === undefined
                ? '—'
                : formatMoney(d.totalValueCents, locale),
          } satisfies Column<StockDocumentListItem>,
        ]
      : []),
    {
      key: 'status',
      phone: 'primary',
      header: t('stock.docs.statusLabel'),
      nowrap: true,
      render: (d) => <DocumentStatusBadge status={d.status} />,
    },
  ];

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('stock.docs.title')}
        description={t('stock.docs.description')}
        actions={canCreate && <NewDocumentMenu />}
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('stock.docs.searchHint')}
        filters={
          <>
            <FilterSelect
              list={list}
              name="type"
              label={t('stock.docs.documentType')}
              placeholder={t('stock.docs.allTypes')}
              data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`stock.docs.type.${type}`) }))}
              w={190}
            />
            <FilterSelect
              list={list}
              name="status"
              label={t('stock.docs.statusLabel')}
              placeholder={t('stock.docs.allStatuses')}
              data={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`stock.docs.status.${s}`) }))}
              w={170}
            />
            <FilterSelect
              list={list}
              name="warehouseId"
              label={t('stock.docs.warehouse')}
              placeholder={t('stock.docs.allWarehouses')}
              data={warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))}
              w={230}
            />
            <FilterDate list={list} name="from" label={t('stock.docs.dateFrom')} />
            <FilterDate list={list} name="to" label={t('stock.docs.dateTo')} />
          </>
        }
        exportPath="/stock/documents"
        columns={columns}
        rowKey={(d) => d.id}
        rowHref={(d) => `/stock/documents/${d.id}`}
        minWidth={costs ? 1100 : 980}
        data-testid="stock-documents-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('stock.docs.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
