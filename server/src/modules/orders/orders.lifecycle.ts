import { defineLifecycle } from '../../kernel/lifecycle';
import type { OrderStatus } from './orders.table';

export const ORDER_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'ready',
  'delivered',
  'cancelled',
] as const satisfies readonly OrderStatus[];

/** Statuses an order is still open in (not delivered, not cancelled): "my orders", the open repairs list. */
export const OPEN_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'ready',
] as const satisfies readonly OrderStatus[];

/**
 * The service order's state machine (issue 12, one table). Moving in_repair → ready is finishing (stock issue,
 * warranty records: orders.finish.ts); ready → in_repair reopens it; diagnosing/awaiting_approval → ready is a
 * refused repair; cancelled → received reopens a cancelled order. Lines may change until the order is ready.
 */
export const ORDER_LIFECYCLE = defineLifecycle<OrderStatus>({
  initial: 'received',
  transitions: {
    received: ['diagnosing', 'cancelled'],
    diagnosing: ['awaiting_approval', 'awaiting_parts', 'in_repair', 'ready', 'cancelled'],
    awaiting_approval: ['in_repair', 'awaiting_parts', 'ready', 'cancelled'],
    awaiting_parts: ['in_repair', 'cancelled'],
    in_repair: ['awaiting_parts', 'ready', 'cancelled'],
    ready: ['delivered', 'in_repair'],
    delivered: [],
    cancelled: ['received'],
  },
  editable: ['received', 'diagnosing', 'awaiting_approval', 'awaiting_parts', 'in_repair'],
  refusals: {
    cancelled: { delivered: 'order_delivered', cancelled: 'order_cancelled', '*': 'invalid_transition' },
  },
  notEditable: 'order_not_editable',
});

/** Statuses that never run late. */
export const TIMELESS_STATUSES = ['delivered', 'cancelled'] as const satisfies readonly OrderStatus[];
