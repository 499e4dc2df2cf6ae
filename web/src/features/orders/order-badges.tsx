import { Badge, Group, Tooltip } from '@mantine/core';
import type { OrderStatus } from '@servix/server/modules/orders/orders.schema';
import { IconAlarm, IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** One colour per status, the same on every list, card and the order page. */
export const STATUS_COLOR: Record<OrderStatus, string> = {
  received: 'gray',
  diagnosing: 'cyan',
  awaiting_approval: 'yellow',
  awaiting_parts: 'orange',
  in_repair: 'blue',
  ready: 'green',
  delivered: 'teal',
  cancelled: 'dark',
};

export function OrderStatusBadge({
  status,
  size = 'sm',
}: {
  status: OrderStatus;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} data-testid="order-status">
      {t(`orders.status.${status}`)}
    </Badge>
  );
}

/** "Overdue" when the order has stayed in its status longer than the settings allow; "parts arrived" when flagged. */
export function OrderFlags({
  status,
  overdue,
  partsArrived,
}: {
  status: OrderStatus;
  overdue: boolean;
  partsArrived?: boolean;
}) {
  const { t } = useTranslation();
  if (!overdue && !partsArrived) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {overdue && (
        <Tooltip label={t('orders.overdueHint', { status: t(`orders.status.${status}`) })}>
          <Badge
            color="red"
            variant="filled"
            size="sm"
            leftSection={<IconAlarm size={12} />}
            data-testid="overdue"
          >
            {t('orders.overdue')}
          </Badge>
        </Tooltip>
      )}
      {partsArrived && (
        <Badge color="grape" variant="light" size="sm" leftSection={<IconPackageImport size={12} />}>
          {t('orders.partsArrived')}
        </Badge>
      )}
    </Group>
  );
}

/** How long ago an instant was, in whole days (hours under a day): the age of an order. */
export function useAge() {
  const { t } = useTranslation();
  return (since: string, now = Date.now()) => {
    const hours = Math.max(0, Math.floor((now - Date.parse(since)) / 3_600_000));
    return hours < 24
      ? t('orders.ageHours', { count: hours })
      : t('orders.ageDays', { count: Math.floor(hours / 24) });
  };
}
