import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Sending documents by e-mail (issue 14 "the work report is e-mailed"; INV-15; ADR 0036):
 * - mail_settings: the company's SMTP server, one row (the password is kept here and never answered by the API);
 * - mail_outbox: one message to send, with its state (queued, sent, failed), attempts and last error, the document
 *   it carries and who queued it; a job of kind mail.send sends it;
 * - mail_outbox_attachment: what the message carries: an issued invoice's stored rendering by reference (its hash
 *   copied), or a PDF drawn for the message (a proforma, a work report) kept with its hash, so a retry sends the
 *   same bytes and the outbox shows what went out;
 * - einvoice_consent: a party's consent to receive invoices electronically (INV-15), the address and the date.
 */
export const mail: Migration = {
  name: '0040-mail',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('mail_settings')
      .$call((t) => c.id(t))
      .$call((t) => c.text(t, 'host', (x) => x.notNull()))
      .$call((t) => c.int(t, 'port', (x) => x.notNull()))
      .$call((t) =>
        c.text(t, 'security', (x) => x.notNull().check(sql`security in ('tls', 'starttls', 'none')`)),
      )
      .$call((t) => c.text(t, 'username'))
      .$call((t) => c.text(t, 'password'))
      .$call((t) => c.text(t, 'from_address', (x) => x.notNull()))
      .$call((t) => c.text(t, 'from_name'))
      .$call((t) => c.text(t, 'reply_to'))
      .$call((t) => c.ref(t, 'updated_by', 'app_user'))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();

    await db.schema
      .createTable('mail_outbox')
      .$call((t) => c.id(t))
      .$call((t) =>
        c.text(t, 'document_type', (x) =>
          x.notNull().check(sql`document_type in ('invoice', 'proforma', 'work_report')`),
        ),
      )
      .$call((t) => c.text(t, 'document_id', (x) => x.notNull()))
      .$call((t) => c.text(t, 'document_number', (x) => x.notNull()))
      .$call((t) => c.ref(t, 'party_id', 'party'))
      .$call((t) => c.text(t, 'recipients', (x) => x.notNull()))
      .$call((t) => c.text(t, 'subject', (x) => x.notNull()))
      .$call((t) => c.text(t, 'body', (x) => x.notNull()))
      .$call((t) => c.text(t, 'language', (x) => x.notNull()))
      .$call((t) =>
        c.text(t, 'status', (x) => x.notNull().check(sql`status in ('queued', 'sent', 'failed')`)),
      )
      .$call((t) => c.int(t, 'attempts', (x) => x.notNull().defaultTo(0)))
      .$call((t) => c.text(t, 'last_error'))
      .$call((t) => c.text(t, 'last_error_detail'))
      .$call((t) => c.text(t, 'message_id'))
      .$call((t) => c.text(t, 'job_id'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'sent_at'))
      .execute();
    await db.schema
      .createIndex('mail_outbox_document_idx')
      .on('mail_outbox')
      .columns(['document_type', 'document_id'])
      .execute();
    await db.schema
      .createIndex('mail_outbox_created_idx')
      .on('mail_outbox')
      .columns(['created_at'])
      .execute();
    await db.schema
      .createIndex('mail_outbox_status_idx')
      .on('mail_outbox')
      .columns(['status', 'created_at'])
      .execute();

    await db.schema
      .createTable('mail_outbox_attachment')
      .$call((t) => c.id(t))
      .$call((t) => c.ref(t, 'outbox_id', 'mail_outbox', (x) => x.notNull().onDelete('cascade')))
      .$call((t) => c.int(t, 'position', (x) => x.notNull()))
      .$call((t) => c.text(t, 'filename', (x) => x.notNull()))
      .$call((t) =>
        c.text(t, 'source', (x) => x.notNull().check(sql`source in ('invoice_rendering', 'drawn')`)),
      )
      .$call((t) => c.text(t, 'language', (x) => x.notNull()))
      .$call((t) => c.text(t, 'sha256'))
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob')
      .$call((t) => c.bigint(t, 'size_bytes'))
      .execute();
    await db.schema
      .createIndex('mail_outbox_attachment_outbox_idx')
      .on('mail_outbox_attachment')
      .columns(['outbox_id', 'position'])
      .unique()
      .execute();

    await db.schema
      .createTable('einvoice_consent')
      // The consent is the party's own: deleted with it (a party is deleted only while nothing else uses it).
      .$call((t) => c.ref(t, 'party_id', 'party', (x) => x.primaryKey().onDelete('cascade')))
      .$call((t) => c.text(t, 'email', (x) => x.notNull()))
      .$call((t) => c.date(t, 'consented_on', (x) => x.notNull()))
      .$call((t) => c.ref(t, 'recorded_by', 'app_user'))
      .$call((t) => c.instant(t, 'recorded_at', (x) => x.notNull()))
      .execute();
  },
};
