import { Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { PublicOrder } from '@servix/server/modules/orders/orders.schema';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { currentLocale } from '../../i18n';
import { DetailField } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { LanguageSwitch } from '../../ui/language-switch';
import { FullPageLoader, LoadError } from '../../ui/states';
import { OrderStatusBadge } from './order-badges';

/** What the customer sees behind the QR code of the intake protocol: no sign-in, only the public fields. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { token = '' } = useParams();
  const order = useQuery({
    queryKey: ['public-order', token],
    queryFn: () => api.get<PublicOrder>(`/public/orders/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (order.isPending) return <FullPageLoader />;
  return (
    <Container size={520} py="xl" px="md">
      <Stack gap="md">
        <Stack gap={0} style={{ alignSelf: 'flex-end' }}>
          <LanguageSwitch />
        </Stack>
        {order.isError ? (
          order.error instanceof ApiError && order.error.status === 404 ? (
            <Center>
              <Text c="dimmed">{t('orders.public.notFound')}</Text>
            </Center>
          ) : (
            <LoadError error={order.error} onRetry={() => void order.refetch()} />
          )
        ) : (
          <Paper withBorder radius="md" p="lg">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {order.data.companyName}
              </Text>
              <Title order={1} fz="h3">
                {t('orders.public.title')}
              </Title>
              <OrderStatusBadge status={order.data.status} size="lg" />
              <DetailField label={t('orders.public.number')} labelWidth={140}>
                {order.data.number}
              </DetailField>
              <DetailField label={t('orders.item')} labelWidth={140}>
                {order.data.itemLabel}
              </DetailField>
              <DetailField label={t('orders.public.promised')} labelWidth={140}>
                {order.data.promisedDate ? formatDate(order.data.promisedDate, locale) : '—'}
              </DetailField>
              {order.data.customerNotes && (
                <DetailField label={t('orders.public.notes')} labelWidth={140}>
                  {order.data.customerNotes}
                </DetailField>
              )}
              <DetailField label={t('orders.public.updated')} labelWidth={140}>
                {formatInstant(order.data.statusChangedAt, locale)}
              </DetailField>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
