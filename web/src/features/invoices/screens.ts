/** The invoices' screens: one download, the first time either opens. */
export { InvoicePage } from './invoice-page';
export { InvoicesPage } from './invoices-page';
