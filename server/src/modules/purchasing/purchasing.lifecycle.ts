import { defineLifecycle } from '../../kernel/lifecycle';
import type { PurchaseRequestStatus } from './purchasing.table';

export const PURCHASE_REQUEST_STATUSES = [
  'draft',
  'sent',
  'received',
  'cancelled',
] as const satisfies readonly PurchaseRequestStatus[];

/**
 * A purchase request's state machine (ADR 0014, one table, through the shared lifecycle of ADR 8): a draft collects
 * the waiting parts and is edited; sending it fixes what was ordered; it is received when the stock receipt made
 * from it is posted; a draft or a sent request may be cancelled. Received and cancelled are final.
 */
export const PURCHASE_REQUEST_LIFECYCLE = defineLifecycle<PurchaseRequestStatus>({
  initial: 'draft',
  transitions: {
    draft: ['sent', 'cancelled'],
    sent: ['received', 'cancelled'],
    received: [],
    cancelled: [],
  },
  editable: ['draft'],
  refusals: {
    sent: { '*': 'purchase_request_not_draft' },
    received: { '*': 'purchase_request_not_sent' },
    cancelled: { '*': 'purchase_request_closed' },
  },
  notEditable: 'purchase_request_not_draft',
});
