/**
 * The company's dated VAT rates (INV-08; ADR 0038). A rate is never hard-coded in a rule: each kind (standard,
 * reduced, 0 %, exempt) has rows valid from a day, and a document line naming a kind takes the rate valid on the
 * document's tax event date, so a change by law takes effect on its day. Rows are added, never changed or deleted;
 * a rate from a day in a closed period (the lock date) is refused. A new company gets today's Bulgarian rates valid
 * from 2007-01-01 (the ЗДДС in force), as migration 0042 gave an existing one.
 */
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { findCompany } from './company.repository';
import type { VatRateKind, VatRateTable } from './company.table';
import * as repo from './vat-rates.repository';
import type { CreateVatRateBody, VatRate, VatRateList } from './vat-rates.schema';

/** The rates a company starts with (and migration 0042 filled in): valid from 2007-01-01. */
export const INITIAL_VAT_RATES: { kind: VatRateKind; rate_bp: number; vat_reason: string | null }[] = [
  { kind: 'standard', rate_bp: 2000, vat_reason: null },
  { kind: 'reduced', rate_bp: 900, vat_reason: null },
  { kind: 'zero', rate_bp: 0, vat_reason: 'чл. 28 ЗДДС – износ' },
  { kind: 'exempt', rate_bp: 0, vat_reason: 'чл. 39 ЗДДС – освободена доставка' },
];
const INITIAL_FROM = '2007-01-01';

const bad = (code: string, field: string, kind: 'invalid' | 'conflict' = 'invalid') =>
  new DomainError(kind, code, { field, params: { field } });

function toRate(r: {
  id: string;
  kind: VatRateKind;
  rate_bp: number;
  valid_from: CalendarDate;
  vat_reason: string | null;
  created_at: string;
}): VatRate {
  return {
    id: r.id,
    kind: r.kind,
    rateBp: Number(r.rate_bp),
    validFrom: String(r.valid_from),
    vatReason: r.vat_reason,
    createdAt: String(r.created_at),
  };
}

export async function listVatRates(db: Executor, date?: CalendarDate): Promise<VatRateList> {
  const on = date ?? todayDate();
  const [rows, current] = await Promise.all([repo.listRates(db), repo.ratesOn(db, on)]);
  return { items: rows.map(toRate), current: [...current.values()].map(toRate), date: on };
}

/** What a line of a kind takes on a tax event date (INV-08): its rate, whether exempt, and the ground. */
export interface RateOfKind {
  kind: VatRateKind;
  rateBp: number;
  vatExempt: boolean;
  vatReason: string | null;
}

/** The rate of each kind valid on `date`; a kind with no row on that day is missing from the map. */
export async function vatRatesOn(db: Executor, date: CalendarDate): Promise<Map<VatRateKind, RateOfKind>> {
  const rows = await repo.ratesOn(db, date);
  return new Map(
    [...rows.values()].map((r) => [
      r.kind,
      { kind: r.kind, rateBp: Number(r.rate_bp), vatExempt: r.kind === 'exempt', vatReason: r.vat_reason },
    ]),
  );
}

/**
 * Adds a rate of a kind from a day (audited). 400 vat_rate_positive (standard or reduced at 0), vat_rate_not_zero
 * (0 % or exempt above 0), vat_reason_required (0 % or exempt without a ground); 409 vat_rate_exists (the kind has a
 * rate from that day already), period_closed (the day is in a closed period).
 */
export async function createVatRate(db: Db, actor: Actor, body: CreateVatRateBody): Promise<VatRate> {
  const reason = body.vatReason?.trim() || null;
  const zeroKind = body.kind === 'zero' || body.kind === 'exempt';
  if (!zeroKind && body.rateBp === 0) throw bad('vat_rate_positive', 'rateBp');
  if (zeroKind && body.rateBp !== 0) throw bad('vat_rate_not_zero', 'rateBp');
  if (zeroKind && !reason)
    throw new DomainError('invalid', 'vat_rate_reason_required', {
      field: 'vatReason',
      params: { field: 'vatReason' },
    });
  return db.transaction().execute(async (trx) => {
    const lockDate = (await findCompany(trx))?.lock_date ?? null;
    if (lockDate !== null && body.validFrom <= String(lockDate))
      throw new DomainError('conflict', 'period_closed', {
        field: 'validFrom',
        params: { date: lockDate },
        extra: { lockDate },
      });
    if (await repo.findRate(trx, body.kind, body.validFrom))
      throw bad('vat_rate_exists', 'validFrom', 'conflict');
    const row = {
      id: newId(),
      kind: body.kind,
      rate_bp: body.rateBp,
      valid_from: body.validFrom,
      vat_reason: zeroKind ? reason : null,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await repo.insertRates(trx, [row]);
    await recordAudit(trx, actor, {
      action: 'vat_rate.create',
      entity: 'vat_rate',
      entityId: row.id,
      after: { kind: row.kind, rateBp: row.rate_bp, validFrom: row.valid_from, vatReason: row.vat_reason },
    });
    return toRate(row);
  });
}

/**
 * A company made after the table was emptied (setup after leaving the demo) starts with today's rates; a company made
 * on a schema before migration 0042 (the migration tests) gets them from the migration.
 */
export async function ensureInitialVatRates(trx: Executor): Promise<void> {
  if (!(await repo.tableReady(trx)) || (await repo.countRates(trx)) > 0) return;
  const now = nowIso();
  const rows: VatRateTable[] = INITIAL_VAT_RATES.map((r) => ({
    id: newId(),
    ...r,
    valid_from: INITIAL_FROM,
    created_by: null,
    created_at: now,
  }));
  await repo.insertRates(trx, rows);
}

/** The VAT an item or a document line carries (ADR 0042): a kind (null: an explicit rate), its rate today, a ground. */
export interface ItemVat {
  vatRateKind: VatRateKind | null;
  vatRateBp: number;
  vatReason: string | null;
}

/** What a request may say of an item's or a line's VAT: a kind, or (as before ADR 0042) a rate, and a ground. */
export interface ItemVatGiven {
  vatRateKind?: VatRateKind | null;
  vatRateBp?: number | null;
  vatReason?: string | null;
}

const isZeroKind = (kind: VatRateKind | null) => kind === 'zero' || kind === 'exempt';

/** The rate of an item or a line on a day: its kind's in `rates`, or its explicit rate when it names no kind. */
export function rateOfKind(
  rates: Map<VatRateKind, RateOfKind>,
  kind: VatRateKind | null,
  explicitBp: number,
): number {
  return kind ? (rates.get(kind)?.rateBp ?? explicitBp) : explicitBp;
}

/**
 * The VAT of an item or a line from what a request gives, laid over what it was (or what the catalogue says):
 * a kind given wins; a rate given without a kind (clients before ADR 0042) is read as the kind whose rate it is
 * today (20 % standard, 9 % reduced, 0 % with a ground zero), else kept as an explicit rate; nothing given keeps
 * the fallback, and with none the standard kind (INV-08). A 0 % or exempt kind needs its legal ground (INV-09):
 * 400 vat_rate_reason_required, field vatReason. `rates` are today's, for the rate shown beside the kind.
 */
export function itemVatOf(
  rates: Map<VatRateKind, RateOfKind>,
  given: ItemVatGiven,
  fallback: ItemVat | null,
  field = 'vatReason',
): ItemVat {
  const givenReason = given.vatReason === undefined ? undefined : given.vatReason?.trim() || null;
  let kind: VatRateKind | null;
  let bp: number;
  if (given.vatRateKind) {
    kind = given.vatRateKind;
    bp = 0;
  } else if (given.vatRateBp !== undefined && given.vatRateBp !== null) {
    bp = given.vatRateBp;
    const matches = (k: VatRateKind) => rates.get(k)?.rateBp === bp;
    kind = matches('standard')
      ? 'standard'
      : matches('reduced')
        ? 'reduced'
        : bp === 0 && givenReason
          ? 'zero'
          : null;
  } else if (fallback) {
    kind = fallback.vatRateKind;
    bp = fallback.vatRateBp;
  } else {
    kind = 'standard';
    bp = 0;
  }
  const reason =
    givenReason !== undefined
      ? givenReason
      : fallback && fallback.vatRateKind === kind
        ? fallback.vatReason
        : null;
  if (isZeroKind(kind) && !reason)
    throw new DomainError('invalid', 'vat_rate_reason_required', { field, params: { field } });
  const keepsReason = isZeroKind(kind) || (kind === null && bp === 0);
  return {
    vatRateKind: kind,
    vatRateBp: rateOfKind(rates, kind, bp),
    vatReason: keepsReason ? reason : null,
  };
}
