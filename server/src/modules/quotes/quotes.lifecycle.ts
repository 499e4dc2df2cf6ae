import { defineLifecycle } from '../../kernel/lifecycle';
import type { QuoteStatus } from './quotes.table';

export const QUOTE_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'expired',
  'converted',
] as const satisfies readonly QuoteStatus[];

/** Statuses a quote still counts as open in: an order has at most one open quote (409 quote_open_exists). */
export const OPEN_QUOTE_STATUSES = ['draft', 'sent', 'accepted'] as const satisfies readonly QuoteStatus[];

/**
 * The repair quote's state machine (issue 12, item 1; one table, through the shared lifecycle). Lines change only in
 * draft. A sent or expired quote may go back to draft to be revised (a new validity date, other lines) and be sent
 * again; accepted → converted happens only through the convert action; rejected and converted are final.
 */
export const QUOTE_LIFECYCLE = defineLifecycle<QuoteStatus>({
  initial: 'draft',
  transitions: {
    draft: ['sent'],
    sent: ['draft', 'accepted', 'rejected', 'expired'],
    accepted: ['converted'],
    rejected: [],
    expired: ['draft'],
    converted: [],
  },
  editable: ['draft'],
  refusals: {
    draft: 'quote_invalid_transition',
    sent: 'quote_invalid_transition',
    accepted: { expired: 'quote_expired', '*': 'quote_invalid_transition' },
    rejected: 'quote_invalid_transition',
    expired: 'quote_invalid_transition',
    converted: { converted: 'quote_already_converted', '*': 'quote_not_accepted' },
  },
  notEditable: 'quote_not_draft',
});

/**
 * The status a quote reads as on `today` (the company's calendar day): a sent quote whose validity date has passed
 * is expired, with no job to set it (the stored status stays 'sent' until someone moves it).
 */
export function effectiveStatus(status: QuoteStatus, validUntil: string, today: string): QuoteStatus {
  return status === 'sent' && validUntil < today ? 'expired' : status;
}
