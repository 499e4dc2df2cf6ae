import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { BODY_LIMIT, buildApp } from '../app';

/** A stand-in for the built web app: index.html and one hashed asset. */
function fakeWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Servix</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  // What web/scripts/precompress.ts writes beside a built asset.
  const big = `console.log(${JSON.stringify('Сервиз '.repeat(500))})`;
  fs.writeFileSync(path.join(dir, 'assets', 'big-def456.js'), big);
  fs.writeFileSync(path.join(dir, 'assets', 'big-def456.js.br'), zlib.brotliCompressSync(big));
  fs.writeFileSync(path.join(dir, 'assets', 'big-def456.js.gz'), zlib.gzipSync(big));
  return dir;
}

/** Sends raw bytes and returns everything the server answers before it closes the connection. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => (chunks.length ? resolve(Buffer.concat(chunks).toString()) : reject(e)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.write(request);
  });
}

const problemBody = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

describe.each(DIALECTS)('security headers and framework errors on %s', (dialect) => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let tlsApp: FastifyInstance;
  let webDist: string;
  let base: string;
  let port: number;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    webDist = fakeWebDist();
    const config = { ...tdb.config, webDist };
    app = await buildApp({ config, database: tdb.handle, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    tlsApp = await buildApp({
      config: { ...config, secureCookies: true },
      database: tdb.handle,
      logger: false,
    });
    await tlsApp.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tlsApp?.close();
    await tdb?.drop();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a built asset compressed to a browser that takes Brotli or gzip, and plain to one that does not', async () => {
    const url = `${base}/assets/big-def456.js`;
    const plain = await app.inject({ method: 'GET', url: '/assets/big-def456.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await app.inject({
      method: 'GET',
      url: '/assets/big-def456.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/big-def456.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    // A real browser fetch decodes it and gets the same script.
    expect(await (await fetch(url)).text()).toBe(plain.body);
  });

  it('puts the CSP, frame, nosniff and referrer headers on API answers, errors and the web app', async () => {
    for (const url of ['/api/health', '/api/v1/auth/me', '/api/v1/nothing-here', '/', '/orders/123']) {
      const res = await fetch(base + url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      await res.arrayBuffer();
    }
  });

  it('never lets an API answer be cached; the web assets keep theirs', async () => {
    for (const url of ['/api/health', '/api/v1/auth/me', '/api/v1/nothing-here', '/api/openapi.json']) {
      const res = await fetch(base + url);
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      await res.arrayBuffer();
    }
    const index = await fetch(`${base}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<div id="root">');
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends HSTS and upgrade-insecure-requests only when served over TLS', async () => {
    const res = await tlsApp.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('answers an oversized body with a 413 problem that an ordinary HTTP client can read', async () => {
    const body = JSON.stringify({ username: 'x'.repeat(BODY_LIMIT * 2), password: 'y' });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body,
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 413, code: 'body_too_large' });
    }
    // Sent in chunks without a Content-Length: read as it comes, answered the same way.
    const chunk = new Uint8Array(256 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({
      code: 'body_too_large',
      detail: 'Заявката е твърде голяма.',
    });
    // The server is still well.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    // The body was read whole, so the same connection answers the next request.
    const big = 'x'.repeat(BODY_LIMIT + 1000);
    const pipelined = await rawExchange(
      port,
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n${big}` +
        'GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(pipelined).toMatch(/^HTTP\/1\.1 413 /);
    expect(pipelined).toContain('HTTP/1.1 200 OK');
  });

  it('answers too large headers with a 431 problem', async () => {
    const raw = await rawExchange(
      port,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw.toLowerCase()).toContain('content-type: application/problem+json');
    expect(raw.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(problemBody(raw)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });

  it('answers a malformed request line and an undecodable URL with a 400 problem', async () => {
    const garbage = await rawExchange(port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(problemBody(garbage)).toMatchObject({ status: 400, code: 'malformed_request' });

    const res = await fetch(`${base}/api/v1/parties/%E0%A4%A`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({
      code: 'malformed_request',
      detail: 'The request is malformed (address or headers).',
    });
  });
});
