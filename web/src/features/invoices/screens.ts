/** The invoices' screens: one download, the first time either opens. */
export { InvoicePage } from './invoice-page';
export { InvoicesPage } from './invoices-page';
export { ProformaPage } from './proforma-page';
export { ProformasPage } from './proformas-page';
