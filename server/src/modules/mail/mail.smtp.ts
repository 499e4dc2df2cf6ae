import nodemailer from 'nodemailer';
import type { MailSettingsRow } from './mail.repository';

/** A message as handed to the SMTP server. */
export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer }[];
}

/** Why a message did not go, as a stable code, whether trying again may help, and what the server said. */
export interface SmtpFailure {
  code: string;
  retryable: boolean;
  detail: string | null;
}

/** One connection per message: a shop sends a few dozen a day, and a pool would hold a socket open in every instance. */
function transportOf(s: MailSettingsRow) {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.username ? { user: s.username, pass: s.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

function fromOf(s: MailSettingsRow) {
  return s.from_name ? { name: s.from_name, address: s.from_address } : s.from_address;
}

/** Sends one message; answers the Message-ID the server accepted it with. Throws what classifyFailure reads. */
export async function sendMessage(s: MailSettingsRow, message: OutgoingMessage): Promise<string> {
  const transport = transportOf(s);
  try {
    const info = await transport.sendMail({
      from: fromOf(s),
      replyTo: s.reply_to ?? undefined,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: 'application/pdf',
      })),
    });
    return String(info.messageId ?? '');
  } finally {
    transport.close();
  }
}

/**
 * An SMTP failure in our words: a server that cannot be reached or answers "try later" (4xx) is worth another
 * try; a refused login, a failed TLS handshake or a refusal (5xx: no such mailbox, message refused) is not.
 */
export function classifyFailure(err: unknown): SmtpFailure {
  const e = (err ?? {}) as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = (e.response ?? e.message ?? null)?.slice(0, 500) ?? null;
  if (e.code === 'EAUTH') return { code: 'smtp_auth_failed', retryable: false, detail };
  if (e.code === 'ETLS') return { code: 'smtp_tls_failed', retryable: false, detail };
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return { code: 'smtp_rejected', retryable: false, detail };
    if (e.responseCode >= 400) return { code: 'smtp_deferred', retryable: true, detail };
  }
  if (e.code && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EPROTOCOL'].includes(e.code))
    return { code: 'smtp_unreachable', retryable: true, detail };
  return { code: 'smtp_error', retryable: true, detail };
}
