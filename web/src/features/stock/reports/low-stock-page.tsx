import { Anchor, Badge, Card, Center, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { LowStockGroup } from '@servix/server/modules/stock/stock.schema';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSeesStockCosts } from '../../../app/fields';
import { currentLocale } from '../../../i18n';
import { ExportCsvButton } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { LoadError, PageLoader } from '../../../ui/states';
import { useLowStock } from './queries';
import { NumTd, NumTh, PartCodeLink, useMoney, useQuantity } from './report-parts';

function SupplierGroup({ group }: { group: LowStockGroup }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
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
      <Table.ScrollContainer minWidth={costs ? 960 : 840}>
        <Table verticalSpacing="xs" horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.reports.partCode')}</Table.Th>
              <Table.Th miw={180}>{t('stock.reports.partName')}</Table.Th>
              <NumTh wrap>{t('stock.reports.minStock')}</NumTh>
              <NumTh wrap>{t('stock.reports.onHand')}</NumTh>
              <NumTh wrap>{t('stock.reports.reserved')}</NumTh>
              <NumTh wrap>{t('stock.reports.available')}</NumTh>
              <NumTh wrap>{t('stock.reports.low.suggested')}</NumTh>
              {costs && <NumTh wrap>{t('stock.reports.low.lastCost')}</NumTh>}
              <NumTh wrap>{t('stock.reports.low.lastReceipt')}</NumTh>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.parts.map((p) => (
              <Table.Tr key={p.partId}>
                <Table.Td>
                  <PartCodeLink partId={p.partId} code={p.partCode} />
                </Table.Td>
                <Table.Td>{p.partName}</Table.Td>
                <NumTd>{quantity(p.minStockMilli)}</NumTd>
                <NumTd>{quantity(p.onHandMilli)}</NumTd>
                <NumTd>{quantity(p.reservedMilli)}</NumTd>
                <NumTd>
                  <Text span size="sm" c="red.7" fw={600}>
                    {quantity(p.availableMilli)}
                  </Text>
                </NumTd>
                <NumTd>
                  <Text span size="sm" fw={700}>
                    {quantity(p.suggestedMilli)}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {p.unit}
                  </Text>
                </NumTd>
                {costs && (
                  <NumTd>
                    {p.lastUnitCostCents === null || p.lastUnitCostCents === undefined
                      ? '—'
                      : money(p.lastUnitCostCents)}
                  </NumTd>
                )}
                <NumTd>{p.lastReceiptDate ? formatDate(p.lastReceiptDate, locale) : '—'}</NumTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
