/**
 * The orders module seen from other modules: service orders (issue 12). Other modules read them through these
 * functions; the finishing hooks (orders.finish.ts) and lines belong to this module too.
 */
import './orders.links';
import './orders.warranty';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { DomainError } from '../../kernel/errors';
import { lockedOrder as lockOrderForBilling } from './orders.lines';
import type { BilledDocumentKind } from './orders.table';

export { recordAllEarnings } from './orders.earnings.record';
export { earningsRoutes } from './orders.earnings.routes';
export { OPEN_STATUSES, ORDER_LIFECYCLE, ORDER_STATUSES } from './orders.lifecycle';
export {
  addLineTx,
  type Catalogue,
  CHARGE_VAT,
  type LineChange,
  lineCatalogue,
  lockedOrder,
} from './orders.lines';
export { orderLineRoutes } from './orders.lines.routes';
export { orderDocumentPdf, orderPdfRoutes } from './orders.pdf.routes';
export { orderPhotoRoutes } from './orders.photos.routes';
export { ordersRoutes } from './orders.routes';
export type {
  AddLineBody,
  IntakeBody,
  OrderDetail,
  OrderLine,
  OrderStatus,
  PublicOrder,
  ServiceSettings,
} from './orders.schema';
export {
  addEvent,
  changeStatusTx,
  getOrder,
  intakeTx,
  itemLabelOf,
  linesToBill,
  ORDER_SOURCE,
  type OverdueSource,
  readLines,
  registerOverdueSource,
} from './orders.service';
export { getServiceSettings } from './orders.settings';
export { orderSignatureRoutes } from './orders.signature.routes';
export type { BilledDocumentKind } from './orders.table';
export { lineNetCents, orderTotals } from './orders.totals';
export { type OrderVisit, registerOrderVisitSource } from './orders.visits';
export { listWarrantyRecords } from './orders.warranty';

// ---------------------------------------------------------------- billing (issue 13: the sales module bills an order)

/** The statuses an order may be billed in: its work is finished. */
export const BILLABLE_STATUSES = ['ready', 'delivered'] as const;

/** What the billing of an order needs to know about it. */
export interface BillableOrder {
  id: string;
  number: string;
  partyId: string;
  status: string;
  finishedAt: string | null;
}

/**
 * Locks an order for billing (PostgreSQL: until the transaction ends) and checks it may be billed: 404 when there
 * is none, 409 order_not_billable unless it is ready or delivered, 409 order_already_billed once a document billed it.
 */
export async function lockBillableOrder(trx: Executor, orderId: string): Promise<BillableOrder> {
  const order = await lockOrderForBilling(trx, orderId);
  if (!(BILLABLE_STATUSES as readonly string[]).includes(order.status))
    throw new DomainError('conflict', 'order_not_billable', {
      field: 'orderId',
      params: { number: order.number, status: order.status },
    });
  if (order.billed_by_id)
    throw new DomainError('conflict', 'order_already_billed', {
      field: 'orderId',
      params: { number: order.number },
      extra: { billedDocumentId: order.billed_by_id, billedDocumentKind: order.billed_by_kind },
    });
  return {
    id: order.id,
    number: order.number,
    partyId: order.party_id,
    status: order.status,
    finishedAt: order.finished_at,
  };
}

/**
 * Marks the order billed by a document of any kind (an invoice, a sale receipt, a goods note), once: the guarded
 * update refuses a second billing (409) on both databases, whatever the kinds of the two documents.
 */
export async function markOrderBilled(
  trx: Executor,
  orderId: string,
  documentId: string,
  kind: BilledDocumentKind = 'invoice',
): Promise<void> {
  const r = await trx
    .updateTable('service_order')
    .set({
      billed_document_id: kind === 'invoice' ? documentId : null,
      billed_by_id: documentId,
      billed_by_kind: kind,
      billed_at: nowIso(),
    })
    .where('id', '=', orderId)
    .where('billed_by_id', 'is', null)
    .where('status', 'in', [...BILLABLE_STATUSES])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new DomainError('conflict', 'order_already_billed', { field: 'orderId' });
}

/** Clears the billing mark a cancelled document left, so the order can be billed again (cancel and reissue). */
export async function clearOrderBilled(trx: Executor, orderId: string, documentId: string): Promise<void> {
  await trx
    .updateTable('service_order')
    .set({ billed_document_id: null, billed_by_id: null, billed_by_kind: null, billed_at: null })
    .where('id', '=', orderId)
    .where('billed_by_id', '=', documentId)
    .execute();
}
