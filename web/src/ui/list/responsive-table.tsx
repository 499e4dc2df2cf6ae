import { Paper } from '@mantine/core';
import { useIsPhone } from '../phone';
import { DataCards } from './data-cards';
import { type Column, DataTable, type DataTableProps } from './data-table';

export interface ResponsiveTableProps<T> extends Omit<DataTableProps<T>, 'columns'> {
  /** The columns; a falsy entry (`canEdit && {…}`) is left out. */
  columns: readonly (Column<T> | false | null | undefined)[];
  /** Draws the table in a bordered paper (the cards have borders of their own). */
  framed?: boolean;
}

/**
 * Rows the page already holds (not a server list): a table on wider screens, cards below 600 px, so a phone
 * never scrolls sideways to find a column. The columns say which fields a card shows first (Column.phone).
 */
export function ResponsiveTable<T>({ framed = false, columns: given, ...props }: ResponsiveTableProps<T>) {
  const phone = useIsPhone();
  const columns = given.filter((c): c is Column<T> => Boolean(c));
  if (!phone)
    return framed ? (
      <Paper withBorder radius="md">
        <DataTable {...props} columns={columns} />
      </Paper>
    ) : (
      <DataTable {...props} columns={columns} />
    );
  const { rows, rowKey, rowHref, sort, onSort, empty, stale, totals, rowTone, rowTestId } = props;
  return (
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
