import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import { decodeCsvUpload } from './imports.csv';
import { numericRuleOfHeader } from './imports.headers';
import { importAdapter } from './imports.registry';
import {
  EntityParams,
  ImportField,
  ImportJob,
  ImportPreview,
  JobParams,
  JobQuery,
  TemplateQuery,
} from './imports.schema';
import {
  type FileFormat,
  getImportJob,
  importableEntities,
  importReport,
  importTemplate,
  previewImport,
  startImport,
} from './imports.service';
import { readXlsxUpload, uploadKind } from './imports.xlsx';

export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importsRoutes(app: FastifyInstance) {
  // The body stays text (so the route documents a string): an XLSX file's first sheet becomes CSV text. How the file
  // was written (format, encoding, sheet) is kept beside the request for the preview to report.
  const formats = new WeakMap<FastifyRequest, FileFormat>();
  // The file arrives as the raw request body, up to 20 MiB, as bytes, under whatever type the browser gave it (a
  // .csv is application/vnd.ms-excel on a Windows with Excel): its content decides. XLSX is read from its first
  // sheet; CSV is UTF-8 or Windows-1251, detected and decoded in slices so other requests run meanwhile. A file that
  // is neither (an old .xls, a locked workbook, another encoding) is refused here, before any preview.
  app.addContentTypeParser(
    [
      'text/csv',
      'text/plain',
      'application/octet-stream',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    async (req: FastifyRequest, body: Buffer) => {
      if (uploadKind(body) === 'xlsx') {
        const entity = (req.params as { entity?: string }).entity ?? '';
        const adapter = importAdapter(entity);
        const sheet = await readXlsxUpload(body, yieldToOthers, (h) =>
          adapter ? numericRuleOfHeader(adapter, h) : null,
        );
        formats.set(req, { format: 'xlsx', encoding: null, sheet: sheet.sheet });
        return sheet.text;
      }
      const decoded = await decodeCsvUpload(body, yieldToOthers);
      formats.set(req, { format: 'csv', encoding: decoded.encoding, sheet: null });
      return decoded.text;
    },
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const csvBody = z
    .string()
    .describe(
      'The file as saved, sent as text/csv or application/octet-stream: CSV (UTF-8 with or without BOM, or Windows-1251; comma, semicolon or tab) or XLSX (its first sheet), with a header row of English or Bulgarian column names',
    );

  r.get(
    '/api/v1/imports',
    {
      schema: {
        tags: ['imports'],
        summary:
          'The entities the caller may import (their write rule), each with the columns of its CSV file',
        response: {
          200: z.object({
            entities: z.array(
              z.object({
                entity: z.string(),
                columns: z.array(z.string()).describe('Every column the file may have, in export order'),
                requiredColumns: z.array(z.string()).describe('Columns the file must have'),
                fields: z
                  .array(ImportField)
                  .describe('Each column: its Bulgarian header and the codes it takes'),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ entities: importableEntities(principalOf(req).role) }),
  );

  r.get(
    '/api/v1/imports/:entity/template',
    {
      schema: {
        tags: ['imports'],
        summary:
          'An empty file to fill in: the header row in Bulgarian or English, as XLSX (a second sheet lists each column and the values it takes), CSV in UTF-8 with commas, or CSV in Windows-1251 with semicolons',
        params: EntityParams,
        querystring: TemplateQuery,
      },
    },
    async (req, reply) => {
      const file = await importTemplate(principalOf(req), req.params.entity, req.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  r.post(
    '/api/v1/imports/:entity/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Check a CSV or XLSX file: the first rows and every error; writes nothing',
        params: EntityParams,
        body: csvBody,
        response: { 200: ImportPreview },
      },
    },
    async (req) =>
      previewImport(
        db,
        principalOf(req),
        req.params.entity,
        { text: req.body, ...(formats.get(req) ?? { format: 'csv', encoding: 'utf-8', sheet: null }) },
        req.locale,
      ),
  );

  r.post(
    '/api/v1/imports/:entity/jobs',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Import a CSV or XLSX file on the job runner; poll the job for progress',
        params: EntityParams,
        querystring: JobQuery,
        body: csvBody,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => {
      const job = await startImport(db, principalOf(req), actorOf(req), {
        entity: req.params.entity,
        text: req.body,
        onlyValid: req.query.onlyValid,
        fileName: req.query.fileName,
        locale: req.locale,
      });
      app.jobs.wake();
      return reply.status(202).send(job);
    },
  );

  r.get(
    '/api/v1/imports/jobs/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import job and its progress',
        params: JobParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => getImportJob(db, principalOf(req), req.params.id),
  );

  r.get(
    '/api/v1/imports/jobs/:id/report.csv',
    { schema: { tags: ['imports'], summary: 'Every rejected row and why, as CSV', params: JobParams } },
    async (req, reply) => {
      const rows = await importReport(db, principalOf(req), req.params.id);
      return sendCsv(
        reply,
        `import-report-${req.params.id}.csv`,
        [
          { header: 'row', value: (e) => e.row },
          { header: 'field', value: (e) => e.field },
          { header: 'code', value: (e) => e.code },
          { header: 'message', value: (e) => e.message },
        ],
        rows,
      );
    },
  );
}
