import type { Generated } from 'kysely';
import type { CalendarDate, Instant } from '../../db/sql';

/** The company's SMTP server (one row, id 'smtp'): the password is stored here and never answered by the API. */
export interface MailSettingsTable {
  id: string;
  host: string;
  port: number;
  /** tls: TLS from the first byte (port 465); starttls: plain, then upgraded (587, required); none: plain (tests). */
  security: 'tls' | 'starttls' | 'none';
  username: string | null;
  password: string | null;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  updated_by: string | null;
  updated_at: Instant;
}

export type MailDocumentType = 'invoice' | 'proforma' | 'work_report';
export type MailStatus = 'queued' | 'sent' | 'failed';

/** One message to send: who to, what it says, the document it carries, and how sending went. */
export interface MailOutboxTable {
  id: string;
  document_type: MailDocumentType;
  document_id: string;
  /** The document's number as the message names it (an invoice's 10 digits, an order's number). */
  document_number: string;
  party_id: string | null;
  /** The addresses, comma-separated. */
  recipients: string;
  subject: string;
  body: string;
  /** The attached document's language: bg or bg_en for sales documents, bg or en for a work report. */
  language: string;
  status: MailStatus;
  attempts: Generated<number>;
  /** The code of the last failure (smtp_rejected, smtp_unreachable, mail_not_configured…). */
  last_error: string | null;
  /** What the SMTP server answered, as it said it (for the administrator). */
  last_error_detail: string | null;
  message_id: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  sent_at: Instant | null;
}

/** A file the message carries: an invoice's stored rendering by reference, or a PDF drawn for the message. */
export interface MailOutboxAttachmentTable {
  id: string;
  outbox_id: string;
  position: number;
  filename: string;
  source: 'invoice_rendering' | 'drawn';
  language: string;
  /** Known once the bytes are: the stored rendering's hash, or the drawn PDF's when it is first drawn. */
  sha256: string | null;
  /** A drawn PDF's bytes, kept from the first attempt on (a stored rendering is not copied). */
  content: Buffer | null;
  size_bytes: number | null;
}

/** A party's consent to receive invoices electronically (INV-15): the address to use and the date it was given. */
export interface EinvoiceConsentTable {
  party_id: string;
  email: string;
  consented_on: CalendarDate;
  recorded_by: string | null;
  recorded_at: Instant;
}

export interface MailTables {
  mail_settings: MailSettingsTable;
  mail_outbox: MailOutboxTable;
  mail_outbox_attachment: MailOutboxAttachmentTable;
  einvoice_consent: EinvoiceConsentTable;
}
