import './items.links';

export {
  type ItemHistorySource,
  type ItemUsage,
  type ItemUsageCheck,
  registerItemHistorySource,
  registerItemUsageCheck,
} from './items.hooks';
export { itemsRoutes } from './items.routes';
export type { Item, ItemEvent, ItemSearchHit, ItemWarranty, WarrantyStatus } from './items.schema';
export { seedItemsDemo } from './items.seed';
export { getItem, getItemWarranty, reindexItems, searchItems } from './items.service';
export {
  addMonths,
  calendarDateOf,
  daysBetween,
  todayDate,
  warrantyEndOf,
  warrantyStatus,
} from './items.warranty';
