import { defineLifecycle } from '../../kernel/lifecycle';
import type { VisitRequestStatus } from './visits.table';

export const VISIT_REQUEST_STATUSES = [
  'new',
  'planned',
  'in_progress',
  'done',
  'cancelled',
] as const satisfies readonly VisitRequestStatus[];

/** Statuses of a request still waiting to be done (the queue). */
export const OPEN_VISIT_STATUSES = [
  'new',
  'planned',
  'in_progress',
] as const satisfies readonly VisitRequestStatus[];

/**
 * A visit request's state machine (ADR 0031, one table through the shared lifecycle of ADR 8). Booking it moves a
 * new request to planned; cancelling its last live booking moves it back to new; done and cancelled requests
 * take no bookings; a cancelled request may be reopened.
 */
export const VISIT_REQUEST_LIFECYCLE = defineLifecycle<VisitRequestStatus>({
  initial: 'new',
  transitions: {
    new: ['planned', 'cancelled'],
    planned: ['new', 'in_progress', 'done', 'cancelled'],
    in_progress: ['planned', 'done', 'cancelled'],
    done: [],
    cancelled: ['new'],
  },
  editable: ['new', 'planned'],
  refusals: {
    planned: { '*': 'visit_request_closed' },
    in_progress: { new: 'visit_request_not_planned', '*': 'visit_request_closed' },
    done: { new: 'visit_request_not_planned', '*': 'visit_request_closed' },
    cancelled: { '*': 'visit_request_closed' },
  },
  notEditable: 'visit_request_closed',
});
