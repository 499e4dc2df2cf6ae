import { Accordion, Button, Card, Group, Stack, Text } from '@mantine/core';
import { todayDate } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import type { Valuation } from '@servix/server/modules/stock/stock.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { ExportCsvButton, ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { useIsPhone } from '../../../ui/phone';
import { LoadError, PageLoader } from '../../../ui/states';
import { useValuation } from './queries';
import { NUMERIC, PartCodeLink, useMoney, useQuantity, WarehouseSelect } from './report-parts';

type WarehouseValue = Valuation['warehouses'][number];

/** Parts of a warehouse shown at a time; the warehouse's total stays the whole warehouse's. */
const PAGE_SIZE = 50;

function WarehouseParts({ warehouse }: { warehouse: WarehouseValue }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const money = useMoney();
  const phone = useIsPhone();
  return (
    // Fixed columns: the tables of all warehouses line up under each other.
    <ResponsiveTable
      fixedLayout
      minWidth={640}
      pageSize={PAGE_SIZE}
      rows={warehouse.parts}
      rowKey={(p) => p.partId}
      totals={{ label: t('stock.reports.total'), cells: { value: money(warehouse.valueCents) } }}
      columns={[
        {
          key: 'code',
          header: t('stock.reports.partCode'),
          width: 210,
          phone: 'primary',
          nowrap: true,
          render: (p) => (
            <PartCodeLink
              partId={p.partId}
              code={p.partCode}
              search={`?warehouseId=${encodeURIComponent(warehouse.warehouseId)}`}
            />
          ),
        },
        { key: 'name', header: t('stock.reports.partName'), phone: 'title', render: (p) => p.partName },
        {
          key: 'quantity',
          header: t('stock.reports.quantity'),
          width: 120,
          align: 'right',
          phone: 'primary',
          render: (p) => (
            <span style={NUMERIC}>
              {quantity(p.quantityMilli)}
              {phone ? ` ${p.unit}` : ''}
            </span>
          ),
        },
        {
          key: 'unit',
          header: t('stock.reports.unit'),
          width: 80,
          phone: 'hidden',
          render: (p) => (
            <Text span c="dimmed" inherit>
              {p.unit}
            </Text>
          ),
        },
        {
          key: 'value',
          header: t('stock.reports.value'),
          width: 140,
          align: 'right',
          phone: 'primary',
          render: (p) => <span style={NUMERIC}>{money(p.valueCents)}</span>,
        },
      ]}
    />
  );
}

export function ValuationPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = useMoney();
  const [params, setParams] = useSearchParams();
  const today = todayDate();
  const date = params.get('date') || today;
  const warehouseId = params.get('warehouseId') || undefined;
  const setParam = (name: 'date' | 'warehouseId', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && !(name === 'date' && value === today)) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const valuation = useValuation(date, warehouseId);
  // Every warehouse starts open; the user folds away the ones they are done with.
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const ids = valuation.data?.warehouses.map((w) => w.warehouseId) ?? [];
  const open = ids.filter((id) => !collapsed.includes(id));

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('stock.reports.valuation.title')}
        description={t('stock.reports.valuation.description')}
        actions={<ExportCsvButton path="/stock/valuation" query={{ date, warehouseId }} />}
      />
      <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
        <DateField
          label={t('stock.reports.valuation.date')}
          value={date}
          onChange={(v) => setParam('date', v)}
          w={180}
        />
        <WarehouseSelect
          label={t('stock.reports.warehouse')}
          value={warehouseId}
          onChange={(v) => setParam('warehouseId', v)}
        />
      </Group>
      {valuation.isPending && <PageLoader />}
      {valuation.isError && <LoadError error={valuation.error} onRetry={() => void valuation.refetch()} />}
      {valuation.data && (
        <Stack gap="md" style={{ opacity: valuation.isPlaceholderData ? 0.6 : 1 }}>
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" align="flex-end">
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('stock.reports.valuation.total')} · {formatDate(valuation.data.date, locale)}
                </Text>
                <Text fz={28} fw={700} style={NUMERIC} data-testid="valuation-total">
                  {money(valuation.data.totalValueCents)}
                </Text>
              </Stack>
              {ids.length > 1 && (
                <Button variant="subtle" size="xs" onClick={() => setCollapsed(open.length > 0 ? ids : [])}>
                  {open.length > 0
                    ? t('stock.reports.valuation.collapseAll')
                    : t('stock.reports.valuation.expandAll')}
                </Button>
              )}
            </Group>
          </Card>
          {valuation.data.warehouses.length === 0 ? (
            <Card withBorder radius="md" padding="xl">
              <Text size="sm" c="dimmed" ta="center">
                {t('stock.reports.valuation.empty')}
              </Text>
            </Card>
          ) : (
            <Accordion
              multiple
              variant="separated"
              radius="md"
              value={open}
              onChange={(next) => setCollapsed(ids.filter((id) => !next.includes(id)))}
            >
              {valuation.data.warehouses.map((w) => (
                <Accordion.Item key={w.warehouseId} value={w.warehouseId}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" pr="sm">
                      <Text size="sm" fw={600}>
                        <Text span inherit ff="monospace">
                          {w.warehouseCode}
                        </Text>{' '}
                        {w.warehouseName}
                        <Text span size="xs" c="dimmed" fw={400} ml="xs">
                          {t('stock.reports.valuation.parts', { count: w.parts.length })}
                        </Text>
                      </Text>
                      <Text size="sm" fw={600} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
                        {money(w.valueCents)}
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <WarehouseParts warehouse={w} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </Stack>
      )}
    </Stack>
  );
}
