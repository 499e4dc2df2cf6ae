import { Anchor, Stack, Text } from '@mantine/core';
import { PURCHASE_REQUEST_STATUSES } from '@servix/server/modules/purchasing/purchasing.lifecycle';
import type { PurchaseRequestListItem } from '@servix/server/modules/purchasing/purchasing.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePartyOptions } from '../../api/parties';
import { purchaseRequestsKey } from '../../api/purchasing';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../ui/format';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { RequestStatusBadge } from './status-badge';

/** The purchase requests, by supplier and status (cards on a phone). */
export function PurchaseRequestsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState({ filters: ['status', 'supplierId'] as const, defaultSort: '-createdAt' });
  const result = usePagedList<PurchaseRequestListItem>(purchaseRequestsKey, '/purchase-requests', list.query);
  const [q] = useState('');
  const suppliers = usePartyOptions(q, 'supplier').data?.items ?? [];

  const columns: Column<PurchaseRequestListItem>[] = [
    {
      key: 'number',
      header: t('purchasing.number'),
      sortKey: 'number',
      phone: 'title',
      nowrap: true,
      render: (r) => (
        <Anchor component={Link} to={`/stock/purchase-requests/${r.id}`} size="sm" ff="monospace" fw={500}>
          {r.number}
        </Anchor>
      ),
    },
    {
      key: 'supplier',
      header: t('purchasing.supplier'),
      sortKey: 'supplier',
      phone: 'primary',
      render: (r) =>
        r.supplierName ?? (
          <Text size="sm" c="orange">
            {t('purchasing.noSupplier')}
          </Text>
        ),
    },
    {
      key: 'status',
      header: t('purchasing.statusLabel'),
      sortKey: 'status',
      phone: 'primary',
      nowrap: true,
      render: (r) => <RequestStatusBadge status={r.status} />,
    },
    {
      key: 'lines',
      header: t('purchasing.lines'),
      phone: 'secondary',
      align: 'right',
      render: (r) => r.lineCount,
    },
    {
      key: 'orders',
      header: t('purchasing.orders'),
      phone: 'secondary',
      align: 'right',
      render: (r) => r.orderCount,
    },
    {
      key: 'created',
      header: t('purchasing.created'),
      sortKey: 'createdAt',
      phone: 'secondary',
      nowrap: true,
      render: (r) => formatInstant(r.createdAt, locale),
    },
    {
      key: 'sent',
      header: t('purchasing.sent'),
      phone: 'secondary',
      nowrap: true,
      render: (r) => (r.sentAt ? formatInstant(r.sentAt, locale) : '—'),
    },
  ];

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('purchasing.title')} description={t('purchasing.description')} />
      <ListView
        list={list}
        result={result}
        filters={
          <>
            <FilterSelect
              list={list}
              name="status"
              label={t('purchasing.statusLabel')}
              placeholder={t('purchasing.allStatuses')}
              data={PURCHASE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`purchasing.status.${s}`) }))}
              w={170}
            />
            <FilterSelect
              list={list}
              name="supplierId"
              label={t('purchasing.supplier')}
              placeholder={t('purchasing.allSuppliers')}
              data={suppliers.map((p) => ({ value: p.id, label: p.name }))}
              w={230}
            />
          </>
        }
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `/stock/purchase-requests/${r.id}`}
        minWidth={860}
        data-testid="purchase-requests-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('purchasing.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
