/**
 * The customer's signature on a service order (issue 14, ADR 0032): drawn on a pad on the screen (the technician's
 * phone at the site, or the desk), stored through the attachments module as the order's one `signature`, and
 * printed on the work report. Whether the order exists, whether it may still be signed and who may is this module's.
 */
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import {
  type AttachmentOwner,
  findSignature,
  prepareSignature,
  putSignature,
  readSignature,
  removeSignature,
  type Signature,
} from '../attachments';
import { ORDER_LIFECYCLE } from './orders.lifecycle';
import * as repo from './orders.repository';

const ownerOf = (orderId: string): AttachmentOwner => ({ type: 'service_order', id: orderId });

/**
 * 409 `order_finished` once the order is ready, delivered or cancelled: the signature confirms the work as it was
 * done, so it changes only while the work is open (the same statuses its lines change in); reopening allows it again.
 */
function assertSignable(order: { status: string; number: string }): void {
  if ((ORDER_LIFECYCLE.editable as readonly string[]).includes(order.status)) return;
  throw new DomainError('conflict', 'order_finished', {
    field: 'signature',
    params: { number: order.number, status: order.status },
  });
}

async function lockedOpenOrder(trx: Executor, orderId: string) {
  const order = await repo.lockOrder(trx, orderId);
  if (!order) throw notFound('service_order');
  assertSignable(order);
  return order;
}

/**
 * Saves the customer's signature on the order, replacing the one it had: the order is checked first, then the image
 * and the name (nothing is written when any is refused), then again under the order's lock in the transaction.
 */
export async function signOrder(
  db: Db,
  actor: Actor,
  orderId: string,
  bytes: Buffer,
  signerName: string | undefined,
): Promise<Signature> {
  const order = await repo.findOrder(db, orderId);
  if (!order) throw notFound('service_order');
  assertSignable(order);
  const prepared = await prepareSignature(bytes, signerName);
  return db.transaction().execute(async (trx) => {
    await lockedOpenOrder(trx, orderId);
    return putSignature(trx, actor, ownerOf(orderId), prepared);
  });
}

/** The order's signature (who signed and when), or null; 404 when there is no such order. */
export async function orderSignature(db: Executor, orderId: string): Promise<Signature | null> {
  if (!(await repo.findOrder(db, orderId))) throw notFound('service_order');
  return findSignature(db, ownerOf(orderId));
}

/** The order's signature with its PNG; 404 when there is no such order or it is not signed. */
export async function readOrderSignature(db: Executor, orderId: string) {
  if (!(await repo.findOrder(db, orderId))) throw notFound('service_order');
  return readSignature(db, ownerOf(orderId));
}

/** The order's signature with its PNG for a print-out, or null when it is not signed. */
export async function signatureForPrint(db: Executor, orderId: string) {
  if (!(await findSignature(db, ownerOf(orderId)))) return null;
  return readSignature(db, ownerOf(orderId));
}

/** Deletes the order's signature while the order is open (409 order_finished after); audited. */
export async function unsignOrder(db: Db, actor: Actor, orderId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockedOpenOrder(trx, orderId);
    await removeSignature(trx, actor, ownerOf(orderId));
  });
}
