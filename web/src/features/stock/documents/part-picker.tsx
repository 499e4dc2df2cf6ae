import type { SelectProps } from '@mantine/core';
import { formatQuantity } from '@servix/server/kernel/format';
import type { Part } from '@servix/server/modules/catalog/catalog.schema';
import type { StockLevel } from '@servix/server/modules/stock/stock.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { stockKey } from '../../../api/stock';
import { currentLocale } from '../../../i18n';
import type { PageOf } from '../../../ui/list';
import { type SearchOption, SearchSelect } from '../../../ui/search-select';
import { partLabel } from './document-form';

export interface PickedPart {
  id: string;
  label: string;
  unit: string;
  typicalCostCents: number | null;
}

function usePartSearch(q: string) {
  return useQuery({
    queryKey: ['catalog', 'parts', 'picker', q],
    queryFn: () => api.get<PageOf<Part>>('/parts', { q: q || undefined, pageSize: 20, sort: 'code' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  /** The label of the part already on the line (a saved draft), shown before any search. */
  initialLabel?: string;
  onPick: (part: PickedPart | null) => void;
};

/** A part from the catalogue, found on the server by code, barcode or name. */
export function PartPicker({ value, initialLabel, onPick, ...props }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  const found = usePartSearch(q);
  const parts = found.data?.items ?? [];
  const byId = useMemo(() => new Map(parts.map((p) => [p.id, p])), [parts]);
  const options: SearchOption[] = parts.map((p) => {
    const name = locale === 'en' && p.nameEn ? p.nameEn : p.nameBg;
    return {
      value: p.id,
      label: partLabel({ code: p.code, name }),
      description: [p.unit, p.barcode].filter(Boolean).join(' · '),
    };
  });
  return (
    <SearchSelect
      {...props}
      value={value}
      options={options}
      initialOption={value && initialLabel ? { value, label: initialLabel } : null}
      loading={found.isFetching}
      onSearch={setQ}
      nothingFoundMessage={t('stock.docs.noPartFound')}
      placeholder={t('stock.docs.partPlaceholder')}
      onChange={(id, option) => {
        const part = id ? byId.get(id) : undefined;
        onPick(
          id && option
            ? {
                id,
                label: option.label,
                unit: part?.unit ?? '',
                typicalCostCents: part?.typicalCostCents ?? null,
              }
            : null,
        );
      }}
    />
  );
}

/** What is free to take of a part in a warehouse now (on hand − reserved) and on hand, or null while unknown. */
export function useAvailable(warehouseId: string | null, partId: string | null) {
  const locale = currentLocale();
  const level = useQuery({
    queryKey: [...stockKey, 'levels', 'one', warehouseId, partId],
    enabled: warehouseId !== null && partId !== null,
    queryFn: () =>
      api.get<PageOf<StockLevel>>('/stock/levels', {
        warehouseId: warehouseId ?? undefined,
        partId: partId ?? undefined,
        includeEmpty: 'true',
        pageSize: 1,
      }),
    staleTime: 10_000,
  });
  if (!level.data) return null;
  const row = level.data.items[0];
  const milli = row?.availableMilli ?? 0;
  const onHand = row?.onHandMilli ?? 0;
  return { milli, text: formatQuantity(milli, locale), onHandText: formatQuantity(onHand, locale) };
}
