import './items.links';

export {
  type ItemChangedHook,
  type ItemHistorySource,
  registerItemChangedHook,
  registerItemHistorySource,
} from './items.hooks';
export { ITEMS_CSV_COLUMNS, type ItemImportRow, itemsImport } from './items.import';
export { itemsRoutes } from './items.routes';
export type {
  CreateItemBody,
  Item,
  ItemEvent,
  ItemSearchHit,
  ItemWarranty,
  WarrantyStatus,
} from './items.schema';
export { normalizeSerial, SerialNumber } from './items.schema';
export { seedItemsDemo } from './items.seed';
export {
  createItemIn,
  findItemByModelSerial,
  findItemIdsBySerial,
  getItem,
  getItemWarranty,
  reindexItems,
  searchItems,
} from './items.service';
export { warrantyEndOf, warrantyStatus } from './items.warranty';
