/**
 * Receivables (issue 13, item 8; ADR 0020): each customer's open invoices less their advances, the ageing of the
 * open amounts on a day by days past the due date (not due, 1–30, 31–60, 61–90, over 90), the overdue amount that
 * feeds the orders intake warning. BGN invoices of 2025 count in EUR at the fixed rate (EUR-01).
 */
import type { Executor } from '../../db/database';
import type { CalendarDate } from '../../db/sql';
import { daysBetween, todayDate } from '../../kernel/calendar';
import { bgnToEur } from '../../kernel/eur';
import * as repo from './payments.repository';
import type { Buckets, ReceivableRow, Receivables } from './payments.schema';

const eurOf = (currency: string, c: number) => (currency === 'BGN' ? Number(bgnToEur(c)) : c);

/** The ageing bucket of an open amount due on `due`, looked at on `on`. */
export function bucketOf(due: CalendarDate | null, on: CalendarDate): keyof Buckets {
  const days = due !== null && due < on ? daysBetween(due, on) : 0;
  if (days <= 0) return 'notDue';
  if (days <= 30) return 'd1to30';
  if (days <= 60) return 'd31to60';
  if (days <= 90) return 'd61to90';
  return 'over90';
}

const zero = (): Buckets => ({ notDue: 0, d1to30: 0, d31to60: 0, d61to90: 0, over90: 0 });

export async function receivables(
  db: Executor,
  query: { date?: CalendarDate; overdueOnly?: 'true' | 'false'; partyId?: string },
): Promise<Receivables> {
  const on = query.date ?? todayDate();
  const open = await repo.openInvoicesOf(db, query.partyId ?? null);
  const advances = await repo.advancesOf(db, query.partyId ?? null);
  const rows = new Map<string, ReceivableRow>();
  const rowOf = (partyId: string, partyName: string) => {
    let row = rows.get(partyId);
    if (!row) {
      row = {
        partyId,
        partyName,
        openCents: 0,
        advanceCents: 0,
        creditCents: 0,
        balanceCents: 0,
        overdueCents: 0,
        ageing: zero(),
      };
      rows.set(partyId, row);
    }
    return row;
  };
  for (const inv of open) {
    // Invoices issued on or before the day only.
    if (String(inv.document_date) > on) continue;
    const amount = eurOf(inv.currency, Number(inv.total_cents) - Number(inv.settled_cents));
    const row = rowOf(inv.party_id, inv.party_name);
    const bucket = bucketOf(inv.due_date === null ? null : String(inv.due_date), on);
    row.openCents += amount;
    row.ageing[bucket] += amount;
    if (bucket !== 'notDue') row.overdueCents += amount;
  }
  if (advances.size) {
    const names = await db
      .selectFrom('party')
      .select(['id', 'name'])
      .where('id', 'in', [...advances.keys()])
      .execute();
    for (const p of names) {
      const advance = advances.get(p.id) ?? 0;
      if (advance > 0) rowOf(p.id, p.name).advanceCents = advance;
    }
  }
  // Credit notes beyond what was left to pay (ADR 29): owed back to the customer until refunded, netted in the
  // invoice's currency before a BGN amount is converted (EUR-06, ADR 40: a EUR refund of a BGN invoice's note).
  const refunded = await repo.refundedToNotesOf(db, query.partyId ?? null);
  const over = new Map<string, { name: string; currency: string; cents: number }>();
  for (const o of await repo.overSettledOf(db, query.partyId ?? null))
    over.set(`${o.party_id}|${o.currency}`, { name: o.party_name, currency: o.currency, cents: Number(o.s) });
  if (refunded.length) {
    const names = await db
      .selectFrom('party')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(refunded.map((r) => r.partyId))])
      .execute();
    for (const r of refunded) {
      const key = `${r.partyId}|${r.currency}`;
      const o = over.get(key) ?? {
        name: names.find((n) => n.id === r.partyId)?.name ?? '',
        currency: r.currency,
        cents: 0,
      };
      over.set(key, { ...o, cents: o.cents - r.cents });
    }
  }
  for (const [key, o] of over)
    rowOf(key.split('|')[0] as string, o.name).creditCents += eurOf(o.currency, o.cents);
  let items = [...rows.values()]
    .map((r) => ({ ...r, balanceCents: r.openCents - r.advanceCents - r.creditCents }))
    .filter((r) => r.openCents || r.advanceCents || r.creditCents);
  if (query.overdueOnly === 'true') items = items.filter((r) => r.overdueCents > 0);
  items.sort(
    (a, b) =>
      b.overdueCents - a.overdueCents ||
      b.balanceCents - a.balanceCents ||
      a.partyName.localeCompare(b.partyName),
  );
  const totals = {
    ...zero(),
    openCents: 0,
    advanceCents: 0,
    creditCents: 0,
    balanceCents: 0,
    overdueCents: 0,
  };
  for (const r of items) {
    totals.openCents += r.openCents;
    totals.advanceCents += r.advanceCents;
    totals.creditCents += r.creditCents;
    totals.balanceCents += r.balanceCents;
    totals.overdueCents += r.overdueCents;
    for (const k of Object.keys(r.ageing) as (keyof Buckets)[]) totals[k] += r.ageing[k];
  }
  return { date: on, items, totals };
}

/** The orders intake's overdue source: the open amount, in EUR cents, of the customer's invoices past due today. */
export async function overdueOfCustomer(db: Executor, partyId: string): Promise<number> {
  const today = todayDate();
  let sum = 0;
  for (const inv of await repo.openInvoicesOf(db, partyId))
    if (inv.due_date !== null && String(inv.due_date) < today)
      sum += eurOf(inv.currency, Number(inv.total_cents) - Number(inv.settled_cents));
  return sum;
}
