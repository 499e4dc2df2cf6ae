import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#1f5f8b' } });

/** The SVG of the attack: its script would read the CSRF token and create an admin. */
const EVIL_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>
fetch('/api/v1/auth/me').then(r => r.json()).then(me => fetch('/api/v1/users', { method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
  body: JSON.stringify({ username: 'evil', fullName: 'Evil', role: 'admin', password: 'evil-password-1' }) }));
</script></svg>`,
);
const HTML_TAIL = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

describe.each(DIALECTS)('company logo on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let manager: Session;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    manager = await t.signInAs('manager');
  });

  const storedLogo = async () =>
    (await t.db.selectFrom('company').select('logo_data_url').executeTakeFirstOrThrow()).logo_data_url;
  const putLogo = (url: string, session = manager) =>
    t.request(session, 'PUT', '/api/v1/company/logo', { dataUrl: url });

  it('refuses an SVG logo (whatever type it claims), writes nothing, and no user appears', async () => {
    const usersBefore = (await t.request(admin, 'GET', '/api/v1/users')).json();
    for (const url of [
      dataUrl('image/svg+xml', EVIL_SVG),
      dataUrl('image/png', EVIL_SVG),
      dataUrl('text/html', HTML_TAIL),
      dataUrl('image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')),
    ]) {
      const res = await putLogo(url);
      expect(res.statusCode, url.slice(0, 30)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'unsupported_image', field: 'logo' });
    }
    expect(await storedLogo()).toBeNull();
    expect((await t.request(admin, 'GET', '/api/v1/company/logo')).statusCode).toBe(404);
    expect((await t.request(admin, 'GET', '/api/v1/users')).json()).toEqual(usersBefore);
  });

  it('refuses an image that cannot be decoded, with the message in the user’s language', async () => {
    const png = await solid(40, 20).png().toBuffer();
    const res = await putLogo(dataUrl('image/png', png.subarray(0, png.length - 30)));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_image', field: 'logo' });
    const en = await t.request(manager, 'PUT', '/api/v1/company/logo', {
      dataUrl: dataUrl('image/png', Buffer.from('\x89PNG\r\n\x1a\nnot really', 'latin1')),
    });
    expect(en.statusCode).toBe(400);
    expect(await storedLogo()).toBeNull();
  });

  it('re-encodes a PNG polyglot: the stored and served bytes are a fresh PNG without the script tail', async () => {
    const png = await solid(120, 40).png().toBuffer();
    const polyglot = Buffer.concat([png, HTML_TAIL]);
    expect((await putLogo(dataUrl('image/png', polyglot))).statusCode).toBe(204);

    const stored = (await storedLogo()) ?? '';
    expect(stored.startsWith('data:image/png;base64,')).toBe(true);
    const storedBytes = Buffer.from(stored.split(',')[1] ?? '', 'base64');
    expect(storedBytes.equals(polyglot)).toBe(false);
    expect(storedBytes.includes('<script>')).toBe(false);

    const res = await t.request(admin, 'GET', '/api/v1/company/logo');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['content-disposition']).toBe('inline; filename="logo.png"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.equals(storedBytes)).toBe(true);
    expect(res.rawPayload.includes('<script>')).toBe(false);
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 120, height: 40 });
    expect((await t.request(admin, 'GET', '/api/v1/company')).json().hasLogo).toBe(true);
  });

  it('accepts JPEG and WebP, stores them as PNG, and scales a large logo down to 1000 px', async () => {
    const jpeg = await solid(3000, 1500).jpeg().toBuffer();
    expect((await putLogo(dataUrl('image/jpeg', jpeg))).statusCode).toBe(204);
    let served = (await t.request(admin, 'GET', '/api/v1/company/logo')).rawPayload;
    expect(await sharp(served).metadata()).toMatchObject({ format: 'png', width: 1000, height: 500 });

    const webp = await solid(64, 64).webp().toBuffer();
    expect((await putLogo(dataUrl('image/webp', webp))).statusCode).toBe(204);
    served = (await t.request(admin, 'GET', '/api/v1/company/logo')).rawPayload;
    expect(await sharp(served).metadata()).toMatchObject({ format: 'png', width: 64, height: 64 });
  });

  it('refuses a file over 2 MiB and a decompression bomb', async () => {
    const noise = Buffer.alloc(2 * 1024 * 1024 + 10, 7);
    noise.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const big = await putLogo(dataUrl('image/png', noise));
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ code: 'image_too_large', field: 'logo' });
    // A tiny PNG whose header claims 20000 × 20000 pixels.
    const bomb = await solid(8, 8).png().toBuffer();
    bomb.writeUInt32BE(20_000, 16);
    bomb.writeUInt32BE(20_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const res = await putLogo(dataUrl('image/png', bomb));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'image_too_large', field: 'logo' });
  });

  it('prints stock documents with a logo, without one, and with a damaged stored one', async () => {
    const doc = (await t.request(admin, 'GET', '/api/v1/stock/documents?pageSize=1')).json().items[0];
    expect(doc).toBeDefined();
    const pdf = () => t.request(admin, 'GET', `/api/v1/stock/documents/${doc.id}/pdf`);
    const imageCount = (body: Buffer) => body.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;

    expect((await putLogo(dataUrl('image/png', await solid(200, 60).png().toBuffer()))).statusCode).toBe(204);
    let res = await pdf();
    expect(res.statusCode).toBe(200);
    expect(imageCount(res.rawPayload)).toBeGreaterThanOrEqual(1);

    expect((await t.request(manager, 'DELETE', '/api/v1/company/logo')).statusCode).toBe(204);
    res = await pdf();
    expect(res.statusCode).toBe(200);
    const withoutLogo = imageCount(res.rawPayload);

    // Logos stored before uploads were re-encoded: a malformed SVG and a truncated PNG.
    for (const legacy of [
      dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="x"><rect<<')),
      dataUrl('image/svg+xml', EVIL_SVG),
      dataUrl('image/png', (await solid(50, 50).png().toBuffer()).subarray(0, 60)),
    ]) {
      await t.db.updateTable('company').set({ logo_data_url: legacy }).execute();
      res = await pdf();
      expect(res.statusCode).toBe(200);
      expect(imageCount(res.rawPayload)).toBe(withoutLogo);
      expect((await t.request(admin, 'GET', '/api/v1/company/logo')).statusCode).toBe(404);
    }
    await t.db.updateTable('company').set({ logo_data_url: null }).execute();
  });
});
