import './quotes.links';

/** The quotes module seen from other modules: repair quotes (issue 12, item 1). */
export { QUOTE_LIFECYCLE, QUOTE_STATUSES } from './quotes.lifecycle';
export { quotesRoutes } from './quotes.routes';
export type { QuoteDetail, QuoteListItem } from './quotes.schema';
export { getQuote, listQuotes } from './quotes.service';
