import { Anchor, Button, MultiSelect, Stack, Text } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import { ORDER_STATUSES } from '@servix/server/modules/orders/orders.lifecycle';
import type { OrderListItem } from '@servix/server/modules/orders/orders.schema';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ordersKey } from '../../api/orders';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import {
  type Column,
  FilterSelect,
  FilterSwitch,
  type ListState,
  ListView,
  useListState,
  usePagedList,
} from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { formatPhone } from '../../ui/phone-number';
import { OrderFlags, OrderStatusBadge, useAge } from './order-badges';
import { useTechnicianOptions } from './technician-options';

/** The columns every order list shares: the open repairs and "my orders". */
export function useOrderColumns(): Column<OrderListItem>[] {
  const { t } = useTranslation();
  const locale = currentLocale();
  const age = useAge();
  return [
    {
      key: 'number',
      header: t('orders.number'),
      sortKey: 'number',
      nowrap: true,
      phone: 'title',
      render: (o) => (
        <Anchor component={Link} to={`/orders/${o.id}`} size="sm" ff="monospace" fw={500}>
          {o.number}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('orders.statusLabel'),
      sortKey: 'status',
      phone: 'primary',
      render: (o) => (
        <Stack gap={4} align="flex-start">
          <OrderStatusBadge status={o.status} />
          <OrderFlags status={o.status} overdue={o.overdue} partsArrived={o.partsArrivedAt !== null} />
        </Stack>
      ),
    },
    {
      key: 'customer',
      header: t('orders.customer'),
      phone: 'primary',
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm">{o.customerName}</Text>
          {o.customerPhone && (
            <Text size="xs" c="dimmed">
              {formatPhone(o.customerPhone)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'item',
      header: t('orders.item'),
      phone: 'primary',
      render: (o) => (
        <Text size="sm" lineClamp={2}>
          {o.itemLabel}
        </Text>
      ),
    },
    {
      key: 'age',
      header: t('orders.age'),
      sortKey: 'receivedAt',
      nowrap: true,
      phone: 'secondary',
      render: (o) => age(o.receivedAt),
    },
    {
      key: 'technician',
      header: t('orders.technician'),
      phone: 'secondary',
      render: (o) => o.technicianName ?? '—',
    },
    {
      key: 'promised',
      header: t('orders.promisedDate'),
      sortKey: 'promisedDate',
      nowrap: true,
      phone: 'secondary',
      render: (o) => (o.promisedDate ? formatDate(o.promisedDate, locale) : '—'),
    },
  ];
}

type Filter = 'status' | 'technicianId' | 'overdue';

/** Status filter of several values, kept in the URL as "a,b" (the server takes it so). */
function StatusFilter({ list }: { list: ListState<Filter> }) {
  const { t } = useTranslation();
  const value = list.filters.status?.split(',').filter(Boolean) ?? [];
  return (
    <MultiSelect
      aria-label={t('orders.statusLabel')}
      placeholder={value.length ? undefined : t('orders.list.allStatuses')}
      data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
      value={value}
      onChange={(v) => list.setFilter('status', v.join(','))}
      clearable
      w={{ base: '100%', sm: 300 }}
    />
  );
}

/** The open repairs: status, age, technician, overdue; filters, search and CSV. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const state = useListState({
    filters: ['status', 'technicianId', 'overdue'] as const,
    defaultSort: 'receivedAt',
  });
  const technicians = useTechnicianOptions();
  const columns = useOrderColumns();
  // Without a status chosen, the list is of the orders still open (not delivered, not cancelled).
  const open = state.filters.status ? undefined : 'true';
  const list = { ...state, query: { ...state.query, open }, exportQuery: { ...state.exportQuery, open } };
  const result = usePagedList<OrderListItem>(ordersKey, '/service-orders', list.query);
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('orders.list.title')}
        description={t('orders.list.description')}
        actions={
          canCall(user.role, 'POST /api/v1/service-orders') && (
            <Button component={Link} to="/orders/new" leftSection={<IconPlus size={16} />}>
              {t('orders.list.newOrder')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('orders.list.searchHint')}
        filters={
          <>
            <StatusFilter list={list} />
            <FilterSelect
              list={list}
              name="technicianId"
              label={t('orders.technician')}
              placeholder={t('orders.list.allTechnicians')}
              data={technicians}
              w={200}
            />
            <FilterSwitch list={list} name="overdue" label={t('orders.list.onlyOverdue')} />
          </>
        }
        exportPath="/service-orders"
        columns={columns}
        rowKey={(o) => o.id}
        rowHref={(o) => `/orders/${o.id}`}
        minWidth={1000}
        data-testid="orders-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('orders.list.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
