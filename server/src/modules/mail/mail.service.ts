/**
 * Sending documents by e-mail (ADR 0036): the company's SMTP server, an outbox of messages sent by a job (never in
 * the request), the issued document attached unchanged, and the recipient's consent to electronic invoices (INV-15).
 */
import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import { registerReference } from '../../db/usage';
import { allows, type Role } from '../../kernel/access';
import { type Actor, SYSTEM_ACTOR } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { conflict, DomainError, forbidden, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { recordAudit } from '../audit';
import { getCompanySettings } from '../company';
import { enqueueJob, JobError, registerJobHandler } from '../jobs';
import { getOrder, orderDocumentPdf } from '../orders';
import { findPartySummary, PARTY_RULES, registerPartyAnonymiser, registerPrivacyExporter } from '../parties';
import { getInvoice, getProforma, invoicePdf, renderProforma } from '../sales';
import { OUTBOX_RULES } from './mail.access';
import * as repo from './mail.repository';
import type {
  EinvoiceConsent,
  EinvoiceConsentInput,
  MailDraft,
  OutboxEntry,
  OutboxListQuery,
  SendDocumentInput,
  SmtpSettings,
  SmtpSettingsInput,
  TestMailResult,
} from './mail.schema';
import { classifyFailure, sendMessage } from './mail.smtp';
import type { MailDocumentType } from './mail.table';
import { documentTitle, type MailedKind, type MailLanguage, mailTexts } from './mail.texts';

/** The job that sends one outbox message. */
export const MAIL_JOB = 'mail.send';
/** Tries of one message before it is failed (a server answering "try later", a network fault). */
export const MAIL_ATTEMPTS = 4;

// ---------------------------------------------------------------- the SMTP settings (admin only)

function toSettings(row: repo.MailSettingsRow | undefined): SmtpSettings {
  return {
    configured: Boolean(row),
    host: row?.host ?? null,
    port: row?.port ?? null,
    security: row?.security ?? null,
    username: row?.username ?? null,
    passwordSet: Boolean(row?.password),
    fromAddress: row?.from_address ?? null,
    fromName: row?.from_name ?? null,
    replyTo: row?.reply_to ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** The SMTP server as the settings screen shows it: the password only as "set" or not. */
export async function getSmtpSettings(db: Executor): Promise<SmtpSettings> {
  return toSettings(await repo.findSettings(db));
}

/** Saves the SMTP server; a left-out password keeps the stored one, null removes it. Audited without the password. */
export async function saveSmtpSettings(
  db: Db,
  actor: Actor,
  input: SmtpSettingsInput,
): Promise<SmtpSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findSettings(trx);
    const password = input.password === undefined ? (before?.password ?? null) : input.password || null;
    await repo.saveSettings(trx, {
      id: repo.SETTINGS_ID,
      host: input.host,
      port: input.port,
      security: input.security,
      username: input.username || null,
      password,
      from_address: input.fromAddress,
      from_name: input.fromName || null,
      reply_to: input.replyTo || null,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    const after = toSettings(await repo.findSettings(trx));
    await recordAudit(trx, actor, {
      action: 'mail_settings.update',
      entity: 'mail_settings',
      entityId: repo.SETTINGS_ID,
      before: before ? { ...toSettings(before), updatedAt: undefined } : null,
      after: { ...after, updatedAt: undefined },
    });
    return after;
  });
}

async function requireSettings(db: Executor): Promise<repo.MailSettingsRow> {
  const settings = await repo.findSettings(db);
  if (!settings) throw conflict('mail_not_configured');
  return settings;
}

/**
 * Sends a short message to check the settings, while the administrator waits (it is the one send made in a
 * request: the answer is the point). Writes nothing.
 */
export async function sendTestMail(db: Executor, to: string): Promise<TestMailResult> {
  const settings = await requireSettings(db);
  const company = await getCompanySettings(db);
  try {
    await sendMessage(settings, {
      to: [to],
      subject: `Servix: пробно писмо / test message – ${company.legalName}`,
      text: `Настройките за изпращане на имейли от Servix работят.\n\nThe e-mail settings of Servix work.\n\n${company.legalName}`,
      attachments: [],
    });
    return { ok: true, error: null, detail: null };
  } catch (err) {
    const failure = classifyFailure(err);
    return { ok: false, error: failure.code, detail: failure.detail };
  }
}

// ---------------------------------------------------------------- the documents a message may carry

export interface MailedDocumentRef {
  type: MailDocumentType;
  id: string;
  language: MailLanguage;
}

interface MailedDocument {
  type: MailDocumentType;
  id: string;
  kind: MailedKind;
  number: string;
  date: string | null;
  partyId: string | null;
  /** An invoice, a note or a proforma: sent only with the recipient's consent (INV-15). */
  consentRequired: boolean;
  filename: string;
  source: 'invoice_rendering' | 'drawn';
}

/** The document as the message names it; 409 when it is a draft or cancelled (nothing of it is sent). */
async function mailedDocument(db: Executor, ref: MailedDocumentRef): Promise<MailedDocument> {
  if (ref.type === 'invoice') {
    const inv = await getInvoice(db, ref.id);
    if (inv.status === 'draft' || !inv.number) throw conflict('document_not_issued');
    if (inv.status === 'cancelled') throw conflict('document_cancelled', { number: inv.number });
    return {
      type: 'invoice',
      id: inv.id,
      kind: inv.kind,
      number: inv.number,
      date: inv.documentDate,
      partyId: inv.partyId,
      consentRequired: true,
      filename: `${documentTitle(inv.kind, 'bg')} ${inv.number}.pdf`,
      source: 'invoice_rendering',
    };
  }
  if (ref.type === 'proforma') {
    const p = await getProforma(db, ref.id);
    if (p.status === 'cancelled') throw conflict('document_cancelled', { number: p.number });
    return {
      type: 'proforma',
      id: p.id,
      kind: 'proforma',
      number: p.number,
      date: p.documentDate,
      partyId: p.partyId,
      consentRequired: true,
      filename: `${documentTitle('proforma', 'bg')} ${p.number}.pdf`,
      source: 'drawn',
    };
  }
  const order = await getOrder(db, ref.id);
  return {
    type: 'work_report',
    id: order.id,
    kind: 'work_report',
    number: order.number,
    date: null,
    partyId: order.partyId,
    consentRequired: false,
    filename: `${documentTitle('work_report', ref.language)} ${order.number}.pdf`,
    source: 'drawn',
  };
}

/** The bytes of a message's attachment: an invoice's stored rendering as it is, or the document drawn now. */
async function documentBytes(
  db: Db,
  type: MailDocumentType,
  id: string,
  source: 'invoice_rendering' | 'drawn',
  language: string,
): Promise<{ pdf: Buffer; sha256: string }> {
  if (source === 'invoice_rendering') {
    const { pdf, sha256 } = await invoicePdf(db, id, language as 'bg' | 'bg_en');
    return { pdf, sha256: sha256 ?? sha256Of(pdf) };
  }
  const pdf =
    type === 'proforma'
      ? (await renderProforma(db, id, language as 'bg' | 'bg_en')).pdf
      : (await orderDocumentPdf(db, 'work-report', id, language as 'bg' | 'en', { costs: false })).pdf;
  return { pdf, sha256: sha256Of(pdf) };
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function consentOf(db: Executor, partyId: string | null) {
  return partyId ? repo.findConsent(db, partyId) : undefined;
}

/** What the send dialog is prefilled with: the customer's address (the consented one first), subject and text. */
export async function mailDraft(db: Executor, role: Role, ref: MailedDocumentRef): Promise<MailDraft> {
  const doc = await mailedDocument(db, ref);
  const [party, consent, company, settings] = await Promise.all([
    doc.partyId ? findPartySummary(db, doc.partyId) : null,
    consentOf(db, doc.partyId),
    getCompanySettings(db),
    repo.findSettings(db),
  ]);
  const to = consent?.email ?? party?.email ?? null;
  return {
    to: to ? [to] : [],
    ...mailTexts(doc.kind, ref.language, { number: doc.number, date: doc.date, company: company.legalName }),
    partyId: doc.partyId,
    partyName: party?.name ?? null,
    consentRequired: doc.consentRequired,
    consent: consent ? { email: consent.email, consentedOn: consent.consented_on } : null,
    mayRecordConsent: allows(PARTY_RULES.write, role),
    configured: Boolean(settings),
  };
}

/**
 * Queues a message carrying the document, to be sent by the mail.send job. Refused with nothing written when no
 * SMTP server is set up (409 mail_not_configured), when the document is a draft or cancelled, and — for an
 * invoice, a note or a proforma — when the recipient has not agreed to electronic invoices (409
 * einvoice_consent_missing), unless a user who may edit the customer records the consent in the same action.
 */
export async function queueDocumentMail(
  db: Db,
  actor: Actor,
  role: Role,
  ref: MailedDocumentRef,
  input: SendDocumentInput,
): Promise<OutboxEntry> {
  await requireSettings(db);
  const doc = await mailedDocument(db, ref);
  const recordConsent = Boolean(input.recordConsent) && doc.consentRequired && doc.partyId !== null;
  if (doc.consentRequired && doc.partyId && !(await consentOf(db, doc.partyId))) {
    if (!input.recordConsent)
      throw new DomainError('conflict', 'einvoice_consent_missing', {
        field: 'recordConsent',
        params: { number: doc.number },
      });
    if (!allows(PARTY_RULES.write, role))
      throw forbidden('einvoice_consent_forbidden', { field: 'recordConsent' });
  }
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    if (recordConsent && doc.partyId && !(await consentOf(trx, doc.partyId)))
      await recordConsentTx(trx, actor, doc.partyId, { email: input.to[0] as string });
    await repo.insertOutbox(trx, {
      id,
      document_type: doc.type,
      document_id: doc.id,
      document_number: doc.number,
      party_id: doc.partyId,
      recipients: input.to.join(', '),
      subject: input.subject,
      body: input.body,
      language: ref.language,
      status: 'queued',
      last_error: null,
      last_error_detail: null,
      message_id: null,
      job_id: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      sent_at: null,
    });
    await repo.insertOutboxAttachments(trx, [
      {
        id: newId(),
        outbox_id: id,
        position: 1,
        filename: doc.filename,
        source: doc.source,
        language: ref.language,
        sha256: null,
        content: null,
        size_bytes: null,
      },
    ]);
    const jobId = await enqueueJob(trx, actor, { kind: MAIL_JOB, payload: { outboxId: id } });
    await repo.updateOutbox(trx, id, { job_id: jobId });
    await recordAudit(trx, actor, {
      action: 'mail_outbox.queue',
      entity: 'mail_outbox',
      entityId: id,
      after: {
        documentType: doc.type,
        documentId: doc.id,
        documentNumber: doc.number,
        to: input.to,
        subject: input.subject,
      },
    });
  });
  return outboxEntry(db, id);
}

// ---------------------------------------------------------------- the outbox

function recipientsOf(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

async function toEntries(db: Executor, rows: repo.OutboxListRow[]): Promise<OutboxEntry[]> {
  const attachments = await repo.attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    documentType: r.document_type,
    documentId: r.document_id,
    documentNumber: r.document_number,
    partyId: r.party_id,
    partyName: r.party_name,
    to: recipientsOf(r.recipients),
    subject: r.subject,
    body: r.body,
    language: r.language,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    lastErrorDetail: r.last_error_detail,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attachments: attachments
      .filter((a) => a.outbox_id === r.id)
      .map((a) => ({
        filename: a.filename,
        sha256: a.sha256,
        sizeBytes: a.size_bytes === null ? null : Number(a.size_bytes),
      })),
  }));
}

async function outboxEntry(db: Executor, id: string): Promise<OutboxEntry> {
  const row = await repo.findOutbox(db, id);
  if (!row) throw notFound('mail_outbox');
  return (await toEntries(db, [row]))[0] as OutboxEntry;
}

/** One message: for the outbox's readers, and for whoever queued it (the send dialog follows its status). */
export async function getOutboxEntry(
  db: Executor,
  caller: { userId: string; role: Role },
  id: string,
): Promise<OutboxEntry> {
  const entry = await outboxEntry(db, id);
  if (entry.createdBy !== caller.userId && !allows(OUTBOX_RULES.read, caller.role))
    throw notFound('mail_outbox');
  return entry;
}

/** The outbox, newest first. */
export async function listOutbox(db: Executor, query: OutboxListQuery): Promise<PageOf<OutboxEntry>> {
  const page = await repo.listOutbox(
    db,
    { status: query.status, documentType: query.documentType, documentId: query.documentId },
    query,
  );
  return mapPage(page, (rows) => toEntries(db, rows));
}

/** Queues a failed message again (409 mail_not_failed for any other); audited. */
export async function retryOutbox(db: Db, actor: Actor, id: string): Promise<OutboxEntry> {
  const entry = await outboxEntry(db, id);
  if (entry.status !== 'failed') throw conflict('mail_not_failed', { status: entry.status });
  await requireSettings(db);
  await db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(trx, actor, { kind: MAIL_JOB, payload: { outboxId: id } });
    const changed = await repo.updateOutbox(
      trx,
      id,
      { status: 'queued', job_id: jobId, updated_at: nowIso() },
      'failed',
    );
    if (!changed) throw conflict('mail_not_failed', { status: 'queued' });
    await recordAudit(trx, actor, {
      action: 'mail_outbox.retry',
      entity: 'mail_outbox',
      entityId: id,
      before: { status: 'failed', lastError: entry.lastError },
      after: { status: 'queued' },
    });
  });
  return outboxEntry(db, id);
}

// ---------------------------------------------------------------- sending (the job)

interface MailJobPayload {
  outboxId: string;
}

async function markFailed(
  db: Db,
  row: repo.OutboxRow,
  attempt: number,
  failure: { code: string; detail: string | null },
  final: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.updateOutbox(trx, row.id, {
      status: final ? 'failed' : 'queued',
      attempts: Number(row.attempts) + 1,
      last_error: failure.code,
      last_error_detail: failure.detail,
      updated_at: nowIso(),
    });
    if (final)
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'mail_outbox.failed',
        entity: 'mail_outbox',
        entityId: row.id,
        after: { error: failure.code, detail: failure.detail, attempts: Number(row.attempts) + 1, attempt },
      });
  });
}

/**
 * Sends one queued message: the attachments' bytes (an invoice's stored rendering unchanged; a drawn PDF kept from
 * its first drawing, so every try sends the same bytes), then the SMTP server. A "try later" or a network fault is
 * tried again by the job runner (up to MAIL_ATTEMPTS, with growing delays); a refusal fails the message at once.
 */
async function sendQueued(ctx: { db: Db; attempt: number; payload: MailJobPayload }): Promise<unknown> {
  const { db, attempt, payload } = ctx;
  const row = await repo.findOutbox(db, payload.outboxId);
  if (row?.status !== 'queued') return { skipped: true };
  const settings = await repo.findSettings(db);
  if (!settings) {
    await markFailed(db, row, attempt, { code: 'mail_not_configured', detail: null }, true);
    throw new JobError('mail_not_configured', false);
  }
  let files: { filename: string; content: Buffer }[];
  try {
    files = [];
    for (const a of await repo.attachmentsToSend(db, row.id)) {
      if (a.content) {
        files.push({ filename: a.filename, content: Buffer.from(a.content) });
        continue;
      }
      const { pdf, sha256 } = await documentBytes(
        db,
        row.document_type,
        row.document_id,
        a.source,
        a.language,
      );
      await repo.updateAttachment(db, a.id, {
        sha256,
        size_bytes: pdf.length,
        ...(a.source === 'drawn' ? { content: pdf } : {}),
      });
      files.push({ filename: a.filename, content: pdf });
    }
  } catch (err) {
    const code = err instanceof DomainError ? err.code : 'document_unavailable';
    const final = err instanceof DomainError || attempt >= MAIL_ATTEMPTS;
    await markFailed(db, row, attempt, { code, detail: null }, final);
    throw new JobError(code, !final);
  }
  let messageId: string;
  try {
    messageId = await sendMessage(settings, {
      to: recipientsOf(row.recipients),
      subject: row.subject,
      text: row.body,
      attachments: files,
    });
  } catch (err) {
    const failure = classifyFailure(err);
    const final = !failure.retryable || attempt >= MAIL_ATTEMPTS;
    await markFailed(db, row, attempt, failure, final);
    throw new JobError(failure.code, !final);
  }
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.updateOutbox(trx, row.id, {
      status: 'sent',
      attempts: Number(row.attempts) + 1,
      message_id: messageId || null,
      last_error: null,
      last_error_detail: null,
      sent_at: now,
      updated_at: now,
    });
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'mail_outbox.sent',
      entity: 'mail_outbox',
      entityId: row.id,
      after: { to: recipientsOf(row.recipients), messageId, attempts: Number(row.attempts) + 1 },
    });
  });
  return { messageId };
}

registerJobHandler<MailJobPayload>(MAIL_JOB, (ctx) => sendQueued(ctx), { maxAttempts: MAIL_ATTEMPTS });

// GDPR-04/05: a person's export names their consent and the messages sent to them; forgetting them removes the
// consent and the addresses the messages went to (the documents themselves are kept as the law asks).
registerPrivacyExporter('einvoiceConsent', async (db, partyId) => {
  const c = await repo.findConsent(db, partyId);
  return c ? { email: c.email, consentedOn: c.consented_on, recordedAt: c.recorded_at } : null;
});
registerPrivacyExporter('emails', async (db, partyId) =>
  (await repo.listOutbox(db, { partyId }, { page: 1, pageSize: 1000 })).items.map((m) => ({
    to: recipientsOf(m.recipients),
    subject: m.subject,
    status: m.status,
    sentAt: m.sent_at,
  })),
);
registerPartyAnonymiser(async (db, partyId) => {
  await repo.deleteConsent(db, partyId);
  await repo.forgetRecipients(db, partyId);
});

// A party that messages were sent to is not deleted (its documents keep it anyway); archive it instead.
registerReference('party', {
  table: 'mail_outbox',
  column: 'party_id',
  usedBy: 'mail_outbox',
  code: 'party_has_mail',
});

// ---------------------------------------------------------------- the recipient's consent (INV-15)

function toConsent(partyId: string, row: Awaited<ReturnType<typeof repo.findConsent>>): EinvoiceConsent {
  return {
    partyId,
    accepted: Boolean(row),
    email: row?.email ?? null,
    consentedOn: row?.consented_on ?? null,
    recordedByName: row?.recorded_by_name ?? null,
    recordedAt: row?.recorded_at ?? null,
  };
}

async function requireParty(db: Executor, partyId: string) {
  const party = await findPartySummary(db, partyId);
  if (!party) throw notFound('party');
  return party;
}

/** Whether the party accepts electronic invoices, at which address and since when. */
export async function getConsent(db: Executor, partyId: string): Promise<EinvoiceConsent> {
  await requireParty(db, partyId);
  return toConsent(partyId, await repo.findConsent(db, partyId));
}

async function recordConsentTx(
  trx: Executor,
  actor: Actor,
  partyId: string,
  input: { email: string; consentedOn?: string },
): Promise<void> {
  const before = await repo.findConsent(trx, partyId);
  const after = { email: input.email, consentedOn: input.consentedOn ?? todayDate() };
  await repo.saveConsent(trx, {
    party_id: partyId,
    email: after.email,
    consented_on: after.consentedOn,
    recorded_by: actor.userId,
    recorded_at: nowIso(),
  });
  await recordAudit(trx, actor, {
    action: 'einvoice_consent.record',
    entity: 'einvoice_consent',
    entityId: partyId,
    before: before ? { email: before.email, consentedOn: before.consented_on } : null,
    after,
  });
}

/** Records the party's consent to electronic invoices (its address, the date it was given); audited. */
export async function recordConsent(
  db: Db,
  actor: Actor,
  partyId: string,
  input: EinvoiceConsentInput,
): Promise<EinvoiceConsent> {
  const party = await requireParty(db, partyId);
  if (party.anonymised) throw conflict('party_archived');
  await db.transaction().execute((trx) => recordConsentTx(trx, actor, partyId, input));
  return getConsent(db, partyId);
}

/** Withdraws the consent: invoices are no longer e-mailed to the party; audited. */
export async function withdrawConsent(db: Db, actor: Actor, partyId: string): Promise<EinvoiceConsent> {
  await requireParty(db, partyId);
  await db.transaction().execute(async (trx) => {
    const before = await repo.findConsent(trx, partyId);
    if (!before) return;
    await repo.deleteConsent(trx, partyId);
    await recordAudit(trx, actor, {
      action: 'einvoice_consent.withdraw',
      entity: 'einvoice_consent',
      entityId: partyId,
      before: { email: before.email, consentedOn: before.consented_on },
    });
  });
  return getConsent(db, partyId);
}
