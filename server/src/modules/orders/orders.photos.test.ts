import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { anOrder } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';

/** A real phone-like JPEG: 300 × 200 pixels stored sideways (EXIF orientation 6) with a camera and GPS in EXIF. */
const sidewaysJpeg = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Camera X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 41/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const EVIL_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

describe.each(DIALECTS)('service order photos on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let reception: Session;
  let storekeeper: Session;
  let orderId: string;
  let otherOrderId: string;

  beforeAll(async () => {
    admin = await t.setup();
    reception = await t.signInAs('reception');
    storekeeper = await t.signInAs('storekeeper');
    orderId = (await anOrder(t, admin)).id;
    otherOrderId = (await anOrder(t, admin)).id;
  });

  const upload = (
    session: Session | null,
    id: string,
    bytes: Buffer,
    type = 'image/jpeg',
    name = 'IMG_0001.JPG',
  ) =>
    t.request(
      session,
      'POST',
      `/api/v1/service-orders/${id}/photos?fileName=${encodeURIComponent(name)}`,
      bytes,
      { 'content-type': type },
    );

  it('takes a phone photo: upright by its EXIF orientation, re-encoded as JPEG without EXIF, with a thumbnail', async () => {
    const original = await sidewaysJpeg();
    expect(await sharp(original).metadata()).toMatchObject({ orientation: 6, width: 300, height: 200 });
    expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);
    const res = await upload(reception, orderId, original);
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({
      kind: 'photo',
      fileName: 'IMG_0001.jpg',
      contentType: 'image/jpeg',
      width: 200,
      height: 300,
      createdByName: 'reception user',
    });

    const full = await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/photos/${photo.id}`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['content-disposition']).toMatch(
      /^inline; filename="img_0001.jpg"; filename\*=UTF-8''IMG_0001.jpg$/,
    );
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-security-policy']).toContain('sandbox');
    const stored = await sharp(full.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(photo.sizeBytes).toBe(full.rawPayload.length);

    const thumb = await t.request(
      reception,
      'GET',
      `/api/v1/service-orders/${orderId}/photos/${photo.id}?size=thumbnail`,
    );
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ format: 'jpeg', height: 300 });

    const list = await t.request(storekeeper, 'GET', `/api/v1/service-orders/${orderId}/photos`);
    expect(list.json()).toEqual([photo]);
    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=attachment');
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('attachment.create');
  });

  it('caps a large photo at 2000 px on its longer side and keeps a PNG or WebP as JPEG', async () => {
    const png = await sharp({ create: { width: 3000, height: 1200, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    const res = await upload(reception, orderId, png, 'application/octet-stream', 'scan.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      width: 2000,
      height: 800,
      contentType: 'image/jpeg',
      fileName: 'scan.jpg',
    });
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
      .webp()
      .toBuffer();
    expect((await upload(reception, orderId, webp, 'image/webp', 'x.webp')).json()).toMatchObject({
      width: 40,
      height: 30,
    });
    const thumb = await t.request(
      reception,
      'GET',
      `/api/v1/service-orders/${orderId}/photos/${res.json().id}?size=thumbnail`,
    );
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 320, height: 128 });
  });

  it('refuses what is not a JPEG, PNG or WebP photo, whatever it claims to be, with nothing written', async () => {
    const before = await snapshotDatabase(t.db);
    const svg = await upload(reception, orderId, EVIL_SVG, 'image/svg+xml', 'x.svg');
    expect(svg.statusCode).toBe(400);
    expect(svg.headers['content-type']).toContain('application/problem+json');
    expect(svg.json()).toMatchObject({ code: 'unsupported_image', field: 'photo' });
    expect((await upload(reception, orderId, EVIL_SVG, 'image/jpeg')).json()).toMatchObject({
      code: 'unsupported_image',
    });
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect((await upload(reception, orderId, gif, 'image/gif')).json()).toMatchObject({
      code: 'unsupported_image',
    });
    const jpeg = await sidewaysJpeg();
    const broken = await upload(reception, orderId, jpeg.subarray(0, 200));
    expect(broken.json()).toMatchObject({ code: 'invalid_image', field: 'photo' });
    expect((await upload(reception, orderId, Buffer.from('<html></html>'), 'text/html')).statusCode).toBe(
      415,
    );
    const huge = await upload(reception, orderId, Buffer.alloc(16 * 1024 * 1024, 0xff));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    // A photo for an order that does not exist.
    expect((await upload(reception, 'no-such-order', jpeg)).statusCode).toBe(404);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('follows the order’s rules: staff read, only the order writers add and delete; each photo only under its order', async () => {
    const jpeg = await sidewaysJpeg();
    const before = await snapshotDatabase(t.db);
    const refused = await upload(storekeeper, orderId, jpeg);
    expect(refused.statusCode).toBe(403);
    expect((await upload(null, orderId, jpeg)).statusCode).toBe(401);
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const technician = await t.signInAs('technician');
    const photo = (await upload(technician, orderId, jpeg)).json();
    expect(
      (await t.request(null, 'GET', `/api/v1/service-orders/${orderId}/photos/${photo.id}`)).statusCode,
    ).toBe(401);
    // Another order's address does not reach it.
    expect(
      (await t.request(admin, 'GET', `/api/v1/service-orders/${otherOrderId}/photos/${photo.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await t.request(admin, 'DELETE', `/api/v1/service-orders/${otherOrderId}/photos/${photo.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request(storekeeper, 'DELETE', `/api/v1/service-orders/${orderId}/photos/${photo.id}`))
        .statusCode,
    ).toBe(403);

    const removed = await t.request(
      reception,
      'DELETE',
      `/api/v1/service-orders/${orderId}/photos/${photo.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.request(reception, 'GET', `/api/v1/service-orders/${orderId}/photos/${photo.id}`)).statusCode,
    ).toBe(404);
    const ids = (await t.request(reception, 'GET', `/api/v1/service-orders/${orderId}/photos`))
      .json()
      .map((p: { id: string }) => p.id);
    expect(ids).not.toContain(photo.id);
    const left = await t.db
      .selectFrom('attachment_content')
      .select('variant')
      .where('attachment_id', '=', photo.id)
      .execute();
    expect(left).toEqual([]);
    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=attachment');
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('attachment.delete');
  });

  it('keeps where a photo was taken only when the service settings say so, never in the stored file', async () => {
    const geotagged = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#27ae60' } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '42/1 41/1 30/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '23/1 19/1 12/1',
        },
      })
      .toBuffer();
    // By default the position is stripped with the rest of EXIF.
    const stripped = await upload(reception, orderId, geotagged);
    expect(stripped.json()).toMatchObject({ latitude: null, longitude: null });

    const settings = await t.request(admin, 'PUT', '/api/v1/service-settings', { keepPhotoLocation: true });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json().keepPhotoLocation).toBe(true);
    try {
      const kept = (await upload(reception, orderId, geotagged)).json();
      expect(kept.latitude).toBeCloseTo(42.691667, 5);
      expect(kept.longitude).toBeCloseTo(23.32, 5);
      const file = await t.request(reception, 'GET', `/api/v1/service-orders/${orderId}/photos/${kept.id}`);
      expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();
      // A photo without a position has none.
      const plain = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer();
      expect((await upload(reception, orderId, plain)).json()).toMatchObject({
        latitude: null,
        longitude: null,
      });
    } finally {
      await t.request(admin, 'PUT', '/api/v1/service-settings', { keepPhotoLocation: false });
    }
  });
});
