import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { Id, IdParams } from '../../kernel/ids';
import { contentDisposition } from '../../pdf';
import { Attachment, PHOTO_MAX_BYTES } from '../attachments';
import { addOrderPhoto, listOrderPhotos, readOrderPhoto, removeOrderPhoto } from './orders.photos';

const PhotoParams = IdParams.extend({ photoId: Id });
const UploadQuery = z.strictObject({
  fileName: z.string().max(255).optional().describe('The name of the file on the device (shown in the list)'),
});
const PhotoQuery = z.strictObject({
  size: z
    .enum(['full', 'thumbnail'])
    .optional()
    .describe('full (default): the stored photo, at most 2000 px; thumbnail: at most 320 px'),
});

/**
 * The photos of a service order: uploaded one per request as the raw file (what `fetch(url, { body: file })` sends
 * from a phone's camera), listed, shown and deleted by the order's own read and write rules (orders.access.ts).
 */
export async function orderPhotoRoutes(app: FastifyInstance) {
  // The upload is the raw body, kept as bytes, with room for a phone's full-size photo; encapsulated in this plugin.
  // Whatever type the phone calls its photo: the content decides (attachments.image.ts), never the declared type.
  for (const type of [/^image\//, 'application/octet-stream'])
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
      async (_req: FastifyRequest, body: Buffer) => body,
    );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['service orders'];

  r.get(
    '/api/v1/service-orders/:id/photos',
    {
      schema: {
        tags,
        summary: 'The photos of the order, oldest first (their bytes at …/photos/:photoId)',
        params: IdParams,
        response: { 200: z.array(Attachment) },
      },
    },
    async (req) => listOrderPhotos(db, req.params.id),
  );

  r.post(
    '/api/v1/service-orders/:id/photos',
    {
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Add a photo: the file itself as the request body (image/jpeg, image/png, image/webp or application/octet-stream), at most 15 MiB',
        description:
          'The content decides what the file is: JPEG, PNG or WebP (HEIC, SVG, GIF and anything else is refused with `unsupported_image`). It is turned upright by its EXIF orientation, drawn again as a JPEG without EXIF (no GPS position), at most 2000 px on its longer side, with a 320 px thumbnail. One photo per request.',
        params: IdParams,
        querystring: UploadQuery,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const photo: Attachment = await addOrderPhoto(
        db,
        actorOf(req),
        req.params.id,
        body,
        req.query.fileName,
      );
      return reply.status(201).send(photo);
    },
  );

  r.get(
    '/api/v1/service-orders/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'A photo of the order as an image (inline), or its thumbnail',
        params: PhotoParams,
        querystring: PhotoQuery,
      },
    },
    async (req, reply) => {
      const variant = req.query.size === 'thumbnail' ? 'thumbnail' : 'original';
      const { attachment, data, contentType } = await readOrderPhoto(
        db,
        req.params.id,
        req.params.photoId,
        variant,
      );
      // Only bytes we encoded ourselves, as the image they are: never sniffed, never run, even opened on their own.
      return reply
        .type(contentType)
        .header('content-disposition', contentDisposition(attachment.fileName, true))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=86400, immutable')
        .send(data);
    },
  );

  r.delete(
    '/api/v1/service-orders/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'Delete a photo of the order (audited)',
        params: PhotoParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeOrderPhoto(db, actorOf(req), req.params.id, req.params.photoId);
      return reply.status(204).send(null);
    },
  );
}
