import { Alert, Anchor, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Item } from '@servix/server/modules/items/items.schema';
import {
  IconAlertTriangle,
  IconCash,
  IconCircleCheck,
  IconShieldCheck,
  IconShieldOff,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntakeCheck } from '../../api/orders';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';

function Row({
  icon,
  color,
  title,
  children,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <ThemeIcon variant="light" color={color} size="md" radius="xl">
        {icon}
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {children}
      </Stack>
    </Group>
  );
}

/**
 * The intake check, shown as soon as the customer or the item is known: the manufacturer's warranty (until when),
 * the shop's warranty of earlier repairs (which part or labour), and the customer's overdue money.
 */
export function IntakeCheckPanel({
  partyId,
  itemId,
  item,
}: {
  partyId: string | null;
  itemId: string | null;
  item: Item | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const check = useIntakeCheck({ partyId, itemId });
  const data = check.data;
  return (
    <SectionCard title={t('orders.check.title')} action={check.isFetching ? <Loader size={14} /> : undefined}>
      {!partyId && !itemId ? (
        <Text size="sm" c="dimmed">
          {t('orders.check.waiting')}
        </Text>
      ) : (
        <Stack gap="md" data-testid="intake-check" aria-live="polite">
          {itemId && (
            <ManufacturerWarranty warranty={data?.warranty ?? item?.warranty ?? null} locale={locale} />
          )}
          {itemId && data && (
            <Row
              icon={<IconShieldCheck size={16} />}
              color={data.shopWarranty.length > 0 ? 'green' : 'gray'}
              title={t('orders.check.shop')}
            >
              {data.shopWarranty.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('orders.check.shopNone')}
                </Text>
              ) : (
                data.shopWarranty.map((w) => (
                  <Text size="sm" key={w.id} data-testid="shop-warranty">
                    {t('orders.check.shopRecord', {
                      what: `${t(`orders.warranty.kind.${w.kind}`)}: ${w.description ?? ''}${w.serial ? ` № ${w.serial}` : ''}`,
                      date: formatDate(w.validUntil, locale),
                      order: w.orderNumber,
                    })}
                  </Text>
                ))
              )}
            </Row>
          )}
          {itemId && data && data.openOrders.length > 0 && (
            <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="open-orders">
              {t('orders.check.openOrders')}{' '}
              {data.openOrders.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/orders/${o.id}`} size="sm" tabIndex={-1}>
                    {o.number}
                  </Anchor>{' '}
                  ({t(`orders.status.${o.status}`)})
                </span>
              ))}
            </Alert>
          )}
          {partyId && data && (
            <Row
              icon={<IconCash size={16} />}
              color={data.overdueCents > 0 ? 'red' : 'gray'}
              title={t('orders.check.overdue')}
            >
              {data.overdueCents > 0 ? (
                <Alert
                  color={data.overduePolicy === 'refuse' ? 'red' : 'orange'}
                  p="xs"
                  icon={<IconAlertTriangle size={16} />}
                >
                  {t(
                    data.overduePolicy === 'refuse'
                      ? 'orders.check.overdueRefuse'
                      : 'orders.check.overdueWarn',
                    {
                      amount: formatMoney(data.overdueCents, locale),
                    },
                  )}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('orders.check.overdueNone')}
                </Text>
              )}
            </Row>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}

function ManufacturerWarranty({
  warranty,
  locale,
}: {
  warranty: { underWarranty: boolean; warrantyEnd: string | null } | null;
  locale: 'bg' | 'en';
}) {
  const { t } = useTranslation();
  if (!warranty) return null;
  const { underWarranty, warrantyEnd } = warranty;
  return (
    <Row
      icon={underWarranty ? <IconCircleCheck size={16} /> : <IconShieldOff size={16} />}
      color={underWarranty ? 'green' : 'gray'}
      title={t('orders.check.manufacturer')}
    >
      <Text size="sm" data-testid="manufacturer-warranty" c={underWarranty ? 'green.8' : undefined}>
        {underWarranty && warrantyEnd
          ? t('orders.check.manufacturerUntil', { date: formatDate(warrantyEnd, locale) })
          : warrantyEnd
            ? t('orders.check.manufacturerEnded', { date: formatDate(warrantyEnd, locale) })
            : t('orders.check.manufacturerNone')}
      </Text>
    </Row>
  );
}
