import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import {
  FiscalActionAnswer,
  FiscalAmountBody,
  FiscalCashAnswer,
  FiscalDeviceSettings,
  FiscalDeviceSettingsBody,
  FiscalDeviceTestAnswer,
  FiscalTaskParams,
  FiscalTaskRetryBody,
} from './fiscal.schema';
import * as fiscal from './fiscal.service';

/** The fiscal device: its setting and what the people at the till ask of it (issue 13 item 4, ADR 0017). */
export async function fiscalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['fiscal-device'];

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
        response: { 200: FiscalDeviceTestAnswer },
      },
    },
    async (req) => fiscal.testFiscalDevice(db, actorOf(req)),
  );

  r.get(
    '/api/v1/fiscal-device/cash',
    { schema: { tags, summary: 'The cash the device holds', response: { 200: FiscalCashAnswer } } },
    async () => fiscal.fiscalDeviceCash(db),
  );

  for (const [path, action, summary] of [
    ['x-report', 'x_report', 'Print the X report (the day so far)'],
    ['duplicate', 'duplicate', 'Print a duplicate of the last receipt'],
  ] as const)
    r.post(
      `/api/v1/fiscal-device/${path}`,
      { schema: { tags, summary, response: { 200: FiscalActionAnswer } } },
      async (req) => fiscal.runDeviceReport(db, actorOf(req), action),
    );

  r.post(
    '/api/v1/fiscal-device/z-report',
    {
      schema: {
        tags,
        summary:
          'Print the Z report (closes the day); the device’s cash before and after it is kept (FIS-03)',
        response: { 200: FiscalActionAnswer },
      },
    },
    async (req) => fiscal.runZReport(db, actorOf(req)),
  );

  for (const [path, summary] of [
    ['deposit', 'Service deposit: cash put in the drawer'],
    ['withdraw', 'Service withdrawal: cash taken out of the drawer'],
  ] as const)
    r.post(
      `/api/v1/fiscal-device/${path}`,
      { schema: { tags, summary, body: FiscalAmountBody, response: { 200: FiscalActionAnswer } } },
      async (req) => fiscal.moveDeviceCash(db, actorOf(req), path, req.body.amountCents),
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
}
