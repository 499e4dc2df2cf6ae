/** The repair quotes' screens: one download, the first time either opens. */
export { NewQuotePage } from './new-quote-page';
export { QuotePage } from './quote-page';
export { QuotesPage } from './quotes-page';
