/**
 * A page listing records with a dialog to add and change them (catalogue lists, warehouses): RecordListPage,
 * and the pieces its rows use: OpenCell (the code or name that opens the record), ArchivedBadge,
 * ArchivedFilter, RecordMenu (edit, archive or restore, delete with the server's reasons for refusing).
 */
export { ActionsHeader, ArchivedBadge, ArchivedFilter, OpenCell } from './record-cells';
export { type Editing, RecordListPage, type RecordListPageProps } from './record-list-page';
export { RecordMenu } from './record-menu';
