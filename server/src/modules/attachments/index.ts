/**
 * The attachments module seen from other modules (ADR 15): the one storage of files that belong to records (a
 * service order's photos today), and the one image rule every upload goes through (the company logo too). It
 * serves other modules and imports none of them but audit: the owner's module checks its record and its rules.
 */

export {
  type ImageFormat,
  type ImageRules,
  type NormalizedImage,
  normalizeImage,
  sniffImageFormat,
  thumbnailOf,
} from './attachments.image';
export { Attachment, Signature } from './attachments.schema';
export {
  type AttachmentOwner,
  addPhoto,
  countAttachments,
  findSignature,
  listAttachments,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_SIDE,
  type PreparedPhoto,
  type PreparedSignature,
  preparePhoto,
  prepareSignature,
  putSignature,
  readAttachment,
  readSignature,
  removeAttachment,
  removeSignature,
  SIGNATURE_MAX_BYTES,
  SIGNER_NAME_MAX,
} from './attachments.service';
export type { AttachmentVariant } from './attachments.store';
