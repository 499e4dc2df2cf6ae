import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import {
  FiscalActionAnswer,
  FiscalAmountBody,
  FiscalCashAnswer,
  FiscalDeviceBody,
  FiscalDeviceItem,
  FiscalDevicePatch,
  FiscalDeviceQuery,
  FiscalDeviceSettings,
  FiscalDeviceSettingsBody,
  FiscalDeviceTestAnswer,
  FiscalIdParams,
  FiscalSite,
  FiscalSiteBody,
  FiscalSiteList,
  FiscalSitePatch,
  FiscalTaskParams,
  FiscalTaskRetryBody,
  FiscalWorkstation,
  FiscalWorkstationBody,
  FiscalWorkstationList,
  FiscalWorkstationPatch,
} from './fiscal.schema';
import * as fiscal from './fiscal.service';
import * as sites from './fiscal.sites';

/** The fiscal device: its setting and what the people at the till ask of it (issue 13 item 4, ADR 0017). */
export async function fiscalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['fiscal-device'];
  /** The device a request acts on: ?deviceId=, else the workstation's, else the default device (ADR 0041). */
  const deviceOf = (req: FastifyRequest) =>
    sites.operatedDeviceId(db, actorOf(req), (req.query as { deviceId?: string } | undefined)?.deviceId);

  r.get(
    '/api/v1/fiscal-device',
    {
      schema: {
        tags,
        summary: 'The fiscal device setting (never the operator password)',
        response: { 200: FiscalDeviceSettings },
      },
    },
    async () => fiscal.getFiscalDeviceSettings(db),
  );

  r.put(
    '/api/v1/fiscal-device',
    {
      schema: {
        tags,
        summary: 'Set up the fiscal device: none, or an ErpNet.FP server and printer',
        body: FiscalDeviceSettingsBody,
        response: { 200: FiscalDeviceSettings },
      },
    },
    async (req) =>
      db.transaction().execute((trx) => fiscal.saveFiscalDeviceSettings(trx, actorOf(req), req.body)),
  );

  r.post(
    '/api/v1/fiscal-device/test',
    {
      schema: {
        tags,
        summary: 'Ask the device who it is and how it is; keeps its serial numbers for the УНП',
        querystring: FiscalDeviceQuery,
        response: { 200: FiscalDeviceTestAnswer },
      },
    },
    async (req) => fiscal.testFiscalDevice(db, actorOf(req), await deviceOf(req)),
  );

  r.get(
    '/api/v1/fiscal-device/cash',
    {
      schema: {
        tags,
        summary: 'The cash the device holds',
        querystring: FiscalDeviceQuery,
        response: { 200: FiscalCashAnswer },
      },
    },
    async (req) => fiscal.fiscalDeviceCash(db, await deviceOf(req)),
  );

  for (const [path, action, summary] of [
    ['x-report', 'x_report', 'Print the X report (the day so far)'],
    ['duplicate', 'duplicate', 'Print a duplicate of the last receipt'],
  ] as const)
    r.post(
      `/api/v1/fiscal-device/${path}`,
      { schema: { tags, summary, querystring: FiscalDeviceQuery, response: { 200: FiscalActionAnswer } } },
      async (req) => fiscal.runDeviceReport(db, actorOf(req), action, await deviceOf(req)),
    );

  r.post(
    '/api/v1/fiscal-device/z-report',
    {
      schema: {
        tags,
        summary:
          'Print the Z report (closes the day); the device’s cash before and after it is kept (FIS-03)',
        querystring: FiscalDeviceQuery,
        response: { 200: FiscalActionAnswer },
      },
    },
    async (req) => fiscal.runZReport(db, actorOf(req), undefined, await deviceOf(req)),
  );

  for (const [path, summary] of [
    ['deposit', 'Service deposit: cash put in the drawer'],
    ['withdraw', 'Service withdrawal: cash taken out of the drawer'],
  ] as const)
    r.post(
      `/api/v1/fiscal-device/${path}`,
      {
        schema: {
          tags,
          summary,
          querystring: FiscalDeviceQuery,
          body: FiscalAmountBody,
          response: { 200: FiscalActionAnswer },
        },
      },
      async (req) => fiscal.moveDeviceCash(db, actorOf(req), path, req.body.amountCents, await deviceOf(req)),
    );

  r.post(
    '/api/v1/fiscal-device/tasks/:id/retry',
    {
      schema: {
        tags,
        summary: 'Ask again about a pending or lost task; reprint an unknown one only on the operator’s word',
        params: FiscalTaskParams,
        body: FiscalTaskRetryBody,
        response: { 200: FiscalActionAnswer },
      },
    },
    async (req) => fiscal.retryDeviceTask(db, actorOf(req), req.params.id, req.body.afterUnknown),
  );

  // ---------------------------------------------------------------- sites, devices, workstations (ADR 0041)
  const siteTags = ['fiscal-sites'];
  r.get(
    '/api/v1/fiscal-sites',
    {
      schema: {
        tags: siteTags,
        summary: 'The sale sites with their fiscal devices and workstations',
        response: { 200: FiscalSiteList },
      },
    },
    async () => ({ items: await sites.listSites(db) }),
  );
  r.post(
    '/api/v1/fiscal-sites',
    {
      schema: {
        tags: siteTags,
        summary: 'A new sale site (търговски обект)',
        body: FiscalSiteBody,
        response: { 201: FiscalSite },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await db.transaction().execute((trx) => sites.createSite(trx, actorOf(req), req.body))),
  );
  r.patch(
    '/api/v1/fiscal-sites/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Change a sale site',
        params: FiscalIdParams,
        body: FiscalSitePatch,
        response: { 200: FiscalSite },
      },
    },
    async (req) =>
      db.transaction().execute((trx) => sites.updateSite(trx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/fiscal-devices',
    {
      schema: {
        tags: siteTags,
        summary: 'A new fiscal device in a site',
        body: FiscalDeviceBody,
        response: { 201: FiscalDeviceItem },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await db.transaction().execute((trx) => sites.createDevice(trx, actorOf(req), req.body))),
  );
  r.patch(
    '/api/v1/fiscal-devices/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Change a fiscal device (its site, printer, ФУ number, cash desk, active)',
        params: FiscalIdParams,
        body: FiscalDevicePatch,
        response: { 200: FiscalDeviceItem },
      },
    },
    async (req) =>
      db.transaction().execute((trx) => sites.updateDevice(trx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/fiscal-workstations',
    {
      schema: {
        tags: siteTags,
        summary: 'The workstations, to pick the browser’s own (sent back as X-Workstation-Id)',
        response: { 200: FiscalWorkstationList },
      },
    },
    async () => ({ items: await sites.listWorkstations(db) }),
  );
  r.post(
    '/api/v1/fiscal-workstations',
    {
      schema: {
        tags: siteTags,
        summary: 'A new workstation of a site, printing on one of its devices',
        body: FiscalWorkstationBody,
        response: { 201: FiscalWorkstation },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await db.transaction().execute((trx) => sites.createWorkstation(trx, actorOf(req), req.body))),
  );
  r.patch(
    '/api/v1/fiscal-workstations/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Change a workstation (its name, its device)',
        params: FiscalIdParams,
        body: FiscalWorkstationPatch,
        response: { 200: FiscalWorkstation },
      },
    },
    async (req) =>
      db.transaction().execute((trx) => sites.updateWorkstation(trx, actorOf(req), req.params.id, req.body)),
  );
}
