import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, principalOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { Page } from '../../kernel/list-query';
import {
  EinvoiceConsent,
  EinvoiceConsentInput,
  InvoiceMailQuery,
  MailDraft,
  OutboxEntry,
  OutboxListQuery,
  SendDocumentInput,
  SmtpSettings,
  SmtpSettingsInput,
  TestMailInput,
  TestMailResult,
  WorkReportMailQuery,
} from './mail.schema';
import * as mail from './mail.service';
import type { MailDocumentType } from './mail.table';

const SEND_DESCRIPTION =
  'Queues the message; a background job sends it (its status: GET /api/v1/mail/outbox/:id). Refused with nothing written: 409 `mail_not_configured` before the SMTP server is set up, 409 `document_not_issued` for a draft, 409 `document_cancelled`, a bad address 400 (field `to.N`). An invoice, a note or a proforma goes only to a customer who agreed to electronic invoices (INV-15): otherwise 409 `einvoice_consent_missing` (field `recordConsent`), unless `recordConsent: true` from a user who may edit the customer records the consent with the first address in the same action (audited).';

/**
 * Sending documents by e-mail (ADR 0036): the SMTP settings under the company's, the send action beside each
 * document's PDF (under that PDF's read rule), the outbox, and the customer's consent to electronic invoices.
 */
export async function mailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/company/smtp',
    {
      schema: {
        tags: ['company'],
        summary: 'The SMTP server documents are e-mailed through; the password only as set or not',
        response: { 200: SmtpSettings },
      },
    },
    async () => mail.getSmtpSettings(db),
  );

  r.put(
    '/api/v1/company/smtp',
    {
      schema: {
        tags: ['company'],
        summary:
          'Set the SMTP server (administrator): host, port, TLS, login, sender; audited without the password',
        body: SmtpSettingsInput,
        response: { 200: SmtpSettings },
      },
    },
    async (req) => mail.saveSmtpSettings(db, actorOf(req), req.body),
  );

  r.post(
    '/api/v1/company/smtp/test',
    {
      schema: {
        tags: ['company'],
        summary:
          'Send a test message through the saved SMTP server now and say whether it went (409 mail_not_configured before it is saved)',
        body: TestMailInput,
        response: { 200: TestMailResult },
      },
    },
    async (req) => mail.sendTestMail(db, req.body.to),
  );

  const documentRoutes = (
    path: string,
    type: MailDocumentType,
    tag: string,
    query: typeof InvoiceMailQuery | typeof WorkReportMailQuery,
  ) => {
    r.get(
      path,
      {
        schema: {
          tags: [tag],
          summary:
            'What the send-by-e-mail dialog is prefilled with: the customer’s address, a subject and text in the document’s language, the consent',
          params: IdParams,
          querystring: query,
          response: { 200: MailDraft },
        },
      },
      async (req) =>
        mail.mailDraft(db, principalOf(req).role, {
          type,
          id: req.params.id,
          language: req.query.language ?? 'bg',
        }),
    );
    r.post(
      path,
      {
        schema: {
          tags: [tag],
          summary:
            'Send the document’s PDF by e-mail (the issued rendering unchanged for an invoice or a note)',
          description: SEND_DESCRIPTION,
          params: IdParams,
          querystring: query,
          body: SendDocumentInput,
          response: { 202: OutboxEntry },
        },
      },
      async (req, reply) => {
        const entry = await mail.queueDocumentMail(
          db,
          actorOf(req),
          principalOf(req).role,
          { type, id: req.params.id, language: req.query.language ?? 'bg' },
          req.body,
        );
        app.jobs.wake();
        return reply.status(202).send(entry);
      },
    );
  };
  documentRoutes('/api/v1/invoices/:id/email', 'invoice', 'invoices', InvoiceMailQuery);
  documentRoutes('/api/v1/proformas/:id/email', 'proforma', 'proforma invoices', InvoiceMailQuery);
  documentRoutes(
    '/api/v1/service-orders/:id/work-report/email',
    'work_report',
    'service orders',
    WorkReportMailQuery,
  );

  r.get(
    '/api/v1/mail/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'The messages sent and to send, newest first, with their status, attempts and last error',
        querystring: OutboxListQuery,
        response: { 200: Page(OutboxEntry) },
      },
    },
    async (req) => mail.listOutbox(db, req.query),
  );

  r.get(
    '/api/v1/mail/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        summary: 'One message and how sending it went: for the outbox’s readers and whoever queued it',
        params: IdParams,
        response: { 200: OutboxEntry },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return mail.getOutboxEntry(db, { userId: p.userId, role: p.role }, req.params.id);
    },
  );

  r.post(
    '/api/v1/mail/outbox/:id/retry',
    {
      schema: {
        tags: ['mail'],
        summary: 'Queue a failed message again (409 mail_not_failed for one that is not failed)',
        params: IdParams,
        response: { 200: OutboxEntry },
      },
    },
    async (req) => {
      const entry = await mail.retryOutbox(db, actorOf(req), req.params.id);
      app.jobs.wake();
      return entry;
    },
  );

  r.get(
    '/api/v1/parties/:id/einvoice-consent',
    {
      schema: {
        tags: ['parties'],
        summary: 'Whether the party accepts electronic invoices (INV-15), at which address and since when',
        params: IdParams,
        response: { 200: EinvoiceConsent },
      },
    },
    async (req) => mail.getConsent(db, req.params.id),
  );

  r.put(
    '/api/v1/parties/:id/einvoice-consent',
    {
      schema: {
        tags: ['parties'],
        summary:
          'Record the party’s consent to electronic invoices: the address and the day it was given; audited',
        params: IdParams,
        body: EinvoiceConsentInput,
        response: { 200: EinvoiceConsent },
      },
    },
    async (req) => mail.recordConsent(db, actorOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/v1/parties/:id/einvoice-consent',
    {
      schema: {
        tags: ['parties'],
        summary: 'Withdraw the party’s consent to electronic invoices; audited',
        params: IdParams,
        response: { 200: EinvoiceConsent },
      },
    },
    async (req) => mail.withdrawConsent(db, actorOf(req), req.params.id),
  );
}
