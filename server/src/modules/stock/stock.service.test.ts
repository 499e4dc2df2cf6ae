import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aSupplier, aTechnician, aUser, aVan, aWarehouse } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Method, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import {
  checkLevels,
  getStockDocument,
  issuePartsForOrder,
  rebuildLevels,
  releaseReservation,
  releaseReservationsOf,
  reserveParts,
  WAREHOUSE_CSV_COLUMNS,
  warehousesImport,
} from './index';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

interface Level {
  onHandMilli: number;
  reservedMilli: number;
  availableMilli: number;
  avgCostCents: number;
  valueCents: number;
}

describe.each(DIALECTS)('stock on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let keeper: Session;
  let technician: Session;
  let reception: Session;
  let supplierId: string;
  let otherSupplierId: string;
  let customerId: string;
  let main: string;
  let second: string;
  let van: string;
  let counter = 0;

  const { send, json, refused } = requests(t, () => keeper);

  const newPart = async (opts: { typicalCostCents?: number; minStockMilli?: number; unit?: string } = {}) => {
    counter++;
    const part = await json(
      admin,
      'POST',
      '/api/v1/parts',
      {
        code: `P-${counter}`,
        nameBg: `Част ${counter}`,
        unit: opts.unit ?? 'бр.',
        salePriceCents: 1000,
        typicalCostCents: opts.typicalCostCents ?? 500,
        minStockMilli: opts.minStockMilli ?? 0,
      },
      201,
    );
    return part.id as string;
  };

  const draft = (body: Record<string, unknown>, session = keeper) =>
    json(session, 'POST', '/api/v1/stock/documents', body, 201);
  const post = (id: string, session = keeper) => json(session, 'POST', `/api/v1/stock/documents/${id}/post`);
  const receive = async (
    warehouseId: string,
    lines: { partId: string; quantityMilli: number; unitCostCents: number }[],
    extra: Record<string, unknown> = {},
  ) => post((await draft({ type: 'receipt', warehouseId, supplierId, lines, ...extra })).id);
  const issue = async (warehouseId: string, lines: { partId: string; quantityMilli: number }[]) =>
    post((await draft({ type: 'issue', warehouseId, reason: 'ремонт на място', lines })).id);
  const transfer = async (from: string, to: string, lines: { partId: string; quantityMilli: number }[]) =>
    post((await draft({ type: 'transfer', warehouseId: from, toWarehouseId: to, lines })).id);
  const level = async (partId: string, warehouseId: string): Promise<Level> => {
    const page = await json(
      keeper,
      'GET',
      `/api/v1/stock/levels?partId=${partId}&warehouseId=${warehouseId}&includeEmpty=true`,
    );
    return (
      page.items[0] ?? { onHandMilli: 0, reservedMilli: 0, availableMilli: 0, avgCostCents: 0, valueCents: 0 }
    );
  };
  const consistent = async () => expect((await checkLevels(t.db)).mismatches).toEqual([]);

  let createdVan: Record<string, unknown>;
  let vanTechnicianId: string;

  beforeAll(async () => {
    admin = await t.setup();
    keeper = await aUser(t, 'storekeeper');
    technician = await aUser(t, 'technician');
    reception = await aUser(t, 'reception');
    const company = { mol: 'Иван Иванов' };
    supplierId = (await aSupplier(t, admin, { ...company, name: 'Резервни Части ООД', uic: '206114589' })).id;
    otherSupplierId = (
      await aSupplier(t, admin, { ...company, name: 'Климат Дистрибуция ЕООД', uic: '204893362' })
    ).id;
    customerId = (await aCustomer(t, admin, { ...company, name: 'Клиент АД', uic: '121587737' })).id;
    main = (await aWarehouse(t, keeper, { code: 'main', name: 'Основен склад' })).id;
    second = (await aWarehouse(t, keeper, { code: 'B2', name: 'Склад Пловдив', molName: 'Мария' })).id;
    const tech = await aTechnician(t, admin, { name: 'Георги Техников', userId: technician.userId });
    vanTechnicianId = tech.id;
    createdVan = await aVan(t, keeper, { code: 'VAN-1', name: 'Бус 1', technicianId: tech.id });
    van = createdVan.id as string;
  });

  describe('warehouses', () => {
    it("a van names its technician, whose name is the van's MOL", async () => {
      expect(createdVan).toMatchObject({
        code: 'VAN-1',
        kind: 'van',
        technicianId: vanTechnicianId,
        technicianName: 'Георги Техников',
        molName: 'Георги Техников',
      });
    });

    it('a technician finds their own van (mine=true); a user with no technician record has none', async () => {
      const mine = await json(technician, 'GET', '/api/v1/warehouses?mine=true');
      expect(mine.items.map((w: { id: string }) => w.id)).toEqual([van]);
      expect((await json(keeper, 'GET', '/api/v1/warehouses?mine=true')).items).toEqual([]);
      expect((await json(keeper, 'GET', '/api/v1/warehouses')).total).toBeGreaterThanOrEqual(3);
    });

    it('codes are upper-cased and unique; a van needs a technician, one van per technician; a store has none', async () => {
      expect(await json(technician, 'GET', `/api/v1/warehouses/${main}`)).toMatchObject({
        code: 'MAIN',
        kind: 'store',
        technicianId: null,
        archived: false,
      });
      const dup = await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'Main', name: 'x' },
        { status: 409, code: 'warehouse_code_taken', field: 'code' },
      );
      expect(dup.existingId).toBe(main);
      await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'VAN-9', name: 'x', kind: 'van' },
        { status: 400, code: 'required', field: 'technicianId' },
      );
      const tech = (await json(keeper, 'GET', `/api/v1/warehouses/${van}`)).technicianId;
      await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'S9', name: 'x', technicianId: tech },
        { status: 400, code: 'not_for_store', field: 'technicianId' },
      );
      const taken = await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'VAN-2', name: 'x', kind: 'van', technicianId: tech },
        { status: 409, code: 'technician_has_van', field: 'technicianId' },
      );
      expect(taken.existingId).toBe(van);
      await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'VAN-2', name: 'x', kind: 'van', technicianId: FAKE_ID },
        { status: 400, code: 'unknown_technician', field: 'technicianId' },
      );
      await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'склад', name: 'x' },
        { status: 400, code: 'invalid_code', field: 'code' },
      );
      await refused(
        'PATCH',
        `/api/v1/warehouses/${main}`,
        { technicianId: tech },
        { status: 400, code: 'not_for_store', field: 'technicianId' },
      );
      await refused(
        'POST',
        '/api/v1/warehouses',
        { code: 'X', name: 'x' },
        { status: 403, code: 'forbidden' },
        technician,
      );
    });

    it('lists, finds in both scripts, exports CSV; unknown ids are 404', async () => {
      const page = await json(technician, 'GET', '/api/v1/warehouses?sort=code');
      expect(page.items.map((w: { code: string }) => w.code)).toEqual(['B2', 'MAIN', 'VAN-1']);
      for (const q of ['пловдив', 'plovdiv', 'георги', 'maria'])
        expect((await json(keeper, 'GET', `/api/v1/warehouses?q=${encodeURIComponent(q)}`)).total, q).toBe(1);
      expect((await json(keeper, 'GET', '/api/v1/warehouses?kind=van')).items).toHaveLength(1);
      const csv = await send(keeper, 'GET', '/api/v1/warehouses/export.csv?kind=store', undefined, 200);
      expect(csv.body.split('\r\n')[0] ?? csv.body.split('\n')[0]).toContain('code,name,kind,technician,mol');
      expect(csv.body).toContain('Склад Пловдив');
      for (const [m, url, body] of [
        ['GET', `/api/v1/warehouses/${FAKE_ID}`, undefined],
        ['PATCH', `/api/v1/warehouses/${FAKE_ID}`, {}],
        ['POST', `/api/v1/warehouses/${FAKE_ID}/archive`, undefined],
        ['DELETE', `/api/v1/warehouses/${FAKE_ID}`, undefined],
        ['GET', `/api/v1/stock/documents/${FAKE_ID}`, undefined],
        ['PUT', `/api/v1/stock/documents/${FAKE_ID}`, { warehouseId: main }],
        ['DELETE', `/api/v1/stock/documents/${FAKE_ID}`, undefined],
        ['POST', `/api/v1/stock/documents/${FAKE_ID}/post`, undefined],
        ['POST', `/api/v1/stock/documents/${FAKE_ID}/reverse`, {}],
        ['GET', `/api/v1/stock/parts/${FAKE_ID}/card`, undefined],
      ] as [Method, string, unknown][])
        expect((await send(keeper, m, url, body)).statusCode, `${m} ${url}`).toBe(404);
    });

    it('an empty warehouse archives and comes back; one with stock is refused; a used one cannot be deleted', async () => {
      const temp = (await json(keeper, 'POST', '/api/v1/warehouses', { code: 'TMP', name: 'Временен' }, 201))
        .id;
      expect((await json(keeper, 'POST', `/api/v1/warehouses/${temp}/archive`)).archived).toBe(true);
      expect((await json(keeper, 'GET', '/api/v1/warehouses?archived=true')).items[0].code).toBe('TMP');
      const part = await newPart();
      await refused(
        'POST',
        '/api/v1/stock/documents',
        {
          type: 'receipt',
          warehouseId: temp,
          supplierId,
          lines: [{ partId: part, quantityMilli: 1000, unitCostCents: 1 }],
        },
        { status: 409, code: 'warehouse_archived', field: 'warehouseId' },
      );
      await json(keeper, 'POST', `/api/v1/warehouses/${temp}/unarchive`);
      await receive(temp, [{ partId: part, quantityMilli: 1000, unitCostCents: 100 }]);
      await refused('POST', `/api/v1/warehouses/${temp}/archive`, undefined, {
        status: 409,
        code: 'warehouse_has_stock',
      });
      const inUse = await refused('DELETE', `/api/v1/warehouses/${temp}`, undefined, {
        status: 409,
        code: 'in_use',
      });
      expect(inUse.errors.map((e: { code: string }) => e.code)).toContain('used_by_stock_documents');
      const unused = (
        await json(keeper, 'POST', '/api/v1/warehouses', { code: 'DEL', name: 'За триене' }, 201)
      ).id;
      await send(keeper, 'DELETE', `/api/v1/warehouses/${unused}`, undefined, 204);
      expect((await send(keeper, 'GET', `/api/v1/warehouses/${unused}`)).statusCode).toBe(404);
    });
    it('import adapter: an export imports back (as duplicates here); bad rows give the field and the code', async () => {
      const csv = await send(keeper, 'GET', '/api/v1/warehouses/export.csv', undefined, 200);
      const records = parse(csv.body.replace('\uFEFF', ''), {
        columns: true,
        skip_empty_lines: true,
      }) as Record<string, string>[];
      expect(Object.keys(records[0] ?? {})).toEqual([...WAREHOUSE_CSV_COLUMNS]);
      const exported = records.map((r) => warehousesImport.row.parse(r));
      const again = await warehousesImport.check(t.db, exported);
      // Every row is already there; the van's technician already has it.
      expect(exported.map((_, n) => again.get(n)?.map((e) => e.code))).toEqual(
        exported.map((r) =>
          r.kind === 'van' ? ['warehouse_code_taken', 'technician_has_van'] : ['warehouse_code_taken'],
        ),
      );

      await json(admin, 'POST', '/api/v1/technicians', { name: 'Стефан Вълчев' }, 201);
      const row = (r: Partial<Record<string, string>>) => ({
        code: '',
        name: '',
        kind: '',
        technician: '',
        mol: '',
        ...r,
      });
      const parsed = [
        row({ code: 'ruse', name: 'Склад Русе', mol: 'Пенка' }),
        row({ code: 'VAN-9', name: 'Бус 9', kind: 'van', technician: 'стефан вълчев' }),
        row({ code: 'X1', name: 'x', kind: 'truck' }),
        row({ code: 'X2', name: 'x', kind: 'van' }),
        row({ code: 'Х3', name: 'x' }),
        row({ code: 'X4', name: 'x', technician: 'Стефан Вълчев' }),
      ].map((r) => warehousesImport.row.safeParse(r));
      expect(
        parsed.map((p) =>
          p.success
            ? 'ok'
            : p.error.issues
                .map((i) => `${String(i.path[0])}:${(i as { params?: { code?: string } }).params?.code}`)
                .join(),
        ),
      ).toEqual([
        'ok',
        'ok',
        'kind:invalid_value',
        'technician:required',
        'code:invalid_code',
        'technician:not_for_store',
      ]);
      const good = parsed.flatMap((p) => (p.success ? [p.data] : []));
      const bad = [
        ...good,
        { code: 'RUSE', name: 'дубликат', kind: 'store' as const, technician: null, molName: null },
        { code: 'VAN-8', name: 'Бус 8', kind: 'van' as const, technician: 'Никой Никоев', molName: null },
        { code: 'VAN-7', name: 'Бус 7', kind: 'van' as const, technician: 'Стефан Вълчев', molName: null },
        { code: 'VAN-6', name: 'Бус 6', kind: 'van' as const, technician: 'Георги Техников', molName: null },
      ];
      const errors = await warehousesImport.check(t.db, bad);
      expect(
        Object.fromEntries([...errors].map(([i, e]) => [i, e.map((x) => `${x.field}:${x.code}`)])),
      ).toEqual({
        2: ['code:warehouse_code_taken'],
        3: ['technician:unknown_technician'],
        4: ['technician:technician_has_van'],
        5: ['technician:technician_has_van'],
      });
      expect((await warehousesImport.check(t.db, good)).size).toBe(0);
      await t.db.transaction().execute((trx) => warehousesImport.insert(trx, SYSTEM_ACTOR, good));
      expect(await json(keeper, 'GET', '/api/v1/warehouses?q=ruse')).toMatchObject({
        total: 1,
        items: [{ code: 'RUSE', molName: 'Пенка' }],
      });
      expect((await json(keeper, 'GET', '/api/v1/warehouses?q=VAN-9')).items[0]).toMatchObject({
        kind: 'van',
        technicianName: 'Стефан Вълчев',
      });
    });
  });

  describe('documents', () => {
    it('a receipt is drafted without a number, edited, then posted with the next number of its series', async () => {
      const a = await newPart();
      const b = await newPart();
      const d = await draft({
        type: 'receipt',
        warehouseId: main,
        supplierId,
        supplierDocNumber: 'F-1001',
        supplierDocDate: '2026-11-20',
        lines: [{ partId: a, quantityMilli: 2000, unitCostCents: 1250 }],
      });
      expect(d).toMatchObject({
        status: 'draft',
        number: null,
        totalValueCents: 2500,
        supplierName: 'Резервни Части ООД',
      });
      expect(d.lines[0]).toMatchObject({ partCode: expect.any(String), unit: 'бр.', valueCents: 2500 });
      expect(await level(a, main)).toMatchObject({ onHandMilli: 0 });

      const edited = await json(keeper, 'PUT', `/api/v1/stock/documents/${d.id}`, {
        warehouseId: main,
        supplierId,
        supplierDocNumber: 'F-1001',
        landedCostCents: 100,
        lines: [
          { partId: a, quantityMilli: 3000, unitCostCents: 1000, serialNumbers: 'SN1; SN2; SN3' },
          { partId: b, quantityMilli: 1500, unitCostCents: 2000 },
        ],
      });
      // Landed costs by value: 3000 and 3000 cents of goods share 100 cents 50/50.
      expect(edited.lines.map((l: { landedCostCents: number }) => l.landedCostCents)).toEqual([50, 50]);
      expect(edited.totalValueCents).toBe(6100);
      expect(edited.number).toBeNull();

      const posted = await post(d.id);
      expect(posted).toMatchObject({ status: 'posted', totalValueCents: 6100, postedBy: keeper.userId });
      expect(posted.number).toMatch(/^\d{10}$/);
      expect(await level(a, main)).toEqual(
        expect.objectContaining({
          onHandMilli: 3000,
          valueCents: 3050,
          avgCostCents: 1017,
          availableMilli: 3000,
        }),
      );
      expect(await level(b, main)).toEqual(
        expect.objectContaining({ onHandMilli: 1500, valueCents: 3050, avgCostCents: 2033 }),
      );

      // A posted document never changes.
      await refused('POST', `/api/v1/stock/documents/${d.id}/post`, undefined, {
        status: 409,
        code: 'document_not_draft',
      });
      await refused(
        'PUT',
        `/api/v1/stock/documents/${d.id}`,
        { warehouseId: main, supplierId, lines: [] },
        { status: 409, code: 'document_not_draft' },
      );
      await refused('DELETE', `/api/v1/stock/documents/${d.id}`, undefined, {
        status: 409,
        code: 'document_not_draft',
      });
      await consistent();
    });

    it('numbers are taken at posting, gapless per type, and a refused posting takes none', async () => {
      const p = await newPart();
      const r1 = await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 100 }]);
      const pending = await draft({
        type: 'receipt',
        warehouseId: main,
        supplierId,
        lines: [{ partId: p, quantityMilli: 1000, unitCostCents: 100 }],
      });
      const r2 = await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 100 }]);
      expect(Number(r2.number)).toBe(Number(r1.number) + 1);
      const i1 = await issue(main, [{ partId: p, quantityMilli: 1000 }]);
      const tooMuch = await draft({
        type: 'issue',
        warehouseId: main,
        reason: 'x',
        lines: [{ partId: p, quantityMilli: 5000 }],
      });
      await refused('POST', `/api/v1/stock/documents/${tooMuch.id}/post`, undefined, {
        status: 409,
        code: 'insufficient_stock',
      });
      const i2 = await issue(main, [{ partId: p, quantityMilli: 1000 }]);
      expect(Number(i2.number)).toBe(Number(i1.number) + 1);
      expect(Number((await post(pending.id)).number)).toBe(Number(r2.number) + 1);
      // Drafts are deleted; their lines go with them.
      await send(keeper, 'DELETE', `/api/v1/stock/documents/${tooMuch.id}`, undefined, 204);
      expect((await send(keeper, 'GET', `/api/v1/stock/documents/${tooMuch.id}`)).statusCode).toBe(404);
    });

    it('bad input is 400 naming the field, and nothing is written', async () => {
      const p = await newPart();
      const url = '/api/v1/stock/documents';
      const receipt = (line: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
        type: 'receipt',
        warehouseId: main,
        supplierId,
        lines: [{ partId: p, quantityMilli: 1000, unitCostCents: 100, ...line }],
        ...extra,
      });
      await refused('POST', url, receipt({ quantityMilli: 0 }), {
        status: 400,
        code: 'too_small',
        field: 'lines.0.quantityMilli',
      });
      await refused('POST', url, receipt({ quantityMilli: -1000 }), {
        status: 400,
        code: 'too_small',
        field: 'lines.0.quantityMilli',
      });
      await refused('POST', url, receipt({ quantityMilli: 1.5 }), {
        status: 400,
        code: 'invalid_type',
        field: 'lines.0.quantityMilli',
      });
      await refused('POST', url, receipt({ unitCostCents: -1 }), {
        status: 400,
        code: 'too_small',
        field: 'lines.0.unitCostCents',
      });
      await refused('POST', url, receipt({ unitCostCents: undefined }), {
        status: 400,
        code: 'required',
        field: 'lines.0.unitCostCents',
      });
      await refused('POST', url, receipt({ partId: FAKE_ID }), {
        status: 400,
        code: 'unknown_part',
        field: 'lines.0.partId',
      });
      await refused('POST', url, receipt({ countedMilli: 5 }), {
        status: 400,
        code: 'not_for_document_type',
        field: 'lines.0.countedMilli',
      });
      await refused('POST', url, receipt({}, { warehouseId: FAKE_ID }), {
        status: 400,
        code: 'unknown_warehouse',
        field: 'warehouseId',
      });
      await refused('POST', url, receipt({}, { supplierId: customerId }), {
        status: 400,
        code: 'not_a_supplier',
        field: 'supplierId',
      });
      await refused('POST', url, receipt({}, { supplierId: FAKE_ID }), {
        status: 400,
        code: 'unknown_party',
        field: 'supplierId',
      });
      await refused('POST', url, receipt({}, { toWarehouseId: second }), {
        status: 400,
        code: 'not_for_document_type',
        field: 'toWarehouseId',
      });
      await refused('POST', url, receipt({}, { documentDate: '2099-01-01' }), {
        status: 400,
        code: 'date_in_future',
        field: 'documentDate',
      });
      for (const documentDate of ['2999-01-01', '0000-01-01', '1999-12-31'])
        await refused('POST', url, receipt({}, { documentDate }), {
          status: 400,
          code: 'date_out_of_range',
          field: 'documentDate',
        });
      await refused('POST', url, receipt({}, { documentDate: '2026-02-30' }), {
        status: 400,
        code: 'invalid_value',
        field: 'documentDate',
      });
      await refused('POST', url, receipt({}, { colour: 'red' }), {
        status: 400,
        code: 'unknown_field',
        field: 'colour',
      });
      await refused('POST', url, receipt({}, { type: 'gift' }), {
        status: 400,
        code: 'invalid_value',
        field: 'type',
      });
      const line = { partId: p, quantityMilli: 1000 };
      await refused(
        'POST',
        url,
        { type: 'transfer', warehouseId: main, toWarehouseId: main, lines: [line] },
        { status: 400, code: 'same_warehouse', field: 'toWarehouseId' },
      );
      await refused(
        'POST',
        url,
        { type: 'transfer', warehouseId: main, lines: [line] },
        { status: 400, code: 'required', field: 'toWarehouseId' },
      );
      await refused(
        'POST',
        url,
        { type: 'transfer', warehouseId: main, toWarehouseId: FAKE_ID, lines: [line] },
        { status: 400, code: 'unknown_warehouse', field: 'toWarehouseId' },
      );
      await refused(
        'POST',
        url,
        { type: 'writeoff', warehouseId: main, lines: [line] },
        { status: 400, code: 'required', field: 'reason' },
      );
      await refused(
        'POST',
        url,
        { type: 'issue', warehouseId: main, reason: ' ', lines: [line] },
        { status: 400, code: 'required', field: 'reason' },
      );
      await refused(
        'POST',
        url,
        { type: 'issue', warehouseId: main, reason: 'x', lines: [{ ...line, unitCostCents: 5 }] },
        { status: 400, code: 'not_for_document_type', field: 'lines.0.unitCostCents' },
      );
      await refused(
        'POST',
        url,
        { type: 'issue', warehouseId: main, reason: 'x', supplierId, lines: [line] },
        { status: 400, code: 'not_for_document_type', field: 'supplierId' },
      );
      await refused(
        'POST',
        url,
        { type: 'issue', warehouseId: main, reason: 'x', landedCostCents: 10, lines: [line] },
        { status: 400, code: 'not_for_document_type', field: 'landedCostCents' },
      );
      await refused(
        'POST',
        url,
        { type: 'count', warehouseId: main, lines: [line] },
        { status: 400, code: 'required', field: 'lines.0.countedMilli' },
      );
      await refused(
        'POST',
        url,
        { type: 'count', warehouseId: main, lines: [{ partId: p, countedMilli: -1 }] },
        { status: 400, code: 'too_small', field: 'lines.0.countedMilli' },
      );
      await refused(
        'POST',
        url,
        {
          type: 'count',
          warehouseId: main,
          lines: [
            { partId: p, countedMilli: 1 },
            { partId: p, countedMilli: 2 },
          ],
        },
        { status: 400, code: 'duplicate_count_line', field: 'lines.1.partId' },
      );

      // Posting an empty draft or a receipt without its supplier writes nothing either.
      const empty = await draft({ type: 'issue', warehouseId: main, reason: 'x' });
      await refused('POST', `/api/v1/stock/documents/${empty.id}/post`, undefined, {
        status: 400,
        code: 'document_empty',
        field: 'lines',
      });
      const noSupplier = await draft({
        type: 'receipt',
        warehouseId: main,
        lines: [{ partId: p, quantityMilli: 1000, unitCostCents: 1 }],
      });
      await refused('POST', `/api/v1/stock/documents/${noSupplier.id}/post`, undefined, {
        status: 400,
        code: 'required',
        field: 'supplierId',
      });
      await refused(
        'PUT',
        `/api/v1/stock/documents/${noSupplier.id}`,
        { warehouseId: main, lines: [{ partId: p, quantityMilli: 0, unitCostCents: 1 }] },
        { status: 400, code: 'too_small', field: 'lines.0.quantityMilli' },
      );
      await refused(
        'PUT',
        `/api/v1/stock/documents/${noSupplier.id}`,
        { type: 'issue', warehouseId: main, lines: [] },
        { status: 400, code: 'unknown_field', field: 'type' },
      );
    });

    it('an issue, write-off or transfer beyond what is available is 409 insufficient_stock naming the part and the shortfall', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 200 }]);
      const partCode = (await level(p, main)) && (await json(keeper, 'GET', `/api/v1/parts/${p}`)).code;
      for (const body of [
        {
          type: 'issue',
          warehouseId: main,
          reason: 'x',
          lines: [
            { partId: p, quantityMilli: 2000 },
            { partId: p, quantityMilli: 1500 },
          ],
        },
        {
          type: 'writeoff',
          warehouseId: main,
          reason: 'счупени',
          lines: [{ partId: p, quantityMilli: 3500 }],
        },
        {
          type: 'transfer',
          warehouseId: main,
          toWarehouseId: van,
          lines: [{ partId: p, quantityMilli: 3500 }],
        },
      ]) {
        const d = await draft(body);
        const problem = await refused('POST', `/api/v1/stock/documents/${d.id}/post`, undefined, {
          status: 409,
          code: 'insufficient_stock',
        });
        expect(problem).toMatchObject({
          partId: p,
          partCode,
          warehouseId: main,
          warehouseCode: 'MAIN',
          requestedMilli: 3500 - (body.type === 'issue' ? 2000 : 0),
          availableMilli: 3000 - (body.type === 'issue' ? 2000 : 0),
          shortfallMilli: 500,
        });
        expect(problem.detail).toContain(partCode);
        expect(problem.detail).toContain('0.5');
      }
      expect(await level(p, main)).toMatchObject({ onHandMilli: 3000, valueCents: 600 });
    });

    it('a write-off goes out at the average cost and keeps it on the line; the print data carries everything a protocol needs', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 100 }]);
      await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 501 }]);
      const w = await post(
        (
          await draft({
            type: 'writeoff',
            warehouseId: main,
            reason: 'Счупени при транспорт',
            lines: [{ partId: p, quantityMilli: 1000 }],
          })
        ).id,
      );
      // 801 cents for 4 units: one unit goes at round(801 / 4) = 200 (200.25).
      expect(w.lines[0]).toMatchObject({ quantityMilli: 1000, unitCostCents: 200, valueCents: 200 });
      expect(w.totalValueCents).toBe(200);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 3000, valueCents: 601, avgCostCents: 200 });

      const print = await getStockDocument(t.db, w.id);
      expect(print.title.bg).toBe('Протокол за бракуване');
      expect(print.company.legalName).toBe('Тест Сервиз ООД');
      expect(print.warehouse.code).toBe('MAIN');
      expect(print.totals.valueCents).toBe(200);
      expect(print.signatures.map((s) => s.role)).toEqual([
        'commission_chair',
        'commission_member',
        'commission_member',
        'mol',
        'approved_by',
      ]);
      const receipt = await receive(second, [{ partId: p, quantityMilli: 2000, unitCostCents: 150 }], {
        supplierDocNumber: '0000123',
        landedCostCents: 20,
      });
      const rp = await getStockDocument(t.db, receipt.id);
      expect(rp.supplier).toMatchObject({ name: 'Резервни Части ООД', uic: '206114589', mol: 'Иван Иванов' });
      expect(rp.totals).toMatchObject({
        goodsValueCents: 300,
        landedCostCents: 20,
        valueCents: 320,
        quantityMilli: 2000,
      });
      expect(rp.signatures).toEqual([
        { role: 'delivered_by', name: null },
        { role: 'received_by', name: 'Мария' },
        { role: 'compiled_by', name: 'storekeeper user' },
      ]);
      expect(rp.document.lines[0]).toMatchObject({
        partCode: expect.any(String),
        partName: expect.any(String),
        unit: 'бр.',
      });
    });

    it('a transfer carries the cost: out of A at its average, into B at that value', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 1000 }]);
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 1001 }]);
      const tr = await transfer(main, van, [{ partId: p, quantityMilli: 2000 }]);
      // 6003 cents for 6 units: 2 units take round(2 × 6003 / 6) = 2001.
      expect(tr.lines[0]).toMatchObject({ valueCents: 2001, unitCostCents: 1001 });
      expect(await level(p, main)).toMatchObject({ onHandMilli: 4000, valueCents: 4002 });
      expect(await level(p, van)).toMatchObject({ onHandMilli: 2000, valueCents: 2001, avgCostCents: 1001 });
      // The technician sees what is in the van.
      const mine = await json(technician, 'GET', `/api/v1/stock/levels?warehouseId=${van}`);
      expect(mine.items.map((l: { partId: string }) => l.partId)).toContain(p);
      await consistent();
    });

    it('a count posts its differences: gains at the average (or the typical cost when none), losses at the average', async () => {
      const a = await newPart();
      const b = await newPart();
      const c = await newPart({ typicalCostCents: 777 });
      await receive(main, [
        { partId: a, quantityMilli: 4000, unitCostCents: 250 },
        { partId: b, quantityMilli: 3000, unitCostCents: 333 },
      ]);
      const count = await post(
        (
          await draft({
            type: 'count',
            warehouseId: main,
            lines: [
              { partId: a, countedMilli: 5000 },
              { partId: b, countedMilli: 1000 },
              { partId: c, countedMilli: 2000 },
            ],
          })
        ).id,
      );
      expect(count.lines).toMatchObject([
        { bookMilli: 4000, countedMilli: 5000, differenceMilli: 1000, valueCents: 250 },
        { bookMilli: 3000, countedMilli: 1000, differenceMilli: -2000, valueCents: -666 },
        { bookMilli: 0, countedMilli: 2000, differenceMilli: 2000, valueCents: 1554 },
      ]);
      expect(count.totalValueCents).toBe(250 - 666 + 1554);
      expect(await level(a, main)).toMatchObject({ onHandMilli: 5000, valueCents: 1250 });
      expect(await level(b, main)).toMatchObject({ onHandMilli: 1000, valueCents: 333 });
      expect(await level(c, main)).toMatchObject({ onHandMilli: 2000, valueCents: 1554, avgCostCents: 777 });
      const print = await getStockDocument(t.db, count.id);
      expect(print.totals).toMatchObject({ gainsValueCents: 1804, lossesValueCents: 666 });
      await consistent();
    });
  });

  describe('created and posted in one request (?post=true)', () => {
    const CREATE_AND_POST = '/api/v1/stock/documents?post=true';
    const auditOf = async (id: string) =>
      (
        await t.db
          .selectFrom('audit_log')
          .select(['action', 'user_id'])
          .where('entity_id', '=', id)
          .orderBy('at')
          .orderBy('id')
          .execute()
      ).map((r) => [r.action, r.user_id]);
    const documentCount = async () =>
      Number(
        (
          await t.db
            .selectFrom('stock_document')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('one call drafts and posts: the number, the level moved, the ledger row, and the two calls’ audit rows', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 400 }]);
      const before = await issue(main, [{ partId: p, quantityMilli: 1000 }]);
      const doc = await json(
        keeper,
        'POST',
        CREATE_AND_POST,
        { type: 'issue', warehouseId: main, reason: 'на гише', lines: [{ partId: p, quantityMilli: 1000 }] },
        201,
      );
      expect(doc).toMatchObject({ status: 'posted', createdBy: keeper.userId, postedBy: keeper.userId });
      expect(Number(doc.number)).toBe(Number(before.number) + 1);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 1000, valueCents: 400 });
      const ledger = await t.db
        .selectFrom('stock_movement')
        .select(['part_id', 'warehouse_id', 'quantity_milli', 'value_cents'])
        .where('document_id', '=', doc.id)
        .execute();
      expect(ledger).toEqual([{ part_id: p, warehouse_id: main, quantity_milli: -1000, value_cents: -400 }]);
      // Audited as the two calls are: created, then posted, by the same user.
      expect(await auditOf(doc.id)).toEqual([
        ['stock_document.create', keeper.userId],
        ['stock_document.post', keeper.userId],
      ]);
      expect(await auditOf(before.id)).toEqual([
        ['stock_document.create', keeper.userId],
        ['stock_document.post', keeper.userId],
      ]);
      // ?post=false (or no flag) drafts, as before.
      const drafted = await json(
        keeper,
        'POST',
        '/api/v1/stock/documents?post=false',
        { type: 'issue', warehouseId: main, reason: 'x', lines: [{ partId: p, quantityMilli: 1000 }] },
        201,
      );
      expect(drafted).toMatchObject({ status: 'draft', number: null });
      await consistent();
    });

    it('a refused posting writes nothing: no draft left behind, no number taken', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 100 }]);
      const first = await issue(main, [{ partId: p, quantityMilli: 500 }]);
      const count = await documentCount();
      const problem = await refused(
        'POST',
        CREATE_AND_POST,
        { type: 'issue', warehouseId: main, reason: 'x', lines: [{ partId: p, quantityMilli: 2000 }] },
        { status: 409, code: 'insufficient_stock' },
      );
      expect(problem).toMatchObject({ code: 'insufficient_stock' });
      // A draft that cannot even be drafted is refused the same way, also with nothing written.
      await refused(
        'POST',
        CREATE_AND_POST,
        { type: 'issue', warehouseId: FAKE_ID, reason: 'x', lines: [{ partId: p, quantityMilli: 1 }] },
        { status: 400, code: 'unknown_warehouse', field: 'warehouseId' },
      );
      expect(await documentCount()).toBe(count);
      // The next posting gets the next number: the refused one took none.
      const next = await json(
        keeper,
        'POST',
        CREATE_AND_POST,
        { type: 'issue', warehouseId: main, reason: 'x', lines: [{ partId: p, quantityMilli: 500 }] },
        201,
      );
      expect(Number(next.number)).toBe(Number(first.number) + 1);
      expect(await documentCount()).toBe(count + 1);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 0 });
      await consistent();
    });

    it('the flag needs the right to post as well as to draft: 403, and nothing written', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 100 }]);
      const body = {
        type: 'issue',
        warehouseId: main,
        reason: 'x',
        lines: [{ partId: p, quantityMilli: 100 }],
      };
      for (const session of [technician, reception])
        await refused('POST', CREATE_AND_POST, body, { status: 403, code: 'forbidden' }, session);
      const accountant = await t.signInAs('accountant');
      await refused('POST', CREATE_AND_POST, body, { status: 403, code: 'forbidden' }, accountant);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 1000 });
      // The roles that may post (STOCK_POSTING_RULE) may use it.
      for (const session of [keeper, admin])
        expect(await json(session, 'POST', CREATE_AND_POST, body, 201)).toMatchObject({ status: 'posted' });
    });
  });

  describe('reversal', () => {
    it('a receipt is reversed by its mirror: own number, linked both ways, the stock and value undone exactly', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 10_000, unitCostCents: 100 }]);
      const wrong = await receive(main, [{ partId: p, quantityMilli: 10_000, unitCostCents: 1000 }]);
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 20_000,
        valueCents: 11_000,
        avgCostCents: 550,
      });
      const mirror = await json(
        keeper,
        'POST',
        `/api/v1/stock/documents/${wrong.id}/reverse`,
        { reason: 'Грешна цена' },
        201,
      );
      expect(mirror).toMatchObject({
        type: 'receipt',
        status: 'posted',
        reversalOfId: wrong.id,
        reason: 'Грешна цена',
        totalValueCents: 10_000,
      });
      expect(Number(mirror.number)).toBe(Number(wrong.number) + 1);
      expect(await json(keeper, 'GET', `/api/v1/stock/documents/${wrong.id}`)).toMatchObject({
        status: 'reversed',
        reversedById: mirror.id,
      });
      // Back to 10 units at 1.00: not the blended 5.50.
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 10_000,
        valueCents: 1000,
        avgCostCents: 100,
      });

      await refused(
        'POST',
        `/api/v1/stock/documents/${wrong.id}/reverse`,
        {},
        { status: 409, code: 'already_reversed' },
      );
      await refused(
        'POST',
        `/api/v1/stock/documents/${mirror.id}/reverse`,
        {},
        { status: 409, code: 'reversal_not_reversible' },
      );
      const d = await draft({
        type: 'issue',
        warehouseId: main,
        reason: 'x',
        lines: [{ partId: p, quantityMilli: 1000 }],
      });
      await refused(
        'POST',
        `/api/v1/stock/documents/${d.id}/reverse`,
        {},
        { status: 409, code: 'document_not_posted' },
      );
      const card = await json(keeper, 'GET', `/api/v1/stock/parts/${p}/card`);
      expect(
        card.movements.map((m: { quantityMilli: number; isReversal: boolean }) => [
          m.quantityMilli,
          m.isReversal,
        ]),
      ).toEqual([
        [10_000, false],
        [10_000, false],
        [-10_000, true],
      ]);
      await consistent();
    });

    it('reversing a receipt whose parts were issued is refused with the shortfall; an issue reversal brings the cost back', async () => {
      const p = await newPart();
      const r = await receive(main, [{ partId: p, quantityMilli: 5000, unitCostCents: 300 }]);
      const i = await issue(main, [{ partId: p, quantityMilli: 2000 }]);
      const problem = await refused(
        'POST',
        `/api/v1/stock/documents/${r.id}/reverse`,
        {},
        { status: 409, code: 'insufficient_stock' },
      );
      // Cancelled on its own date, the receipt leaves nothing for the issue that follows it: that date goes short.
      expect(problem).toMatchObject({ shortfallMilli: 2000, date: r.documentDate });
      const back = await json(keeper, 'POST', `/api/v1/stock/documents/${i.id}/reverse`, {}, 201);
      expect(back).toMatchObject({ type: 'issue', reversalOfId: i.id, totalValueCents: 600 });
      expect(await level(p, main)).toMatchObject({ onHandMilli: 5000, valueCents: 1500 });
      await json(keeper, 'POST', `/api/v1/stock/documents/${r.id}/reverse`, {}, 201);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 0, valueCents: 0, avgCostCents: 0 });
      await refused(
        'POST',
        `/api/v1/stock/documents/${i.id}/reverse`,
        { documentDate: '2020-01-01' },
        { status: 409, code: 'already_reversed' },
      );
      await consistent();
    });

    it('a transfer reversal carries the value back; a count reversal undoes its differences', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 3000, unitCostCents: 1000 }]);
      const tr = await transfer(main, second, [{ partId: p, quantityMilli: 1000 }]);
      await json(keeper, 'POST', `/api/v1/stock/documents/${tr.id}/reverse`, {}, 201);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 3000, valueCents: 3000 });
      expect(await level(p, second)).toMatchObject({ onHandMilli: 0, valueCents: 0 });
      const count = await post(
        (await draft({ type: 'count', warehouseId: main, lines: [{ partId: p, countedMilli: 2500 }] })).id,
      );
      expect(await level(p, main)).toMatchObject({ onHandMilli: 2500, valueCents: 2500 });
      const undo = await json(keeper, 'POST', `/api/v1/stock/documents/${count.id}/reverse`, {}, 201);
      expect(undo.totalValueCents).toBe(500);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 3000, valueCents: 3000 });
      const d = await draft({
        type: 'receipt',
        warehouseId: main,
        supplierId,
        documentDate: '2026-11-10',
        lines: [{ partId: p, quantityMilli: 1000, unitCostCents: 1 }],
      });
      const dated = await post(d.id);
      await refused(
        'POST',
        `/api/v1/stock/documents/${dated.id}/reverse`,
        { documentDate: '2026-11-09' },
        { status: 400, code: 'reversal_before_original', field: 'documentDate' },
      );
      await consistent();
    });
  });

  describe('reservations', () => {
    it('reserving holds parts (available = on hand − reserved); more than available is 409 with the shortfall', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 5000, unitCostCents: 400 }]);
      const [r] = await t.db.transaction().execute((trx) =>
        reserveParts(trx, SYSTEM_ACTOR, {
          warehouseId: main,
          sourceType: 'service_order',
          sourceId: 'order-1',
          lines: [{ partId: p, quantityMilli: 3000, sourceLineId: 'line-1' }],
        }),
      );
      expect(r).toMatchObject({ status: 'active', quantityMilli: 3000, warehouseCode: 'MAIN' });
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 5000,
        reservedMilli: 3000,
        availableMilli: 2000,
      });
      const before = await snapshotDatabase(t.db);
      const err = await t.db
        .transaction()
        .execute((trx) =>
          reserveParts(trx, SYSTEM_ACTOR, {
            warehouseId: main,
            sourceType: 'service_order',
            sourceId: 'order-2',
            lines: [{ partId: p, quantityMilli: 2500 }],
          }),
        )
        .catch((e) => e);
      expect(err).toMatchObject({ kind: 'conflict', code: 'insufficient_stock' });
      expect(err.options.extra).toMatchObject({
        requestedMilli: 2500,
        availableMilli: 2000,
        shortfallMilli: 500,
      });
      expect(await snapshotDatabase(t.db)).toEqual(before);

      // Reserved parts cannot go out by another document.
      const other = await draft({
        type: 'issue',
        warehouseId: main,
        reason: 'x',
        lines: [{ partId: p, quantityMilli: 2500 }],
      });
      const problem = await refused('POST', `/api/v1/stock/documents/${other.id}/post`, undefined, {
        status: 409,
        code: 'insufficient_stock',
      });
      expect(problem.availableMilli).toBe(2000);

      // The order's issue consumes its reservation (and may take available stock beyond it).
      const issued = await t.db.transaction().execute((trx) =>
        issuePartsForOrder(trx, SYSTEM_ACTOR, {
          warehouseId: main,
          sourceType: 'service_order',
          sourceId: 'order-1',
          lines: [{ partId: p, quantityMilli: 4000, reservationId: r?.id, sourceLineId: 'line-1' }],
        }),
      );
      expect(issued).toMatchObject({
        type: 'issue',
        status: 'posted',
        sourceType: 'service_order',
        sourceId: 'order-1',
        totalValueCents: 1600,
      });
      expect(issued.lines[0]).toMatchObject({
        reservationId: r?.id,
        sourceLineId: 'line-1',
        unitCostCents: 400,
        valueCents: 1600,
      });
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 1000,
        reservedMilli: 0,
        availableMilli: 1000,
      });
      const list = await json(technician, 'GET', `/api/v1/stock/reservations?partId=${p}`);
      expect(list.items[0]).toMatchObject({ id: r?.id, status: 'consumed', consumedByDocumentId: issued.id });
      const again = await t.db
        .transaction()
        .execute((trx) => releaseReservation(trx, SYSTEM_ACTOR, r?.id ?? ''))
        .catch((e) => e);
      expect(again).toMatchObject({ kind: 'conflict', code: 'reservation_not_active' });
      await consistent();
    });

    it('a released reservation frees its parts; an issue naming a released or foreign reservation is refused', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 2000, unitCostCents: 100 }]);
      const reserve = (sourceId: string, q: number) =>
        t.db.transaction().execute((trx) =>
          reserveParts(trx, SYSTEM_ACTOR, {
            warehouseId: main,
            sourceType: 'service_order',
            sourceId,
            lines: [{ partId: p, quantityMilli: q }],
          }),
        );
      const [a] = await reserve('order-a', 1000);
      const [b] = await reserve('order-b', 1000);
      expect(await level(p, main)).toMatchObject({ availableMilli: 0 });
      const released = await t.db
        .transaction()
        .execute((trx) => releaseReservation(trx, SYSTEM_ACTOR, a?.id ?? ''));
      expect(released.status).toBe('released');
      expect(await level(p, main)).toMatchObject({ reservedMilli: 1000, availableMilli: 1000 });
      const issueWith = (sourceId: string, reservationId: string | undefined) =>
        t.db
          .transaction()
          .execute((trx) =>
            issuePartsForOrder(trx, SYSTEM_ACTOR, {
              warehouseId: main,
              sourceType: 'service_order',
              sourceId,
              lines: [{ partId: p, quantityMilli: 1000, reservationId }],
            }),
          )
          .catch((e) => e);
      expect(await issueWith('order-a', a?.id)).toMatchObject({
        kind: 'conflict',
        code: 'reservation_not_active',
      });
      expect(await issueWith('order-a', b?.id)).toMatchObject({
        kind: 'invalid',
        code: 'reservation_mismatch',
      });
      expect(
        await t.db
          .transaction()
          .execute((trx) =>
            releaseReservationsOf(trx, SYSTEM_ACTOR, { sourceType: 'service_order', sourceId: 'order-b' }),
          ),
      ).toBe(1);
      expect(await level(p, main)).toMatchObject({ reservedMilli: 0, availableMilli: 2000 });
      await consistent();
    });
  });

  describe('levels, card, low stock, valuation and the check', () => {
    it('levels filter by warehouse, part, search and below minimum, and export CSV', async () => {
      const low = await newPart({ minStockMilli: 5000 });
      const ok = await newPart({ minStockMilli: 1000 });
      await receive(second, [
        { partId: low, quantityMilli: 2000, unitCostCents: 150 },
        { partId: ok, quantityMilli: 2000, unitCostCents: 150 },
      ]);
      const rows = await json(
        reception,
        'GET',
        `/api/v1/stock/levels?warehouseId=${second}&belowMinimum=true`,
      );
      expect(rows.items.map((l: { partId: string }) => l.partId)).toContain(low);
      expect(rows.items.map((l: { partId: string }) => l.partId)).not.toContain(ok);
      expect(rows.items.every((l: { warehouseKind: string }) => l.warehouseKind === 'store')).toBe(true);
      const partCode = (await json(keeper, 'GET', `/api/v1/parts/${low}`)).code;
      const found = await json(
        keeper,
        'GET',
        `/api/v1/stock/levels?q=${encodeURIComponent(partCode.toLowerCase())}&warehouseId=${second}`,
      );
      expect(found.items[0]).toMatchObject({
        partCode,
        warehouseCode: 'B2',
        onHandMilli: 2000,
        availableMilli: 2000,
        valueCents: 300,
        minStockMilli: 5000,
      });
      const csv = await send(keeper, 'GET', `/api/v1/stock/levels/export.csv?partId=${low}`, undefined, 200);
      const [header, line] = csv.body.replace('\uFEFF', '').trim().split(/\r?\n/);
      expect(header).toBe(
        'warehouse_code,part_code,name_bg,unit,on_hand,reserved,available,min_stock,avg_cost_eur,value_eur',
      );
      expect(line).toContain(`B2,${partCode},`);
      expect(line).toContain(',2,0,2,5,1.50,3.00');
      // A van holding 1 of a part whose minimum is 5 is not "below minimum": the minimum is a store's.
      await transfer(second, van, [{ partId: low, quantityMilli: 1000 }]);
      const inVan = await json(reception, 'GET', `/api/v1/stock/levels?warehouseId=${van}&partId=${low}`);
      expect(inVan.items).toMatchObject([
        { warehouseKind: 'van', availableMilli: 1000, minStockMilli: 5000 },
      ]);
      expect(
        (await json(reception, 'GET', `/api/v1/stock/levels?warehouseId=${van}&belowMinimum=true`)).items,
      ).toEqual([]);
    });

    it('the low-stock list suggests 2 × minimum − available, in whole units, grouped by the last supplier', async () => {
      const a = await newPart({ minStockMilli: 4000 });
      const b = await newPart({ minStockMilli: 1500, unit: 'м' });
      const never = await newPart({ minStockMilli: 2000 });
      await receive(main, [{ partId: a, quantityMilli: 1000, unitCostCents: 10 }]);
      await receive(van, [{ partId: a, quantityMilli: 500, unitCostCents: 10 }]);
      await post(
        (
          await draft({
            type: 'receipt',
            warehouseId: main,
            supplierId: otherSupplierId,
            lines: [{ partId: b, quantityMilli: 250, unitCostCents: 90 }],
          })
        ).id,
      );
      const low = await json(keeper, 'GET', '/api/v1/stock/low');
      const find = (id: string) => {
        for (const g of low.groups) {
          const p = g.parts.find((x: { partId: string }) => x.partId === id);
          if (p) return { ...p, supplierName: g.supplierName };
        }
        return null;
      };
      // a: available 1.5 of min 4 → 8 − 1.5 = 6.5 → 7 units.
      expect(find(a)).toMatchObject({
        availableMilli: 1500,
        suggestedMilli: 7000,
        supplierName: 'Резервни Части ООД',
        lastUnitCostCents: 10,
      });
      expect(find(b)).toMatchObject({
        availableMilli: 250,
        suggestedMilli: 3000,
        supplierName: 'Климат Дистрибуция ЕООД',
      });
      expect(find(never)).toMatchObject({ availableMilli: 0, suggestedMilli: 4000, supplierName: null });
      expect(low.groups.at(-1).supplierId).toBeNull();
      const csv = await send(keeper, 'GET', '/api/v1/stock/low/export.csv', undefined, 200);
      const [header, ...rows] = csv.body.replace('\uFEFF', '').trim().split(/\r?\n/);
      expect(header).toBe(
        'supplier,part_code,name_bg,unit,min_stock,on_hand,reserved,available,suggested,last_unit_cost_eur,last_receipt_date',
      );
      expect(rows).toHaveLength(low.partCount);
      const neverCode = (await json(keeper, 'GET', `/api/v1/parts/${never}`)).code;
      // Never received: no supplier, nothing on hand or reserved, no last cost or date.
      expect(rows.find((r) => r.includes(`,${neverCode},`))).toMatch(/^,[^,]+,[^,]+,[^,]+,\d+,0,0,0,4,,$/);
    });

    it('the part card shows movements with a running balance; valuation at a date reads the ledger', async () => {
      const p = await newPart();
      const at = (documentDate: string, body: Record<string, unknown>) =>
        draft({ ...body, documentDate }).then((d) => post(d.id));
      await at('2026-10-01', {
        type: 'receipt',
        warehouseId: main,
        supplierId,
        lines: [{ partId: p, quantityMilli: 4000, unitCostCents: 250 }],
      });
      await at('2026-10-15', {
        type: 'transfer',
        warehouseId: main,
        toWarehouseId: second,
        lines: [{ partId: p, quantityMilli: 1000 }],
      });
      await at('2026-11-02', {
        type: 'issue',
        warehouseId: main,
        reason: 'x',
        lines: [{ partId: p, quantityMilli: 1000 }],
      });
      // Costs are for the stock valuers only (stock.fields.test.ts): the storekeeper reads the card here.
      const card = await json(keeper, 'GET', `/api/v1/stock/parts/${p}/card?warehouseId=${main}`);
      expect(
        card.movements.map(
          (m: { quantityMilli: number; balanceMilli: number; balanceValueCents: number }) => [
            m.quantityMilli,
            m.balanceMilli,
            m.balanceValueCents,
          ],
        ),
      ).toEqual([
        [4000, 4000, 1000],
        [-1000, 3000, 750],
        [-1000, 2000, 500],
      ]);
      expect(card.levels).toMatchObject([{ warehouseCode: 'MAIN', onHandMilli: 2000, avgCostCents: 250 }]);
      const fromOct10 = await json(
        keeper,
        'GET',
        `/api/v1/stock/parts/${p}/card?warehouseId=${main}&from=2026-10-10`,
      );
      expect(fromOct10).toMatchObject({ openingMilli: 4000, openingValueCents: 1000 });
      expect(fromOct10.movements).toHaveLength(2);

      const value = async (date: string) => {
        const v = await json(keeper, 'GET', `/api/v1/stock/valuation?date=${date}`);
        const byWh: Record<string, number> = {};
        for (const w of v.warehouses)
          for (const line of w.parts) if (line.partId === p) byWh[w.warehouseCode] = line.valueCents;
        return byWh;
      };
      expect(await value('2026-09-30')).toEqual({});
      expect(await value('2026-10-01')).toEqual({ MAIN: 1000 });
      expect(await value('2026-10-20')).toEqual({ MAIN: 750, B2: 250 });
      expect(await value('2026-11-05')).toEqual({ MAIN: 500, B2: 250 });
      const csv = await send(
        keeper,
        'GET',
        '/api/v1/stock/valuation/export.csv?date=2026-10-20',
        undefined,
        200,
      );
      expect(csv.body).toContain('date,warehouse_code,part_code,name_bg,unit,quantity,value_eur');
      expect(csv.body).toContain('2026-10-20,B2,');
    });

    it('documents list by type, status, warehouse, date and search, and export CSV', async () => {
      const p = await newPart();
      const r = await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 5 }], {
        supplierDocNumber: 'INV-77331',
      });
      const byNumber = await json(keeper, 'GET', `/api/v1/stock/documents?q=${r.number}`);
      expect(byNumber.items.map((d: { id: string }) => d.id)).toEqual([r.id]);
      const bySupplierDoc = await json(keeper, 'GET', '/api/v1/stock/documents?q=inv-77331');
      expect(bySupplierDoc.items[0]).toMatchObject({
        id: r.id,
        lineCount: 1,
        supplierName: 'Резервни Части ООД',
      });
      const drafts = await json(keeper, 'GET', '/api/v1/stock/documents?status=draft&pageSize=200');
      expect(
        drafts.items.every(
          (d: { status: string; number: string | null }) => d.status === 'draft' && d.number === null,
        ),
      ).toBe(true);
      const vanDocs = await json(keeper, 'GET', `/api/v1/stock/documents?warehouseId=${van}&type=transfer`);
      expect(
        vanDocs.items.every(
          (d: { toWarehouseId: string; type: string }) => d.type === 'transfer' && d.toWarehouseId === van,
        ),
      ).toBe(true);
      const october = await json(keeper, 'GET', '/api/v1/stock/documents?from=2026-10-01&to=2026-10-31');
      expect(october.items.every((d: { documentDate: string }) => d.documentDate.startsWith('2026-10'))).toBe(
        true,
      );
      const csv = await send(
        keeper,
        'GET',
        '/api/v1/stock/documents/export.csv?type=receipt',
        undefined,
        200,
      );
      expect(csv.body).toContain('type,number,document_date,status,warehouse_code');
      expect(csv.body).toContain('INV-77331');
    });

    it('the check proves levels equal the ledger, finds a tampered level, and rebuild repairs it; roles', async () => {
      const ok = await json(admin, 'GET', '/api/v1/stock/check');
      expect(ok).toMatchObject({ consistent: true, mismatches: [] });
      expect(ok.movementCount).toBeGreaterThan(0);
      expect((await send(keeper, 'GET', '/api/v1/stock/check')).statusCode).toBe(403);
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 5 }]);
      await t.db
        .updateTable('stock_level')
        .set({ on_hand_milli: 7000, value_cents: 999 })
        .where('part_id', '=', p)
        .execute();
      const bad = await json(admin, 'GET', '/api/v1/stock/check');
      expect(bad.consistent).toBe(false);
      expect(bad.mismatches).toEqual(
        expect.arrayContaining([
          { partId: p, warehouseId: main, field: 'onHandMilli', stored: 7000, expected: 1000 },
          { partId: p, warehouseId: main, field: 'valueCents', stored: 999, expected: 5 },
        ]),
      );
      expect(await rebuildLevels(t.db)).toBe(1);
      expect(await rebuildLevels(t.db)).toBe(0);
      await consistent();
      // Everyone on staff reads levels; only stock keepers write documents.
      expect((await send(technician, 'GET', '/api/v1/stock/levels')).statusCode).toBe(200);
      // What the stock is worth is for the stock keepers and the accountant, not the field or the front desk.
      expect((await send(technician, 'GET', '/api/v1/stock/valuation')).statusCode).toBe(403);
      expect((await send(reception, 'GET', '/api/v1/stock/valuation/export.csv')).statusCode).toBe(403);
      const accountant = await t.signInAs('accountant');
      expect((await send(accountant, 'GET', '/api/v1/stock/valuation')).statusCode).toBe(200);
      expect(
        (
          await send(technician, 'POST', '/api/v1/stock/documents', {
            type: 'issue',
            warehouseId: van,
            reason: 'x',
            lines: [],
          })
        ).statusCode,
      ).toBe(403);
      expect((await send(reception, 'POST', `/api/v1/stock/documents/${FAKE_ID}/post`)).statusCode).toBe(403);
      expect(
        (
          await send(admin, 'POST', '/api/v1/stock/documents', {
            type: 'issue',
            warehouseId: van,
            reason: 'x',
            lines: [],
          })
        ).statusCode,
      ).toBe(201);
    });

    it('a part or a supplier that stock documents name cannot be deleted', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 1000, unitCostCents: 5 }]);
      const part = await refused(
        'DELETE',
        `/api/v1/parts/${p}`,
        undefined,
        { status: 409, code: 'in_use' },
        admin,
      );
      expect(part.errors.map((e: { code: string }) => e.code)).toContain('part_has_stock');
      const party = await refused(
        'DELETE',
        `/api/v1/parties/${otherSupplierId}`,
        undefined,
        { status: 409, code: 'in_use' },
        admin,
      );
      expect(JSON.stringify(party)).toContain('party_has_stock_documents');
    });
  });

  describe('proofs', () => {
    it('50 concurrent issues of 1 unit against 20: exactly 20 succeed, 30 are refused with the shortfall, the ledger agrees', async () => {
      const p = await newPart();
      await receive(main, [{ partId: p, quantityMilli: 20_000, unitCostCents: 333 }]);
      const drafts = [];
      for (let i = 0; i < 50; i++)
        drafts.push(
          await draft({
            type: 'issue',
            warehouseId: main,
            reason: `поръчка ${i}`,
            lines: [{ partId: p, quantityMilli: 1000 }],
          }),
        );
      const results = await Promise.all(
        drafts.map((d) => t.request(keeper, 'POST', `/api/v1/stock/documents/${d.id}/post`)),
      );
      const ok = results.filter((r) => r.statusCode === 200);
      const refusedAll = results.filter((r) => r.statusCode === 409);
      expect(ok).toHaveLength(20);
      expect(refusedAll).toHaveLength(30);
      for (const r of refusedAll)
        expect(r.json()).toMatchObject({
          code: 'insufficient_stock',
          partId: p,
          requestedMilli: 1000,
          availableMilli: 0,
          shortfallMilli: 1000,
        });
      // 20 issues numbered without a gap, and their values add up to the whole stock value exactly.
      const numbers = ok.map((r) => Number(r.json().number)).sort((a, b) => a - b);
      expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(19);
      expect(ok.reduce((s, r) => s + r.json().totalValueCents, 0)).toBe(6660);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 0, valueCents: 0, reservedMilli: 0 });
      await consistent();
    });

    it('average cost over receipts, transfers and issues equals the hand calculation', async () => {
      const p = await newPart();
      // 1. Receive 10 @ 2.00 into MAIN: 10 units, 20.00 → avg 2.00.
      await receive(main, [{ partId: p, quantityMilli: 10_000, unitCostCents: 200 }]);
      // 2. Receive 5 @ 3.50 with 1.00 landed: 5 units worth 17.50 + 1.00 = 18.50 → 15 units, 38.50 → avg 2.5667 ≈ 2.57.
      await receive(main, [{ partId: p, quantityMilli: 5000, unitCostCents: 350 }], { landedCostCents: 100 });
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 15_000,
        valueCents: 3850,
        avgCostCents: 257,
      });
      // 3. Transfer 6 to the van: 6 × 38.50 / 15 = 15.40 → MAIN 9 units 23.10 (2.5667), VAN 6 units 15.40.
      await transfer(main, van, [{ partId: p, quantityMilli: 6000 }]);
      expect(await level(p, main)).toMatchObject({ onHandMilli: 9000, valueCents: 2310, avgCostCents: 257 });
      expect(await level(p, van)).toMatchObject({ onHandMilli: 6000, valueCents: 1540, avgCostCents: 257 });
      // 4. Issue 4 from MAIN: 4 × 23.10 / 9 = 10.2667 → 10.27; MAIN 5 units 12.83 → avg 2.566 ≈ 2.57.
      const i1 = await issue(main, [{ partId: p, quantityMilli: 4000 }]);
      expect(i1.lines[0]).toMatchObject({ valueCents: 1027, unitCostCents: 257 });
      expect(await level(p, main)).toMatchObject({ onHandMilli: 5000, valueCents: 1283, avgCostCents: 257 });
      // 5. Receive 5 @ 4.00 into MAIN: 10 units, 12.83 + 20.00 = 32.83 → avg 3.283 ≈ 3.28.
      await receive(main, [{ partId: p, quantityMilli: 5000, unitCostCents: 400 }]);
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 10_000,
        valueCents: 3283,
        avgCostCents: 328,
      });
      // 6. Van gives 2.5 back to MAIN: 2.5 × 15.40 / 6 = 6.4167 → 6.42; MAIN 12.5 units 39.25 → avg 3.14.
      await transfer(van, main, [{ partId: p, quantityMilli: 2500 }]);
      expect(await level(p, van)).toMatchObject({ onHandMilli: 3500, valueCents: 898, avgCostCents: 257 });
      expect(await level(p, main)).toMatchObject({
        onHandMilli: 12_500,
        valueCents: 3925,
        avgCostCents: 314,
      });
      // 7. Issue 3 from the van: 3 × 8.98 / 3.5 = 7.6971 → 7.70; the last 0.5 takes the remaining 1.28 exactly.
      const i2 = await issue(van, [{ partId: p, quantityMilli: 3000 }]);
      expect(i2.lines[0]).toMatchObject({ valueCents: 770 });
      const i3 = await issue(van, [{ partId: p, quantityMilli: 500 }]);
      expect(i3.lines[0]).toMatchObject({ valueCents: 128 });
      expect(await level(p, van)).toMatchObject({ onHandMilli: 0, valueCents: 0, avgCostCents: 0 });
      // 8. Issue all 12.5 from MAIN: exactly 39.25 leaves.
      const i4 = await issue(main, [{ partId: p, quantityMilli: 12_500 }]);
      expect(i4.lines[0]).toMatchObject({ valueCents: 3925, unitCostCents: 314 });
      // In = 20.00 + 18.50 + 20.00 = 58.50 = out 10.27 + 7.70 + 1.28 + 39.25.
      expect(1027 + 770 + 128 + 3925).toBe(2000 + 1850 + 2000);
      await consistent();
    });
  });
});

describe.each(DIALECTS)('stock demo data on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('has the main store, a van per technician with an account (3 in all), deliveries from three suppliers, a transfer, and parts to reorder', async () => {
    const admin = await t.setup({ demo: true });
    const whs = (await t.request(admin, 'GET', '/api/v1/warehouses?sort=code')).json();
    expect(whs.items.map((w: { code: string }) => w.code)).toEqual(['MAIN', 'VAN-01', 'VAN-02', 'VAN-03']);
    expect(whs.items[0]).toMatchObject({ name: 'Основен склад', molName: 'Петър Андонов (демо)' });
    expect(whs.items[1]).toMatchObject({ kind: 'van', technicianName: 'Иван Колев' });
    const docs = (await t.request(admin, 'GET', '/api/v1/stock/documents?sort=number&type=receipt')).json();
    type Doc = {
      number: string;
      status: string;
      supplierName: string;
      lineCount: number;
      landedCostCents: number;
    };
    const receipts: Doc[] = docs.items;
    expect(receipts.map((d) => [d.number, d.status])).toEqual([
      ['0000000001', 'posted'],
      ['0000000002', 'posted'],
      ['0000000003', 'posted'],
    ]);
    expect(new Set(receipts.map((d) => d.supplierName)).size).toBe(3);
    expect(receipts[0]?.landedCostCents).toBe(4500);
    // Every part with a minimum stock, less those whose short opening quantity rounds down to nothing.
    expect(receipts.reduce((n, d) => n + d.lineCount, 0)).toBeGreaterThan(100);
    const transfers = (await t.request(admin, 'GET', '/api/v1/stock/documents?type=transfer')).json();
    expect(transfers.items).toMatchObject([
      { number: '0000000001', status: 'posted', toWarehouseCode: 'VAN-01' },
    ]);
    const vanLevels = (
      await t.request(admin, 'GET', `/api/v1/stock/levels?warehouseId=${whs.items[1].id}`)
    ).json();
    expect(vanLevels.total).toBe(6);
    expect((await checkLevels(t.db)).consistent).toBe(true);
    // Some parts came in short of their minimum: the low-stock list suggests them under their supplier.
    const low = (await t.request(admin, 'GET', '/api/v1/stock/low')).json();
    const fromSuppliers = low.groups.filter((g: { supplierId: string | null }) => g.supplierId !== null);
    expect(fromSuppliers.length).toBe(3);
    expect(low.partCount).toBeLessThan(60);
  });
});
