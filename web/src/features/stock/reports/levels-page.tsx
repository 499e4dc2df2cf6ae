import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { StockLevel } from '@servix/server/modules/stock/stock.schema';
import { IconAlertTriangle, IconTruck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyVans } from '../../../api/stock';
import { useSeesStockCosts } from '../../../app/fields';
import { useSession } from '../../../app/session';
import {
  type Column,
  FilterSwitch,
  ListView,
  type PhonePlace,
  useListState,
  usePagedList,
} from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { levelsKey } from './queries';
import {
  isBelowMinimum,
  NUMERIC,
  PartCodeLink,
  partCardPath,
  useMoney,
  useQuantity,
  WarehouseSelect,
} from './report-parts';

function AvailableCell({ level }: { level: StockLevel }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  if (!isBelowMinimum(level))
    return (
      <Text span size="sm" style={NUMERIC}>
        {quantity(level.availableMilli)}
      </Text>
    );
  return (
    <Tooltip label={t('stock.reports.belowMinimumOf', { min: quantity(level.minStockMilli) })}>
      <Group
        gap={4}
        wrap="nowrap"
        justify="flex-end"
        c="red.7"
        data-below-minimum="true"
        aria-label={t('stock.reports.belowMinimumOf', { min: quantity(level.minStockMilli) })}
      >
        <IconAlertTriangle size={14} aria-hidden />
        <Text span size="sm" fw={600} style={NUMERIC}>
          {quantity(level.availableMilli)}
        </Text>
      </Group>
    </Tooltip>
  );
}

export function StockLevelsPage() {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
  const list = useListState({
    filters: ['warehouseId', 'belowMinimum', 'includeEmpty'] as const,
    defaultSort: 'partCode',
  });
  const result = usePagedList<StockLevel>(levelsKey, '/stock/levels', list.query);
  const { user } = useSession();
  const myVan = useMyVans().data?.[0];
  // A technician in the field opens the screen on their van; clearing the filter shows every warehouse.
  const opened = useRef(false);
  const { setFilter } = list;
  const warehouseChosen = list.filters.warehouseId !== undefined;
  useEffect(() => {
    if (opened.current || !myVan) return;
    opened.current = true;
    if (user.role === 'technician' && !warehouseChosen) setFilter('warehouseId', myVan.id);
  }, [myVan, user.role, warehouseChosen, setFilter]);
  // Filtered by a warehouse, the card opens on that warehouse too.
  const cardSearch = list.filters.warehouseId
    ? `?warehouseId=${encodeURIComponent(list.filters.warehouseId)}`
    : '';

  const num = (
    key: string,
    header: string,
    value: (l: StockLevel) => string,
    sortKey?: string,
    phone: PhonePlace = 'secondary',
  ) =>
    ({
      key,
      header,
      sortKey,
      phone,
      align: 'right',
      nowrap: true,
      render: (l) => (
        <Text span size="sm" style={NUMERIC}>
          {value(l)}
        </Text>
      ),
    }) satisfies Column<StockLevel>;

  const columns: Column<StockLevel>[] = [
    {
      key: 'code',
      // The code opens the part's card: on a phone it stays on the card, not behind "More".
      phone: 'primary',
      header: t('stock.reports.partCode'),
      sortKey: 'partCode',
      nowrap: true,
      render: (l) => <PartCodeLink partId={l.partId} code={l.partCode} search={cardSearch} />,
    },
    {
      key: 'name',
      phone: 'title',
      header: t('stock.reports.partName'),
      sortKey: 'partName',
      render: (l) => l.partName,
    },
    {
      key: 'warehouse',
      phone: 'primary',
      header: t('stock.reports.warehouse'),
      sortKey: 'warehouse',
      nowrap: true,
      render: (l) => (
        <Tooltip label={l.warehouseCode} openDelay={300}>
          <Text span size="sm">
            {l.warehouseName}
          </Text>
        </Tooltip>
      ),
    },
    num('onHand', t('stock.reports.onHand'), (l) => quantity(l.onHandMilli), 'onHandMilli', 'primary'),
    num('reserved', t('stock.reports.reserved'), (l) => quantity(l.reservedMilli)),
    {
      key: 'available',
      phone: 'primary',
      header: t('stock.reports.available'),
      align: 'right',
      nowrap: true,
      render: (l) => <AvailableCell level={l} />,
    },
    {
      key: 'unit',
      phone: 'secondary',
      header: t('stock.reports.unit'),
      nowrap: true,
      render: (l) => (
        <Text span size="sm" c="dimmed">
          {l.unit}
        </Text>
      ),
    },
    ...(costs
      ? [
          num('avgCost', t('stock.reports.avgCost'), (l) => money(l.avgCostCents), 'avgCostCents'),
          num('value', t('stock.reports.value'), (l) => money(l.valueCents), 'valueCents'),
        ]
      : []),
  ];

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('stock.reports.levels.title')}
        description={
          costs ? t('stock.reports.levels.description') : t('stock.reports.levels.descriptionQuantities')
        }
        actions={
          myVan && (
            <Button
              variant={list.filters.warehouseId === myVan.id ? 'filled' : 'light'}
              leftSection={<IconTruck size={16} />}
              onClick={() => list.setFilter('warehouseId', myVan.id)}
            >
              {t('stock.reports.levels.myVan', { code: myVan.code })}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('stock.reports.levels.search')}
        filters={
          <>
            <WarehouseSelect
              value={list.filters.warehouseId}
              onChange={(v) => list.setFilter('warehouseId', v)}
            />
            <FilterSwitch list={list} name="belowMinimum" label={t('stock.reports.levels.belowMinimum')} />
            <FilterSwitch list={list} name="includeEmpty" label={t('stock.reports.levels.includeEmpty')} />
          </>
        }
        exportPath="/stock/levels"
        columns={columns}
        rowKey={(l) => `${l.partId}:${l.warehouseId}`}
        rowHref={(l) => `${partCardPath(l.partId)}${cardSearch}`}
        minWidth={costs ? 1080 : 860}
        data-testid="stock-levels"
        empty={
          <Text size="sm" c="dimmed">
            {t('stock.reports.levels.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
