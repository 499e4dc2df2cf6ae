import { Anchor, Badge, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { LowStockGroup } from '@servix/server/modules/stock/stock.schema';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSeesStockCosts } from '../../../app/fields';
import { currentLocale } from '../../../i18n';
import { ExportCsvButton, ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { LoadError, PageLoader } from '../../../ui/states';
import { useLowStock } from './queries';
import { PartCodeLink, useMoney, useQuantity } from './report-parts';

/** Parts of a supplier shown at a time: a shop that just imported its catalogue may have a thousand below minimum. */
const PAGE_SIZE = 50;

function SupplierGroup({ group }: { group: LowStockGroup }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
  /** A column of figures: right-aligned, whole, its long header on two lines; behind "More" on a phone. */
  const num = { align: 'right', headerWrap: true, phone: 'secondary' } as const;
  return (
    <Card withBorder radius="md" padding="md" data-testid="low-group">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('stock.reports.low.supplier')}:
          </Text>
          <Title order={3} fz="md" fw={600}>
            {group.supplierId ? (
              <Anchor component={Link} to={`/customers/${encodeURIComponent(group.supplierId)}`} inherit>
                {group.supplierName}
              </Anchor>
            ) : (
              <Text span inherit c="dimmed" fs="italic">
                {t('stock.reports.low.noSupplier')}
              </Text>
            )}
          </Title>
        </Group>
        <Badge variant="light" color="red" tt="none">
          {t('stock.reports.low.groupParts', { count: group.parts.length })}
        </Badge>
      </Group>
      <ResponsiveTable
        minWidth={costs ? 960 : 840}
        pageSize={PAGE_SIZE}
        rows={group.parts}
        rowKey={(p) => p.partId}
        columns={[
          {
            key: 'code',
            header: t('stock.reports.partCode'),
            nowrap: true,
            phone: 'primary',
            render: (p) => <PartCodeLink partId={p.partId} code={p.partCode} />,
          },
          {
            key: 'name',
            header: t('stock.reports.partName'),
            width: 180,
            phone: 'title',
            render: (p) => p.partName,
          },
          {
            ...num,
            key: 'min',
            header: t('stock.reports.minStock'),
            render: (p) => quantity(p.minStockMilli),
          },
          {
            ...num,
            key: 'onHand',
            header: t('stock.reports.onHand'),
            render: (p) => quantity(p.onHandMilli),
          },
          {
            ...num,
            key: 'reserved',
            header: t('stock.reports.reserved'),
            render: (p) => quantity(p.reservedMilli),
          },
          {
            ...num,
            key: 'available',
            header: t('stock.reports.available'),
            phone: 'primary',
            render: (p) => (
              <Text span size="sm" c="red.7" fw={600}>
                {quantity(p.availableMilli)}
              </Text>
            ),
          },
          {
            ...num,
            key: 'suggested',
            header: t('stock.reports.low.suggested'),
            phone: 'primary',
            render: (p) => (
              <>
                <Text span size="sm" fw={700}>
                  {quantity(p.suggestedMilli)}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  {p.unit}
                </Text>
              </>
            ),
          },
          costs && {
            ...num,
            key: 'lastCost',
            header: t('stock.reports.low.lastCost'),
            render: (p) =>
              p.lastUnitCostCents === null || p.lastUnitCostCents === undefined
                ? '—'
                : money(p.lastUnitCostCents),
          },
          {
            ...num,
            key: 'lastReceipt',
            header: t('stock.reports.low.lastReceipt'),
            render: (p) => (p.lastReceiptDate ? formatDate(p.lastReceiptDate, locale) : '—'),
          },
        ]}
      />
    </Card>
  );
}

export function LowStockPage() {
  const { t } = useTranslation();
  const low = useLowStock();
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('stock.reports.low.title')}
        description={t('stock.reports.low.description')}
        actions={<ExportCsvButton path="/stock/low" query={{}} />}
      />
      {low.isPending && <PageLoader />}
      {low.isError && <LoadError error={low.error} onRetry={() => void low.refetch()} />}
      {low.data && low.data.partCount === 0 && (
        <Card withBorder radius="md" padding="xl">
          <Center>
            <Group gap="xs">
              <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
              <Text size="sm" c="dimmed">
                {t('stock.reports.low.empty')}
              </Text>
            </Group>
          </Center>
        </Card>
      )}
      {low.data && low.data.partCount > 0 && (
        <Stack gap="md">
          <Text size="sm" fw={500} data-testid="low-count">
            {t('stock.reports.low.count', { count: low.data.partCount })}
          </Text>
          {low.data.groups.map((g) => (
            <SupplierGroup key={g.supplierId ?? 'none'} group={g} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
