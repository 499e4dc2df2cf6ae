import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import { type GuardedCsvColumn, visibleFor } from '../../kernel/fields';
import { IdParams } from '../../kernel/ids';
import { ListQueryBase, Page, QueryBool } from '../../kernel/list-query';
import { cents, toDecimalString } from '../../kernel/money';
import { TECHNICIAN_FIELDS } from './technicians.access';
import { TECHNICIANS_CSV_COLUMNS } from './technicians.import';
import { formatPercentBp } from './technicians.pay';
import { CreateTechnicianBody, PayTermsInput, Technician, UpdateTechnicianBody } from './technicians.schema';
import * as technicians from './technicians.service';
import './technicians.links';

const TechnicianFilters = {
  active: QueryBool.optional().describe('Only active (true) or inactive (false) technicians'),
  skill: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe('Technicians with this category code as a skill'),
  archived: QueryBool.optional().describe('true: only archived technicians; default: only those in use'),
};

const TechnicianListQuery = z.strictObject({
  ...ListQueryBase,
  sort: z.string().max(64).optional().describe('name | createdAt, "-" before for descending; default name'),
  ...TechnicianFilters,
});

const TechnicianExportQuery = z.strictObject({
  q: ListQueryBase.q,
  sort: z.string().max(64).optional(),
  ...TechnicianFilters,
});

function payValue(t: Technician): string | null {
  const p = t.currentPayTerms;
  if (!p) return null;
  if (p.payType === 'commission') return p.commissionBp === null ? null : formatPercentBp(p.commissionBp);
  return p.rateCents === null ? null : toDecimalString(cents(p.rateCents));
}

const PAY_COLUMNS = new Set<string>(['pay_type', 'pay_value']);

/**
 * The columns of server/seed-data/technicians.csv (pay terms in force today), so an export imports back; the pay
 * columns only for the roles that may see pay.
 */
const CSV: GuardedCsvColumn<Technician, 'pay'>[] = TECHNICIANS_CSV_COLUMNS.map((header) => ({
  header,
  group: PAY_COLUMNS.has(header) ? 'pay' : undefined,
  value: (t: Technician) =>
    ({
      name: t.name,
      phone: t.phone,
      skills: t.skills.join(';'),
      weekday_hours: t.hoursText,
      pay_type: t.currentPayTerms?.payType ?? null,
      pay_value: payValue(t),
    })[header],
}));

/** What the signed-in role may see of a technician (pay terms: TECHNICIAN_FIELDS). */
const fieldsOf = (req: FastifyRequest) => visibleFor(principalOf(req).role, TECHNICIAN_FIELDS);

export async function technicianRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['technicians'];

  r.get(
    '/api/v1/technicians',
    {
      schema: {
        tags,
        summary:
          'Technicians with skills, working hours and pay terms: search (name, phone), filter, sort, page',
        querystring: TechnicianListQuery,
        response: { 200: Page(Technician) },
      },
    },
    async (req) =>
      fieldsOf(req).strip({
        ...(await technicians.listTechnicians(db, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  );

  r.get(
    '/api/v1/technicians/export.csv',
    {
      schema: {
        tags,
        summary:
          'The technician list as CSV (the columns of the technicians import), same filters, no paging',
        querystring: TechnicianExportQuery,
      },
    },
    async (req, reply) =>
      sendCsv(
        reply,
        'technicians.csv',
        fieldsOf(req).columns(CSV),
        await technicians.exportTechnicians(db, req.query),
      ),
  );

  r.get(
    '/api/v1/technicians/:id',
    { schema: { tags, summary: 'A technician', params: IdParams, response: { 200: Technician } } },
    async (req) => fieldsOf(req).strip(await technicians.getTechnician(db, req.params.id)),
  );

  r.post(
    '/api/v1/technicians',
    {
      schema: {
        tags,
        summary: 'Add a technician (with or without a user account)',
        body: CreateTechnicianBody,
        response: { 201: Technician },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(fieldsOf(req).strip(await technicians.createTechnician(db, actorOf(req), req.body))),
  );

  r.patch(
    '/api/v1/technicians/:id',
    {
      schema: {
        tags,
        summary: 'Change a technician; skills and hours given replace the old ones',
        params: IdParams,
        body: UpdateTechnicianBody,
        response: { 200: Technician },
      },
    },
    async (req) =>
      fieldsOf(req).strip(await technicians.updateTechnician(db, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/technicians/:id/archive',
    { schema: { tags, summary: 'Archive a technician', params: IdParams, response: { 200: Technician } } },
    async (req) => fieldsOf(req).strip(await technicians.archiveTechnician(db, actorOf(req), req.params.id)),
  );

  r.post(
    '/api/v1/technicians/:id/unarchive',
    {
      schema: {
        tags,
        summary: 'Bring an archived technician back',
        params: IdParams,
        response: { 200: Technician },
      },
    },
    async (req) =>
      fieldsOf(req).strip(await technicians.unarchiveTechnician(db, actorOf(req), req.params.id)),
  );

  r.post(
    '/api/v1/technicians/:id/pay-terms',
    {
      schema: {
        tags,
        summary: 'Add pay terms that apply from a date (earlier terms are kept)',
        params: IdParams,
        body: PayTermsInput,
        response: { 201: Technician },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(fieldsOf(req).strip(await technicians.addPayTerms(db, actorOf(req), req.params.id, req.body))),
  );
}
