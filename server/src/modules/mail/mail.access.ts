import { type Access, type EntityRules, ROLE_GROUPS } from '../../kernel/access';

/** The company's SMTP server: its password goes through these screens, so only the administrator. */
export const MAIL_SETTINGS_RULES = {
  read: ROLE_GROUPS.admin,
  write: ROLE_GROUPS.admin,
} as const satisfies EntityRules;

/**
 * The outbox (every message sent, to whom, whether it went): the management and the accountant read it and queue
 * a failed message again. Whoever queued a message also follows its own (the send dialog), checked in the service.
 */
export const OUTBOX_RULES = {
  read: ['admin', 'manager', 'accountant'],
  write: ['admin', 'manager', 'accountant'],
} as const satisfies EntityRules;

/**
 * Who may call each route of the mail module; merged into the one access table (server/src/access-table.ts). Sending
 * a document is in its own module's map, under the rule that reads its PDF (sales.access, orders.access); the
 * consent of a party is in parties.access, under the party's rules.
 */
export const MAIL_ACCESS: Record<string, Access> = {
  'GET /api/v1/company/smtp': MAIL_SETTINGS_RULES.read,
  'PUT /api/v1/company/smtp': MAIL_SETTINGS_RULES.write,
  'POST /api/v1/company/smtp/test': MAIL_SETTINGS_RULES.write,
  'GET /api/v1/mail/outbox': OUTBOX_RULES.read,
  'GET /api/v1/mail/outbox/:id': 'authenticated',
  'POST /api/v1/mail/outbox/:id/retry': OUTBOX_RULES.write,
};
