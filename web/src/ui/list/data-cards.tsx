import { Center, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from './data-table';

export interface DataCardsProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
  empty?: ReactNode;
  stale?: boolean;
  'data-testid'?: string;
}

/** A header as plain text (for labels and the sort choices); empty when the header is not text. */
const textOf = (header: ReactNode) => (typeof header === 'string' ? header : '');

/**
 * The rows of a list as cards, for phones: the first column as the card's title with the last one (the row's
 * menu) beside it, then each other column as "header: value". A select replaces the sortable headers.
 */
export function DataCards<T>({
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  empty,
  stale = false,
  'data-testid': testId,
}: DataCardsProps<T>) {
  const { t } = useTranslation();
  const [first, ...rest] = columns;
  const menu = rest.at(-1)?.key === 'actions' ? rest.pop() : undefined;
  const sortable = columns.filter((c) => c.sortKey && textOf(c.header));
  const sortData = sortable.flatMap((c) => [
    { value: c.sortKey ?? '', label: `${textOf(c.header)} ↑` },
    { value: `-${c.sortKey}`, label: `${textOf(c.header)} ↓` },
  ]);
  return (
    <Stack gap="xs" style={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale || undefined} data-testid={testId}>
      {onSort && sortData.length > 0 && (
        <Select
          aria-label={t('list.sortBy')}
          data={sortData}
          value={sort ?? null}
          onChange={(v) => v && onSort(v)}
          allowDeselect={false}
          size="xs"
          maw={260}
        />
      )}
      {rows.length === 0 && (
        <Paper withBorder radius="md">
          <Center py="xl">
            {empty ?? (
              <Text size="sm" c="dimmed">
                {t('list.empty')}
              </Text>
            )}
          </Center>
        </Paper>
      )}
      {rows.map((row) => (
        <Paper key={rowKey(row)} withBorder radius="md" p="sm" data-testid="list-card">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{first?.render(row)}</div>
            {menu?.render(row)}
          </Group>
          {rest.length > 0 && (
            <Stack gap={2} mt={6}>
              {rest.map((c) => (
                <Group key={c.key} gap={6} wrap="nowrap" align="baseline">
                  {textOf(c.header) && (
                    <Text size="xs" c="dimmed" style={{ flex: '0 0 auto' }}>
                      {textOf(c.header)}:
                    </Text>
                  )}
                  <Text component="div" size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {c.render(row)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
