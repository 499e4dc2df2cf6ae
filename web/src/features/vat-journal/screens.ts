/** The VAT sales journal's screen: its own download, the first time it opens. */
export { VatJournalPage } from './vat-journal-page';
