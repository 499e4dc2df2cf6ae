/** The sales module seen from other modules: invoices (issue 13, first slice). */

export { salesRoutes } from './sales.routes';
export type { InvoiceDetail, InvoiceListItem } from './sales.schema';
export { getInvoice, INVOICE_KIND, listInvoices } from './sales.service';
export { vatJournalRoutes } from './vat-journal.routes';
