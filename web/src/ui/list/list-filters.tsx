import { Select, Switch } from '@mantine/core';
import { DateField } from '../date-field';
import type { ListState } from './use-list-state';

/** A filter with a few values, kept in the URL under `name`; clearing it shows everything. */
export function FilterSelect<F extends string>({
  list,
  name,
  data,
  placeholder,
  label,
  w = 200,
}: {
  list: Pick<ListState<F>, 'filters' | 'setFilter'>;
  name: F;
  data: { value: string; label: string }[];
  /** Shown when the filter is off, e.g. "All kinds". */
  placeholder: string;
  /** For screen readers. */
  label: string;
  w?: number | string;
}) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      data={data}
      value={list.filters[name] ?? null}
      onChange={(v) => list.setFilter(name, v)}
      clearable
      w={w}
    />
  );
}

/** An on/off filter kept in the URL as `name=true`; off removes it. */
export function FilterSwitch<F extends string>({
  list,
  name,
  label,
}: {
  list: Pick<ListState<F>, 'filters' | 'setFilter'>;
  name: F;
  label: string;
}) {
  const on = list.filters[name] === 'true';
  return (
    <Switch
      label={label}
      checked={on}
      onChange={(e) => list.setFilter(name, e.currentTarget.checked ? 'true' : null)}
    />
  );
}

/** A date filter ('YYYY-MM-DD') kept in the URL under `name`; clearing it removes the bound. */
export function FilterDate<F extends string>({
  list,
  name,
  label,
  w = 170,
}: {
  list: Pick<ListState<F>, 'filters' | 'setFilter'>;
  name: F;
  /** Shown as the placeholder and read by screen readers: "From", "To". */
  label: string;
  w?: number | string;
}) {
  return (
    <DateField
      aria-label={label}
      placeholder={label}
      value={list.filters[name] ?? null}
      onChange={(v) => list.setFilter(name, v)}
      clearable
      w={w}
    />
  );
}
