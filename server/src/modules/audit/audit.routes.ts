import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Page } from '../../kernel/list-query';
import { AuditEntry, AuditQuery } from './audit.schema';
import { findAuditEntries } from './audit.service';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    async (req) => ({
      ...(await findAuditEntries(app.deps.db, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
}
