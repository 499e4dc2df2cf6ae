import { documentLifecycle } from '../../kernel/lifecycle';

/**
 * An invoice's lifecycle: the shared document lifecycle's statuses (ADR 8), read as draft → issued → cancelled.
 * Only a draft changes; issuing takes the number; a cancelled invoice (анулирана) keeps its number and is final.
 */
export const INVOICE_LIFECYCLE = documentLifecycle({
  notDraft: 'invoice_not_draft',
  notPosted: 'invoice_not_issued',
  alreadyReversed: 'invoice_already_cancelled',
});

/** The API's name of a stored status. */
export const API_STATUS = { draft: 'draft', posted: 'issued', reversed: 'cancelled' } as const;
