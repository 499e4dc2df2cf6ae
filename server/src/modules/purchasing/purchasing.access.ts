import { type Access, type EntityRules, ROLE_GROUPS } from '../../kernel/access';

/**
 * Purchase requests (ADR 0014): everyone on staff reads them (the desk sees what an order waits for); the stock
 * keepers (storekeeper, manager, admin) draft, send, cancel and receive, as they write stock documents.
 */
export const PURCHASE_REQUEST_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.stockKeepers,
} as const satisfies EntityRules;

/** Who may call each route of the purchasing module; merged into the one access table. */
export const PURCHASING_ACCESS: Record<string, Access> = {
  'GET /api/v1/purchase-requests': PURCHASE_REQUEST_RULES.read,
  'GET /api/v1/purchase-requests/:id': PURCHASE_REQUEST_RULES.read,
  'GET /api/v1/purchase-requests/:id/lines.csv': PURCHASE_REQUEST_RULES.read,
  'PATCH /api/v1/purchase-requests/:id': PURCHASE_REQUEST_RULES.write,
  'POST /api/v1/purchase-requests/:id/status': PURCHASE_REQUEST_RULES.write,
  'POST /api/v1/purchase-requests/:id/receive': PURCHASE_REQUEST_RULES.write,
};
