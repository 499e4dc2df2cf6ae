import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { Part } from '@servix/server/modules/catalog/catalog.schema';
import type { MoneyAccount } from '@servix/server/modules/money/money.schema';
import { receiptLineAmounts } from '@servix/server/modules/receipts/receipts.rules';
import type { StockLevel } from '@servix/server/modules/stock/stock.schema';
import { IconCashRegister, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, messageOf } from '../../api/client';
import { useMoneyAccounts } from '../../api/money';
import { useCounterSale } from '../../api/receipts';
import { stockKey, useWarehouseOptions } from '../../api/stock';
import { currentLocale } from '../../i18n';
import type { PageOf } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { type SearchOption, SearchSelect } from '../../ui/search-select';
import { centsToText, milliToText, textToCents, textToMilli } from '../../ui/typed-values';
import { CustomerPicker } from '../items/pickers';

interface SaleLine {
  partId: string;
  code: string;
  name: string;
  unit: string;
  vatRateBp: number;
  salePriceCents: number;
  availableMilli: number;
  quantity: string;
  price: string;
  discount: string;
}

/** A typed discount in percent ("10", "12,5") as basis points; NaN unless 0–100 with up to 2 decimals. */
function percentToBp(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  const c = textToCents(t);
  return Number.isNaN(c) || c < 0 || c > 10_000 ? Number.NaN : Number(c);
}

/** What one line asks the server for, or null while something typed is not a number. */
function parsed(l: SaleLine) {
  const quantityMilli = textToMilli(l.quantity.trim());
  const unitPriceCents = Number(textToCents(l.price));
  const discountBp = percentToBp(l.discount);
  if (
    ![quantityMilli, unitPriceCents, discountBp].every(Number.isFinite) ||
    quantityMilli <= 0 ||
    unitPriceCents < 0
  )
    return null;
  return { quantityMilli, unitPriceCents, discountBp };
}

/** Parts in stock in the warehouse, found by code, name or barcode (the stock levels' own search). */
function PartFinder({ warehouseId, onPick }: { warehouseId: string; onPick: (level: StockLevel) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: [...stockKey, 'counter-levels', warehouseId, q],
    enabled: q.length > 0,
    queryFn: () => api.get<PageOf<StockLevel>>('/stock/levels', { warehouseId, q, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const levels = q ? (found.data?.items ?? []) : [];
  const options: SearchOption[] = levels.map((l) => ({
    value: l.partId,
    label: `${l.partCode} · ${l.partName}`,
    description: t('receipts.counter.available', {
      quantity: `${formatQuantity(l.availableMilli, locale)} ${l.unit}`,
    }),
  }));
  return (
    <SearchSelect
      label={t('receipts.counter.findPart')}
      placeholder={t('receipts.counter.findPart')}
      value={null}
      options={options}
      loading={found.isFetching}
      onSearch={setQ}
      nothingFoundMessage={q ? t('receipts.counter.noParts') : undefined}
      onChange={(partId) => {
        const level = levels.find((l) => l.partId === partId);
        if (level) onPick(level);
      }}
      data-testid="counter-find-part"
    />
  );
}

/**
 * The over-the-counter sale (ADR 0026): the warehouse and the cash desk, parts found by code, name or barcode, each
 * line's quantity, price (the part's sale price) and discount, the totals as the fiscal device counts them, and the
 * payment; one click issues the receipt, prints it and takes the parts out of stock.
 */
export function CounterSalePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const warehouses = useWarehouseOptions();
  const accounts = useMoneyAccounts();
  const sale = useCounterSale();
  const stores = (warehouses.data ?? []).filter((w) => !w.archived);
  const desks = (accounts.data?.items ?? []).filter((a: MoneyAccount) => !a.archived && a.kind === 'cash');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [method, setMethod] = useState<'cash' | 'card'>('cash');
  const [lines, setLines] = useState<SaleLine[]>([]);
  const warehouse = warehouseId ?? stores.find((w) => w.kind === 'store')?.id ?? stores[0]?.id ?? null;
  const account = accountId ?? desks[0]?.id ?? null;
  const money = (c: number) => formatMoney(c, locale);

  const amounts = lines.map((l) => {
    const p = parsed(l);
    return p ? receiptLineAmounts({ ...p, vatRateBp: l.vatRateBp }) : null;
  });
  const totals = useMemo(
    () =>
      amounts.reduce(
        (s, a) => ({
          net: s.net + (a?.netCents ?? 0),
          vat: s.vat + (a?.vatCents ?? 0),
          total: s.total + (a?.totalCents ?? 0),
        }),
        { net: 0, vat: 0, total: 0 },
      ),
    [amounts],
  );
  const ready = Boolean(warehouse && account && lines.length && amounts.every(Boolean) && totals.total > 0);

  const change = (i: number, patch: Partial<SaleLine>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const pick = async (level: StockLevel) => {
    const existing = lines.findIndex((l) => l.partId === level.partId);
    if (existing >= 0) {
      const q = textToMilli(lines[existing]?.quantity ?? '0');
      change(existing, { quantity: milliToText((Number.isFinite(q) ? q : 0) + 1000, locale) });
      return;
    }
    const part = await api.get<Part>(`/parts/${encodeURIComponent(level.partId)}`);
    setLines((ls) => [
      ...ls,
      {
        partId: part.id,
        code: part.code,
        name: part.nameBg,
        unit: part.unit,
        vatRateBp: part.vatRateBp,
        salePriceCents: part.salePriceCents,
        availableMilli: level.availableMilli,
        quantity: milliToText(Math.min(1000, level.availableMilli) || 1000, locale),
        price: centsToText(part.salePriceCents, locale),
        discount: '',
      },
    ]);
  };

  const pay = () => {
    if (!warehouse || !account) return;
    sale.mutate(
      {
        warehouseId: warehouse,
        accountId: account,
        method,
        ...(partyId ? { partyId } : {}),
        lines: lines.map((l) => {
          const p = parsed(l);
          return {
            partId: l.partId,
            quantityMilli: p?.quantityMilli ?? 0,
            ...(p && p.unitPriceCents !== l.salePriceCents ? { unitPriceCents: p.unitPriceCents } : {}),
            ...(p?.discountBp ? { discountBp: p.discountBp } : {}),
          };
        }),
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('receipts.counter.done', { number: r.number }) });
          void navigate(`/sale-receipts/${r.id}`);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t('receipts.counter.title')} description={t('receipts.counter.description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label={t('receipts.counter.warehouse')}
            placeholder={t('receipts.counter.pickWarehouse')}
            data={stores.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            value={warehouse}
            onChange={(v) => {
              setWarehouseId(v);
              setLines([]);
            }}
            allowDeselect={false}
            data-testid="counter-warehouse"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label={t('receipts.counter.account')}
            placeholder={t('receipts.counter.pickAccount')}
            data={desks.map((a) => ({ value: a.id, label: a.name }))}
            value={account}
            onChange={setAccountId}
            allowDeselect={false}
            data-testid="counter-account"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CustomerPicker
            label={t('receipts.counter.customer')}
            placeholder={t('receipts.counter.customerHint')}
            value={partyId}
            onChange={setPartyId}
            clearable
            data-testid="counter-customer"
          />
        </Grid.Col>
      </Grid>
      {warehouse && <PartFinder key={warehouse} warehouseId={warehouse} onPick={(l) => void pick(l)} />}
      <Stack gap="sm" data-testid="counter-lines">
        {lines.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('receipts.counter.empty')}
          </Text>
        )}
        {lines.map((l, i) => {
          const p = parsed(l);
          const over = p !== null && p.quantityMilli > l.availableMilli;
          return (
            <Card key={l.partId} withBorder radius="md" padding="sm" data-testid="counter-line">
              <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {l.code} ·{' '}
                    {t('receipts.counter.available', {
                      quantity: `${formatQuantity(l.availableMilli, locale)} ${l.unit}`,
                    })}
                  </Text>
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('receipts.counter.remove')}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                  data-testid="counter-line-remove"
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Grid gap="xs" align="flex-end">
                <Grid.Col span={{ base: 4, sm: 3 }}>
                  <TextInput
                    label={`${t('receipts.counter.quantity')} (${l.unit})`}
                    value={l.quantity}
                    onChange={(e) => change(i, { quantity: e.currentTarget.value })}
                    inputMode="decimal"
                    error={
                      !p && textToMilli(l.quantity.trim()) <= 0
                        ? true
                        : over
                          ? t('receipts.counter.overAvailable', {
                              quantity: formatQuantity(l.availableMilli, locale),
                            })
                          : undefined
                    }
                    styles={{ input: { textAlign: 'right' } }}
                    data-testid="counter-line-quantity"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 4, sm: 3 }}>
                  <TextInput
                    label={t('receipts.counter.unitPrice')}
                    value={l.price}
                    onChange={(e) => change(i, { price: e.currentTarget.value })}
                    inputMode="decimal"
                    error={Number.isNaN(textToCents(l.price)) || undefined}
                    styles={{ input: { textAlign: 'right' } }}
                    data-testid="counter-line-price"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 4, sm: 3 }}>
                  <TextInput
                    label={t('receipts.counter.discount')}
                    value={l.discount}
                    onChange={(e) => change(i, { discount: e.currentTarget.value })}
                    inputMode="decimal"
                    error={Number.isNaN(percentToBp(l.discount)) || undefined}
                    styles={{ input: { textAlign: 'right' } }}
                    data-testid="counter-line-discount"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" c="dimmed" hiddenFrom="sm">
                      {t('receipts.counter.lineTotal')}
                    </Text>
                    <Text fw={600} ta="right" style={{ flex: 1 }} data-testid="counter-line-total">
                      {amounts[i] ? money(amounts[i].totalCents) : '—'}
                    </Text>
                  </Group>
                </Grid.Col>
              </Grid>
            </Card>
          );
        })}
      </Stack>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Table withRowBorders={false} verticalSpacing={2} maw={380} ml="auto" data-testid="counter-totals">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('receipts.counter.net')}</Table.Td>
                <Table.Td ta="right">{money(totals.net)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('receipts.counter.vat')}</Table.Td>
                <Table.Td ta="right">{money(totals.vat)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={700} fz="lg">
                  {t('receipts.counter.total')}
                </Table.Td>
                <Table.Td ta="right" fw={700} fz="lg" data-testid="counter-total">
                  {money(totals.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {sale.error && (
            <Alert color="red" data-testid="counter-error">
              {messageOf(sale.error)}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <SegmentedControl
              value={method}
              onChange={(v) => setMethod(v as 'cash' | 'card')}
              data={[
                { value: 'cash', label: t('receipts.method.cash') },
                { value: 'card', label: t('receipts.method.card') },
              ]}
              aria-label={t('receipts.counter.method')}
              data-testid="counter-method"
            />
            <Button
              size="md"
              leftSection={<IconCashRegister size={18} />}
              disabled={!ready}
              loading={sale.isPending}
              onClick={pay}
              data-testid="counter-pay"
            >
              {t('receipts.counter.pay')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
