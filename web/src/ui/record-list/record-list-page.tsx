import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { type Column, type ListState, ListView, type PageOf } from '../list';
import { EditableListHeader } from '../page-header';
import { ActionsHeader } from './record-cells';

/** What a list page's dialog shows: a new record, an existing one (by id, with its row when it came from the list), or nothing. */
export type Editing<T> = { mode: 'new' } | { mode: 'edit'; id: string; row?: T } | null;

export interface RecordListPageProps<T extends { id: string }, F extends string> {
  title: string;
  description?: ReactNode;
  /** Whether the role may add and change records: the "new" button, or a read-only note. */
  canEdit: boolean;
  /** The "new" button's text; the button opens the dialog for a new record, or goes to `addHref`. */
  addLabel: string;
  /** Where the "new" button goes when records are added on a page of their own. */
  addHref?: string;
  list: ListState<F>;
  result: UseQueryResult<PageOf<T>>;
  searchPlaceholder?: string;
  /** Filter inputs after the search box. */
  filters?: ReactNode;
  /** The list's API path, for the CSV export of the same filters. */
  exportPath?: string;
  /** The columns; `open(row)` opens the record. */
  columns: (open: (row: T) => void) => readonly (Column<T> | false | null | undefined)[];
  /** The row's menu (open, archive, delete), in a last, narrow column; none without it. */
  rowMenu?: (row: T, open: () => void) => ReactNode;
  /** Opens a record; the default opens the dialog on it. */
  onOpen?: (row: T) => void;
  /** Where a click on a row goes, when records have a page of their own. */
  rowHref?: (row: T) => string;
  /** The dialog with the record's form; `editing` null means closed (the dialog stays mounted to animate). */
  dialog?: (editing: Editing<T>, setEditing: (editing: Editing<T>) => void) => ReactNode;
  empty?: ReactNode;
  maw?: number;
  minWidth?: number;
  'data-testid'?: string;
}

/**
 * A list of records with a dialog to add and change them (the catalogue, warehouses, …): the header with the
 * "new" button (or a read-only note), search, filters, sortable columns, paging and the CSV export, a menu per
 * row, and cards instead of the table on a phone.
 */
export function RecordListPage<T extends { id: string }, F extends string>({
  title,
  description,
  canEdit,
  addLabel,
  addHref,
  list,
  result,
  searchPlaceholder,
  filters,
  exportPath,
  columns,
  rowMenu,
  onOpen,
  rowHref,
  dialog,
  empty,
  maw = 1200,
  minWidth,
  'data-testid': testId,
}: RecordListPageProps<T, F>) {
  const [editing, setEditing] = useState<Editing<T>>(null);
  const open = onOpen ?? ((row: T) => setEditing({ mode: 'edit', id: row.id, row }));
  const shown = columns(open).filter((c): c is Column<T> => Boolean(c));
  if (rowMenu)
    shown.push({
      key: 'actions',
      header: <ActionsHeader />,
      width: 48,
      render: (row) => rowMenu(row, () => open(row)),
    });
  return (
    <Stack gap={0} maw={maw}>
      <EditableListHeader
        title={title}
        description={description}
        canEdit={canEdit}
        add={
          addHref ? (
            <Button component={Link} to={addHref} leftSection={<IconPlus size={16} />}>
              {addLabel}
            </Button>
          ) : (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'new' })}>
              {addLabel}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={searchPlaceholder}
        filters={filters}
        exportPath={exportPath}
        columns={shown}
        rowKey={(row) => row.id}
        rowHref={rowHref}
        empty={empty}
        minWidth={minWidth}
        phoneCards
        data-testid={testId}
      />
      {dialog?.(editing, setEditing)}
    </Stack>
  );
}
