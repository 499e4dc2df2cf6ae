import { z } from 'zod';

/** What a list of attachments shows of each: never the bytes (they have their own address). */
export const Attachment = z.object({
  id: z.string(),
  kind: z
    .enum(['photo', 'signature'])
    .describe(
      'photo: a photo of the item (at intake or during the work); signature: the customer’s signature',
    ),
  fileName: z.string().describe('The name the file had on the uploader’s device'),
  contentType: z
    .string()
    .describe('The type of the stored file: image/jpeg for photos (re-encoded on upload)'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('The sha256 of the stored file, hex'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  latitude: z
    .number()
    .nullable()
    .describe('Where the photo was taken (its GPS position), degrees north; only when the settings keep it'),
  longitude: z.number().nullable().describe('Where the photo was taken, degrees east'),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** The customer's signature on a record: who signed and when; its image has its own address. */
export const Signature = z.object({
  id: z.string(),
  signerName: z.string().describe('The signer’s name as they typed it beside the signature'),
  signedAt: z.string().describe('When the signature was saved (ISO UTC)'),
  contentType: z.literal('image/png'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('The sha256 of the stored PNG, hex'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdByName: z.string().nullable().describe('The user who saved it (the technician or the desk)'),
});
export type Signature = z.infer<typeof Signature>;
