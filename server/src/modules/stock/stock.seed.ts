import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { parseMoney } from '../../kernel/money';
import { listAllUsers } from '../auth';
import { findPartByCode } from '../catalog';
import { listParties } from '../parties';
import { findTechnicianOfUser, listTechnicians } from '../technicians';
import { countWarehouses } from './stock.repository';
import { type DraftLineInput, insertDraft, postDocumentTx } from './stock.service';
import { insertNewWarehouse } from './stock.warehouses';

/** How many suppliers the demo's opening deliveries come from. */
const SUPPLIERS = 3;
const VANS = 3;

function seedParts(): { code: string; minStockMilli: number; typicalCostCents: number }[] {
  const text = fs.readFileSync(new URL('../../../seed-data/parts.csv', import.meta.url), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  return records
    .filter((r) => Number(r.min_stock) > 0 && r.typical_cost_eur)
    .map((r) => ({
      code: r.code ?? '',
      minStockMilli: Math.round(Number(r.min_stock) * 1000),
      typicalCostCents: parseMoney(r.typical_cost_eur ?? '0'),
    }));
}

/**
 * The opening quantity of the i-th stocked part: twice its minimum, but every seventh part only half of it
 * (rounded down to whole units, possibly none), so that the low-stock list has something to suggest.
 */
function openingMilli(i: number, minStockMilli: number): number {
  if (i % 7 === 3) return Math.floor(minStockMilli / 2000) * 1000;
  return minStockMilli * 2;
}

/**
 * Demo data of the stock module: the main store (МОЛ: the demo storekeeper), a van for each technician who has a
 * user account and for the first technicians up to three vans, opening deliveries from three demo suppliers of
 * every part with a minimum stock at its typical cost (twice the minimum; every seventh part short of it, so the
 * low-stock list has something to suggest), and a transfer of a few parts to the first van.
 * Skipped when warehouses exist; needs the catalogue, the parties and the technicians first.
 */
export async function seedStockDemo(db: Executor, actor: Actor): Promise<void> {
  if ((await countWarehouses(db)) > 0) return;
  const users = await listAllUsers(db);
  const storekeeper = users.find((u) => u.role === 'storekeeper' && u.active);
  const mainId = await insertNewWarehouse(db, actor, {
    code: 'MAIN',
    name: 'Основен склад',
    kind: 'store',
    technicianId: null,
    molName: storekeeper?.fullName ?? null,
  });

  const vanTechnicians: { id: string; name: string }[] = [];
  for (const u of users.filter((x) => x.role === 'technician')) {
    const t = await findTechnicianOfUser(db, u.id);
    if (t) vanTechnicians.push({ id: t.id, name: t.name });
  }
  const { items } = await listTechnicians(db, { page: 1, pageSize: VANS, sort: 'name' });
  for (const t of items)
    if (vanTechnicians.length < VANS && !vanTechnicians.some((v) => v.id === t.id))
      vanTechnicians.push({ id: t.id, name: t.name });
  const vanIds: string[] = [];
  for (const [i, t] of vanTechnicians.entries())
    vanIds.push(
      await insertNewWarehouse(
        db,
        actor,
        {
          code: `VAN-${String(i + 1).padStart(2, '0')}`,
          name: `Сервизен бус – ${t.name}`,
          kind: 'van',
          technicianId: t.id,
          molName: null,
        },
        t.name,
      ),
    );

  const suppliers = (
    await listParties(db, {
      role: 'supplier',
      sort: 'name',
      page: 1,
      pageSize: SUPPLIERS,
    })
  ).items;
  if (!suppliers.length) return;

  // Every part with a minimum comes from one of the suppliers, in turn: one opening delivery from each.
  const deliveries = suppliers.map(() => [] as DraftLineInput[]);
  for (const [i, p] of seedParts().entries()) {
    const part = await findPartByCode(db, p.code);
    const quantityMilli = openingMilli(i, p.minStockMilli);
    if (!part || quantityMilli === 0) continue;
    deliveries[i % suppliers.length]?.push({
      partId: part.id,
      quantityMilli,
      unitCostCents: p.typicalCostCents,
    });
  }
  const today = todayDate();
  for (const [n, supplier] of suppliers.entries()) {
    const lines = deliveries[n] ?? [];
    if (!lines.length) continue;
    const receiptId = await insertDraft(db, actor, {
      type: 'receipt',
      documentDate: today,
      warehouseId: mainId,
      supplierId: supplier.id,
      supplierDocNumber: String(4817 + n * 131).padStart(10, '0'),
      supplierDocDate: today,
      landedCostCents: n === 0 ? 4_500 : null,
      notes: 'Начална наличност (демо).',
      lines,
    });
    await postDocumentTx(db, actor, receiptId);
  }

  const van = vanIds[0];
  if (!van) return;
  const transferId = await insertDraft(db, actor, {
    type: 'transfer',
    documentDate: today,
    warehouseId: mainId,
    toWarehouseId: van,
    notes: 'Зареждане на сервизния бус (демо).',
    lines: (deliveries[0] ?? []).slice(0, 6).map((l) => ({
      partId: l.partId,
      quantityMilli: Math.max(1000, Math.floor((l.quantityMilli ?? 0) / 4000) * 1000),
    })),
  });
  await postDocumentTx(db, actor, transferId);
}
