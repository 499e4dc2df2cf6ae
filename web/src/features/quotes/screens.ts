/** The repair quotes' screens: one download, the first time either opens. */
export { QuotePage } from './quote-page';
export { QuotesPage } from './quotes-page';
