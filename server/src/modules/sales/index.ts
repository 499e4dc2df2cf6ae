import './sales.links';

/** The sales module seen from other modules: invoices (issue 13, first slice). */

export { renderProforma } from './proforma.pdf';
export { proformaRoutes } from './proforma.routes';
export { getProforma } from './proforma.service';
export { registerPaymentStateCondition } from './sales.repository';
export { salesRoutes } from './sales.routes';
export type { InvoiceDetail, InvoiceListItem } from './sales.schema';
export {
  type CancelGuard,
  type CreditNoteHook,
  getInvoice,
  INVOICE_KIND,
  type IssuedCreditNote,
  invoicePdf,
  listInvoices,
  registerCancelGuard,
  registerCreditNoteHook,
  registerSettlementReader,
  requisitesOf,
  type Settlement,
  type SettlementReader,
} from './sales.service';
export { vatJournalRoutes } from './vat-journal.routes';
