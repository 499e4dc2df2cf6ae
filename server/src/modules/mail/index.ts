/**
 * The mail module seen from other modules and the app (ADR 0036): sending documents by e-mail through the company's
 * SMTP server, an outbox sent by the mail.send job, and the customers' consent to electronic invoices (INV-15).
 */
export { MAIL_ACCESS, MAIL_SETTINGS_RULES, OUTBOX_RULES } from './mail.access';
export { mailRoutes } from './mail.routes';
export type { OutboxEntry } from './mail.schema';
export { MAIL_ATTEMPTS, MAIL_JOB } from './mail.service';
