/**
 * The photos of a service order (issue 12, intake): the item as it came in and as the work went. Stored through
 * the attachments module (ADR 15); whether the order exists and who may see or change its photos is this module's.
 */
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { notFound } from '../../kernel/errors';
import {
  type Attachment,
  type AttachmentOwner,
  type AttachmentVariant,
  addPhoto,
  countAttachments,
  listAttachments,
  preparePhoto,
  readAttachment,
  removeAttachment,
} from '../attachments';
import { findOrder } from './orders.repository';
import { getServiceSettings } from './orders.settings';

const ownerOf = (orderId: string): AttachmentOwner => ({ type: 'service_order', id: orderId });

async function assertOrder(db: Executor, orderId: string): Promise<void> {
  if (!(await findOrder(db, orderId))) throw notFound('service_order');
}

/** Adds a photo to the order: checked and re-encoded first (nothing is written when it is refused). */
export async function addOrderPhoto(
  db: Db,
  actor: Actor,
  orderId: string,
  bytes: Buffer,
  fileName: string | undefined,
): Promise<Attachment> {
  await assertOrder(db, orderId);
  const { keepPhotoLocation } = await getServiceSettings(db);
  const photo = await preparePhoto(bytes, fileName, { keepLocation: keepPhotoLocation });
  return db.transaction().execute(async (trx) => {
    await assertOrder(trx, orderId);
    return addPhoto(trx, actor, ownerOf(orderId), photo);
  });
}

export async function listOrderPhotos(db: Executor, orderId: string): Promise<Attachment[]> {
  await assertOrder(db, orderId);
  return listAttachments(db, ownerOf(orderId));
}

export async function countOrderPhotos(db: Executor, orderId: string): Promise<number> {
  return countAttachments(db, ownerOf(orderId), 'photo');
}

export async function readOrderPhoto(
  db: Executor,
  orderId: string,
  photoId: string,
  variant: AttachmentVariant,
) {
  await assertOrder(db, orderId);
  return readAttachment(db, ownerOf(orderId), photoId, variant);
}

export async function removeOrderPhoto(
  db: Db,
  actor: Actor,
  orderId: string,
  photoId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertOrder(trx, orderId);
    await removeAttachment(trx, actor, ownerOf(orderId), photoId);
  });
}
