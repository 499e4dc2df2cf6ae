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
export { Attachment } from './attachments.schema';
export {
  type AttachmentOwner,
  addPhoto,
  countAttachments,
  listAttachments,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_SIDE,
  type PreparedPhoto,
  preparePhoto,
  readAttachment,
  removeAttachment,
} from './attachments.service';
export type { AttachmentVariant } from './attachments.store';
