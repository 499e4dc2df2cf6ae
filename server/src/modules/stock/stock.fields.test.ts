import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { ROLE_GROUPS, ROLES, type Role } from '../../kernel/access';
import { STOCK_FIELDS } from './stock.access';
import type { PartCard, StockDocument, StockDocumentListItem, StockLevel } from './stock.schema';

/** Who may see costs and values, written out here so a change of the rule shows up as a failing test. */
const VALUERS: readonly Role[] = ['admin', 'manager', 'storekeeper', 'accountant'];
const COST_KEYS: readonly string[] = STOCK_FIELDS.cost.keys;

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}
const costKeysIn = (value: unknown) => [...keysOf(value)].filter((k) => COST_KEYS.includes(k)).sort();

async function json<T>(t: TestApp, s: Session, url: string): Promise<T> {
  const res = await t.request(s, 'GET', url);
  expect(res.statusCode, `${s.role} ${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as T;
}

async function csvHeader(t: TestApp, s: Session, url: string): Promise<string[]> {
  const res = await t.request(s, 'GET', url);
  expect(res.statusCode, `${s.role} ${url}`).toBe(200);
  return (parse(res.body, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
}

describe.each(DIALECTS)('stock costs only for the stock valuers on %s', (dialect) => {
  const t = useTestApp(dialect);
  const sessions = new Map<Role, Session>();
  let receipt: StockDocumentListItem;
  let count: StockDocument;
  let partId: string;

  beforeAll(async () => {
    const admin = await t.setup({ demo: true });
    sessions.set('admin', admin);
    for (const role of ROLES) if (role !== 'admin') sessions.set(role, await t.signInAs(role));
    const docs = await json<{ items: StockDocumentListItem[] }>(
      t,
      admin,
      '/api/v1/stock/documents?type=receipt&status=posted',
    );
    receipt =
      docs.items.find((d) => (d.landedCostCents ?? 0) > 0) ?? (docs.items[0] as StockDocumentListItem);
    const full = await json<StockDocument>(t, admin, `/api/v1/stock/documents/${receipt.id}`);
    partId = full.lines[0]?.partId ?? '';
    // A count that finds one unit less: a loss, a negative value on the line.
    const draft = await t.request(admin, 'POST', '/api/v1/stock/documents', {
      type: 'count',
      warehouseId: receipt.warehouseId,
      lines: [{ partId, countedMilli: 0 }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const posted = await t.request(admin, 'POST', `/api/v1/stock/documents/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    count = posted.json();
  });

  // The staff's roles: the read-only NAP auditor reads none of this (ADR 0037, access-table.test.ts).
  const each = () => ROLE_GROUPS.staff.map((role) => [role, VALUERS.includes(role)] as const);

  it.each(each())('JSON as %s: costs present = %s, at any depth, on every stock read', async (role, sees) => {
    const s = sessions.get(role) as Session;
    const reads: string[] = [
      '/api/v1/stock/levels?includeEmpty=true&pageSize=200',
      '/api/v1/stock/documents?pageSize=200',
      `/api/v1/stock/documents/${receipt.id}`,
      `/api/v1/stock/documents/${count.id}`,
      `/api/v1/stock/parts/${partId}/card?from=2000-01-01`,
      `/api/v1/stock/parts/${partId}/card`,
      '/api/v1/stock/low',
      '/api/v1/stock/reservations',
      '/api/v1/warehouses',
    ];
    for (const url of reads) {
      const found = costKeysIn(await json(t, s, url));
      if (sees && !url.includes('reservations') && !url.includes('warehouses'))
        expect(found.length, `${role} ${url}`).toBeGreaterThan(0);
      else expect(found, `${role} ${url}`).toEqual([]);
    }

    const level = (await json<{ items: StockLevel[] }>(t, s, '/api/v1/stock/levels')).items[0];
    expect(level && 'avgCostCents' in level).toBe(sees);
    expect(level && 'valueCents' in level).toBe(sees);
    expect(level?.onHandMilli).toBeGreaterThan(0);

    const doc = await json<StockDocument>(t, s, `/api/v1/stock/documents/${receipt.id}`);
    expect('totalValueCents' in doc).toBe(sees);
    expect('landedCostCents' in doc).toBe(sees);
    expect(doc.lines.every((l) => 'unitCostCents' in l && 'valueCents' in l && 'landedCostCents' in l)).toBe(
      sees,
    );
    expect(doc.lines[0]?.quantityMilli).toBeGreaterThan(0);

    const card = await json<PartCard>(t, s, `/api/v1/stock/parts/${partId}/card?from=2000-01-01`);
    expect('typicalCostCents' in card.part).toBe(sees);
    expect('openingValueCents' in card).toBe(sees);
    expect(card.movements.length).toBeGreaterThan(0);
    expect(card.movements.every((m) => 'unitCostCents' in m && 'balanceValueCents' in m)).toBe(sees);
    expect(card.movements.every((m) => typeof m.balanceMilli === 'number')).toBe(true);

    expect((await t.request(s, 'GET', '/api/v1/stock/valuation')).statusCode).toBe(sees ? 200 : 403);
  });

  it.each(each())(
    'a sort by a cost as %s (costs = %s) never orders by what the role may not see',
    async (role, sees) => {
      const s = sessions.get(role) as Session;
      const codes = async (sort: string) =>
        (
          await json<{ items: StockLevel[] }>(t, s, `/api/v1/stock/levels?pageSize=200&sort=${sort}`)
        ).items.map((l) => `${l.partCode}@${l.warehouseCode}`);
      const byValue = await codes('-valueCents');
      const byCode = await codes('partCode');
      if (sees) expect(byValue).not.toEqual(byCode);
      else expect(byValue).toEqual(byCode);
      const docs = async (sort: string) =>
        (
          await json<{ items: StockDocumentListItem[] }>(
            t,
            s,
            `/api/v1/stock/documents?pageSize=200&sort=${sort}`,
          )
        ).items.map((d) => d.id);
      if (!sees) expect(await docs('-totalValueCents')).toEqual(await docs('-documentDate'));
    },
  );

  it.each(each())('CSV as %s: the cost columns are there = %s', async (role, sees) => {
    const s = sessions.get(role) as Session;
    const levels = await csvHeader(t, s, '/api/v1/stock/levels/export.csv');
    expect(levels).toContain('on_hand');
    expect(levels.includes('avg_cost_eur')).toBe(sees);
    expect(levels.includes('value_eur')).toBe(sees);
    const docs = await csvHeader(t, s, '/api/v1/stock/documents/export.csv');
    expect(docs).toContain('number');
    expect(docs.includes('total_value_eur')).toBe(sees);
    const low = await csvHeader(t, s, '/api/v1/stock/low/export.csv');
    expect(low).toContain('suggested');
    expect(low.includes('last_unit_cost_eur')).toBe(sees);
    if (sees) expect(await csvHeader(t, s, '/api/v1/stock/valuation/export.csv')).toContain('value_eur');
  });

  it.each(each())('PDF as %s: unit cost, value and value totals printed = %s', async (role, sees) => {
    const s = sessions.get(role) as Session;
    const pdf = async (id: string, lang: 'bg' | 'en') => {
      const res = await t.request(s, 'GET', `/api/v1/stock/documents/${id}/pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      return pdfText(res.rawPayload);
    };
    const bg = await pdf(receipt.id, 'bg');
    expect(bg).toContain('СКЛАДОВА РАЗПИСКА');
    expect(bg).toContain('Количество');
    expect(bg).toContain('Общо количество:');
    for (const word of ['Ед. цена', 'Стойност', 'Обща стойност:'])
      expect(bg.includes(word), `${role} bg ${word}`).toBe(sees);
    const en = await pdf(receipt.id, 'en');
    expect(en).toContain('Quantity');
    for (const word of ['Unit cost', 'Total value:'])
      expect(en.includes(word), `${role} en ${word}`).toBe(sees);
    const counted = await pdf(count.id, 'bg');
    expect(counted).toContain('Преброено');
    for (const word of ['разликата', 'Липси:']) expect(counted.includes(word), `${role} ${word}`).toBe(sees);
  });
});
