/**
 * Server lists: search, filters, sort and page in the URL; one page at a time from the server.
 *
 *   const list = useListState({ filters: ['kind', 'archived'] as const, defaultSort: 'name' });
 *   const result = usePagedList<PartyListItem>(['parties'], '/parties', list.query);
 *   return (
 *     <Stack gap={0} maw={1200}>
 *       <PageHeader title={t('customers.title')} actions={<Button …>Add</Button>} />
 *       <ListView
 *         list={list}
 *         result={result}
 *         searchPlaceholder={t('customers.searchHint')}
 *         filters={<FilterSelect list={list} name="kind" data={…} placeholder={…} label={…} />}
 *         exportPath="/parties"
 *         columns={[{ key: 'name', header: t('customers.name'), sortKey: 'name', render: (p) => p.name }]}
 *         rowKey={(p) => p.id}
 *         rowHref={(p) => `/customers/${p.id}`}
 *       />
 *     </Stack>
 *   );
 *
 * - useListState: q, page, sort ("name" / "-name") and the named filters live in the URL search params, so
 *   the list survives a reload and "back" from a record; setters replace the history entry and go back to
 *   page 1 (except setPage). `list.query` is for the list call, `list.exportQuery` for the CSV.
 * - usePagedList(key, path, query): TanStack Query with keepPreviousData; invalidate `key` after writes.
 * - ListView: the whole list (toolbar, table, count, pagination, loading/error/empty). For anything
 *   else, compose the pieces: ListSearch (debounced, bound to q), FilterSelect, FilterSwitch,
 *   DataTable (Column.sortKey makes a header sort), ExportCsvButton / exportCsvUrl.
 * - Phones (below 600 px): ListView and ResponsiveTable (rows the page already holds) show DataCards: the
 *   title column, the primary fields, the rest behind "More" (Column.phone says which is which).
 */
export { CardField, DataCards, type DataCardsProps, placeColumns, WORDS } from './data-cards';
export {
  type Column,
  DataTable,
  type DataTableProps,
  type PhonePlace,
  type RowTone,
  type TotalsRow,
} from './data-table';
export { ExportCsvButton, exportCsvUrl } from './export-csv-button';
export { FilterDate, FilterSelect, FilterSwitch } from './list-filters';
export { ListSearch, SEARCH_DEBOUNCE_MS } from './list-search';
export { ListView, type ListViewProps } from './list-view';
export { ResponsiveTable, type ResponsiveTableProps } from './responsive-table';
export {
  type ListQuery,
  type ListState,
  type ListStateOptions,
  nextSort,
  sortDirection,
  useListState,
} from './use-list-state';
export { type PageOf, usePagedList } from './use-paged-list';
