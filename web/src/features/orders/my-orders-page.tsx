import { Alert, Stack, Text } from '@mantine/core';
import type { OrderListItem } from '@servix/server/modules/orders/orders.schema';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ordersKey } from '../../api/orders';
import { ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { LoadError, PageLoader } from '../../ui/states';
import { useOrderColumns } from './orders-page';

/** The signed-in technician's open orders, oldest first: what to work on today. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const columns = useOrderColumns().map((c) => ({ ...c, sortKey: undefined }));
  const mine = useQuery({
    queryKey: [...ordersKey, 'mine'],
    queryFn: () => api.get<{ items: OrderListItem[] } | OrderListItem[]>('/service-orders/mine'),
  });
  const rows = mine.data ? (Array.isArray(mine.data) ? mine.data : mine.data.items) : [];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t('orders.mine.title')} description={t('orders.mine.description')} />
      {mine.isPending ? (
        <PageLoader />
      ) : mine.isError ? (
        mine.error instanceof ApiError && mine.error.status === 409 ? (
          <Alert color="gray">{t('orders.mine.notTechnician')}</Alert>
        ) : (
          <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
        )
      ) : (
        <ResponsiveTable
          framed
          columns={columns}
          rows={rows}
          rowKey={(o) => o.id}
          rowHref={(o) => `/orders/${o.id}`}
          minWidth={1000}
          data-testid="my-orders"
          empty={
            <Text size="sm" c="dimmed">
              {t('orders.mine.empty')}
            </Text>
          }
        />
      )}
    </Stack>
  );
}
