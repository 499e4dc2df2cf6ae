/**
 * The stock module seen from other modules (orders, sales, reports): reserve parts, release them, issue them for a
 * service order, read levels and the documents made for a record. Never write the stock tables directly: levels
 * move only with ledger rows, inside these functions.
 */
import './stock.links';

export { averageCost, suggestedReorderMilli, valueOut } from './stock.costing';
export {
  type BeforeReceiptPostListener,
  type ReceiptPostedListener,
  registerBeforeReceiptPostListener,
  registerReceiptPostedListener,
} from './stock.hooks';
export { WAREHOUSE_CSV_COLUMNS, type WarehouseImportRow, warehousesImport } from './stock.import';
export {
  DOCUMENT_TITLES,
  getStockDocument,
  type Signature,
  type SignatureRole,
  type StockDocumentPrint,
} from './stock.print';
export { checkLevels, levelsOfPart, rebuildLevels } from './stock.reports';
export { countPostedReceipts, countWarehousesInUse, lastSupplierOfPart } from './stock.repository';
export {
  activeReservationsOf,
  availableToReserve,
  getReservation,
  type ReserveAvailableInput,
  type ReservePartsInput,
  releaseReservation,
  releaseReservationsOf,
  reserveAvailable,
  reservedOfSource,
  reserveParts,
} from './stock.reservations';
export { stockRoutes } from './stock.routes';
export type {
  LevelCheck,
  Reservation,
  StockDocument,
  StockDocumentLine,
  StockDocumentType,
  StockLevel,
  Warehouse,
} from './stock.schema';
export { CreateDocumentBody } from './stock.schema';
export { seedStockDemo } from './stock.seed';
export {
  createDraft,
  documentListOfSource,
  documentsOfSource,
  draftSupplierReceipt,
  getDocument,
  type IssueForOrderInput,
  issuePartsForOrder,
  postDocument,
  type ReceiveForOrderInput,
  receivePartsForOrder,
  reverseDocumentTx,
  type SupplierReceiptDraftInput,
} from './stock.service';
export { getWarehouse } from './stock.warehouses';
