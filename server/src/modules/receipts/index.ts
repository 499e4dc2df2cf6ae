import './receipts.links';

/** The sale receipts module seen from other modules (ADR 0022). */
export { napAuditRoutes } from './nap-audit.routes';
export { receiptsRoutes } from './receipts.routes';
export type { SaleReceipt, SaleReceiptStorno } from './receipts.schema';
export {
  type PaymentReceiptLine,
  paymentReceiptIn,
  paymentReceiptStornoIn,
  printReceipt,
  printStorno,
  receiptOfPayment,
  stornoableReceiptsOf,
  stornosOfRefunds,
} from './receipts.service';
