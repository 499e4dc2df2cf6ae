import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { anOrder, aTechnician, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { snapshotDatabase } from '../../../test/snapshot';
import { instantAt } from '../../kernel/calendar';

/** A signature as a pad draws it: a transparent PNG with a dark stroke, with a text chunk a PNG may carry. */
const padPng = async (width = 600, height = 200) => {
  const stroke = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="M20 150 C 120 20, 220 180, 580 40" stroke="#111" stroke-width="6" fill="none"/></svg>`,
  );
  return sharp(stroke).png().withMetadata({ density: 300 }).toBuffer();
};

describe.each(DIALECTS)('the customer’s signature on a service order on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let technician: Session;
  let storekeeper: Session;
  let orderId: string;

  beforeAll(async () => {
    admin = await t.setup();
    technician = await t.signInAs('technician');
    storekeeper = await t.signInAs('storekeeper');
    orderId = (await anOrder(t, admin)).id;
  });

  const sign = (session: Session | null, id: string, bytes: Buffer, name?: string, type = 'image/png') =>
    t.request(
      session,
      'PUT',
      `/api/v1/service-orders/${id}/signature${name === undefined ? '' : `?signerName=${encodeURIComponent(name)}`}`,
      bytes,
      { 'content-type': type },
    );

  it('keeps the signature as a PNG drawn again, with the signer’s name and time, shown to staff; one per order', async () => {
    expect(
      (await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/signature`)).json(),
    ).toBeNull();
    expect(
      (await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/signature/image`)).statusCode,
    ).toBe(404);

    const res = await sign(technician, orderId, await padPng(), '  Иван   Петров ');
    expect(res.statusCode, res.body).toBe(200);
    const signature = res.json();
    expect(signature).toMatchObject({
      signerName: 'Иван Петров',
      contentType: 'image/png',
      width: 600,
      height: 200,
      createdByName: 'technician user',
    });
    expect(Date.now() - Date.parse(signature.signedAt)).toBeLessThan(60_000);
    expect(
      (await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/signature`)).json(),
    ).toEqual(signature);

    const image = await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/signature/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    const stored = await sharp(image.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'png', width: 600, height: 200, hasAlpha: true });
    expect(image.rawPayload.length).toBe(signature.sizeBytes);
    // The signature is not one of the order's photos.
    expect((await t.request(admin, 'GET', `/api/v1/service-orders/${orderId}/photos`)).json()).toEqual([]);

    // Signing again replaces it: still one signature, the old bytes gone.
    const again = await sign(admin, orderId, await padPng(900, 300), 'Мария Иванова');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ signerName: 'Мария Иванова', width: 900 });
    const rows = await t.db
      .selectFrom('attachment')
      .select(['id', 'signer_name'])
      .where('owner_id', '=', orderId)
      .where('kind', '=', 'signature')
      .execute();
    expect(rows).toEqual([{ id: again.json().id, signer_name: 'Мария Иванова' }]);
    const orphans = await t.db
      .selectFrom('attachment_content')
      .select('attachment_id')
      .where('attachment_id', '=', signature.id)
      .execute();
    expect(orphans).toEqual([]);

    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=attachment');
    const signs = audit
      .json()
      .items.filter((a: { action: string }) => a.action === 'attachment.sign')
      .map((a: { before: unknown; after: { signerName: string } }) => [
        a.after.signerName,
        a.before !== null,
      ]);
    expect(signs).toEqual(
      expect.arrayContaining([
        ['Иван Петров', false],
        ['Мария Иванова', true],
      ]),
    );
  });

  it('refuses what is not an image, too large, or without a name, naming the field; nothing written', async () => {
    const id = (await anOrder(t, admin)).id;
    const before = await snapshotDatabase(t.db);
    const svg = await sign(
      technician,
      id,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'X',
      'image/svg+xml',
    );
    expect(svg.statusCode).toBe(400);
    expect(svg.headers['content-type']).toContain('application/problem+json');
    expect(svg.json()).toMatchObject({ code: 'unsupported_image', field: 'signature' });
    const broken = await sign(technician, id, (await padPng()).subarray(0, 100), 'X');
    expect(broken.json()).toMatchObject({ code: 'invalid_image', field: 'signature' });
    const noName = await sign(technician, id, await padPng());
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ code: 'signer_name_required', field: 'signerName' });
    expect((await sign(technician, id, await padPng(), '   ')).json()).toMatchObject({
      code: 'signer_name_required',
    });
    expect((await sign(technician, id, await padPng(), 'x'.repeat(121))).json()).toMatchObject({
      code: 'signer_name_too_long',
      field: 'signerName',
    });
    const huge = await sign(technician, id, Buffer.alloc(3 * 1024 * 1024, 0xff), 'X');
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    // A decompression bomb: a small PNG of a huge canvas.
    const bomb = await sharp({ create: { width: 4000, height: 4000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect((await sign(technician, id, bomb, 'X')).json()).toMatchObject({ code: 'image_too_large' });
    expect((await sign(technician, 'no-such-order', await padPng(), 'X')).statusCode).toBe(404);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('is refused on a finished order (ready, delivered, cancelled) with 409 order_finished; nothing written', async () => {
    const signed = (await anOrder(t, admin)).id;
    expect((await sign(technician, signed, await padPng(), 'Клиент')).statusCode).toBe(200);
    await moved(t, admin, signed, 'diagnosing', 'in_repair', 'ready');
    const cancelled = (await anOrder(t, admin)).id;
    await moved(t, admin, cancelled, 'cancelled');
    const before = await snapshotDatabase(t.db);
    for (const id of [signed, cancelled]) {
      const res = await sign(technician, id, await padPng(), 'Клиент');
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'order_finished', field: 'signature' });
    }
    expect((await sign(technician, signed, Buffer.from('not an image'), 'Клиент')).json()).toMatchObject({
      code: 'order_finished',
    });
    const del = await t.request(technician, 'DELETE', `/api/v1/service-orders/${signed}/signature`);
    expect(del.statusCode).toBe(409);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    // The finished order's signature is still shown (and printed).
    expect(
      (await t.request(storekeeper, 'GET', `/api/v1/service-orders/${signed}/signature`)).json(),
    ).toMatchObject({
      signerName: 'Клиент',
    });
  });

  it('follows the order’s rules: staff see it, only the order writers sign and delete (audited)', async () => {
    const id = (await anOrder(t, admin)).id;
    const before = await snapshotDatabase(t.db);
    expect((await sign(storekeeper, id, await padPng(), 'X')).statusCode).toBe(403);
    expect((await sign(null, id, await padPng(), 'X')).statusCode).toBe(401);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect((await sign(technician, id, await padPng(), 'X')).statusCode).toBe(200);
    expect((await t.request(null, 'GET', `/api/v1/service-orders/${id}/signature/image`)).statusCode).toBe(
      401,
    );
    expect(
      (await t.request(storekeeper, 'DELETE', `/api/v1/service-orders/${id}/signature`)).statusCode,
    ).toBe(403);
    expect((await t.request(technician, 'DELETE', `/api/v1/service-orders/${id}/signature`)).statusCode).toBe(
      204,
    );
    expect((await t.request(technician, 'GET', `/api/v1/service-orders/${id}/signature`)).json()).toBeNull();
    expect((await t.request(technician, 'DELETE', `/api/v1/service-orders/${id}/signature`)).statusCode).toBe(
      404,
    );
    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=attachment');
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('attachment.unsign');
  });

  it('prints the signature on the work report with the signer and time, and the visit booked for the order', async () => {
    const order = await anOrder(t, admin, { complaint: 'Климатикът не охлажда' });
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));
    const tech = await aTechnician(t, admin, { name: 'Алекс Монтьоров', hours });
    // Monday 2030-02-04, 13:00–14:30 company time: a work block booked for the order.
    const start = instantAt('2030-02-04', 13 * 60).toISOString();
    const booked = await t.request(admin, 'POST', '/api/v1/visit-bookings', {
      orderId: order.id,
      technicianIds: [tech.id],
      start,
      durationMinutes: 90,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    const report = async (language = 'bg') => {
      const res = await t.request(
        storekeeper,
        'GET',
        `/api/v1/service-orders/${order.id}/pdf/work-report?language=${language}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      return res.rawPayload;
    };
    const unsigned = await report();
    expect(images(unsigned)).toBe(0);
    expect(await pdfText(unsigned)).toContain('Посещение: 04.02.2030 13:00–14:30');

    expect((await sign(technician, order.id, await padPng(), 'Стоян Клиентов')).statusCode).toBe(200);
    const signed = await report();
    const text = await pdfText(signed);
    expect(text).toContain('ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА');
    expect(text).toContain('Климатикът не охлажда');
    expect(text).toContain('Техници на място: Алекс Монтьоров');
    expect(text).toContain('/ Стоян Клиентов /');
    expect(text).toMatch(/подписано на \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(images(signed)).toBeGreaterThan(0);
    expect(await pdfText(await report('en'))).toContain('/ Стоян Клиентов /');
    // The alias the phone links to answers the same document.
    const alias = await t.request(storekeeper, 'GET', `/api/v1/service-orders/${order.id}/work-report.pdf`);
    expect(alias.statusCode).toBe(200);
    expect(await pdfText(alias.rawPayload)).toContain('/ Стоян Клиентов /');
  });
});
