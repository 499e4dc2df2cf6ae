import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { PartCard, PartCardMovement } from '@servix/server/modules/stock/stock.schema';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSeesStockCosts } from '../../../app/fields';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { SectionCard } from '../../../ui/detail';
import { useIsPhone } from '../../../ui/phone';
import { LoadError, NotFound, PageLoader } from '../../../ui/states';
import { Figures } from '../figures';
import { type CardFilter, usePartCard } from './queries';
import {
  documentPath,
  isBelowMinimum,
  NumTd,
  NumTh,
  SignedQuantity,
  useDocTypeLabel,
  useMoney,
  useQuantity,
  useUnitCost,
  WarehouseSelect,
} from './report-parts';

function NoLevels() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('stock.reports.card.noLevels')}
    </Text>
  );
}

function LevelsTable({ card }: { card: PartCard }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
  if (card.levels.length === 0) return <NoLevels />;
  const sum = (f: (l: PartCard['levels'][number]) => number | undefined) =>
    card.levels.reduce((s, l) => s + (f(l) ?? 0), 0);
  return (
    <Table.ScrollContainer minWidth={costs ? 720 : 480}>
      <Table verticalSpacing="xs" data-testid="card-levels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.reports.warehouse')}</Table.Th>
            <NumTh>{t('stock.reports.onHand')}</NumTh>
            <NumTh>{t('stock.reports.reserved')}</NumTh>
            <NumTh>{t('stock.reports.available')}</NumTh>
            {costs && <NumTh>{t('stock.reports.avgCost')}</NumTh>}
            {costs && <NumTh>{t('stock.reports.value')}</NumTh>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.levels.map((l) => (
            <Table.Tr key={l.warehouseId}>
              <Table.Td>
                <Text span size="sm" ff="monospace">
                  {l.warehouseCode}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  {l.warehouseName}
                </Text>
              </Table.Td>
              <NumTd>{quantity(l.onHandMilli)}</NumTd>
              <NumTd>{quantity(l.reservedMilli)}</NumTd>
              <NumTd fw={500}>{quantity(l.availableMilli)}</NumTd>
              {costs && <NumTd>{money(l.avgCostCents)}</NumTd>}
              {costs && <NumTd>{money(l.valueCents)}</NumTd>}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {card.levels.length > 1 && (
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td>{t('stock.reports.total')}</Table.Td>
              <NumTd>{quantity(sum((l) => l.onHandMilli))}</NumTd>
              <NumTd>{quantity(sum((l) => l.reservedMilli))}</NumTd>
              <NumTd>{quantity(sum((l) => l.availableMilli))}</NumTd>
              {costs && <Table.Td />}
              {costs && <NumTd>{money(sum((l) => l.valueCents))}</NumTd>}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/** A movement's signed quantity; a count that found the books right still leaves its row, said rather than a bare 0. */
function MovementQuantity({ milli }: { milli: number }) {
  const { t } = useTranslation();
  return milli === 0 ? (
    <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="no-difference">
      {t('stock.reports.card.noDifference')}
    </Text>
  ) : (
    <SignedQuantity milli={milli} />
  );
}

/** The levels on a phone: a card per warehouse, so that nothing scrolls sideways. */
function LevelCards({ card }: { card: PartCard }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
  if (card.levels.length === 0) return <NoLevels />;
  return (
    <Stack gap="xs" data-testid="card-levels">
      {card.levels.map((l) => (
        <Paper key={l.warehouseId} withBorder radius="sm" p="xs">
          <Text size="sm">
            <Text span size="sm" ff="monospace">
              {l.warehouseCode}
            </Text>{' '}
            <Text span size="sm" c="dimmed">
              {l.warehouseName}
            </Text>
          </Text>
          <Figures
            items={[
              [t('stock.reports.onHand'), quantity(l.onHandMilli)],
              [t('stock.reports.reserved'), quantity(l.reservedMilli)],
              [t('stock.reports.available'), quantity(l.availableMilli)],
              ...(costs
                ? ([
                    [t('stock.reports.avgCost'), money(l.avgCostCents)],
                    [t('stock.reports.value'), money(l.valueCents)],
                  ] as const)
                : []),
            ]}
          />
        </Paper>
      ))}
    </Stack>
  );
}

/** The movements on a phone: a card per movement with its document, quantity, value and the balance after it. */
function MovementCards({ card, filter }: { card: PartCard; filter: CardFilter }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quantity = useQuantity();
  const money = useMoney();
  const unitCost = useUnitCost();
  const costs = useSeesStockCosts();
  const typeLabel = useDocTypeLabel();
  const last = card.movements.at(-1);
  const balance = (milli: number, cents: number | undefined) =>
    costs ? `${quantity(milli)} · ${money(cents)}` : quantity(milli);
  return (
    <Stack gap="xs" data-testid="card-movements">
      {filter.from && (
        <Text size="sm" fw={500} data-testid="opening">
          {t('stock.reports.card.opening', { date: formatDate(filter.from, locale) })}:{' '}
          {balance(card.openingMilli, card.openingValueCents)}
        </Text>
      )}
      {card.movements.map((m) => (
        <Paper key={m.id} withBorder radius="sm" p="xs" data-testid="card-movement">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Text size="sm" style={{ minWidth: 0 }}>
              {formatDate(m.date, locale)}{' '}
              <Anchor component={Link} to={documentPath(m.documentId)} size="sm">
                {typeLabel(m.documentType)} {m.documentNumber}
              </Anchor>
              {m.isReversal && (
                <Badge size="xs" variant="light" color="orange" ml={6} tt="none">
                  {t('stock.reports.card.reversal')}
                </Badge>
              )}
            </Text>
            <MovementQuantity milli={m.quantityMilli} />
          </Group>
          <Figures
            items={[
              [t('stock.reports.warehouse'), m.warehouseName],
              ...(costs && m.quantityMilli !== 0
                ? ([
                    [t('stock.reports.unitCost'), unitCost(m)],
                    [t('stock.reports.value'), money(m.valueCents)],
                  ] as const)
                : []),
              [t('stock.reports.card.balance'), balance(m.balanceMilli, m.balanceValueCents)],
            ]}
          />
        </Paper>
      ))}
      {card.movements.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('stock.reports.card.noMovements')}
        </Text>
      )}
      {last && (
        <Text size="sm" fw={600}>
          {t('stock.reports.card.closing')}: {balance(last.balanceMilli, last.balanceValueCents)}
        </Text>
      )}
    </Stack>
  );
}

function MovementRow({ m }: { m: PartCardMovement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quantity = useQuantity();
  const money = useMoney();
  const unitCost = useUnitCost();
  const costs = useSeesStockCosts();
  const typeLabel = useDocTypeLabel();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.date, locale)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={documentPath(m.documentId)} size="sm">
          {typeLabel(m.documentType)} {m.documentNumber}
        </Anchor>
        {m.isReversal && (
          <Badge size="xs" variant="light" color="orange" ml={6} tt="none">
            {t('stock.reports.card.reversal')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text span size="sm">
          {m.warehouseName}
        </Text>
      </Table.Td>
      <NumTd>
        <MovementQuantity milli={m.quantityMilli} />
      </NumTd>
      {/* Nothing moved, so nothing was valued: a dash rather than "0,00 €" at a cost of nothing. */}
      {costs && <NumTd>{m.quantityMilli === 0 ? '—' : unitCost(m)}</NumTd>}
      {costs && <NumTd>{m.quantityMilli === 0 ? '—' : money(m.valueCents)}</NumTd>}
      <NumTd fw={500}>{quantity(m.balanceMilli)}</NumTd>
      {costs && <NumTd>{money(m.balanceValueCents)}</NumTd>}
    </Table.Tr>
  );
}

function MovementsTable({ card, filter }: { card: PartCard; filter: CardFilter }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const quantity = useQuantity();
  const money = useMoney();
  const costs = useSeesStockCosts();
  const last = card.movements.at(-1);
  // Without costs: date, document, warehouse, quantity, then the balance.
  const leading = costs ? 6 : 4;
  return (
    <Table.ScrollContainer minWidth={costs ? 900 : 560}>
      <Table verticalSpacing="xs" data-testid="card-movements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.reports.date')}</Table.Th>
            <Table.Th>{t('stock.reports.document')}</Table.Th>
            <Table.Th>{t('stock.reports.warehouse')}</Table.Th>
            <NumTh>{t('stock.reports.quantity')}</NumTh>
            {costs && <NumTh>{t('stock.reports.unitCost')}</NumTh>}
            {costs && <NumTh>{t('stock.reports.value')}</NumTh>}
            <NumTh>{t('stock.reports.card.balance')}</NumTh>
            {costs && <NumTh>{t('stock.reports.card.balanceValue')}</NumTh>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filter.from && (
            <Table.Tr bg="gray.0" data-testid="opening">
              <Table.Td colSpan={leading}>
                <Text size="sm" fw={500}>
                  {t('stock.reports.card.opening', { date: formatDate(filter.from, locale) })}
                </Text>
              </Table.Td>
              <NumTd fw={500}>{quantity(card.openingMilli)}</NumTd>
              {costs && <NumTd>{money(card.openingValueCents)}</NumTd>}
            </Table.Tr>
          )}
          {card.movements.map((m) => (
            <MovementRow key={m.id} m={m} />
          ))}
          {card.movements.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={costs ? 8 : 5}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t('stock.reports.card.noMovements')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {last && (
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td colSpan={leading}>{t('stock.reports.card.closing')}</Table.Td>
              <NumTd>{quantity(last.balanceMilli)}</NumTd>
              {costs && <NumTd>{money(last.balanceValueCents)}</NumTd>}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

export function PartCardPage() {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const money = useMoney();
  const phone = useIsPhone();
  const { partId } = useParams();
  const [params, setParams] = useSearchParams();
  const filter: CardFilter = {
    warehouseId: params.get('warehouseId') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const setFilter = (name: keyof CardFilter, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const card = usePartCard(partId, filter);

  if (card.isPending) return <PageLoader />;
  if (card.isError) {
    if (card.error instanceof ApiError && card.error.status === 404) return <NotFound />;
    return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  }
  const { part } = card.data;
  const available = card.data.levels.reduce((s, l) => s + l.availableMilli, 0);
  // The minimum is for the whole company, so it is compared with what is free in all warehouses.
  const short =
    !filter.warehouseId && isBelowMinimum({ availableMilli: available, minStockMilli: part.minStockMilli });

  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to="/stock/levels" size="sm" c="dimmed">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('stock.reports.card.back')}
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Title order={2} fz="h3">
          <Text span inherit ff="monospace">
            {part.code}
          </Text>{' '}
          {part.name}
        </Title>
        <Group gap="lg">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('stock.reports.card.unit')}:
            </Text>{' '}
            {part.unit}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('stock.reports.card.minStock')}:
            </Text>{' '}
            {part.minStockMilli > 0
              ? `${quantity(part.minStockMilli)} ${part.unit}`
              : t('stock.reports.card.noMinimum')}
          </Text>
          {part.typicalCostCents !== null && part.typicalCostCents !== undefined && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('stock.reports.card.typicalCost')}:
              </Text>{' '}
              {money(part.typicalCostCents)}
            </Text>
          )}
          {short && (
            <Badge color="red" variant="light" tt="none">
              {t('stock.reports.belowMinimumOf', { min: quantity(part.minStockMilli) })}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <WarehouseSelect
          label={t('stock.reports.warehouse')}
          value={filter.warehouseId}
          onChange={(v) => setFilter('warehouseId', v)}
        />
        <DateField
          label={t('stock.reports.card.from')}
          placeholder={t('stock.reports.card.pickDate')}
          value={filter.from ?? null}
          onChange={(v) => setFilter('from', v)}
          maxDate={filter.to}
          clearable
          w={180}
        />
        <DateField
          label={t('stock.reports.card.to')}
          placeholder={t('stock.reports.card.pickDate')}
          value={filter.to ?? null}
          onChange={(v) => setFilter('to', v)}
          minDate={filter.from}
          clearable
          w={180}
        />
      </Group>
      <SectionCard title={t('stock.reports.card.levels')}>
        {phone ? <LevelCards card={card.data} /> : <LevelsTable card={card.data} />}
      </SectionCard>
      <SectionCard title={t('stock.reports.card.movements')}>
        <Text size="xs" c="dimmed" mb="xs" data-testid="card-dates-hint">
          {t('stock.reports.card.datesHint')}
        </Text>
        {phone ? (
          <MovementCards card={card.data} filter={filter} />
        ) : (
          <MovementsTable card={card.data} filter={filter} />
        )}
      </SectionCard>
    </Stack>
  );
}
