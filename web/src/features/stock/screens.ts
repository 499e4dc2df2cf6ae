/** The stock section's screens: one download, the first time any of them opens. */
export { StockDocumentPage } from './documents/document-page';
export { StockDocumentsPage } from './documents/documents-page';
export { StockLevelsPage } from './reports/levels-page';
export { LowStockPage } from './reports/low-stock-page';
export { PartCardPage } from './reports/part-card-page';
export { ValuationPage } from './reports/valuation-page';
export { WarehousesPage } from './reports/warehouses-page';
