import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { LowStock, StockDocumentListItem, StockLevel } from '@servix/server/modules/stock/stock.schema';
import { IconFileInvoice, IconTrendingDown, IconTruck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { stockKey, useMyVans } from '../../api/stock';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import type { PageOf } from '../../ui/list';

function Tile({
  icon,
  to,
  title,
  count,
  hint,
}: {
  icon: ReactNode;
  to: string;
  title: string;
  count: number | undefined;
  hint: string;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={38} radius="md">
          {icon}
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={to} fw={600}>
            {title}
          </Anchor>
          <Text size="xl" fw={700} lh={1.2} data-testid={`stock-tile-${to}`}>
            {count ?? '…'}
          </Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * The stock at a glance on the home page: parts to reorder and drafts waiting to be posted for those who keep the
 * stock, and the own van for a technician who has one. Nothing for roles that see none of it.
 */
export function StockSummary() {
  const { t } = useTranslation();
  const { user } = useSession();
  const keeper = canCall(user.role, 'POST /api/v1/stock/documents');
  const low = useQuery({
    queryKey: [...stockKey, 'low', 'summary'],
    enabled: keeper,
    queryFn: () => api.get<LowStock>('/stock/low'),
  });
  const drafts = useQuery({
    queryKey: [...stockKey, 'documents', 'drafts'],
    enabled: keeper,
    queryFn: () =>
      api.get<PageOf<StockDocumentListItem>>('/stock/documents', { status: 'draft', pageSize: 1 }),
  });
  const van = useMyVans().data?.[0];
  const vanLevels = useQuery({
    queryKey: [...stockKey, 'levels', 'van-summary', van?.id],
    enabled: van !== undefined,
    queryFn: () => api.get<PageOf<StockLevel>>('/stock/levels', { warehouseId: van?.id, pageSize: 1 }),
  });
  if (!keeper && !van) return null;
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        {t('stock.summary.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {van && (
          <Tile
            icon={<IconTruck size={20} stroke={1.6} />}
            to={`/stock/levels?warehouseId=${van.id}`}
            title={t('stock.summary.myVan', { code: van.code })}
            count={vanLevels.data?.total}
            hint={t('stock.summary.myVanHint')}
          />
        )}
        {keeper && (
          <Tile
            icon={<IconTrendingDown size={20} stroke={1.6} />}
            to="/stock/low"
            title={t('stock.nav.low')}
            count={low.data?.partCount}
            hint={t('stock.summary.lowHint')}
          />
        )}
        {keeper && (
          <Tile
            icon={<IconFileInvoice size={20} stroke={1.6} />}
            to="/stock/documents?status=draft"
            title={t('stock.summary.drafts')}
            count={drafts.data?.total}
            hint={t('stock.summary.draftsHint')}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
