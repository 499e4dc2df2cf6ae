import { Text } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import type { StockDocumentType } from '@servix/server/modules/stock/stock.schema';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../i18n';
import type { LineColumn } from '../../../ui/lines-editor';
import { centsToText } from '../../../ui/typed-values';
import { HAS, type LineValues, typedLineValue } from './document-form';
import { AvailableHint } from './document-inputs';
import { PartPicker } from './part-picker';

/**
 * The columns of a stock document's lines, by type: the part, the quantity (counted on a count) with what is
 * available when stock goes out, the unit cost and the line's value on a receipt, the serial numbers on a
 * receipt or an issue.
 */
export function documentLineColumns({
  type,
  t,
  locale,
  warehouseId,
  documentDate,
  setLine,
}: {
  type: StockDocumentType;
  t: TFunction;
  locale: Locale;
  warehouseId: string | null;
  /** The document's date: a back-dated issue is told what its own date allows. */
  documentDate?: string | null;
  setLine: (index: number, patch: Partial<LineValues>) => void;
}): LineColumn<LineValues>[] {
  const outgoing = type === 'issue' || type === 'transfer' || type === 'writeoff';
  return [
    {
      key: 'part',
      kind: 'custom',
      header: t('stock.docs.part'),
      field: 'partId',
      minWidth: 320,
      render: ({ row, index, label, cardLabel, error }) => (
        <PartPicker
          aria-label={label}
          label={cardLabel}
          value={row.partId}
          initialLabel={row.partLabel}
          error={error}
          onPick={(part) =>
            setLine(index, {
              partId: part?.id ?? null,
              partLabel: part?.label ?? '',
              unit: part?.unit ?? '',
              ...(part && HAS.unitCost(type) && row.unitCost === '' && part.typicalCostCents !== null
                ? { unitCost: centsToText(part.typicalCostCents, locale) }
                : {}),
            })
          }
        />
      ),
    },
    {
      key: 'quantity',
      kind: 'quantity',
      header: HAS.counted(type) ? t('stock.docs.counted') : t('stock.docs.quantity'),
      field: HAS.counted(type) ? 'counted' : 'quantity',
      width: 150,
      unit: (l) => l.unit,
      below: (l) =>
        (outgoing || HAS.counted(type)) && (
          <AvailableHint warehouseId={warehouseId} partId={l.partId} date={documentDate} />
        ),
    },
    ...(HAS.unitCost(type)
      ? ([
          {
            key: 'unitCost',
            kind: 'money',
            header: t('stock.docs.unitCost'),
            label: t('stock.docs.unitCostShort'),
            field: 'unitCost',
            width: 140,
          },
          {
            key: 'value',
            kind: 'computed',
            header: t('stock.docs.value'),
            width: 120,
            render: ({ row, index }) => {
              const value = typedLineValue(row);
              return (
                <Text size="sm" data-testid={`line-value-${index}`}>
                  {value === null ? '—' : formatMoney(value, locale)}
                </Text>
              );
            },
          },
        ] satisfies LineColumn<LineValues>[])
      : []),
    ...(type === 'receipt' || type === 'issue'
      ? ([
          {
            key: 'serialNumbers',
            kind: 'text',
            header: t('stock.docs.serialNumbers'),
            field: 'serialNumbers',
            width: 170,
          },
        ] satisfies LineColumn<LineValues>[])
      : []),
  ];
}
