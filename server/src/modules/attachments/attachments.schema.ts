import { z } from 'zod';

/** What a list of attachments shows of each: never the bytes (they have their own address). */
export const Attachment = z.object({
  id: z.string(),
  kind: z.enum(['photo']).describe('photo: a photo of the item (at intake or during the work)'),
  fileName: z.string().describe('The name the file had on the uploader’s device'),
  contentType: z
    .string()
    .describe('The type of the stored file: image/jpeg for photos (re-encoded on upload)'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('The sha256 of the stored file, hex'),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;
