import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { bySize } from '../../../test/property-size';
import type { Json } from '../../../test/requests';
import { todayDate } from '../../kernel/calendar';
import { isValidUic } from '../../kernel/identifiers';

/**
 * The money property (issue 13 proofs; ADR 0020, 0029): after a random sequence of operations through the HTTP API —
 * invoices with mixed rates and discounts, debit and credit notes, payments allocated by hand or oldest first or left
 * as advances, advances allocated later, allocations undone, refunds against credit notes and advances and their
 * undoing, write-offs, cash in and out — for every customer the receivables balance equals invoices + debit notes −
 * credit notes − payments − write-offs + refunds (summed from the documents themselves, not from the allocations),
 * the advance and the credit owed back equal a plain model's, and every account's balance equals the sum of its
 * movements and the model's, a cash desk never below zero. The model also predicts every refusal (a credit beyond the
 * invoice, a refund beyond what is owed, a cash desk without the cash, undoing an allocation whose credit was paid
 * back), and a refused step changes no balance. A cash refund mostly stornoes a cash payment's receipt (FIS-02, ADR
 * 0040): its own payment's for an advance, else one of the customer's; what is left to storno of every receipt equals
 * the model's (the stornos of undone refunds no longer count), and a storno beyond it is refused.
 */

/** Operations per sequence, and sequences per database: SERVIX_PROPERTY_SIZE=large for the long search. */
const STEPS = bySize({ small: 120, large: 500 });
const SEQUENCES = bySize({ small: 1, large: 4 });
const PARTIES = 2;
const CHECK_EVERY = bySize({ small: 50, large: 100 });

type Op =
  | { kind: 'invoice'; party: number; lines: { price: number; rate: number; discount: number; q: number }[] }
  | { kind: 'debit' | 'credit'; pick: number; price: number }
  | {
      kind: 'pay';
      party: number;
      account: number;
      amount: number;
      mode: 'none' | 'oldest' | 'hand';
      share: number;
    }
  | { kind: 'allocate'; pick: number }
  | { kind: 'undo'; pick: number }
  | {
      kind: 'refund';
      party: number;
      account: number;
      pick: number;
      share: number;
      over: boolean;
      /** A cash refund stornoes a payment's receipt: which one (null: a refund with no storno). */
      storno: number | null;
    }
  | { kind: 'undoRefund'; pick: number }
  | { kind: 'writeOff'; pick: number; amount: number }
  | { kind: 'cash'; account: number; out: boolean; amount: number };

const party = fc.nat(PARTIES - 1);
const account = fc.nat(2); // 0, 1: cash desks; 2: the bank account
const share = fc.double({ min: 0.05, max: 1, noNaN: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('invoice' as const),
      party,
      lines: fc.array(
        fc.record({
          price: fc.integer({ min: 1, max: 40_000 }),
          rate: fc.constantFrom(2000, 900),
          discount: fc.constantFrom(0, 0, 500, 1250, 3333),
          q: fc.constantFrom(1000, 2000, 1500, 333),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('debit' as const),
      pick: fc.nat(),
      price: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('credit' as const),
      pick: fc.nat(),
      price: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      party,
      account,
      amount: fc.integer({ min: 1, max: 60_000 }),
      mode: fc.constantFrom('none' as const, 'oldest' as const, 'hand' as const, 'hand' as const),
      share,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('allocate' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      party,
      account,
      pick: fc.nat(),
      share,
      over: fc.nat(9).map((n) => n < 2),
      storno: fc.option(fc.nat(), { freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undoRefund' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('writeOff' as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cash' as const),
      account: fc.nat(1),
      out: fc.boolean(),
      amount: fc.integer({ min: 1, max: 30_000 }),
    }),
  },
);

/**
 * Every sequence starts with a credit on a paid invoice paid back from the bank, a debit note paid oldest first and
 * undone, and a write-off, so those paths are always walked; the random steps follow.
 */
const PREAMBLE: Op[] = [
  { kind: 'invoice', party: 0, lines: [{ price: 10_000, rate: 2000, discount: 0, q: 1000 }] },
  { kind: 'pay', party: 0, account: 0, amount: 12_000, mode: 'hand', share: 1 },
  { kind: 'credit', pick: 0, price: 2500 },
  { kind: 'refund', party: 0, account: 2, pick: 0, share: 0.5, over: false, storno: null },
  { kind: 'debit', pick: 0, price: 1000 },
  { kind: 'pay', party: 0, account: 1, amount: 500, mode: 'oldest', share: 1 },
  { kind: 'undo', pick: 1 },
  { kind: 'invoice', party: 1, lines: [{ price: 3333, rate: 900, discount: 1250, q: 1500 }] },
  { kind: 'writeOff', pick: 1, amount: 42 },
  { kind: 'pay', party: 1, account: 0, amount: 3000, mode: 'none', share: 1 },
  { kind: 'refund', party: 1, account: 0, pick: 0, share: 0.5, over: false, storno: 0 },
];

interface Doc {
  id: string;
  party: number;
  kind: 'invoice' | 'debit_note' | 'credit_note';
  total: number;
  /** The invoice a note corrects. */
  related: string | null;
}
interface Alloc {
  id: string;
  doc: string;
  amount: number;
  payment: string | null;
  live: boolean;
}
interface Pay {
  id: string;
  party: number;
  amount: number;
  /** Its fiscal receipt (a cash payment's, FIS-01): a refund's storno reverses it. */
  receipt: string | null;
}
interface Refund {
  id: string;
  party: number;
  account: number;
  amount: number;
  lines: { note: string | null; payment: string | null; amount: number }[];
  live: boolean;
  /** The payment whose receipt its storno reversed. */
  stornoOf: string | null;
}

class Model {
  docs: Doc[] = [];
  allocs: Alloc[] = [];
  payments: Pay[] = [];
  refunds: Refund[] = [];
  accounts = [0, 0, 0];

  move(account: number, cents: number) {
    this.accounts[account] = (this.accounts[account] ?? 0) + cents;
  }

  doc(id: string) {
    return this.docs.find((d) => d.id === id) as Doc;
  }
  liveRefundLines() {
    return this.refunds.filter((r) => r.live).flatMap((r) => r.lines);
  }
  /** What settles a payable document: live allocations and, for an invoice, its credit notes. */
  settled(d: Doc) {
    const alloc = this.allocs.filter((a) => a.live && a.doc === d.id).reduce((s, a) => s + a.amount, 0);
    const credits = this.docs
      .filter((n) => n.kind === 'credit_note' && n.related === d.id)
      .reduce((s, n) => s + n.total, 0);
    return alloc + credits;
  }
  open(d: Doc) {
    return Math.max(0, d.total - this.settled(d));
  }
  payable(party: number) {
    return this.docs.filter((d) => d.party === party && d.kind !== 'credit_note');
  }
  /** Credits allowed on an invoice: its total and debit notes less its credit notes. */
  creditable(inv: Doc) {
    const notes = this.docs.filter((n) => n.related === inv.id);
    const debits = notes.filter((n) => n.kind === 'debit_note').reduce((s, n) => s + n.total, 0);
    const credits = notes.filter((n) => n.kind === 'credit_note').reduce((s, n) => s + n.total, 0);
    return inv.total + debits - credits;
  }
  /** The invoice's group (itself and its debit notes) beyond its totals, less refunds of its credit notes. */
  owedBack(invId: string) {
    const group = this.docs.filter((d) => d.id === invId || (d.related === invId && d.kind === 'debit_note'));
    const excess = group.reduce((s, d) => s + this.settled(d) - d.total, 0);
    const refunded = this.liveRefundLines()
      .filter((l) => l.note && this.doc(l.note).related === invId)
      .reduce((s, l) => s + l.amount, 0);
    return excess - refunded;
  }
  refundedOfNote(id: string) {
    return this.liveRefundLines()
      .filter((l) => l.note === id)
      .reduce((s, l) => s + l.amount, 0);
  }
  advance(p: Pay) {
    const used = this.allocs.filter((a) => a.live && a.payment === p.id).reduce((s, a) => s + a.amount, 0);
    const refunded = this.liveRefundLines()
      .filter((l) => l.payment === p.id)
      .reduce((s, l) => s + l.amount, 0);
    return p.amount - used - refunded;
  }
  /** What is left to storno of a payment's receipt: its total less the stornos of live refunds. */
  stornoable(p: Pay) {
    return (
      p.amount - this.refunds.filter((r) => r.live && r.stornoOf === p.id).reduce((s, r) => s + r.amount, 0)
    );
  }
  /** What the server offers to pay back on each of a customer's notes, shared out by the invoice's group in order. */
  refundableNotes(party: number) {
    const left = new Map<string, number>();
    const out: { id: string; can: number }[] = [];
    for (const n of this.docs.filter((d) => d.party === party && d.kind === 'credit_note')) {
      const inv = n.related as string;
      const groupLeft = Math.max(0, left.get(inv) ?? this.owedBack(inv));
      const can = Math.max(0, Math.min(n.total - this.refundedOfNote(n.id), groupLeft));
      left.set(inv, groupLeft - can);
      out.push({ id: n.id, can });
    }
    return out;
  }
  /** The balance from the documents: invoices + debit notes − credit notes − payments − write-offs + refunds. */
  balance(party: number) {
    const docs = this.docs.filter((d) => d.party === party);
    const sum = (k: Doc['kind']) => docs.filter((d) => d.kind === k).reduce((s, d) => s + d.total, 0);
    const payments = this.payments.filter((p) => p.party === party).reduce((s, p) => s + p.amount, 0);
    const writeOffs = this.allocs
      .filter((a) => a.live && a.payment === null && this.doc(a.doc).party === party)
      .reduce((s, a) => s + a.amount, 0);
    const refunds = this.refunds.filter((r) => r.live && r.party === party).reduce((s, r) => s + r.amount, 0);
    return sum('invoice') + sum('debit_note') - sum('credit_note') - payments - writeOffs + refunds;
  }
}

/** The n-th valid 9-digit ЕИК from a base: invoices need the recipient's. */
function uicNumber(n: number): string {
  for (let base = 20_000_000 + n * 10; ; base++)
    for (let d = 0; d <= 9; d++) if (isValidUic(`${base}${d}`)) return `${base}${d}`;
}

const tally = { ok: 0, refused: 0 } as Record<string, number>;
const count = (k: string) => {
  tally[k] = (tally[k] ?? 0) + 1;
};
const timeout = bySize({ small: 240_000, large: 1_200_000 });

describe.each(DIALECTS)('money property on %s', { timeout }, (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it(`after ${STEPS} random operations every customer's balance = invoices + debit − credit − payments − write-offs + refunds, every account = the sum of its movements, no cash desk below zero (INV-11)`, async () => {
    for (const k of Object.keys(tally)) delete tally[k];
    admin = await t.setup();
    const today = todayDate();
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
      const res = await t.request(admin, method, url, body);
      return { status: res.statusCode, body: res.body ? (res.json() as Json) : ({} as Json) };
    };
    const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
      const r = await call(method, url, body);
      if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const expectRefused = async (url: string, body: unknown, code: string) => {
      const r = await call('POST', url, body);
      expect(r.status, `${url} ${JSON.stringify(body)} ${JSON.stringify(r.body)}`).toBe(409);
      expect(r.body.code).toBe(code);
      count(`refused ${code}`);
    };
    await ok('PUT', '/api/v1/company', {
      legalName: 'Тест Сервиз ООД',
      uic: '131129282',
      vatNumber: 'BG131129282',
      vatRegistered: true,
      defaultVatRateBp: 2000,
      fiscalDeviceRequired: false,
      city: 'София',
      address: 'бул. „Витоша“ 15',
      postcode: '1000',
      mol: 'Петър Петров',
      bankAccounts: [],
    });
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: STEPS, maxLength: STEPS }), async (random) => {
        const ops = [...PREAMBLE, ...random];
        run++;
        const m = new Model();
        const parties: string[] = [];
        for (let i = 0; i < PARTIES; i++)
          parties.push(
            (
              await aCustomer(t, admin, {
                name: `Клиент ${run}-${i}`,
                uic: uicNumber(run * PARTIES + i),
                addresses: [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }],
              })
            ).id,
          );
        const accounts = [
          (await ok('POST', '/api/v1/money-accounts', { kind: 'cash', name: `Каса ${run}-1` })).id as string,
          (await ok('POST', '/api/v1/money-accounts', { kind: 'cash', name: `Каса ${run}-2` })).id as string,
          (
            await ok('POST', '/api/v1/money-accounts', {
              kind: 'bank',
              name: `Банка ${run}`,
              bankName: 'УниКредит',
              iban: 'BG80BNBG96611020345678',
            })
          ).id as string,
        ];
        const method = (account: number) => (account === 2 ? 'bank_transfer' : 'cash');
        const invoices = () => m.docs.filter((d) => d.kind === 'invoice');
        const syncAllocations = (payment: Json) => {
          for (const a of payment.allocations as Json[])
            if (!m.allocs.some((x) => x.id === a.id)) {
              const doc = m.doc(a.invoiceId as string);
              // Oldest first never takes more than is open, nor another customer's invoice.
              expect(a.amountCents).toBeLessThanOrEqual(m.open(doc));
              expect(doc.party).toBe(m.payments.find((p) => p.id === payment.id)?.party);
              m.allocs.push({
                id: a.id as string,
                doc: doc.id,
                amount: a.amountCents as number,
                payment: payment.id as string,
                live: true,
              });
            }
        };

        const check = async () => {
          const rec = await ok('GET', `/api/v1/receivables?date=${today}`);
          for (let i = 0; i < PARTIES; i++) {
            const row = (rec.items as Json[]).find((r) => r.partyId === parties[i]);
            const advance = m.payments.filter((p) => p.party === i).reduce((s, p) => s + m.advance(p), 0);
            expect(row?.balanceCents ?? 0, `balance of customer ${i}`).toBe(m.balance(i));
            expect(row?.advanceCents ?? 0, `advance of customer ${i}`).toBe(advance);
            const open = m.payable(i).reduce((s, d) => s + m.open(d), 0);
            expect(row?.openCents ?? 0, `open of customer ${i}`).toBe(open);
            expect(row?.creditCents ?? 0, `credit of customer ${i}`).toBe(open - advance - m.balance(i));
            // What the refund screen offers: each note's share of what its invoice owes back, and the advances.
            const offered = await ok('GET', `/api/v1/refunds/refundable?partyId=${parties[i]}`);
            expect(
              (offered.creditNotes as Json[]).map((n) => ({ id: n.id, can: n.refundableCents })),
              `refundable notes of customer ${i}`,
            ).toEqual(m.refundableNotes(i).filter((n) => n.can > 0));
            expect(offered.totalCents, `refundable of customer ${i}`).toBe(
              m.refundableNotes(i).reduce((s, n) => s + n.can, 0) + advance,
            );
            // The receipts a storno may still reverse, and what is left of each (FIS-02).
            const left = (rs: { id: string; left: number }[]) => rs.sort((a, b) => a.id.localeCompare(b.id));
            expect(
              left(
                (offered.receipts as Json[]).map((r) => ({
                  id: r.id as string,
                  left: r.leftCents as number,
                })),
              ),
              `receipts of customer ${i}`,
            ).toEqual(
              left(
                m.payments
                  .filter((p) => p.party === i && p.receipt !== null && m.stornoable(p) > 0)
                  .map((p) => ({ id: p.receipt as string, left: m.stornoable(p) })),
              ),
            );
          }
          for (let i = 0; i < 3; i++) {
            const acc = await ok('GET', `/api/v1/money-accounts/${accounts[i]}`);
            const moves = await ok('GET', `/api/v1/money-accounts/${accounts[i]}/movements`);
            const sum = (moves.items as Json[]).reduce((s, x) => s + (x.amountCents as number), 0);
            expect(acc.balanceCents, `account ${i}`).toBe(m.accounts[i]);
            expect(sum, `movements of account ${i}`).toBe(m.accounts[i]);
            if (i < 2) expect(acc.balanceCents).toBeGreaterThanOrEqual(0);
          }
        };

        for (const [step, o] of ops.entries()) {
          switch (o.kind) {
            case 'invoice': {
              const d = await ok('POST', '/api/v1/invoices', {
                partyId: parties[o.party],
                documentDate: today,
                lines: o.lines.map((l, i) => ({
                  description: `Ред ${i}`,
                  quantityMilli: l.q,
                  unitPriceCents: l.price,
                  discountBp: l.discount,
                  vatRateBp: l.rate,
                })),
              });
              const inv = await ok('POST', `/api/v1/invoices/${d.id}/issue`);
              m.docs.push({
                id: inv.id as string,
                party: o.party,
                kind: 'invoice',
                total: inv.totalCents as number,
                related: null,
              });
              count('invoice');
              break;
            }
            case 'debit':
            case 'credit': {
              const list = invoices();
              if (!list.length) break;
              const inv = list[o.pick % list.length] as Doc;
              // One line at 20 %: the VAT is a fifth of the price, never a half cent, so the total is known ahead.
              const total = o.price + Math.round(o.price / 5);
              const url = `/api/v1/invoices/${inv.id}/${o.kind}-note`;
              const body = {
                reason: 'Корекция',
                issue: true,
                lines: [
                  { description: 'Корекция', quantityMilli: 1000, unitPriceCents: o.price, vatRateBp: 2000 },
                ],
              };
              if (o.kind === 'credit' && total > m.creditable(inv)) {
                await expectRefused(url, body, 'credit_exceeds_invoice');
                break;
              }
              const n = await ok('POST', url, body);
              expect(n.totalCents).toBe(total);
              m.docs.push({
                id: n.id as string,
                party: inv.party,
                kind: o.kind === 'credit' ? 'credit_note' : 'debit_note',
                total,
                related: inv.id,
              });
              count(o.kind);
              break;
            }
            case 'pay': {
              const allocations: { invoiceId: string; amountCents: number }[] = [];
              if (o.mode === 'hand') {
                let left = o.amount;
                for (const d of m.payable(o.party)) {
                  const take = Math.min(left, Math.ceil(m.open(d) * o.share));
                  if (take <= 0) continue;
                  allocations.push({ invoiceId: d.id, amountCents: take });
                  left -= take;
                }
              }
              const p = await ok('POST', '/api/v1/payments', {
                partyId: parties[o.party],
                accountId: accounts[o.account],
                method: method(o.account),
                date: today,
                amountCents: o.amount,
                ...(o.mode === 'oldest' ? { oldestFirst: true } : { allocations }),
              });
              const receipt = (p.receipt as Json | null | undefined)?.id as string | undefined;
              // A cash payment prints its receipt (FIS-01; recorded with no device); a bank transfer has none.
              expect(receipt !== undefined, 'a receipt of a cash payment only').toBe(o.account < 2);
              m.payments.push({
                id: p.id as string,
                party: o.party,
                amount: o.amount,
                receipt: receipt ?? null,
              });
              m.move(o.account, o.amount);
              syncAllocations(p);
              if (o.mode === 'oldest') {
                // All of the advance, or all that was open.
                const open = m.payable(o.party).reduce((s, d) => s + m.open(d), 0);
                expect(open === 0 || m.advance(m.payments.at(-1) as Pay) === 0).toBe(true);
              }
              count(`pay ${o.mode}`);
              break;
            }
            case 'allocate': {
              const withAdvance = m.payments.filter((p) => m.advance(p) > 0);
              if (!withAdvance.length) break;
              const p = withAdvance[o.pick % withAdvance.length] as Pay;
              const open = m.payable(p.party).reduce((s, d) => s + m.open(d), 0);
              const url = `/api/v1/payments/${p.id}/allocations`;
              if (open === 0) {
                await expectRefused(url, { oldestFirst: true }, 'nothing_to_allocate');
                break;
              }
              syncAllocations(await ok('POST', url, { oldestFirst: true }));
              count('allocate');
              break;
            }
            case 'undo': {
              const live = m.allocs.filter((a) => a.live);
              if (!live.length) break;
              const a = live[o.pick % live.length] as Alloc;
              const doc = m.doc(a.doc);
              const group = doc.kind === 'debit_note' ? (doc.related as string) : doc.id;
              a.live = false;
              const refunded = m.liveRefundLines().some((l) => l.note && m.doc(l.note).related === group);
              const url = `/api/v1/payment-allocations/${a.id}/undo`;
              if (refunded && m.owedBack(group) < 0) {
                a.live = true;
                await expectRefused(url, { reason: 'Грешка' }, 'allocation_refunded');
                break;
              }
              const r = await call('POST', url, { reason: 'Грешка' });
              expect(r.status, JSON.stringify(r.body)).toBe(204);
              count('undo');
              break;
            }
            case 'refund': {
              // What the server takes on one note in one request: its rest, and no more than its invoice owes back.
              const notes = m.docs
                .filter((d) => d.party === o.party && d.kind === 'credit_note')
                .map((n) => ({
                  id: n.id,
                  can: Math.min(n.total - m.refundedOfNote(n.id), m.owedBack(n.related as string)),
                }))
                .filter((n) => n.can > 0);
              const advances = m.payments.filter((p) => p.party === o.party && m.advance(p) > 0);
              const targets = [
                ...notes.map((n) => ({ note: n.id, payment: null, can: n.can })),
                ...advances.map((p) => ({ note: null, payment: p.id, can: m.advance(p) })),
              ];
              if (!targets.length) break;
              // Credit notes two times in three when there are some: they are the rarer and the richer path.
              const pool = notes.length && o.pick % 3 !== 0 ? targets.slice(0, notes.length) : targets;
              const target = pool[o.pick % pool.length] as (typeof targets)[number];
              const amount = o.over ? target.can + 1 : Math.max(1, Math.floor(target.can * o.share));
              // In cash, the storno of a receipt: an advance's own payment's when it has one, else one of the
              // customer's cash payments'.
              const receipts = m.payments.filter((p) => p.party === o.party && p.receipt !== null);
              const own = receipts.find((p) => p.id === target.payment);
              const stornoOf =
                o.account < 2 && o.storno !== null && receipts.length
                  ? (own ?? (receipts[o.storno % receipts.length] as Pay))
                  : null;
              const reasons = ['operator-error', 'refund', 'taxbase-reduction'] as const;
              const body = {
                partyId: parties[o.party],
                accountId: accounts[o.account],
                method: method(o.account),
                date: today,
                allocations: [
                  target.note
                    ? { creditNoteId: target.note, amountCents: amount }
                    : { paymentId: target.payment, amountCents: amount },
                ],
                ...(stornoOf
                  ? { storno: { receiptId: stornoOf.receipt, reason: reasons[(o.storno ?? 0) % 3] } }
                  : {}),
              };
              if (o.over) {
                const note = target.note ? m.doc(target.note) : null;
                const code = !note
                  ? 'refund_exceeds_advance'
                  : amount > note.total - m.refundedOfNote(note.id)
                    ? 'refund_exceeds_credit'
                    : 'refund_exceeds_owed';
                await expectRefused('/api/v1/refunds', body, code);
                break;
              }
              if (o.account < 2 && amount > (m.accounts[o.account] as number)) {
                await expectRefused('/api/v1/refunds', body, 'cash_desk_negative');
                break;
              }
              if (stornoOf && amount > m.stornoable(stornoOf)) {
                await expectRefused('/api/v1/refunds', body, 'storno_exceeds_receipt');
                break;
              }
              const r = await ok('POST', '/api/v1/refunds', body);
              expect((r.stornos as Json[]).map((x) => x.totalCents)).toEqual(stornoOf ? [amount] : []);
              m.refunds.push({
                id: r.id as string,
                party: o.party,
                account: o.account,
                amount,
                lines: [{ note: target.note, payment: target.payment, amount }],
                live: true,
                stornoOf: stornoOf?.id ?? null,
              });
              m.move(o.account, -amount);
              count(target.note ? 'refund note' : 'refund advance');
              if (stornoOf) count('refund storno');
              break;
            }
            case 'undoRefund': {
              const live = m.refunds.filter((r) => r.live);
              if (!live.length) break;
              const r = live[o.pick % live.length] as Refund;
              await ok('POST', `/api/v1/refunds/${r.id}/undo`, { reason: 'Отказ' });
              r.live = false;
              m.move(r.account, r.amount);
              count('undo refund');
              break;
            }
            case 'writeOff': {
              const open = m.docs.filter((d) => d.kind !== 'credit_note' && m.open(d) > 0);
              if (!open.length) break;
              const d = open[o.pick % open.length] as Doc;
              const amount = Math.min(o.amount, m.open(d));
              const s = await ok('POST', `/api/v1/invoices/${d.id}/write-off`, {
                amountCents: amount,
                reason: 'Стотинки',
              });
              const added = (s.allocations as Json[]).filter((a) => !m.allocs.some((x) => x.id === a.id));
              expect(added).toHaveLength(1);
              m.allocs.push({ id: added[0]?.id as string, doc: d.id, amount, payment: null, live: true });
              count('write-off');
              break;
            }
            case 'cash': {
              const url = `/api/v1/money-accounts/${accounts[o.account]}/cash`;
              const body = {
                kind: o.out ? 'cash_out' : 'cash_in',
                date: today,
                amountCents: o.amount,
                reason: 'Каса',
              };
              if (o.out && o.amount > (m.accounts[o.account] as number)) {
                await expectRefused(url, body, 'cash_desk_negative');
                break;
              }
              await ok('POST', url, body);
              m.move(o.account, o.out ? -o.amount : o.amount);
              count(o.out ? 'cash out' : 'cash in');
              break;
            }
          }
          if ((step + 1) % CHECK_EVERY === 0) await check();
        }
        await check();
      }),
      { numRuns: SEQUENCES, endOnFailure: true },
    );
    // The sequences did exercise every path, refusals included.
    for (const k of [
      'invoice',
      'credit',
      'debit',
      'pay hand',
      'pay oldest',
      'refund note',
      'refund storno',
      'undo',
      'write-off',
    ])
      expect(tally[k] ?? 0, k).toBeGreaterThan(0);
    console.log(`money property on ${dialect}: ${JSON.stringify(tally)}`);
  });
});
