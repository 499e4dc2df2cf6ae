import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { Email } from '../parties/parties.schema';

const code = (c: string) => ({ params: { code: c } });
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** A host name or an IP address as the SMTP server is reached: letters, digits, dots, hyphens, colons (IPv6). */
const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((s) => /^[A-Za-z0-9.:[\]-]+$/.test(s), code('invalid_host'));

export const SmtpSecurity = z
  .enum(['tls', 'starttls', 'none'])
  .describe('tls: TLS from the start (port 465); starttls: upgraded to TLS, required (587); none: no TLS');

/**
 * The company's SMTP server. `password`: leave it out to keep the stored one, null to remove it, a text to set it;
 * it is never answered back.
 */
export const SmtpSettingsInput = z.strictObject({
  host: Host,
  port: z.number().int().min(1).max(65535),
  security: SmtpSecurity,
  username: optionalText(254),
  password: z.string().max(500).nullish(),
  fromAddress: Email,
  fromName: optionalText(200),
  replyTo: Email.nullish(),
});
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;

export const SmtpSettings = z.object({
  configured: z.boolean().describe('False until the SMTP server is saved: nothing can be sent before'),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: SmtpSecurity.nullable(),
  username: z.string().nullable(),
  passwordSet: z.boolean().describe('Whether a password is stored; the password itself is never answered'),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  replyTo: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const TestMailInput = z.strictObject({ to: Email });
export type TestMailInput = z.infer<typeof TestMailInput>;

export const TestMailResult = z.object({
  ok: z.boolean(),
  error: z
    .string()
    .nullable()
    .describe('The failure code: smtp_auth_failed, smtp_unreachable, smtp_rejected…'),
  detail: z.string().nullable().describe('What the SMTP server answered'),
});
export type TestMailResult = z.infer<typeof TestMailResult>;

export const MailDocumentType = z.enum(['invoice', 'proforma', 'work_report']);
export type MailDocumentType = z.infer<typeof MailDocumentType>;
export const MailStatus = z.enum(['queued', 'sent', 'failed']);
export type MailStatus = z.infer<typeof MailStatus>;

/** What to send: the recipients, the subject and the text; the document itself is attached by the server. */
export const SendDocumentInput = z.strictObject({
  to: z.array(Email).min(1).max(10).describe('The recipients’ addresses'),
  subject: z.string().trim().min(1).max(250),
  body: z.string().trim().max(10_000).default(''),
  recordConsent: z
    .boolean()
    .optional()
    .describe(
      'Invoices only: the recipient agrees to electronic invoices, recorded now with the first address (INV-15); for users who may edit the customer',
    ),
});
export type SendDocumentInput = z.infer<typeof SendDocumentInput>;

export const InvoiceMailQuery = z.strictObject({
  language: z.enum(['bg', 'bg_en']).optional().describe('The attached rendering’s language; default bg'),
});
export const WorkReportMailQuery = z.strictObject({
  language: z.enum(['bg', 'en']).optional().describe('The work report’s language; default bg'),
});

export const OutboxAttachment = z.object({
  filename: z.string(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
});

export const OutboxEntry = z.object({
  id: z.string(),
  documentType: MailDocumentType,
  documentId: z.string(),
  documentNumber: z.string(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  language: z.string(),
  status: MailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorDetail: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  attachments: z.array(OutboxAttachment),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxListQuery = z.strictObject({
  status: MailStatus.optional(),
  documentType: MailDocumentType.optional(),
  documentId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

/** What the dialog prefills: the address from the customer, and the subject and text in the document's language. */
export const MailDraft = z.object({
  to: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  consentRequired: z.boolean().describe('The document is an invoice, a note or a proforma (INV-15)'),
  consent: z
    .object({ email: z.string(), consentedOn: z.string() })
    .nullable()
    .describe('The customer’s consent to electronic invoices, when recorded'),
  mayRecordConsent: z.boolean().describe('The caller may edit the customer, so may record the consent'),
  configured: z.boolean().describe('The SMTP server is set up'),
});
export type MailDraft = z.infer<typeof MailDraft>;

export const EinvoiceConsentInput = z.strictObject({
  email: Email,
  consentedOn: IsoDate.optional().describe('The day the customer agreed; today when left out'),
});
export type EinvoiceConsentInput = z.infer<typeof EinvoiceConsentInput>;

export const EinvoiceConsent = z.object({
  partyId: z.string(),
  accepted: z.boolean(),
  email: z.string().nullable(),
  consentedOn: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type EinvoiceConsent = z.infer<typeof EinvoiceConsent>;
