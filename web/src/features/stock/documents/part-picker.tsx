import type { SelectProps } from '@mantine/core';
import { todayDate } from '@servix/server/kernel/calendar';
import { formatQuantity } from '@servix/server/kernel/format';
import type { Part } from '@servix/server/modules/catalog/catalog.schema';
import type { StockAvailability, StockLevel } from '@servix/server/modules/stock/stock.schema';
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
  /** The part's VAT (ADR 0042), when the search found it: an order or quote line follows it. */
  vat?: Pick<Part, 'vatRateKind' | 'vatRateBp' | 'vatReason'>;
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
                ...(part
                  ? {
                      vat: {
                        vatRateKind: part.vatRateKind,
                        vatRateBp: part.vatRateBp,
                        vatReason: part.vatReason,
                      },
                    }
                  : {}),
              }
            : null,
        );
      }}
    />
  );
}

/**
 * What is free to take of a part in a warehouse (on hand − reserved) and on hand, or null while unknown. For a
 * document dated before today it is what that date allows: the lowest balance from the end of that day on, less
 * what is reserved (`limitedOn`: the later date that sets it), as the posting will check.
 */
export function useAvailable(warehouseId: string | null, partId: string | null, date?: string | null) {
  const locale = currentLocale();
  const backDated = !!date && date < todayDate();
  const known = warehouseId !== null && partId !== null;
  const level = useQuery({
    queryKey: [...stockKey, 'levels', 'one', warehouseId, partId],
    enabled: known && !backDated,
    queryFn: () =>
      api.get<PageOf<StockLevel>>('/stock/levels', {
        warehouseId: warehouseId ?? undefined,
        partId: partId ?? undefined,
        includeEmpty: 'true',
        pageSize: 1,
      }),
    staleTime: 10_000,
  });
  const dated = useQuery({
    queryKey: [...stockKey, 'availability', warehouseId, partId, date],
    enabled: known && backDated,
    queryFn: () =>
      api.get<StockAvailability>('/stock/availability', {
        warehouseId: warehouseId ?? undefined,
        partId: partId ?? undefined,
        date: date ?? undefined,
      }),
    staleTime: 10_000,
  });
  const shown = backDated
    ? dated.data && {
        milli: dated.data.availableMilli,
        onHand: dated.data.onHandMilli,
        date: dated.data.date,
        limitedOn: dated.data.limitedOn,
      }
    : level.data && {
        milli: level.data.items[0]?.availableMilli ?? 0,
        onHand: level.data.items[0]?.onHandMilli ?? 0,
        date: null,
        limitedOn: null,
      };
  if (!shown) return null;
  return {
    ...shown,
    text: formatQuantity(shown.milli, locale),
    onHandText: formatQuantity(shown.onHand, locale),
  };
}
