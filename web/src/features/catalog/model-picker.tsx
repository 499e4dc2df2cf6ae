import { MultiSelect, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Model } from '@servix/server/modules/catalog/catalog.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODELS, useCatalogRecord, useModelSearch } from '../../api/catalog';
import { SearchSelect } from '../../ui/search-select';
import type { Option } from './catalog-options';

const SEARCH_DEBOUNCE_MS = 250;

export const modelLabel = (m: Pick<Model, 'brandName' | 'name'>) => `${m.brandName} ${m.name}`;
const toOption = (m: Model): Option => ({ value: m.id, label: modelLabel(m) });
/** The server has searched already: show its answers as they are. */
const serverFiltered: OptionsFilter = ({ options }) => options;

/**
 * Picks one model; there may be thousands, so the server searches as the user types (within a brand when
 * given). A chosen model that is not among the answers (a deep link, an archived one) is fetched by id.
 */
export function ModelPicker({
  value,
  onChange,
  brandId,
  label,
  placeholder,
  description,
  error,
  required,
  clearable = true,
  disabled,
  w,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  brandId?: string | null;
  label?: string;
  placeholder?: string;
  description?: string;
  error?: React.ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const chosen = useCatalogRecord(MODELS, value ?? undefined).data;
  const found = useModelSearch({ q, brandId }, !disabled);
  return (
    <SearchSelect
      label={label}
      aria-label={label ? undefined : placeholder}
      placeholder={placeholder ?? t('catalog.models.pick')}
      description={description}
      error={error}
      required={required}
      disabled={disabled}
      clearable={clearable}
      w={w}
      value={value}
      onChange={(id) => onChange(id)}
      options={(found.data ?? []).map(toOption)}
      initialOption={chosen && chosen.id === value ? toOption(chosen) : null}
      loading={found.isFetching}
      onSearch={setQ}
      nothingFoundMessage={t('catalog.nothingFound')}
    />
  );
}

/** Picks several models (a part's compatible models); the chosen ones stay listed while searching for more. */
export function ModelMultiPicker({
  value,
  onChange,
  known,
  label,
  description,
  error,
  disabled,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Labels of models chosen before (the record's own), so they show without a search. */
  known: Option[];
  label: string;
  description?: string;
  error?: React.ReactNode;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [seen, setSeen] = useState<Option[]>(known);
  const found = useModelSearch({ q }, !disabled);
  const options = (found.data ?? []).map(toOption);
  const chosen = value.map((id) => seen.find((o) => o.value === id) ?? { value: id, label: id });
  const data = [...chosen, ...options.filter((o) => !value.includes(o.value))];
  return (
    <MultiSelect
      label={label}
      description={description}
      error={error}
      disabled={disabled}
      data={data}
      value={value}
      onChange={(ids) => {
        setSeen((prev) => [...prev, ...options.filter((o) => ids.includes(o.value) && !prev.includes(o))]);
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={serverFiltered}
      hidePickedOptions
      placeholder={value.length ? undefined : t('catalog.models.pickMany')}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('catalog.nothingFound')}
    />
  );
}
