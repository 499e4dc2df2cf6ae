/**
 * A local SMTP server for the tests (smtp-server, the library nodemailer's author keeps for this): it listens on a
 * free port, takes every message without TLS or login, and keeps what arrived — the envelope's recipients, the
 * subject, the text and the attachments' bytes — read from the MIME message by the few lines below. It can refuse
 * the next messages with a "try later" (451) or a permanent (550) answer.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ArrivedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ArrivedMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  replyTo: string | null;
  attachments: ArrivedAttachment[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  messages: ArrivedMessage[];
  /** Answers the next `times` messages with this SMTP code (451: try later; 550: refused). */
  refuseNext(code: 451 | 550, times?: number): void;
  /** Resolves when `count` messages have arrived in all. */
  waitFor(count: number): Promise<ArrivedMessage[]>;
  close(): Promise<void>;
}

/** =?UTF-8?B?…?= and =?UTF-8?Q?…?= words of a header, decoded. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function bodyOf(headers: Map<string, string>, body: string): Buffer {
  const enc = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (enc === 'quoted-printable')
    return Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    );
  return Buffer.from(body, 'utf8');
}

function param(header: string | undefined, name: string): string | null {
  if (!header) return null;
  // RFC 2231 continuations: name*0*=utf-8''%D0%A4…; name*1*=…
  const pieces = [...header.matchAll(new RegExp(`${name}\\*(\\d+)(\\*?)=(?:"([^"]*)"|([^;\\s]*))`, 'gi'))];
  if (pieces.length) {
    const joined = pieces
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => m[3] ?? m[4] ?? '')
      .join('');
    const encoded = pieces.some((m) => m[2] === '*');
    return encoded ? decodeURIComponent(joined.replace(/^[^']*'[^']*'/, '')) : joined;
  }
  const m = new RegExp(`${name}(\\*?)=(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header);
  if (!m) return null;
  const v = m[2] ?? m[3] ?? '';
  if (m[1] === '*') return decodeURIComponent(v.replace(/^[^']*'[^']*'/, ''));
  return decodeWords(v);
}

function parse(raw: string, envelope: { from: string; to: string[] }): ArrivedMessage {
  const split = raw.indexOf('\r\n\r\n');
  const top = headersOf(raw.slice(0, split));
  const message: ArrivedMessage = {
    from: envelope.from,
    to: envelope.to,
    subject: decodeWords(top.get('subject') ?? ''),
    text: '',
    replyTo: top.get('reply-to') ?? null,
    attachments: [],
    raw,
  };
  const walk = (headers: Map<string, string>, body: string) => {
    const type = headers.get('content-type') ?? 'text/plain';
    const boundary = param(type, 'boundary');
    if (/^multipart\//i.test(type) && boundary) {
      for (const part of body.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        const p = part.replace(/^\r\n/, '');
        const at = p.indexOf('\r\n\r\n');
        walk(headersOf(p.slice(0, at)), p.slice(at + 4).replace(/\r\n$/, ''));
      }
      return;
    }
    const disposition = headers.get('content-disposition');
    const filename = param(disposition, 'filename') ?? param(type, 'name');
    if (filename)
      message.attachments.push({
        filename,
        contentType: type.split(';')[0]?.trim() ?? '',
        content: bodyOf(headers, body),
      });
    else if (/^text\/plain/i.test(type)) message.text = bodyOf(headers, body).toString('utf8');
  };
  walk(top, raw.slice(split + 4));
  return message;
}

/** Starts the sink on a free port of 127.0.0.1. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ArrivedMessage[] = [];
  const refusals: (451 | 550)[] = [];
  const waiters: { count: number; resolve: (m: ArrivedMessage[]) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = refusals.shift();
        if (refusal) {
          const err = new Error(refusal === 451 ? 'Try again later' : 'Message refused') as Error & {
            responseCode: number;
          };
          err.responseCode = refusal;
          callback(err);
          return;
        }
        messages.push(
          parse(Buffer.concat(chunks).toString('latin1'), {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          }),
        );
        for (const w of [...waiters])
          if (messages.length >= w.count) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(messages.slice());
          }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    refuseNext(code, times = 1) {
      for (let i = 0; i < times; i++) refusals.push(code);
    },
    waitFor(count) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
