import './receipts.links';

/** The sale receipts module seen from other modules (ADR 0022). */
export { napAuditRoutes } from './nap-audit.routes';
export { receiptsRoutes } from './receipts.routes';
export type { SaleReceipt } from './receipts.schema';
export {
  type PaymentReceiptLine,
  paymentReceiptIn,
  printReceipt,
  receiptOfPayment,
} from './receipts.service';
