import { beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { requests } from '../../../test/requests';
import { countAll } from '../../db/sql';
import { registerUsageCheck } from '../../db/usage';
import { PART_COLUMNS } from './catalog.csv';
import { searchModels, searchParts } from './index';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('catalogue API on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let manager: Session;
  let storekeeper: Session;
  let technician: Session;
  const ids: Record<string, string> = {};

  const { send, refused } = requests(t, () => admin);
  const create = async (url: string, body: unknown, session = admin) =>
    (await send(session, 'POST', url, body, 201)).json();

  beforeAll(async () => {
    admin = await t.setup();
    manager = await aUser(t, 'manager');
    storekeeper = await aUser(t, 'storekeeper');
    technician = await aUser(t, 'technician');
  });

  it('every catalogue route answers 404 for an unknown id, never 500', async () => {
    const urls: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown][] = [];
    for (const path of ['categories', 'brands', 'models', 'service-types', 'parts']) {
      urls.push(['GET', `/api/v1/${path}/${FAKE_ID}`, undefined]);
      urls.push(['PATCH', `/api/v1/${path}/${FAKE_ID}`, {}]);
      urls.push(['POST', `/api/v1/${path}/${FAKE_ID}/archive`, undefined]);
      urls.push(['POST', `/api/v1/${path}/${FAKE_ID}/unarchive`, undefined]);
      urls.push(['DELETE', `/api/v1/${path}/${FAKE_ID}`, undefined]);
    }
    urls.push(['GET', `/api/v1/service-types/${FAKE_ID}/quote`, undefined]);
    urls.push(['GET', `/api/v1/service-types/${FAKE_ID}/overrides`, undefined]);
    urls.push(['PATCH', `/api/v1/service-types/${FAKE_ID}/overrides/${FAKE_ID}`, {}]);
    urls.push(['DELETE', `/api/v1/service-types/${FAKE_ID}/overrides/${FAKE_ID}`, undefined]);
    const answers = await Promise.all(
      urls.map(
        async ([method, url, body]) =>
          `${method} ${url} ${(await send(admin, method, url, body)).statusCode}`,
      ),
    );
    expect(answers.filter((a) => !a.endsWith(' 404'))).toEqual([]);
    const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/parts',
        '/api/v1/service-types/{id}/quote',
        '/api/v1/norm-overrides/export.csv',
      ]),
    );
  });

  describe('categories', () => {
    it('creates with the code upper-cased, reads it back, finds it in Cyrillic and Latin', async () => {
      const washer = await create('/api/v1/categories', {
        code: 'washer',
        nameBg: 'Пералня',
        nameEn: 'Washing machine',
      });
      expect(washer).toMatchObject({ code: 'WASHER', nameBg: 'Пералня', archived: false, archivedAt: null });
      ids.washer = washer.id;
      ids.laptop = (
        await create('/api/v1/categories', { code: 'LAPTOP', nameBg: 'Лаптоп', nameEn: 'Laptop' })
      ).id;
      ids.fridge = (await create('/api/v1/categories', { code: 'FRIDGE', nameBg: 'Хладилник' }, manager)).id;

      expect(
        (await send(technician, 'GET', `/api/v1/categories/${washer.id}`, undefined, 200)).json(),
      ).toEqual(washer);
      for (const q of ['ПЕРАЛ', 'пералня', 'peralnya', 'washing']) {
        const page = (await send(technician, 'GET', `/api/v1/categories?q=${encodeURIComponent(q)}`)).json();
        expect(
          page.items.map((c: { code: string }) => c.code),
          q,
        ).toEqual(['WASHER']);
      }
      const all = (await send(admin, 'GET', '/api/v1/categories?sort=-code&pageSize=2')).json();
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(all.items.map((c: { code: string }) => c.code)).toEqual(['WASHER', 'LAPTOP']);
    });

    it('a duplicate code is 409 naming the existing record; a Cyrillic code is 400; nothing is written', async () => {
      const dup = await refused(
        'POST',
        '/api/v1/categories',
        { code: 'Washer', nameBg: 'Друга' },
        { status: 409, code: 'duplicate_code', field: 'code' },
      );
      expect(dup.existingId).toBe(ids.washer);
      expect(dup.detail).toContain('Пералня');
      await refused(
        'PATCH',
        `/api/v1/categories/${ids.laptop}`,
        { code: 'WASHER' },
        { status: 409, code: 'duplicate_code', field: 'code' },
      );
      await refused(
        'POST',
        '/api/v1/categories',
        { code: 'ПЕРАЛНЯ', nameBg: 'x' },
        { status: 400, code: 'invalid_code', field: 'code' },
      );
      await refused(
        'POST',
        '/api/v1/categories',
        { code: 'X', nameBg: '' },
        { status: 400, code: 'too_small' },
      );
      await refused(
        'POST',
        '/api/v1/categories',
        { code: 'X', nameBg: 'x', color: 'red' },
        { status: 400, code: 'unknown_field', field: 'color' },
      );
    });

    it('changes only the fields sent; archive hides it from the default list, unarchive brings it back', async () => {
      const changed = (
        await send(admin, 'PATCH', `/api/v1/categories/${ids.fridge}`, { nameEn: 'Refrigerator' }, 200)
      ).json();
      expect(changed).toMatchObject({ code: 'FRIDGE', nameBg: 'Хладилник', nameEn: 'Refrigerator' });
      const archived = (
        await send(admin, 'POST', `/api/v1/categories/${ids.fridge}/archive`, undefined, 200)
      ).json();
      expect(archived.archived).toBe(true);
      const codes = async (qs: string) =>
        (await send(admin, 'GET', `/api/v1/categories${qs}`))
          .json()
          .items.map((c: { code: string }) => c.code);
      expect(await codes('')).not.toContain('FRIDGE');
      expect(await codes('?archived=true')).toEqual(['FRIDGE']);
      expect(await codes('?archived=all')).toContain('FRIDGE');
      await send(admin, 'POST', `/api/v1/categories/${ids.fridge}/unarchive`, undefined, 200);
      expect(await codes('')).toContain('FRIDGE');
    });

    it('unknown ids answer 404; roles: the storekeeper and the technician may read but not write', async () => {
      expect((await send(admin, 'GET', `/api/v1/categories/${FAKE_ID}`)).statusCode).toBe(404);
      expect((await send(admin, 'PATCH', `/api/v1/categories/${FAKE_ID}`, { nameBg: 'x' })).statusCode).toBe(
        404,
      );
      expect((await send(admin, 'DELETE', `/api/v1/categories/${FAKE_ID}`)).statusCode).toBe(404);
      expect((await send(storekeeper, 'GET', '/api/v1/categories')).statusCode).toBe(200);
      expect(
        (await send(storekeeper, 'POST', '/api/v1/categories', { code: 'Y', nameBg: 'y' })).statusCode,
      ).toBe(403);
      expect((await send(technician, 'DELETE', `/api/v1/categories/${ids.fridge}`)).statusCode).toBe(403);
    });
  });

  describe('brands and models', () => {
    it('creates brands; a duplicate code is 409; a bad country is 400', async () => {
      ids.bosch = (await create('/api/v1/brands', { code: 'BOSCH', name: 'Bosch', country: 'de' })).id;
      ids.indesit = (await create('/api/v1/brands', { code: 'INDESIT', name: 'Indesit', country: 'IT' })).id;
      ids.asus = (await create('/api/v1/brands', { code: 'ASUS', name: 'Asus', country: 'TW' })).id;
      ids.lg = (await create('/api/v1/brands', { code: 'LG', name: 'LG' })).id;
      expect((await send(admin, 'GET', `/api/v1/brands/${ids.bosch}`)).json()).toMatchObject({
        country: 'DE',
      });
      const dup = await refused(
        'POST',
        '/api/v1/brands',
        { code: 'bosch', name: 'Bosch 2' },
        { status: 409, code: 'duplicate_code', field: 'code' },
      );
      expect(dup.existingId).toBe(ids.bosch);
      await refused(
        'POST',
        '/api/v1/brands',
        { code: 'X', name: 'X', country: 'Germany' },
        { status: 400, code: 'invalid_value', field: 'country' },
      );
      const it = (await send(admin, 'GET', '/api/v1/brands?country=IT')).json();
      expect(it.items.map((b: { code: string }) => b.code)).toEqual(['INDESIT']);
    });

    it('creates models; unknown brand or category ids are 400 naming the field; nothing written', async () => {
      const model = await create('/api/v1/models', {
        brandId: ids.bosch,
        categoryId: ids.washer,
        name: ' WAN28263BY ',
      });
      expect(model).toMatchObject({
        name: 'WAN28263BY',
        brandCode: 'BOSCH',
        brandName: 'Bosch',
        categoryCode: 'WASHER',
        categoryNameBg: 'Пералня',
        defaultWarrantyMonths: 24,
      });
      ids.wan = model.id;
      ids.ffb = (
        await create('/api/v1/models', {
          brandId: ids.indesit,
          categoryId: ids.washer,
          name: 'FFB 8458 WV EE',
          defaultWarrantyMonths: 36,
        })
      ).id;
      ids.indesitOther = (
        await create('/api/v1/models', {
          brandId: ids.indesit,
          categoryId: ids.washer,
          name: 'MTWE 71252 W EE',
        })
      ).id;
      ids.zenbook = (
        await create('/api/v1/models', {
          brandId: ids.asus,
          categoryId: ids.laptop,
          name: 'ZenBook 14 UX3402VA-KP309W',
        })
      ).id;
      ids.vivobook = (
        await create('/api/v1/models', { brandId: ids.asus, categoryId: ids.laptop, name: 'VivoBook 15' })
      ).id;
      ids.lgModel = (
        await create('/api/v1/models', { brandId: ids.lg, categoryId: ids.washer, name: 'F4WV509S1E' })
      ).id;

      await refused(
        'POST',
        '/api/v1/models',
        { brandId: FAKE_ID, categoryId: ids.washer, name: 'X1' },
        { status: 400, code: 'unknown_brand', field: 'brandId' },
      );
      await refused(
        'POST',
        '/api/v1/models',
        { brandId: ids.bosch, categoryId: FAKE_ID, name: 'X1' },
        { status: 400, code: 'unknown_category', field: 'categoryId' },
      );
      await refused(
        'POST',
        '/api/v1/models',
        { brandId: ids.bosch, categoryId: ids.washer, name: 'X1', defaultWarrantyMonths: -1 },
        { status: 400, code: 'too_small', field: 'defaultWarrantyMonths' },
      );
    });

    it('a model code is unique per brand (runs of spaces ignored): 409 with the existing id', async () => {
      const dup = await refused(
        'POST',
        '/api/v1/models',
        { brandId: ids.indesit, categoryId: ids.washer, name: 'FFB  8458 WV EE' },
        { status: 409, code: 'duplicate_model', field: 'name' },
      );
      expect(dup.existingId).toBe(ids.ffb);
      // The same code under another brand is another model.
      await create('/api/v1/models', { brandId: ids.bosch, categoryId: ids.washer, name: 'FFB 8458 WV EE' });
    });

    it('lists models by brand and category, finds them by code with or without spaces, and by brand', async () => {
      const names = async (qs: string) =>
        (await send(technician, 'GET', `/api/v1/models${qs}`))
          .json()
          .items.map((m: { name: string }) => m.name);
      expect(await names(`?brandId=${ids.asus}&sort=name`)).toEqual([
        'VivoBook 15',
        'ZenBook 14 UX3402VA-KP309W',
      ]);
      expect(await names(`?categoryId=${ids.laptop}&sort=-name`)).toEqual([
        'ZenBook 14 UX3402VA-KP309W',
        'VivoBook 15',
      ]);
      expect(await names('?q=wan28263')).toEqual(['WAN28263BY']);
      expect(await names(`?q=ffb8458&brandId=${ids.indesit}`)).toEqual(['FFB 8458 WV EE']);
      expect(await names('?q=FFB%208458&sort=brand')).toEqual(['FFB 8458 WV EE', 'FFB 8458 WV EE']);
      expect(await names('?q=indesit%20mtwe')).toEqual(['MTWE 71252 W EE']);
    });

    it('renaming a brand re-indexes its models for search', async () => {
      await send(admin, 'PATCH', `/api/v1/brands/${ids.lg}`, { name: 'ЛЖ Електроникс' }, 200);
      const found = (await send(admin, 'GET', '/api/v1/models?q=лж')).json();
      expect(found.items.map((m: { name: string }) => m.name)).toEqual(['F4WV509S1E']);
      expect(found.items[0].brandName).toBe('ЛЖ Електроникс');
      expect((await send(admin, 'GET', '/api/v1/models?q=lzh')).json().total).toBe(1);
    });

    it('deleting a brand or category that models use is 409 in_use with the reason; nothing written', async () => {
      const brand = await refused('DELETE', `/api/v1/brands/${ids.bosch}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(brand.errors).toEqual([expect.objectContaining({ code: 'used_by_models' })]);
      expect(brand.usages).toEqual([{ entity: 'catalog_model', code: 'used_by_models', count: 2 }]);
      const category = await refused('DELETE', `/api/v1/categories/${ids.washer}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(category.errors[0].message).toMatch(/модели: 5/);
      // An unused one goes.
      const unused = await create('/api/v1/brands', { code: 'TEMP', name: 'Temp' });
      await send(admin, 'DELETE', `/api/v1/brands/${unused.id}`, undefined, 204);
      expect((await send(admin, 'GET', `/api/v1/brands/${unused.id}`)).statusCode).toBe(404);
    });

    it('another module can refuse a delete through registerUsageCheck', async () => {
      const model = await create('/api/v1/models', {
        brandId: ids.lg,
        categoryId: ids.washer,
        name: 'USED-BY-ITEM',
      });
      registerUsageCheck('catalog_model', async (_db, id) =>
        id === model.id ? { entity: 'item', code: 'used_by_models', count: 1 } : null,
      );
      const problem = await refused('DELETE', `/api/v1/models/${model.id}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(problem.usages).toEqual([{ entity: 'item', code: 'used_by_models', count: 1 }]);
      const archived = (
        await send(admin, 'POST', `/api/v1/models/${model.id}/archive`, undefined, 200)
      ).json();
      expect(archived.archivedAt).not.toBeNull();
      expect((await send(admin, 'GET', '/api/v1/models?q=used-by')).json().total).toBe(0);
    });
  });

  describe('labour catalogue and norm-time overrides', () => {
    it('negative prices and norm times are 400 naming the field; an unknown pricing is 400; nothing written', async () => {
      const base = { code: 'WM_BEARINGS', nameBg: 'Смяна на лагери', normMinutes: 180, pricing: 'hourly' };
      await refused(
        'POST',
        '/api/v1/service-types',
        { ...base, priceCents: -1 },
        { status: 400, code: 'too_small', field: 'priceCents' },
      );
      await refused(
        'POST',
        '/api/v1/service-types',
        { ...base, priceCents: 3200, normMinutes: -5 },
        { status: 400, code: 'too_small', field: 'normMinutes' },
      );
      await refused(
        'POST',
        '/api/v1/service-types',
        { ...base, priceCents: 3200, pricing: 'monthly' },
        { status: 400, code: 'invalid_value', field: 'pricing' },
      );
      await refused(
        'POST',
        '/api/v1/service-types',
        { ...base, priceCents: 3200, categoryId: FAKE_ID },
        { status: 400, code: 'unknown_category', field: 'categoryId' },
      );
      await refused(
        'POST',
        '/api/v1/service-types',
        { ...base, priceCents: 3200, vatRateBp: 10_001 },
        { status: 400, code: 'too_big', field: 'vatRateBp' },
      );
    });

    it('creates hourly and fixed services; a duplicate code is 409', async () => {
      const bearings = await create('/api/v1/service-types', {
        code: 'WM_BEARINGS',
        nameBg: 'Смяна на лагери и семеринг на барабана',
        nameEn: 'Drum bearings and seal replacement',
        categoryId: ids.washer,
        normMinutes: 180,
        pricing: 'hourly',
        priceCents: 3200,
        shopWarrantyMonths: 6,
      });
      expect(bearings).toMatchObject({ categoryCode: 'WASHER', vatRateBp: 2000, overrideCount: 0 });
      ids.bearings = bearings.id;
      ids.keyboard = (
        await create('/api/v1/service-types', {
          code: 'LT_KEYBOARD',
          nameBg: 'Смяна на клавиатура на лаптоп',
          categoryId: ids.laptop,
          normMinutes: 60,
          pricing: 'hourly',
          priceCents: 3000,
        })
      ).id;
      ids.km = (
        await create('/api/v1/service-types', {
          code: 'GEN_CALLOUT_KM',
          nameBg: 'Транспорт извън града (на км)',
          normMinutes: 1,
          pricing: 'fixed',
          priceCents: 45,
        })
      ).id;
      const dup = await refused(
        'POST',
        '/api/v1/service-types',
        { code: 'wm_bearings', nameBg: 'x', normMinutes: 1, pricing: 'fixed', priceCents: 1 },
        { status: 409, code: 'duplicate_code', field: 'code' },
      );
      expect(dup.existingId).toBe(ids.bearings);
      const general = (await send(admin, 'GET', '/api/v1/service-types?general=true')).json();
      expect(general.items.map((s: { code: string }) => s.code)).toEqual(['GEN_CALLOUT_KM']);
      const hourly = (
        await send(admin, 'GET', '/api/v1/service-types?pricing=hourly&sort=-normMinutes')
      ).json();
      expect(hourly.items.map((s: { code: string }) => s.code)).toEqual(['WM_BEARINGS', 'LT_KEYBOARD']);
      expect((await send(admin, 'GET', '/api/v1/service-types?q=лагери')).json().total).toBe(1);
    });

    it('overrides: model beats brand beats default, as the quote endpoint answers', async () => {
      const quote = async (serviceId: string, qs = '') =>
        (
          await send(technician, 'GET', `/api/v1/service-types/${serviceId}/quote${qs}`, undefined, 200)
        ).json();
      expect(await quote(ids.bearings as string)).toMatchObject({
        normMinutes: 180,
        unitPriceCents: 9600,
        source: 'default',
        brandId: null,
        modelId: null,
      });

      const brandWide = await create(`/api/v1/service-types/${ids.bearings}/overrides`, {
        brandId: ids.indesit,
        normMinutes: 300,
      });
      expect(brandWide).toMatchObject({
        brandCode: 'INDESIT',
        modelId: null,
        normMinutes: 300,
        priceCents: null,
      });
      // WM_BEARINGS on an Indesit = 300/60 × 32.00 = 160.00 € (seed-data README).
      expect(await quote(ids.bearings as string, `?modelId=${ids.indesitOther}`)).toMatchObject({
        brandId: ids.indesit,
        normMinutes: 300,
        unitPriceCents: 16000,
        source: 'brand',
        amountCents: 16000,
        vatRateBp: 2000,
        shopWarrantyMonths: 6,
      });
      const modelOnly = await create(`/api/v1/service-types/${ids.bearings}/overrides`, {
        modelId: ids.ffb,
        normMinutes: 270,
        priceCents: 3500,
      });
      expect(modelOnly).toMatchObject({ brandId: ids.indesit, modelName: 'FFB 8458 WV EE' });
      expect(await quote(ids.bearings as string, `?modelId=${ids.ffb}`)).toMatchObject({
        normMinutes: 270,
        unitPriceCents: 15750,
        source: 'model',
        priceSource: 'model',
      });
      expect(await quote(ids.bearings as string, `?brandId=${ids.indesit}`)).toMatchObject({
        source: 'brand',
      });
      expect(await quote(ids.bearings as string, `?modelId=${ids.wan}`)).toMatchObject({
        source: 'default',
        normMinutes: 180,
      });

      await create(`/api/v1/service-types/${ids.keyboard}/overrides`, {
        modelId: ids.zenbook,
        normMinutes: 150,
      });
      expect(await quote(ids.keyboard as string, `?modelId=${ids.zenbook}`)).toMatchObject({
        normMinutes: 150,
        unitPriceCents: 7500,
      });
      expect(await quote(ids.keyboard as string, `?modelId=${ids.vivobook}`)).toMatchObject({
        normMinutes: 60,
        unitPriceCents: 3000,
      });
      // A fixed price stays fixed; the quantity multiplies it: 25 km × 0.45 € = 11.25 €.
      expect(await quote(ids.km as string, '?quantityMilli=25000')).toMatchObject({
        unitPriceCents: 45,
        amountCents: 1125,
        totalNormMinutes: 25,
      });

      const list = (await send(technician, 'GET', `/api/v1/service-types/${ids.bearings}/overrides`)).json();
      expect(list.items.map((o: { brandCode: string; modelName: string | null }) => o.modelName)).toEqual([
        null,
        'FFB 8458 WV EE',
      ]);
      expect((await send(admin, 'GET', `/api/v1/service-types/${ids.bearings}`)).json().overrideCount).toBe(
        2,
      );
      ids.brandOverride = brandWide.id;
    });

    it('override rules: one per brand or model, negative norms refused, the model must be of the brand', async () => {
      const url = `/api/v1/service-types/${ids.bearings}/overrides`;
      const dup = await refused(
        'POST',
        url,
        { brandId: ids.indesit, normMinutes: 200 },
        { status: 409, code: 'duplicate_override', field: 'brandId' },
      );
      expect(dup.existingId).toBe(ids.brandOverride);
      await refused(
        'POST',
        url,
        { modelId: ids.ffb, normMinutes: 200 },
        { status: 409, code: 'duplicate_override', field: 'modelId' },
      );
      await refused(
        'POST',
        url,
        { brandId: ids.bosch, normMinutes: -1 },
        { status: 400, code: 'too_small', field: 'normMinutes' },
      );
      await refused(
        'POST',
        url,
        { brandId: ids.bosch, normMinutes: 10, priceCents: -100 },
        { status: 400, code: 'too_small', field: 'priceCents' },
      );
      await refused(
        'POST',
        url,
        { brandId: ids.bosch, modelId: ids.ffb, normMinutes: 10 },
        { status: 400, code: 'model_brand_mismatch', field: 'modelId' },
      );
      await refused(
        'POST',
        url,
        { modelId: FAKE_ID, normMinutes: 10 },
        { status: 400, code: 'unknown_model', field: 'modelId' },
      );
      await refused(
        'POST',
        url,
        { brandId: FAKE_ID, normMinutes: 10 },
        { status: 400, code: 'unknown_brand', field: 'brandId' },
      );
      await refused('POST', url, { normMinutes: 10 }, { status: 400, code: 'required', field: 'brandId' });
      await refused(
        'POST',
        `/api/v1/service-types/${FAKE_ID}/overrides`,
        { brandId: ids.bosch, normMinutes: 10 },
        { status: 404, code: 'not_found' },
      );
      const quoteUnknown = await send(
        admin,
        'GET',
        `/api/v1/service-types/${ids.bearings}/quote?modelId=${FAKE_ID}`,
      );
      expect(quoteUnknown.statusCode).toBe(400);
      expect(quoteUnknown.json()).toMatchObject({ code: 'unknown_model', field: 'modelId' });
      expect((await send(admin, 'GET', `/api/v1/service-types/${FAKE_ID}/quote`)).statusCode).toBe(404);
      expect(
        (await send(technician, 'POST', url, { brandId: ids.bosch, normMinutes: 10 })).statusCode,
        'technicians do not edit the catalogue',
      ).toBe(403);
    });

    it('changes and removes overrides; a service type goes with its overrides', async () => {
      const url = `/api/v1/service-types/${ids.bearings}/overrides/${ids.brandOverride}`;
      const changed = (await send(admin, 'PATCH', url, { priceCents: 4000 }, 200)).json();
      expect(changed).toMatchObject({ normMinutes: 300, priceCents: 4000 });
      const q = (
        await send(admin, 'GET', `/api/v1/service-types/${ids.bearings}/quote?modelId=${ids.indesitOther}`)
      ).json();
      expect(q).toMatchObject({ unitPriceCents: 20000, priceSource: 'brand' });
      expect((await send(admin, 'PATCH', url, { normMinutes: -3 })).statusCode).toBe(400);
      expect(
        (
          await send(
            admin,
            'PATCH',
            `/api/v1/service-types/${ids.keyboard}/overrides/${ids.brandOverride}`,
            {},
          )
        ).statusCode,
        'an override is reached only under its own service type',
      ).toBe(404);
      await send(admin, 'DELETE', url, undefined, 204);
      expect(
        (await send(admin, 'GET', `/api/v1/service-types/${ids.bearings}/overrides`)).json().items,
      ).toHaveLength(1);

      const temp = await create('/api/v1/service-types', {
        code: 'TEMP',
        nameBg: 'Временна',
        normMinutes: 10,
        pricing: 'fixed',
        priceCents: 100,
      });
      await create(`/api/v1/service-types/${temp.id}/overrides`, { brandId: ids.lg, normMinutes: 20 });
      await send(admin, 'DELETE', `/api/v1/service-types/${temp.id}`, undefined, 204);
      // Its override went with it, so the brand is no longer used by an override.
      expect((await send(admin, 'GET', '/api/v1/norm-overrides/export.csv')).body).not.toContain('TEMP');
    });

    it('the model an override names cannot be deleted (409 in_use), only archived', async () => {
      const problem = await refused('DELETE', `/api/v1/models/${ids.zenbook}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(problem.usages).toEqual([
        { entity: 'catalog_norm_override', code: 'used_by_norm_overrides', count: 1 },
      ]);
    });
  });

  describe('parts', () => {
    const part = (over: Record<string, unknown> = {}) => ({
      code: 'WM-PUMP-UNI30',
      barcode: '8000944822463',
      nameBg: 'Помпа за пералня универсална 30 W',
      nameEn: 'Universal drain pump 30 W',
      categoryId: ids.washer,
      salePriceCents: 2490,
      typicalCostCents: 1240,
      minStockMilli: 6000,
      ...over,
    });

    it('bad barcodes, negative prices and unknown references are 400 naming the field; nothing written', async () => {
      await refused('POST', '/api/v1/parts', part({ barcode: '8000944822464' }), {
        status: 400,
        code: 'invalid_barcode',
        field: 'barcode',
      });
      await refused('POST', '/api/v1/parts', part({ salePriceCents: -1 }), {
        status: 400,
        code: 'too_small',
        field: 'salePriceCents',
      });
      await refused('POST', '/api/v1/parts', part({ typicalCostCents: -1 }), {
        status: 400,
        code: 'too_small',
        field: 'typicalCostCents',
      });
      await refused('POST', '/api/v1/parts', part({ minStockMilli: -1000 }), {
        status: 400,
        code: 'too_small',
        field: 'minStockMilli',
      });
      await refused('POST', '/api/v1/parts', part({ categoryId: FAKE_ID }), {
        status: 400,
        code: 'unknown_category',
        field: 'categoryId',
      });
      await refused('POST', '/api/v1/parts', part({ compatibleBrandIds: [FAKE_ID] }), {
        status: 400,
        code: 'unknown_brand',
        field: 'compatibleBrandIds',
      });
      await refused('POST', '/api/v1/parts', part({ compatibleModelIds: [ids.wan, FAKE_ID] }), {
        status: 400,
        code: 'unknown_model',
        field: 'compatibleModelIds',
      });
    });

    it('creates parts with their compatible brands and models; the storekeeper may edit parts', async () => {
      const pump = await create(
        '/api/v1/parts',
        part({ compatibleBrandIds: [ids.indesit], compatibleModelIds: [ids.wan] }),
        storekeeper,
      );
      expect(pump).toMatchObject({
        code: 'WM-PUMP-UNI30',
        unit: 'бр.',
        vatRateBp: 2000,
        categoryCode: 'WASHER',
        compatibleBrands: [{ id: ids.indesit, code: 'INDESIT', name: 'Indesit' }],
        compatibleModels: [{ id: ids.wan, name: 'WAN28263BY', brandId: ids.bosch, brandCode: 'BOSCH' }],
      });
      ids.pump = pump.id;
      ids.zenKeyboard = (
        await create('/api/v1/parts', {
          code: 'LT-KB-ZEN14',
          nameBg: 'Клавиатура ZenBook 14',
          categoryId: ids.laptop,
          salePriceCents: 6500,
          compatibleModelIds: [ids.zenbook],
        })
      ).id;
      ids.paste = (
        await create('/api/v1/parts', {
          code: 'THERMAL-PASTE',
          barcode: '2000000000114',
          nameBg: 'Термопаста 4 г',
          unit: 'к-т',
          salePriceCents: 800,
        })
      ).id;
      ids.lgPump = (
        await create('/api/v1/parts', {
          code: 'WM-PUMP-LG',
          nameBg: 'Помпа LG',
          salePriceCents: 4400,
          compatibleBrandIds: [ids.lg],
        })
      ).id;
      expect(
        (await send(technician, 'POST', '/api/v1/parts', part({ code: 'T-1', barcode: null }))).statusCode,
      ).toBe(403);
    });

    it('duplicate code or barcode is 409 naming the existing part', async () => {
      const byCode = await refused('POST', '/api/v1/parts', part({ barcode: null, code: 'wm-pump-uni30' }), {
        status: 409,
        code: 'duplicate_code',
        field: 'code',
      });
      expect(byCode).toMatchObject({ existingId: ids.pump });
      expect(byCode.detail).toContain('Помпа за пералня');
      const byBarcode = await refused('POST', '/api/v1/parts', part({ code: 'OTHER' }), {
        status: 409,
        code: 'duplicate_barcode',
        field: 'barcode',
      });
      expect(byBarcode).toMatchObject({ existingId: ids.pump });
      expect(byBarcode.detail).toContain('WM-PUMP-UNI30');
    });

    it('filters parts by compatible model (its own or its whole brand), by brand, and finds them in both scripts', async () => {
      const codes = async (qs: string) =>
        (await send(technician, 'GET', `/api/v1/parts${qs}`, undefined, 200))
          .json()
          .items.map((p: { code: string }) => p.code);
      expect(await codes(`?compatibleModelId=${ids.ffb}`)).toEqual(['WM-PUMP-UNI30']); // Indesit, brand-wide
      expect(await codes(`?compatibleModelId=${ids.wan}`)).toEqual(['WM-PUMP-UNI30']); // the Bosch model itself
      expect(await codes(`?compatibleModelId=${ids.zenbook}`)).toEqual(['LT-KB-ZEN14']);
      expect(await codes(`?compatibleModelId=${ids.vivobook}`)).toEqual([]);
      expect(await codes(`?compatibleModelId=${ids.vivobook}&includeUniversal=true`)).toEqual([
        'THERMAL-PASTE',
      ]);
      expect(await codes(`?compatibleBrandId=${ids.bosch}`)).toEqual(['WM-PUMP-UNI30']);
      expect(await codes(`?compatibleBrandId=${ids.lg}&sort=-salePriceCents`)).toEqual(['WM-PUMP-LG']);
      expect(await codes('?q=ПОМПА&sort=-code')).toEqual(['WM-PUMP-UNI30', 'WM-PUMP-LG']);
      expect(await codes('?q=pompa%20za')).toEqual(['WM-PUMP-UNI30']);
      expect(await codes('?q=8000944822463')).toEqual(['WM-PUMP-UNI30']);
      expect(await codes('?q=wmpumplg')).toEqual(['WM-PUMP-LG']);
      const bad = await send(admin, 'GET', `/api/v1/parts?compatibleModelId=${FAKE_ID}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'unknown_model', field: 'compatibleModelId' });
    });

    it('a patch replaces the compatibility list it sends and keeps the other', async () => {
      const changed = (
        await send(
          storekeeper,
          'PATCH',
          `/api/v1/parts/${ids.pump}`,
          { compatibleBrandIds: [ids.bosch, ids.lg] },
          200,
        )
      ).json();
      expect(changed.compatibleBrands.map((b: { code: string }) => b.code)).toEqual(['BOSCH', 'LG']);
      expect(changed.compatibleModels.map((m: { name: string }) => m.name)).toEqual(['WAN28263BY']);
      expect(changed.salePriceCents).toBe(2490);
      const repriced = (
        await send(admin, 'PATCH', `/api/v1/parts/${ids.pump}`, { salePriceCents: 2590, barcode: null }, 200)
      ).json();
      expect(repriced).toMatchObject({
        salePriceCents: 2590,
        barcode: null,
        compatibleBrands: changed.compatibleBrands,
      });
    });

    it('a model a part lists cannot be deleted; a part can, with its compatibility rows', async () => {
      const problem = await refused('DELETE', `/api/v1/models/${ids.wan}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(problem.usages).toEqual([
        { entity: 'catalog_part_compat', code: 'used_by_part_compat', count: 1 },
      ]);
      await send(admin, 'DELETE', `/api/v1/parts/${ids.lgPump}`, undefined, 204);
      const left = await t.db
        .selectFrom('catalog_part_compat')
        .select(countAll().as('n'))
        .where('part_id', '=', ids.lgPump as string)
        .executeTakeFirstOrThrow();
      expect(left.n).toBe(0);
    });

    it('CSV export: the import columns as header, money in euro, Cyrillic rows intact', async () => {
      // The typical cost is for the stock valuers only (catalog.fields.test.ts): the storekeeper exports here.
      const res = await send(storekeeper, 'GET', '/api/v1/parts/export.csv?sort=code', undefined, 200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/);
      expect(lines[0]).toBe(PART_COLUMNS.join(','));
      expect(lines).toContain(
        'WM-PUMP-UNI30,,Помпа за пералня универсална 30 W,Universal drain pump 30 W,бр.,WASHER,25.90,12.40,20,standard,,6,BOSCH;LG;WAN28263BY,',
      );
      expect(lines).toContain('THERMAL-PASTE,2000000000114,Термопаста 4 г,,к-т,,8.00,,20,standard,,0,,');

      const services = (await send(admin, 'GET', '/api/v1/service-types/export.csv')).body.replace(
        /^\uFEFF/,
        '',
      );
      expect(services.split(/\r?\n/)[0]).toBe(
        'code,name_bg,name_en,category_code,norm_minutes,pricing,price_eur,vat_rate_percent,vat_rate_kind,vat_reason,shop_warranty_months',
      );
      expect(services).toContain(
        'GEN_CALLOUT_KM,Транспорт извън града (на км),,,1,fixed,0.45,20,standard,,0',
      );
      const models = (await send(admin, 'GET', `/api/v1/models/export.csv?brandId=${ids.indesit}`)).body;
      expect(
        models
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split(/\r?\n/),
      ).toEqual([
        'brand_code,category_code,model,default_warranty_months',
        'INDESIT,WASHER,FFB 8458 WV EE,36',
        'INDESIT,WASHER,MTWE 71252 W EE,24',
      ]);
      const categories = (await send(admin, 'GET', '/api/v1/categories/export.csv?q=перал')).body;
      expect(categories).toContain('code,name_bg,name_en\nWASHER,Пералня,Washing machine');
      const brands = (await send(admin, 'GET', '/api/v1/brands/export.csv?sort=code')).body;
      expect(brands).toContain('code,name,country\nASUS,Asus,TW');
      const overrides = (await send(admin, 'GET', '/api/v1/norm-overrides/export.csv')).body.replace(
        /^\uFEFF/,
        '',
      );
      expect(overrides.trimEnd().split(/\r?\n/)).toEqual([
        'service_code,brand_code,model,norm_minutes,price_eur',
        'LT_KEYBOARD,ASUS,ZenBook 14 UX3402VA-KP309W,150,',
        'WM_BEARINGS,INDESIT,FFB 8458 WV EE,270,35.00',
      ]);
    });

    it('global search: parts and models by code, barcode or name, archived ones left out', async () => {
      expect((await searchParts(t.db, 'помпа', 10)).map((p) => p.code)).toEqual(['WM-PUMP-UNI30']);
      expect((await searchParts(t.db, 'THERMAL-PASTE', 10))[0]?.code).toBe('THERMAL-PASTE');
      expect((await searchParts(t.db, '2000000000114', 10)).map((p) => p.code)).toEqual(['THERMAL-PASTE']);
      expect(await searchParts(t.db, '   ', 10)).toEqual([]);
      const models = await searchModels(t.db, 'ffb 8458', 10);
      expect(models.map((m) => `${m.brandCode} ${m.name}`)).toEqual([
        'BOSCH FFB 8458 WV EE',
        'INDESIT FFB 8458 WV EE',
      ]);
      await send(admin, 'POST', `/api/v1/parts/${ids.paste}/archive`, undefined, 200);
      expect(await searchParts(t.db, 'термопаста', 10)).toEqual([]);
      expect((await searchModels(t.db, 'zenbook', 5)).map((m) => m.id)).toEqual([ids.zenbook]);
    });

    it('every write left an audit row', async () => {
      const audit = (
        await send(admin, 'GET', `/api/v1/audit?entity=catalog_part&entityId=${ids.pump}`)
      ).json();
      expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
        'catalog_part.update',
        'catalog_part.update',
        'catalog_part.create',
      ]);
    });
  });
});
