import { type DocumentStatus, defineLifecycle } from '../../kernel/lifecycle';

/**
 * An invoice's lifecycle: the shared document lifecycle's statuses (ADR 8), read as draft → issued → cancelled.
 * Only a draft changes; issuing takes the number; a cancelled invoice (анулирана) keeps its number and is final.
 */
export const INVOICE_LIFECYCLE = defineLifecycle<DocumentStatus>({
  initial: 'draft',
  transitions: { draft: ['posted'], posted: ['reversed'], reversed: [] },
  editable: ['draft'],
  refusals: {
    posted: 'invoice_not_draft',
    reversed: { draft: 'invoice_not_issued', '*': 'invoice_already_cancelled' },
  },
  notEditable: 'invoice_not_draft',
});

/** The API's name of a stored status. */
export const API_STATUS = { draft: 'draft', posted: 'issued', reversed: 'cancelled' } as const;
