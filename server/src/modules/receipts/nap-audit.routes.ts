/**
 * The standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039) under /api/v1/vat beside the VAT
 * journal: the month's sales through the site as NAP's dec_audit XML, windows-1251, as a download. One rule
 * (NAP_AUDIT_FILE_READ).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { napAuditFile } from './nap-audit.service';
import { AuditFileQuery } from './receipts.schema';

export async function napAuditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get(
    '/api/v1/vat/audit-file.xml',
    {
      schema: {
        tags: ['vat'],
        summary:
          "The month's standardised audit file for NAP (Н-18 Appendix 38, dec_audit.xsd): sales, stornos and refunds; XML in windows-1251",
        querystring: AuditFileQuery,
      },
    },
    async (req, reply) => {
      const file = await napAuditFile(db, req.query.month);
      return reply
        .type('application/xml; charset=windows-1251')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
