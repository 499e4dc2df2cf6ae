import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendPdf } from './http';

describe('contentDisposition', () => {
  it('keeps a Cyrillic name exactly in filename* (RFC 5987) with an ASCII fallback', () => {
    const value = contentDisposition('Складова разписка 0000000012.pdf', false);
    expect(value).toBe(
      `attachment; filename="skladova razpiska 0000000012.pdf"; filename*=UTF-8''${encodeURIComponent('Складова разписка 0000000012.pdf')}`,
    );
    const encoded = /filename\*=UTF-8''(.*)$/.exec(value)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Складова разписка 0000000012.pdf');
  });

  it('encodes the characters RFC 5987 forbids and strips header-breaking ones', () => {
    const value = contentDisposition('Фактура "№ 1" (копие)\r\n*.pdf', true);
    expect(value.startsWith('inline; filename="faktura _no 1_ (kopie) *.pdf"; ')).toBe(true);
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toContain('%E2%84%96'); // №
    expect(value).toContain('%28%D0%BA%D0%BE%D0%BF%D0%B8%D0%B5%29'); // (копие)
    expect(value).toContain('%2A.pdf');
    expect(value).not.toMatch(/filename="[^"]*"[^;]*"/);
  });

  it('falls back to document.pdf for an empty name', () => {
    expect(contentDisposition('  ', true)).toBe(
      `inline; filename="document.pdf"; filename*=UTF-8''document.pdf`,
    );
  });
});

describe('sendPdf', () => {
  it('answers application/pdf, inline or as an attachment, uncached', async () => {
    const app = Fastify();
    const body = Buffer.from('%PDF-1.3\n%%EOF\n', 'latin1');
    app.get('/inline', (_req, reply) => sendPdf(reply, 'Протокол 1.pdf', body, { inline: true }));
    app.get('/download', (_req, reply) => sendPdf(reply, 'Протокол 1.pdf', body, { inline: false }));
    const inline = await app.inject({ method: 'GET', url: '/inline' });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(
      /^inline; filename="protokol 1\.pdf"; filename\*=UTF-8''/,
    );
    expect(inline.headers['cache-control']).toBe('private, no-store');
    expect(inline.rawPayload.equals(body)).toBe(true);
    const download = await app.inject({ method: 'GET', url: '/download' });
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    await app.close();
  });
});
