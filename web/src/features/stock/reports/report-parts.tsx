import { Anchor, Select, Table, Text, type TextProps } from '@mantine/core';
import { formatMoney, formatQuantity, formatUnitCost } from '@servix/server/kernel/format';
import type { StockDocumentType } from '@servix/server/modules/stock/stock.schema';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWarehouseOptions } from '../../../api/stock';
import { currentLocale } from '../../../i18n';

export const partCardPath = (partId: string) => `/stock/parts/${encodeURIComponent(partId)}`;
export const documentPath = (documentId: string) => `/stock/documents/${encodeURIComponent(documentId)}`;

/**
 * Less is free than the part's minimum (parts without a minimum are never short). The minimum is a store's (or,
 * without a warehouse, the company's): a van carries what its technician needs and is never "short".
 */
export const isBelowMinimum = (l: {
  availableMilli: number;
  minStockMilli: number;
  warehouseKind?: 'store' | 'van';
}) => l.warehouseKind !== 'van' && l.minStockMilli > 0 && l.availableMilli < l.minStockMilli;

/** Figures line up by their digits. */
export const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;

/** A quantity in thousandths, in the UI language ("1 234,5"). */
export function useQuantity(): (milli: number) => string {
  const locale = currentLocale();
  return (milli) => formatQuantity(milli, locale);
}

/** An amount in cents, in the UI language ("1 234,56 €"). */
/** Money for the screen; a cost the server left out (a role that may not see it) shows as nothing. */
/**
 * A movement's unit cost as its value divides into its quantity (up to 4 decimals), so that quantity × unit cost
 * shows the value: 51,44 € for 13 → 3,9569 €, where the stored, rounded 3,96 € would give 51,48 €.
 */
export function useUnitCost(): (m: {
  valueCents?: number;
  quantityMilli: number;
  unitCostCents?: number;
}) => string {
  const locale = currentLocale();
  return (m) => {
    const exact = m.valueCents !== undefined ? formatUnitCost(m.valueCents, m.quantityMilli, locale) : null;
    return exact ?? (m.unitCostCents === undefined ? '' : formatMoney(m.unitCostCents, locale));
  };
}

export function useMoney(): (cents: number | null | undefined) => string {
  const locale = currentLocale();
  return (cents) => (cents === null || cents === undefined ? '' : formatMoney(cents, locale));
}

/** A movement's quantity with its sign: what comes in green "+", what goes out red "-". */
export function SignedQuantity({ milli, ...rest }: { milli: number } & TextProps) {
  const quantity = useQuantity();
  const text = milli > 0 ? `+${quantity(milli)}` : quantity(milli);
  return (
    <Text span size="sm" c={milli > 0 ? 'teal.8' : milli < 0 ? 'red.7' : undefined} style={NUMERIC} {...rest}>
      {text}
    </Text>
  );
}

export function useDocTypeLabel(): (type: StockDocumentType) => string {
  const { t } = useTranslation();
  return (type) => t(`stock.docs.type.${type}`);
}

/** A part's code that opens its stock card. */
export function PartCodeLink({ partId, code, search }: { partId: string; code: string; search?: string }) {
  return (
    <Anchor
      component={Link}
      to={`${partCardPath(partId)}${search ?? ''}`}
      size="sm"
      ff="monospace"
      fw={500}
      style={{ whiteSpace: 'nowrap' }}
    >
      {code}
    </Anchor>
  );
}

/** The warehouse filter: every warehouse and van in use, "All warehouses" when cleared. */
export function WarehouseSelect({
  value,
  onChange,
  w = 240,
  label,
}: {
  value: string | undefined;
  onChange: (value: string | null) => void;
  w?: number;
  /** A visible label; without it the select is named for screen readers only. */
  label?: string;
}) {
  const { t } = useTranslation();
  const warehouses = useWarehouseOptions().data ?? [];
  return (
    <Select
      label={label}
      aria-label={label ? undefined : t('stock.reports.warehouse')}
      placeholder={t('stock.reports.allWarehouses')}
      data={warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
      w={w}
    />
  );
}

/** A table cell with a number: right-aligned, on one line, digits lined up. */
export function NumTd({ children, fw }: { children: ReactNode; fw?: number }) {
  return (
    <Table.Td ta="right" fw={fw} style={{ ...NUMERIC, whiteSpace: 'nowrap' }}>
      {children}
    </Table.Td>
  );
}

/** A header over a column of numbers: right-aligned like its figures; `wrap` lets a long header take two lines. */
export function NumTh({ children, w, wrap = false }: { children: ReactNode; w?: number; wrap?: boolean }) {
  return (
    <Table.Th ta="right" w={w} style={{ whiteSpace: wrap ? 'normal' : 'nowrap' }}>
      {children}
    </Table.Th>
  );
}
