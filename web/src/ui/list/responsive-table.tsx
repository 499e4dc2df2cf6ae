import { Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../phone';
import { DataCards } from './data-cards';
import { type Column, DataTable, type DataTableProps } from './data-table';

export interface ResponsiveTableProps<T> extends Omit<DataTableProps<T>, 'columns'> {
  /** The columns; a falsy entry (`canEdit && {…}`) is left out. */
  columns: readonly (Column<T> | false | null | undefined)[];
  /** Draws the table in a bordered paper (the cards have borders of their own). */
  framed?: boolean;
  /**
   * Shows this many rows at a time, with pages below, when there are more: a report of a thousand parts is read a
   * page at a time instead of drawing every row (or card) at once. The totals row stays the whole list's.
   */
  pageSize?: number;
}

/**
 * Rows the page already holds (not a server list): a table on wider screens, cards below 600 px, so a phone
 * never scrolls sideways to find a column. The columns say which fields a card shows first (Column.phone).
 */
export function ResponsiveTable<T>({
  framed = false,
  columns: given,
  pageSize,
  ...props
}: ResponsiveTableProps<T>) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [page, setPage] = useState(1);
  const columns = given.filter((c): c is Column<T> => Boolean(c));
  const all = props.rows;
  const pages = pageSize ? Math.max(1, Math.ceil(all.length / pageSize)) : 1;
  // The rows may shrink under the page (a refetch, a filter): the last page there is.
  const current = Math.min(page, pages);
  const rows = pageSize && pages > 1 ? all.slice((current - 1) * pageSize, current * pageSize) : all;

  let list: ReactNode;
  if (!phone) {
    const table = <DataTable {...props} rows={rows} columns={columns} />;
    list = framed ? (
      <Paper withBorder radius="md">
        {table}
      </Paper>
    ) : (
      table
    );
  } else {
    const { rowKey, rowHref, sort, onSort, empty, stale, totals, rowTone, rowTestId } = props;
    list = (
      <DataCards
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        rowHref={rowHref}
        sort={sort}
        onSort={onSort}
        empty={empty}
        stale={stale}
        totals={totals}
        rowTone={rowTone}
        rowTestId={rowTestId}
        data-testid={props['data-testid']}
      />
    );
  }
  if (pages <= 1 || !pageSize) return list;
  return (
    <Stack gap="sm">
      {list}
      <Group justify="space-between" gap="sm" data-testid="table-pages">
        <Text size="sm" c="dimmed">
          {t('list.range', {
            from: (current - 1) * pageSize + 1,
            to: Math.min(current * pageSize, all.length),
            count: all.length,
          })}
        </Text>
        <Pagination total={pages} value={current} onChange={setPage} size="sm" />
      </Group>
    </Stack>
  );
}
