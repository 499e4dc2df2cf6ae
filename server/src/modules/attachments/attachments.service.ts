import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import {
  type ImageRules,
  normalizeImage,
  type PhotoLocation,
  photoLocationOf,
  thumbnailOf,
} from './attachments.image';
import type { Attachment, Signature } from './attachments.schema';
import { type AttachmentVariant, databaseStore } from './attachments.store';

/** The record an attachment belongs to. The owner's module checks that it exists and who may touch it. */
export interface AttachmentOwner {
  type: 'service_order';
  id: string;
}

/** The one store of attachment bytes (ADR 15). */
const store = databaseStore;

/** The largest photo accepted as uploaded: a phone camera's full-size JPEG fits. */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
/** Photos are kept at most this many pixels on their longer side: enough to read a serial label. */
export const PHOTO_MAX_SIDE = 2000;
/** The thumbnail's longer side, for lists and cards. */
export const THUMBNAIL_SIDE = 320;

export const PHOTO_RULES: ImageRules = {
  field: 'photo',
  maxBytes: PHOTO_MAX_BYTES,
  maxPixels: 100_000_000,
  maxSide: PHOTO_MAX_SIDE,
  output: 'jpeg',
};

/** A photo checked and drawn again, with its thumbnail: done before the transaction (decoding takes a while). */
export interface PreparedPhoto {
  fileName: string;
  original: Awaited<ReturnType<typeof normalizeImage>>;
  thumbnail: Awaited<ReturnType<typeof thumbnailOf>>;
  /** Where it was taken (EXIF GPS), only when asked to keep it; the stored file never carries it. */
  location: PhotoLocation | null;
}

/** A file name fit to show: the last path segment, printable, at most 200 characters; "photo.jpg" when empty. */
function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return printable.slice(0, 200) || 'photo.jpg';
}

/**
 * Checks and re-encodes an uploaded photo (JPEG, PNG or WebP by content): upright, no EXIF, at most 2000 px. With
 * `keepLocation` the EXIF GPS position is read first and kept beside the photo (never in the stored file).
 */
export async function preparePhoto(
  bytes: Buffer,
  fileName?: string | null,
  options: { keepLocation?: boolean } = {},
): Promise<PreparedPhoto> {
  const original = await normalizeImage(bytes, PHOTO_RULES);
  const thumbnail = await thumbnailOf(original.data, THUMBNAIL_SIDE);
  const stem = cleanFileName(fileName).replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const location = options.keepLocation ? await photoLocationOf(bytes) : null;
  return { fileName: `${stem || 'photo'}.jpg`, original, thumbnail, location };
}

function attachmentsOf(db: Executor) {
  return db
    .selectFrom('attachment as a')
    .leftJoin('app_user as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.kind',
      'a.file_name',
      'a.content_type',
      'a.size_bytes',
      'a.sha256',
      'a.width',
      'a.height',
      'a.signer_name',
      'a.latitude_e6',
      'a.longitude_e6',
      'a.created_at',
      'u.full_name as created_by_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof attachmentsOf>['executeTakeFirstOrThrow']>>;

const toAttachment = (r: Row): Attachment => ({
  id: r.id,
  kind: r.kind as Attachment['kind'],
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  width: r.width === null ? null : Number(r.width),
  height: r.height === null ? null : Number(r.height),
  latitude: r.latitude_e6 === null ? null : Number(r.latitude_e6) / 1e6,
  longitude: r.longitude_e6 === null ? null : Number(r.longitude_e6) / 1e6,
  createdAt: new Date(r.created_at).toISOString(),
  createdByName: r.created_by_name ?? null,
});

/** Stores a prepared photo of the owner, with its audit row, in the caller's transaction. */
export async function addPhoto(
  trx: Executor,
  actor: Actor,
  owner: AttachmentOwner,
  photo: PreparedPhoto,
): Promise<Attachment> {
  const id = newId();
  const row = {
    id,
    owner_type: owner.type,
    owner_id: owner.id,
    kind: 'photo',
    file_name: photo.fileName,
    content_type: photo.original.contentType,
    size_bytes: photo.original.data.length,
    sha256: createHash('sha256').update(photo.original.data).digest('hex'),
    width: photo.original.width,
    height: photo.original.height,
    latitude_e6: photo.location ? Math.round(photo.location.latitude * 1e6) : null,
    longitude_e6: photo.location ? Math.round(photo.location.longitude * 1e6) : null,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await trx.insertInto('attachment').values(row).execute();
  await store.put(trx, id, 'original', photo.original.data);
  await store.put(trx, id, 'thumbnail', photo.thumbnail.data);
  await recordAudit(trx, actor, {
    action: 'attachment.create',
    entity: 'attachment',
    entityId: id,
    after: {
      ownerType: owner.type,
      ownerId: owner.id,
      kind: row.kind,
      fileName: row.file_name,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
    },
  });
  return toAttachment(await attachmentsOf(trx).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** The attachments of a record of one kind (photos), oldest first. */
export async function listAttachments(
  db: Executor,
  owner: AttachmentOwner,
  kind: Attachment['kind'] = 'photo',
): Promise<Attachment[]> {
  const rows = await attachmentsOf(db)
    .where('a.owner_type', '=', owner.type)
    .where('a.owner_id', '=', owner.id)
    .where('a.kind', '=', kind)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toAttachment);
}

/** How many attachments of a kind a record has (the intake protocol prints the number of photos). */
export async function countAttachments(db: Executor, owner: AttachmentOwner, kind: 'photo'): Promise<number> {
  const row = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function findOwned(
  db: Executor,
  owner: AttachmentOwner,
  id: string,
  kind: Attachment['kind'] = 'photo',
): Promise<Attachment> {
  const row = await attachmentsOf(db)
    .where('a.id', '=', id)
    .where('a.owner_type', '=', owner.type)
    .where('a.owner_id', '=', owner.id)
    .where('a.kind', '=', kind)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return toAttachment(row);
}

/** One attachment of the record with its bytes (the file or its thumbnail); 404 when it is not this record's. */
export async function readAttachment(
  db: Executor,
  owner: AttachmentOwner,
  id: string,
  variant: AttachmentVariant,
): Promise<{ attachment: Attachment; data: Buffer; contentType: string }> {
  const attachment = await findOwned(db, owner, id);
  const data = await store.get(db, id, variant);
  if (!data) throw notFound('attachment');
  return { attachment, data, contentType: variant === 'original' ? attachment.contentType : 'image/jpeg' };
}

/** Removes an attachment of the record, bytes and all, with its audit row, in the caller's transaction. */
export async function removeAttachment(
  trx: Executor,
  actor: Actor,
  owner: AttachmentOwner,
  id: string,
): Promise<void> {
  const attachment = await findOwned(trx, owner, id);
  await store.removeAll(trx, id);
  await trx.deleteFrom('attachment').where('id', '=', id).execute();
  await recordAudit(trx, actor, {
    action: 'attachment.delete',
    entity: 'attachment',
    entityId: id,
    before: {
      ownerType: owner.type,
      ownerId: owner.id,
      kind: attachment.kind,
      fileName: attachment.fileName,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Signatures: at most one per record, a PNG of the lines drawn on a signature pad, with the signer's name.

/** The largest signature accepted as uploaded: a pad's PNG is typically 10–60 KB. */
export const SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;
/** A signature is kept at most this many pixels on its longer side (a phone pad at 3× is about 1200 px wide). */
export const SIGNATURE_MAX_SIDE = 1600;
/** The signer's name: what they typed beside the signature. */
export const SIGNER_NAME_MAX = 120;

export const SIGNATURE_RULES: ImageRules = {
  field: 'signature',
  maxBytes: SIGNATURE_MAX_BYTES,
  maxPixels: 8_000_000,
  maxSide: SIGNATURE_MAX_SIDE,
  output: 'png',
};

/** A signature checked and drawn again as a PNG (transparency kept), with its signer's name; before the transaction. */
export interface PreparedSignature {
  signerName: string;
  image: Awaited<ReturnType<typeof normalizeImage>>;
}

/** The signer's name, trimmed and on one line; 400 `signer_name_required` when empty. */
function cleanSignerName(name: string | null | undefined): string {
  const clean = (name ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) throw new DomainError('invalid', 'signer_name_required', { field: 'signerName' });
  if (clean.length > SIGNER_NAME_MAX)
    throw new DomainError('invalid', 'signer_name_too_long', {
      field: 'signerName',
      params: { max: SIGNER_NAME_MAX },
    });
  return clean;
}

/** Checks the signer's name and the image (PNG, JPEG or WebP by content), drawn again as a PNG without metadata. */
export async function prepareSignature(
  bytes: Buffer,
  signerName: string | null | undefined,
): Promise<PreparedSignature> {
  const name = cleanSignerName(signerName);
  return { signerName: name, image: await normalizeImage(bytes, SIGNATURE_RULES) };
}

const toSignature = (r: Row): Signature => ({
  id: r.id,
  signerName: r.signer_name ?? '',
  signedAt: new Date(r.created_at).toISOString(),
  contentType: 'image/png',
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  width: r.width === null ? null : Number(r.width),
  height: r.height === null ? null : Number(r.height),
  createdByName: r.created_by_name ?? null,
});

async function signatureRow(db: Executor, owner: AttachmentOwner) {
  return attachmentsOf(db)
    .where('a.owner_type', '=', owner.type)
    .where('a.owner_id', '=', owner.id)
    .where('a.kind', '=', 'signature')
    .executeTakeFirst();
}

/** The record's signature, or null when it has none. */
export async function findSignature(db: Executor, owner: AttachmentOwner): Promise<Signature | null> {
  const row = await signatureRow(db, owner);
  return row ? toSignature(row) : null;
}

/** The record's signature with its PNG bytes; 404 `signature` when it has none. */
export async function readSignature(
  db: Executor,
  owner: AttachmentOwner,
): Promise<{ signature: Signature; data: Buffer }> {
  const signature = await findSignature(db, owner);
  const data = signature ? await store.get(db, signature.id, 'original') : null;
  if (!signature || !data) throw notFound('signature');
  return { signature, data };
}

const signatureAudit = (
  owner: AttachmentOwner,
  s: Pick<Signature, 'signerName' | 'sizeBytes' | 'sha256'>,
) => ({
  ownerType: owner.type,
  ownerId: owner.id,
  kind: 'signature',
  signerName: s.signerName,
  sizeBytes: s.sizeBytes,
  sha256: s.sha256,
});

/**
 * Stores the record's signature in the caller's transaction, replacing the one it had (bytes and all): one audit
 * row `attachment.sign`, with the replaced signature as `before`. The caller checks the record may still be signed.
 */
export async function putSignature(
  trx: Executor,
  actor: Actor,
  owner: AttachmentOwner,
  prepared: PreparedSignature,
): Promise<Signature> {
  const old = await findSignature(trx, owner);
  if (old) {
    await store.removeAll(trx, old.id);
    await trx.deleteFrom('attachment').where('id', '=', old.id).execute();
  }
  const id = newId();
  const row = {
    id,
    owner_type: owner.type,
    owner_id: owner.id,
    kind: 'signature',
    file_name: 'signature.png',
    content_type: prepared.image.contentType,
    size_bytes: prepared.image.data.length,
    sha256: createHash('sha256').update(prepared.image.data).digest('hex'),
    width: prepared.image.width,
    height: prepared.image.height,
    signer_name: prepared.signerName,
    created_by: actor.userId,
    created_at: nowIso(),
  };
  await trx.insertInto('attachment').values(row).execute();
  await store.put(trx, id, 'original', prepared.image.data);
  await recordAudit(trx, actor, {
    action: 'attachment.sign',
    entity: 'attachment',
    entityId: id,
    before: old ? signatureAudit(owner, old) : undefined,
    after: signatureAudit(owner, {
      signerName: row.signer_name,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
    }),
  });
  const stored = await signatureRow(trx, owner);
  if (!stored) throw notFound('signature');
  return toSignature(stored);
}

/** Removes the record's signature with its audit row `attachment.unsign`; 404 `signature` when it has none. */
export async function removeSignature(trx: Executor, actor: Actor, owner: AttachmentOwner): Promise<void> {
  const old = await findSignature(trx, owner);
  if (!old) throw notFound('signature');
  await store.removeAll(trx, old.id);
  await trx.deleteFrom('attachment').where('id', '=', old.id).execute();
  await recordAudit(trx, actor, {
    action: 'attachment.unsign',
    entity: 'attachment',
    entityId: old.id,
    before: signatureAudit(owner, old),
  });
}
