import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { contentDisposition } from '../../pdf';
import { SIGNATURE_MAX_BYTES, SIGNER_NAME_MAX, Signature } from '../attachments';
import { orderSignature, readOrderSignature, signOrder, unsignOrder } from './orders.signature';

const SignQuery = z.strictObject({
  // Checked by the service (trimmed, required, at most 120 characters), so a missing name is the same
  // problem+json (`signer_name_required`, field signerName) as an empty one, and nothing is written.
  signerName: z
    .string()
    .max(SIGNER_NAME_MAX * 2)
    .optional()
    .describe('The signer’s name as they typed it beside the signature (required; at most 120 characters)'),
});

/**
 * The customer's signature on a service order (ADR 0032): the PNG the signature pad draws, sent as the raw body like
 * a photo (orders.photos.routes.ts), the signer's name in the query like a photo's file name. By the order's rules.
 */
export async function orderSignatureRoutes(app: FastifyInstance) {
  for (const type of [/^image\//, 'application/octet-stream'])
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: SIGNATURE_MAX_BYTES },
      async (_req: FastifyRequest, body: Buffer) => body,
    );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['service orders'];

  r.get(
    '/api/v1/service-orders/:id/signature',
    {
      schema: {
        tags,
        summary: 'The customer’s signature on the order: who signed and when (null when not signed)',
        params: IdParams,
        response: { 200: Signature.nullable() },
      },
    },
    async (req) => orderSignature(db, req.params.id),
  );

  r.put(
    '/api/v1/service-orders/:id/signature',
    {
      bodyLimit: SIGNATURE_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Sign the order: the signature’s image itself as the request body (image/png as a signature pad draws it; JPEG and WebP too), at most 2 MiB; replaces the one it had',
        description:
          'Only while the order is open (received … in_repair): once it is ready, delivered or cancelled, 409 `order_finished`. The image is checked by its content and drawn again as a PNG without metadata, at most 1600 px on its longer side. The signer’s name is required (`signer_name_required`). Audited as `attachment.sign`.',
        params: IdParams,
        querystring: SignQuery,
        response: { 200: Signature },
      },
    },
    async (req) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return signOrder(db, actorOf(req), req.params.id, body, req.query.signerName);
    },
  );

  r.get(
    '/api/v1/service-orders/:id/signature/image',
    {
      schema: {
        tags,
        summary: 'The customer’s signature as a PNG image (inline); 404 when the order is not signed',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const { data } = await readOrderSignature(db, req.params.id);
      // Only bytes we encoded ourselves; a new signature is a new address for the browser (?v=sha256 on the web).
      return reply
        .type('image/png')
        .header('content-disposition', contentDisposition('signature.png', true))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .send(data);
    },
  );

  r.delete(
    '/api/v1/service-orders/:id/signature',
    {
      schema: {
        tags,
        summary: 'Delete the customer’s signature while the order is open (audited as `attachment.unsign`)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await unsignOrder(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
