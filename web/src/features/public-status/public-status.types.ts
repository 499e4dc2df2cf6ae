/**
 * What GET /api/v1/public/orders/:token answers (ORDERS-PLAN: the public page). Stand-in until the orders
 * module's schema lands; then these re-export its types.
 */
export type ServiceOrderStatus =
  | 'received'
  | 'diagnosing'
  | 'awaiting_approval'
  | 'awaiting_parts'
  | 'in_repair'
  | 'ready'
  | 'delivered'
  | 'cancelled';

export interface PublicOrderStatus {
  number: string;
  status: ServiceOrderStatus;
  promisedDate: string | null;
  customerNotes: string | null;
  itemLabel: string;
  companyName: string;
  /** When the status last changed: the page's "last update". */
  statusChangedAt: string;
}
