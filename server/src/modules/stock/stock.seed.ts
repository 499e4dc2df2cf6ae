import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { parseMoney } from '../../kernel/money';
import { listAllUsers } from '../auth/auth.service';
import { findPartByCode } from '../catalog';
import { todayDate } from '../items';
import { listParties } from '../parties/parties.service';
import { findTechnicianOfUser } from '../technicians';
import { listTechnicians } from '../technicians/technicians.service';
import { countWarehouses } from './stock.repository';
import { type DraftLineInput, insertDraft, postDocumentTx } from './stock.service';
import { insertNewWarehouse } from './stock.warehouses';

/** How many catalogue parts the demo's opening receipt brings in. */
const OPENING_PARTS = 40;
const VANS = 3;

function seedParts(): { code: string; minStockMilli: number; typicalCostCents: number }[] {
  const text = fs.readFileSync(new URL('../../../seed-data/parts.csv', import.meta.url), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  const stocked = records
    .filter((r) => Number(r.min_stock) > 0 && r.typical_cost_eur)
    .map((r) => ({
      code: r.code ?? '',
      minStockMilli: Math.round(Number(r.min_stock) * 1000),
      typicalCostCents: parseMoney(r.typical_cost_eur ?? '0'),
    }));
  // Spread over the whole catalogue (every category), not the first 40 washers and fridges.
  const step = Math.max(1, Math.floor(stocked.length / OPENING_PARTS));
  return stocked.filter((_, i) => i % step === 0).slice(0, OPENING_PARTS);
}

/**
 * Demo data of the stock module: the main store (МОЛ: the demo storekeeper), a van for each technician who has a
 * user account and for the first technicians up to three vans, an opening receipt of 40 catalogue parts from a
 * demo supplier at their typical cost (twice their minimum stock), and a transfer of a few parts to the first van.
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

  const suppliers = await listParties(db, {
    role: 'supplier',
    sort: { column: 'party.sort_name', direction: 'asc' },
    page: 1,
    pageSize: 1,
  });
  const supplier = suppliers.items[0];
  if (!supplier) return;

  const lines: (DraftLineInput & { minStockMilli: number })[] = [];
  for (const p of seedParts()) {
    const part = await findPartByCode(db, p.code);
    if (!part) continue;
    lines.push({
      partId: part.id,
      quantityMilli: p.minStockMilli * 2,
      unitCostCents: p.typicalCostCents,
      minStockMilli: p.minStockMilli,
    });
  }
  if (!lines.length) return;
  const today = todayDate();
  const receiptId = await insertDraft(db, actor, {
    type: 'receipt',
    documentDate: today,
    warehouseId: mainId,
    supplierId: supplier.id,
    supplierDocNumber: '0000004817',
    supplierDocDate: today,
    landedCostCents: 4_500,
    notes: 'Начална наличност (демо).',
    lines: lines.map(({ minStockMilli: _, ...l }) => l),
  });
  await postDocumentTx(db, actor, receiptId);

  const van = vanIds[0];
  if (!van) return;
  const transferId = await insertDraft(db, actor, {
    type: 'transfer',
    documentDate: today,
    warehouseId: mainId,
    toWarehouseId: van,
    notes: 'Зареждане на сервизния бус (демо).',
    lines: lines.slice(0, 6).map((l) => ({
      partId: l.partId,
      quantityMilli: Math.max(1000, Math.floor(l.minStockMilli / 2000) * 1000),
    })),
  });
  await postDocumentTx(db, actor, transferId);
}
