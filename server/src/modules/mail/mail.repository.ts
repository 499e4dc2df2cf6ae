import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage } from '../../db/list';
import type { PageRequest } from '../../kernel/list-query';
import type {
  EinvoiceConsentTable,
  MailDocumentType,
  MailOutboxAttachmentTable,
  MailOutboxTable,
  MailSettingsTable,
  MailStatus,
} from './mail.table';

export type MailSettingsRow = Selectable<MailSettingsTable>;
export type OutboxRow = Selectable<MailOutboxTable>;
export type OutboxAttachmentRow = Selectable<MailOutboxAttachmentTable>;
export type ConsentRow = Selectable<EinvoiceConsentTable>;

/** The one settings row's id. */
export const SETTINGS_ID = 'smtp';

export async function findSettings(db: Executor): Promise<MailSettingsRow | undefined> {
  return db.selectFrom('mail_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
}

export async function saveSettings(db: Executor, row: Insertable<MailSettingsTable>): Promise<void> {
  const { id: _id, ...changes } = row;
  await db
    .insertInto('mail_settings')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

export async function insertOutbox(db: Executor, row: Insertable<MailOutboxTable>): Promise<void> {
  await db.insertInto('mail_outbox').values(row).execute();
}

export async function insertOutboxAttachments(
  db: Executor,
  rows: Insertable<MailOutboxAttachmentTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('mail_outbox_attachment').values(rows).execute();
}

export async function updateOutbox(
  db: Executor,
  id: string,
  changes: Updateable<MailOutboxTable>,
  onlyWhenStatus?: MailStatus,
): Promise<boolean> {
  let q = db.updateTable('mail_outbox').set(changes).where('id', '=', id);
  if (onlyWhenStatus) q = q.where('status', '=', onlyWhenStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateAttachment(
  db: Executor,
  id: string,
  changes: Updateable<MailOutboxAttachmentTable>,
): Promise<void> {
  await db.updateTable('mail_outbox_attachment').set(changes).where('id', '=', id).execute();
}

const OUTBOX_COLUMNS = [
  'mail_outbox.id',
  'mail_outbox.document_type',
  'mail_outbox.document_id',
  'mail_outbox.document_number',
  'mail_outbox.party_id',
  'mail_outbox.recipients',
  'mail_outbox.subject',
  'mail_outbox.body',
  'mail_outbox.language',
  'mail_outbox.status',
  'mail_outbox.attempts',
  'mail_outbox.last_error',
  'mail_outbox.last_error_detail',
  'mail_outbox.message_id',
  'mail_outbox.job_id',
  'mail_outbox.created_by',
  'mail_outbox.created_at',
  'mail_outbox.updated_at',
  'mail_outbox.sent_at',
] as const;

function outboxQuery(db: Executor) {
  return db
    .selectFrom('mail_outbox')
    .leftJoin('party', 'party.id', 'mail_outbox.party_id')
    .leftJoin('app_user', 'app_user.id', 'mail_outbox.created_by')
    .select(OUTBOX_COLUMNS)
    .select(['party.name as party_name', 'app_user.full_name as created_by_name']);
}
export type OutboxListRow = OutboxRow & { party_name: string | null; created_by_name: string | null };

export async function findOutbox(db: Executor, id: string): Promise<OutboxListRow | undefined> {
  return outboxQuery(db).where('mail_outbox.id', '=', id).executeTakeFirst();
}

const NEWEST_FIRST: ListOrder = { terms: ['mail_outbox.created_at', 'mail_outbox.id'], direction: 'desc' };

export async function listOutbox(
  db: Executor,
  filter: { status?: MailStatus; documentType?: MailDocumentType; documentId?: string; partyId?: string },
  page: PageRequest,
) {
  let q = outboxQuery(db);
  if (filter.partyId) q = q.where('mail_outbox.party_id', '=', filter.partyId);
  if (filter.status) q = q.where('mail_outbox.status', '=', filter.status);
  if (filter.documentType) q = q.where('mail_outbox.document_type', '=', filter.documentType);
  if (filter.documentId) q = q.where('mail_outbox.document_id', '=', filter.documentId);
  return listPage(q, NEWEST_FIRST, page);
}

/** The attachments of some messages, without a drawn PDF's bytes. */
export async function attachmentsOf(db: Executor, outboxIds: string[]) {
  if (!outboxIds.length) return [];
  return db
    .selectFrom('mail_outbox_attachment')
    .select(['id', 'outbox_id', 'position', 'filename', 'source', 'language', 'sha256', 'size_bytes'])
    .where('outbox_id', 'in', outboxIds)
    .orderBy('outbox_id')
    .orderBy('position')
    .execute();
}

/** One message's attachments with their kept bytes, for sending. */
export async function attachmentsToSend(db: Executor, outboxId: string): Promise<OutboxAttachmentRow[]> {
  return db
    .selectFrom('mail_outbox_attachment')
    .selectAll()
    .where('outbox_id', '=', outboxId)
    .orderBy('position')
    .execute();
}

export async function findConsent(db: Executor, partyId: string) {
  return db
    .selectFrom('einvoice_consent')
    .leftJoin('app_user', 'app_user.id', 'einvoice_consent.recorded_by')
    .selectAll('einvoice_consent')
    .select('app_user.full_name as recorded_by_name')
    .where('einvoice_consent.party_id', '=', partyId)
    .executeTakeFirst();
}

export async function saveConsent(db: Executor, row: Insertable<EinvoiceConsentTable>): Promise<void> {
  const { party_id: _id, ...changes } = row;
  await db
    .insertInto('einvoice_consent')
    .values(row)
    .onConflict((oc) => oc.column('party_id').doUpdateSet(changes))
    .execute();
}

export async function deleteConsent(db: Executor, partyId: string): Promise<boolean> {
  const r = await db.deleteFrom('einvoice_consent').where('party_id', '=', partyId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A forgotten person's addresses leave the messages sent to them (GDPR-05); the rest of the record stays. */
export async function forgetRecipients(db: Executor, partyId: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ recipients: '' }).where('party_id', '=', partyId).execute();
}
