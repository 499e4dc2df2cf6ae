import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anInvoiceCustomer, anOrder, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { bySize } from '../../../test/property-size';
import type { Json } from '../../../test/requests';
import { vatOf } from '../../kernel/vat';

/**
 * What is printed adds up (INV-14): for random lines with mixed rates (20 %, 9 %, 0 % with its ground, exempt) and
 * discounts, on every document the PDF prints — invoice, credit note, debit note, proforma, sale receipt — the
 * printed tax base plus the printed VAT is the printed total, per rate and in sum; each rate's VAT is the kernel's
 * rule on that rate's summed base (kernel/vat.ts: once per rate, half away from zero); each rate's base is the sum of
 * the lines' bases the API gives; and the printed figures are the API's. The sale receipt prints no rates: its line
 * totals (with VAT, as the fiscal device prints them) add up to its total, and its net plus VAT is its total.
 */

const RUNS = bySize({ small: 8, large: 150 });
const timeout = bySize({ small: 240_000, large: 1_800_000 });

type Line = { price: number; q: number; discount: number; rate: 2000 | 900 | 0 | -1 };
const line: fc.Arbitrary<Line> = fc.record({
  price: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 2_000_000 })),
  q: fc.oneof(fc.constantFrom(1000, 2000, 500, 333, 1), fc.integer({ min: 1, max: 25_000 })),
  discount: fc.constantFrom(0, 0, 500, 1000, 333, 3333, 5000, 9999),
  rate: fc.constantFrom(2000 as const, 2000 as const, 900 as const, 0 as const, -1 as const),
});
const docKind = fc.constantFrom('invoice', 'credit_note', 'debit_note', 'proforma', 'sale_receipt');

const apiLine = (l: Line, i: number, quantityTimes = 1) => ({
  description: `Ред ${i + 1}`,
  quantityMilli: l.q * quantityTimes,
  unitPriceCents: l.price,
  discountBp: l.discount,
  vatRateBp: Math.max(0, l.rate),
  ...(l.rate === -1 ? { vatExempt: true, vatReason: 'чл. 45 ЗДДС' } : {}),
  ...(l.rate === 0 ? { vatReason: 'чл. 21, ал. 2 ЗДДС' } : {}),
});

/** "1 234,56 €" or "-30,00 €" → cents. */
function centsOf(printed: string): number {
  const m = /(-?)([\d\s\u00a0\u202f]+),(\d{2})/.exec(printed);
  if (!m) throw new Error(`no amount in "${printed}"`);
  const whole = Number((m[2] as string).replace(/[\s\u00a0\u202f]/g, ''));
  return (m[1] ? -1 : 1) * (whole * 100 + Number(m[3]));
}
/** The amount printed after the last place of a label ("Обща данъчна основа: 1 234,56 €"; the totals come last), or null. */
function printedAfter(text: string, label: string): number | null {
  const at = text.lastIndexOf(`${label}:`);
  if (at < 0) return null;
  return centsOf(text.slice(at + label.length + 1, at + label.length + 40));
}
const AMOUNT = '(-?[\\d\\s\\u00a0\\u202f]+,\\d{2})';

describe.each(DIALECTS)('printed totals property on %s', { timeout }, (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;

  it(`INV-14: on ${RUNS * 5} random invoices, credit and debit notes, proformas and sale receipts, printed base + VAT = printed total per rate and in sum`, async () => {
    admin = await t.setup();
    const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
      const res = await t.request(admin, method, url, body);
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const json = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      (await ok(method, url, body)).json() as Json;
    await json('PUT', '/api/v1/company', {
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
    const partyId = await anInvoiceCustomer(t, admin, 'Клиент ООД');
    const cash = (await json('POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' })).id;
    const seen: Record<string, number> = {};

    const issuedInvoice = async (lines: Json[]) => {
      const d = await json('POST', '/api/v1/invoices', { partyId, lines });
      return json('POST', `/api/v1/invoices/${d.id}/issue`);
    };

    /** Invoice, notes, proforma: the rates' lines, the sums and the API's figures. */
    const checkTaxDocument = (text: string, doc: Json) => {
      const lines = doc.lines as Json[];
      const rates = new Map<string, { rate: number; exempt: boolean; base: number }>();
      for (const l of lines) {
        const exempt = l.vatExempt as boolean;
        const key = exempt ? 'exempt' : String(l.vatRateBp);
        const r = rates.get(key) ?? { rate: l.vatRateBp as number, exempt, base: 0 };
        r.base += l.netCents as number;
        rates.set(key, r);
      }
      let baseSum = 0;
      let vatSum = 0;
      for (const r of rates.values()) {
        if (r.exempt) {
          const base = printedAfter(text, 'Данъчна основа без ДДС');
          expect(base, 'exempt base').toBe(r.base);
          baseSum += base as number;
          continue;
        }
        const pct = `${r.rate / 100}`.replace('.', ',');
        const m = new RegExp(`Данъчна основа ${pct}\\s%: ${AMOUNT}[^\\n]*\\n?ДДС ${pct}\\s%: ${AMOUNT}`).exec(
          text,
        );
        expect(m, `rate ${pct} % printed`).not.toBeNull();
        const base = centsOf(m?.[1] ?? '');
        const vat = centsOf(m?.[2] ?? '');
        expect(base, `base at ${pct} %`).toBe(r.base);
        expect(vat, `VAT at ${pct} % on the summed base`).toBe(Number(vatOf(base, r.rate)));
        baseSum += base;
        vatSum += vat;
      }
      const net = printedAfter(text, 'Обща данъчна основа');
      const vat = printedAfter(text, 'Общо ДДС');
      const total = printedAfter(text, 'Сума за плащане');
      expect(net).toBe(baseSum);
      expect(vat).toBe(vatSum);
      expect(total).toBe((net as number) + (vat as number));
      expect([net, vat, total]).toEqual([doc.netCents, doc.vatCents, doc.totalCents]);
    };

    await fc.assert(
      fc.asyncProperty(docKind, fc.array(line, { minLength: 1, maxLength: 6 }), async (kind, random) => {
        seen[kind] = (seen[kind] ?? 0) + 1;
        const lines = random.map((l, i) => apiLine(l, i));
        if (kind === 'sale_receipt') {
          const o = await anOrder(t, admin, { partyId });
          // One line worth something, so the order always has something to bill.
          for (const l of [{ price: 1000, q: 1000, discount: 0, rate: 2000 }, ...random])
            await ok('POST', `/api/v1/service-orders/${o.id}/lines`, {
              kind: 'charge',
              description: 'Ред',
              quantityMilli: l.q,
              unitPriceCents: l.price,
              discountBp: l.discount,
              vatRateBp: Math.max(0, l.rate),
            });
          await moved(t, admin, o.id, 'diagnosing', 'in_repair', 'ready');
          const r = await json('POST', '/api/v1/sale-receipts/from-order', {
            orderId: o.id,
            method: 'cash',
            accountId: cash,
          });
          const text = await pdfText((await ok('GET', `/api/v1/sale-receipts/${r.id}/pdf`)).rawPayload);
          const net = printedAfter(text, 'Без ДДС');
          const vat = printedAfter(text, 'ДДС');
          const total = printedAfter(text, 'Общо');
          expect(total).toBe((net as number) + (vat as number));
          expect([net, vat, total]).toEqual([r.netCents, r.vatCents, r.totalCents]);
          // The lines' totals as printed (the device's) add up to the printed total.
          const printedLines = (r.lines as Json[]).reduce((s, l) => s + (l.totalCents as number), 0);
          expect(printedLines).toBe(total);
          return;
        }
        let doc: Json;
        let url: string;
        if (kind === 'invoice') {
          doc = await issuedInvoice(lines);
          url = `/api/v1/invoices/${doc.id}/pdf`;
        } else if (kind === 'proforma') {
          doc = await json('POST', '/api/v1/proformas', { partyId, lines });
          url = `/api/v1/proformas/${doc.id}/pdf`;
        } else {
          // The invoice a note corrects: the same lines twice over, so a credit of them stays within it.
          const inv = await issuedInvoice(random.map((l, i) => apiLine(l, i, 2)));
          doc = await json(
            'POST',
            `/api/v1/invoices/${inv.id}/${kind === 'credit_note' ? 'credit' : 'debit'}-note`,
            {
              reason: 'Корекция',
              issue: true,
              lines,
            },
          );
          url = `/api/v1/invoices/${doc.id}/pdf`;
        }
        const text = await pdfText((await ok('GET', url)).rawPayload);
        try {
          checkTaxDocument(text, doc);
        } catch (e) {
          console.log(text);
          throw e;
        }
      }),
      { numRuns: RUNS * 5, endOnFailure: true },
    );
    for (const k of ['invoice', 'credit_note', 'debit_note', 'proforma', 'sale_receipt'])
      expect(seen[k] ?? 0, k).toBeGreaterThan(0);
  });
});
