import type { ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { type CatalogResource, useDeleteRecord, useSetArchived } from '../../api/catalog';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import {
  type Column,
  type ListState,
  type ListStateOptions,
  useListState,
  usePagedList,
} from '../../ui/list';
import { ArchivedFilter, RecordListPage, RecordMenu } from '../../ui/record-list';
import { RecordModal } from './record-modal';

/** A category's name in the UI language (the English name may be missing). */
export function categoryName(c: { nameBg: string; nameEn: string | null }, locale: 'bg' | 'en'): string {
  return locale === 'en' && c.nameEn ? c.nameEn : c.nameBg;
}

/** A catalogue record's menu in a list row: the shared RecordMenu with the catalogue's archive and delete. */
export function CatalogRecordMenu<Item, Input, Patch>({
  res,
  ...props
}: {
  res: CatalogResource<Item, Input, Patch>;
  record: { id: string; archived: boolean };
  name: string;
  canEdit: boolean;
  onOpen: () => void;
  onDeleted?: () => void;
}) {
  return <RecordMenu {...props} archive={useSetArchived(res)} remove={useDeleteRecord(res)} />;
}

/** What a catalogue record's form is given. */
export interface RecordFormProps<Item> {
  record: Item | undefined;
  readOnly: boolean;
  onClose: () => void;
  /** After a conflict: open the record that already has this code. */
  onShowExisting: (id: string) => void;
}

/**
 * One catalogue as a RecordListPage: its server list with the "archived" filter after the page's own, the CSV
 * export, a menu per row and the record's dialog. Only the texts, columns, filters and form differ.
 */
export function CatalogListPage<
  Item extends { id: string; archived: boolean },
  Input,
  Patch,
  F extends string = never,
>({
  res,
  createRoute,
  listOptions,
  texts,
  filters,
  columns,
  menuName,
  onOpen,
  rowHref,
  dialogSize = 'lg',
  dialogTitle,
  form,
  maw,
  minWidth,
  'data-testid': testId,
}: {
  res: CatalogResource<Item, Input, Patch>;
  /** The create route whose access decides whether the role may edit: 'POST /api/v1/brands'. */
  createRoute: Parameters<typeof canCall>[1];
  listOptions: ListStateOptions<F> & { defaultSort: string };
  texts: { title: string; description: string; add: string; search: string };
  /** The page's own filters (the archived filter comes after them). */
  filters?: (list: ListState<F | 'archived'>) => ReactNode;
  columns: (
    open: (row: Item) => void,
    canEdit: boolean,
  ) => readonly (Column<Item> | false | null | undefined)[];
  /** The record's name in the menu's messages: its code or name. */
  menuName: (row: Item) => string;
  /** Opens a record; the default opens its dialog. */
  onOpen?: (row: Item) => void;
  /** Where a click on a row goes, when records have a page of their own. */
  rowHref?: (row: Item) => string;
  dialogSize?: ModalProps['size'];
  dialogTitle: (record: Item | undefined) => string;
  form: (props: RecordFormProps<Item>) => ReactNode;
  maw?: number;
  minWidth?: number;
  'data-testid': string;
}) {
  const { user } = useSession();
  const canEdit = canCall(user.role, createRoute);
  const list = useListState<F | 'archived'>({
    ...listOptions,
    filters: [...(listOptions.filters ?? []), 'archived'],
  });
  const result = usePagedList<Item>(res.key, res.path, list.query);
  return (
    <RecordListPage
      title={texts.title}
      description={texts.description}
      canEdit={canEdit}
      addLabel={texts.add}
      list={list}
      result={result}
      searchPlaceholder={texts.search}
      filters={
        <>
          {filters?.(list)}
          <ArchivedFilter list={list} />
        </>
      }
      exportPath={res.path}
      columns={(open) => columns(open, canEdit)}
      onOpen={onOpen}
      rowHref={rowHref}
      rowMenu={(row, open) => (
        <CatalogRecordMenu res={res} record={row} name={menuName(row)} canEdit={canEdit} onOpen={open} />
      )}
      dialog={(editing, setEditing) => (
        <RecordModal
          res={res}
          editing={editing}
          onClose={() => setEditing(null)}
          size={dialogSize}
          title={dialogTitle}
        >
          {(record) =>
            form({
              record,
              readOnly: !canEdit,
              onClose: () => setEditing(null),
              onShowExisting: (id) => setEditing({ mode: 'edit', id }),
            })
          }
        </RecordModal>
      )}
      maw={maw}
      minWidth={minWidth}
      data-testid={testId}
    />
  );
}
