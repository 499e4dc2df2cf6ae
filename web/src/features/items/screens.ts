/** The items section's screens: one download, the first time any of them opens. */
export { ItemDetailPage } from './item-detail-page';
export { ItemEditPage, ItemNewPage } from './item-form-page';
export { ItemsPage } from './items-page';
