import type { Instant } from '../../db/sql';

/**
 * One stored file of a record (ADR 15): a service order's photo today; signatures, issued PDFs next. What it is and
 * whose it is; its bytes are in the store (attachment_content).
 */
export interface AttachmentTable {
  id: string;
  /** The kind of record it belongs to ('service_order') and that record's id. */
  owner_type: string;
  owner_id: string;
  /** What it is to its owner: 'photo', or 'signature' (at most one per record). */
  kind: string;
  /** The name the file had on the uploader's device (shown, never used as a path). */
  file_name: string;
  /** The type of the stored bytes: always one we encoded ourselves (image/jpeg for photos). */
  content_type: string;
  /** Bytes of the stored (re-encoded) file. */
  size_bytes: number;
  /** The sha256 of the stored bytes, hex. */
  sha256: string;
  width: number | null;
  height: number | null;
  /** A signature's signer, as they typed their name beside it (null for photos). */
  signer_name: string | null;
  /** Where a photo was taken (its EXIF GPS position), in millionths of a degree; kept only when the settings say so. */
  latitude_e6: number | null;
  longitude_e6: number | null;
  created_by: string | null;
  /** When it was added: a signature's signed-at time. */
  created_at: Instant;
}

/** The bytes of an attachment, in the database store: the file itself and its thumbnail. */
export interface AttachmentContentTable {
  attachment_id: string;
  /** 'original' (the stored file) or 'thumbnail'. */
  variant: string;
  data: Buffer;
}

export interface AttachmentsTables {
  attachment: AttachmentTable;
  attachment_content: AttachmentContentTable;
}
