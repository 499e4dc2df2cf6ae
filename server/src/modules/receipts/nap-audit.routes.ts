/**
 * The standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039) under /api/v1/vat beside the VAT
 * journal: the month's sales through a site as NAP's dec_audit XML, windows-1251, as a download, one file per sale
 * site (ADR 0043), and the sites to choose from. One rule (NAP_AUDIT_FILE_READ).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { napAuditFile, napAuditSites } from './nap-audit.service';
import { AuditFileQuery, AuditFileSites, AuditFileSitesQuery } from './receipts.schema';

export async function napAuditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get(
    '/api/v1/vat/audit-file.xml',
    {
      schema: {
        tags: ['vat'],
        summary:
          "The month's standardised audit file for NAP (Н-18 Appendix 38, dec_audit.xsd) of one sale site: its sales, stornos and refunds; XML in windows-1251",
        querystring: AuditFileQuery,
      },
    },
    async (req, reply) => {
      const file = await napAuditFile(db, req.query.month, req.query.siteId);
      return reply
        .type('application/xml; charset=windows-1251')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  r.get(
    '/api/v1/vat/audit-file/sites',
    {
      schema: {
        tags: ['vat'],
        summary:
          'The sale sites with their NAP code and what each sold in the month: one audit file per site (ADR 0043)',
        querystring: AuditFileSitesQuery,
        response: { 200: AuditFileSites },
      },
    },
    async (req) => napAuditSites(db, req.query.month),
  );
}
