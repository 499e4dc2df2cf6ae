/**
 * The purchasing module seen from other modules: purchase requests for missing parts (ADR 0014). A module whose
 * lines wait for parts tells it how much each still waits for (`syncNeed`, `dropNeedsOfSource`), in its own
 * transaction; the requests, their sending and receiving are this module's.
 */
import './purchasing.links';

export { PURCHASE_REQUEST_LIFECYCLE, PURCHASE_REQUEST_STATUSES } from './purchasing.lifecycle';
export { purchasingRoutes } from './purchasing.routes';
export type { PurchaseRequest, PurchaseRequestListItem } from './purchasing.schema';
export {
  dropNeedsOfSource,
  getPurchaseRequest,
  type NeedSource,
  PURCHASE_REQUEST_SOURCE,
  supplierForPart,
  syncNeed,
} from './purchasing.service';
