import { Group, Loader, Select, type SelectProps, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';

export interface SearchOption {
  value: string;
  label: string;
  /** A second, dimmed line in the dropdown (ЕИК and city, a category…). */
  description?: string;
}

type Passed = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'
>;

export interface SearchSelectProps extends Passed {
  value?: string | null;
  onChange: (value: string | null, option: SearchOption | null) => void;
  /** The options the server found for the last search. */
  options: readonly SearchOption[];
  /** The chosen record when the screen opens (an edited record's customer), so its name shows at once. */
  initialOption?: SearchOption | null;
  loading?: boolean;
  /** Called with the typed text after a pause ('' when the box shows the chosen record's name). */
  onSearch: (q: string) => void;
}

/**
 * A Select that searches on the server: the typed text goes to `onSearch` (debounced) and the server's
 * answer comes back as `options`; the chosen option stays shown while the results change.
 */
export function SearchSelect({
  value = null,
  onChange,
  options,
  initialOption,
  loading,
  onSearch,
  ...rest
}: SearchSelectProps) {
  const known = useRef(new Map<string, SearchOption>());
  if (initialOption) known.current.set(initialOption.value, initialOption);
  for (const o of options) known.current.set(o.value, o);
  const chosen = value ? known.current.get(value) : undefined;

  const [search, setSearch] = useState(chosen?.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  useEffect(() => {
    onSearch(chosen && debounced === chosen.label ? '' : debounced.trim());
  }, [debounced, chosen, onSearch]);

  const data = useMemo(() => {
    const list = options.map((o) => ({ value: o.value, label: o.label }));
    if (chosen && !list.some((o) => o.value === chosen.value))
      list.unshift({ value: chosen.value, label: chosen.label });
    return list;
  }, [options, chosen]);

  return (
    <Select
      {...rest}
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered: show what it found.
      filter={({ options: all }) => all}
      onChange={(v) => onChange(v, v ? (known.current.get(v) ?? null) : null)}
      rightSection={loading ? <Loader size={14} /> : rest.rightSection}
      // On a phone the list stays on the screen: never wider than it, moved back inside it when it would overflow.
      comboboxProps={{
        ...rest.comboboxProps,
        middlewares: { flip: true, shift: { padding: 8 } },
        styles: { dropdown: { maxWidth: 'calc(100vw - 16px)' } },
      }}
      renderOption={({ option }) => {
        const description = known.current.get(option.value)?.description;
        return (
          <Stack gap={0}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {option.label}
            </Text>
            {description && (
              <Group gap={4}>
                <Text size="xs" opacity={0.7} style={{ overflowWrap: 'anywhere' }}>
                  {description}
                </Text>
              </Group>
            )}
          </Stack>
        );
      }}
    />
  );
}
