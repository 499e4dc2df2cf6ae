import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import {
  anInvoiceCustomer,
  anOrder,
  aPart,
  aPostedReceipt,
  aSupplier,
  aUser,
  aVatCompany,
  aWarehouse,
  moved,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { addMonths, todayDate } from '../../kernel/calendar';

/**
 * An element read back through the parser's DOM: a leaf is its text (entities decoded), else its children by name
 * in document order, a name met twice a list.
 */
// biome-ignore lint/suspicious/noExplicitAny: a leaf is text, an element a record of its children
function tree(node: Element): any {
  const children = [...node.childNodes].filter((c): c is Element => c.nodeType === 1);
  if (!children.length) return node.textContent ?? '';
  const out: Json = {};
  for (const c of children) {
    const value = tree(c);
    if (!(c.nodeName in out)) out[c.nodeName] = value;
    else out[c.nodeName] = [...list(out[c.nodeName]), value];
  }
  return out;
}
/** The file as text (it is windows-1251) and as a tree. */
function parsed(raw: Buffer) {
  const text = iconv.decode(raw, 'win1251');
  const root = create(text).root().node as unknown as Element;
  expect(root.nodeName).toBe('audit');
  return { text, audit: tree(root) as Json };
}
const list = (x: unknown): Json[] =>
  (x === undefined || x === '' ? [] : Array.isArray(x) ? x : [x]) as Json[];
const cents = (decimal: string) => {
  expect(decimal).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(decimal) * 100);
};

/**
 * The standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039) through the HTTP API on both databases:
 * a month with an order's receipt (reversed by a storno), a counter sale and an invoice paid in cash, read back
 * element by element against the receipts list and the VAT journal; an empty month; a bad or future month refused;
 * who may download it.
 */
describe.each(DIALECTS)('NAP audit file (Appendix 38) on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;
  let auditor: Session;
  let tech: Session;
  let manager: Session;
  let desk: Session;
  let cash: string;
  const { json, send, refused } = requests(t, () => accountant);
  const today = todayDate();
  const month = today.slice(0, 7);
  const url = (m: string) => `/api/v1/vat/audit-file.xml?month=${m}`;

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
    auditor = await aUser(t, 'auditor');
    tech = await aUser(t, 'technician');
    manager = await aUser(t, 'manager');
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin, { website: 'https://servix.example/?a=1&b=<2>' });
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
  });

  it('FIS-05: a month of an order receipt, a storno, a counter sale and an invoice paid in cash: every sale an order with its lines, the storno a return; totals equal the receipts list and the VAT journal; names escaped', async () => {
    const customer = await anInvoiceCustomer(t, admin, 'Клиент „А & Б“ <ООД>');
    // An order's receipt: 1.5 × 40.00 + 20 %, and 10.00 + 20 % at 10 % off.
    const o = await anOrder(t, admin, { partyId: customer });
    const add = (body: Json) => json(desk, 'POST', `/api/v1/service-orders/${o.id}/lines`, body, 201);
    await add({
      kind: 'charge',
      description: 'Смяна на дисплей "A&B" <оригинал>',
      quantityMilli: 1500,
      unitPriceCents: 4000,
      vatRateBp: 2000,
    });
    await add({
      kind: 'charge',
      description: 'Транспорт',
      quantityMilli: 1000,
      unitPriceCents: 1000,
      discountBp: 1000,
      vatRateBp: 2000,
    });
    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    const orderReceipt = await json(
      desk,
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId: o.id, method: 'cash', accountId: cash },
      201,
    );
    // A counter sale of two cables at 12.50 + 20 %.
    const store = (await aWarehouse(t, admin)).id;
    const part = await aPart(t, admin, { nameBg: 'Кабел USB-C & <Lightning>', salePriceCents: 1250 });
    await aPostedReceipt(t, admin, {
      warehouseId: store,
      supplierId: (await aSupplier(t, admin)).id,
      lines: [{ partId: part.id, quantityMilli: 5000, unitCostCents: 500 }],
    });
    const counter = await json(
      desk,
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      {
        warehouseId: store,
        method: 'card',
        accountId: cash,
        lines: [{ partId: part.id, quantityMilli: 2000 }],
      },
      201,
    );
    // An invoice of 100.00 at 20 % and 50.00 at 9 %, paid whole in cash: the payment's receipt.
    const draft = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: customer,
        documentDate: today,
        lines: [
          {
            description: 'Ремонт',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: 10_000,
            vatRateBp: 2000,
          },
          { description: 'Нощувка', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 5000, vatRateBp: 900 },
        ],
      },
      201,
    );
    const invoice = await json(desk, 'POST', `/api/v1/invoices/${draft.id}/issue`);
    const payment = await json(
      desk,
      'POST',
      '/api/v1/payments',
      {
        partyId: customer,
        accountId: cash,
        method: 'cash',
        date: today,
        amountCents: 17_450,
        allocations: [{ invoiceId: invoice.id, amountCents: 17_450 }],
      },
      201,
    );
    // A credit note of 25.00 + 20 % on the paid invoice, paid back in cash with a storno of the payment's receipt: a
    // return of that sale, by its УНП.
    const note = await json(
      desk,
      'POST',
      `/api/v1/invoices/${invoice.id}/credit-note`,
      {
        reason: 'Върнат дефектен детайл',
        issue: true,
        lines: [
          { description: 'Детайл', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 2500, vatRateBp: 2000 },
        ],
      },
      201,
    );
    await json(
      accountant,
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ creditNoteId: note.id, amountCents: 3000 }],
        // The cash goes back through the device: a storno of the payment's receipt (FIS-02, ADR 0040).
        storno: { receiptId: payment.receipt.id, reason: 'refund' },
      },
      201,
    );
    // The order's receipt is reversed the same month: a return.
    await json(desk, 'POST', `/api/v1/sale-receipts/${orderReceipt.id}/storno`, { reason: 'refund' });

    const res = await send(accountant, 'GET', url(month), undefined, 200);
    expect(res.headers['content-type']).toBe('application/xml; charset=windows-1251');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-131129282-${month}.xml"`);
    const { text, audit } = parsed(res.rawPayload);
    expect(text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);

    // The header, in the schema's order.
    expect(Object.keys(audit)).toEqual([
      'eik',
      'e_shop_n',
      'domain_name',
      'e_shop_type',
      'creation_date',
      'mon',
      'god',
      'order',
      'r_ord',
      'rorder',
      'r_total',
    ]);
    expect(audit).toMatchObject({
      eik: '131129282',
      e_shop_n: 'NODEVICE',
      domain_name: 'https://servix.example/?a=1&b=<2>',
      e_shop_type: '1',
      creation_date: today,
      mon: month.slice(5),
      god: month.slice(0, 4),
    });

    // One order per receipt of the month, as the receipts list has them, in number order.
    const receipts = (
      await json(
        accountant,
        'GET',
        `/api/v1/sale-receipts?from=${month}-01&to=${today}&sort=number&pageSize=100`,
      )
    ).items as Json[];
    const orders = list((audit.order as Json).orderenum);
    expect(orders.map((e) => e.ord_n)).toEqual(receipts.map((r) => r.uniqueSaleNumber));
    expect(orders.map((e) => e.doc_n)).toEqual(receipts.map((r) => r.number));
    for (const [i, e] of orders.entries()) {
      const r = receipts[i] as Json;
      expect(Object.keys(e)).toEqual([
        'ord_n',
        'ord_d',
        'doc_n',
        'doc_date',
        'art',
        'ord_total1',
        'ord_disc',
        'ord_vat',
        'ord_total2',
        'paym',
      ]);
      expect(e).toMatchObject({ ord_d: r.documentDate, doc_date: r.documentDate, paym: '6' });
      expect([cents(e.ord_total1), cents(e.ord_vat), cents(e.ord_total2)]).toEqual([
        r.netCents,
        r.vatCents,
        r.totalCents,
      ]);
      const arts = list((e.art as Json).artenum);
      expect(arts.reduce((s, a) => s + cents(a.art_sum), 0)).toBe(r.totalCents);
      expect(arts.reduce((s, a) => s + cents(a.art_vat), 0)).toBe(r.vatCents);
    }
    const sum = (key: string) => orders.reduce((s, e) => s + cents(e[key]), 0);
    expect(sum('ord_total2')).toBe(receipts.reduce((s, r) => s + r.totalCents, 0));

    // The order's receipt: its lines, the quantity and the price without VAT before the discount; names escaped.
    const ofOrder = orders.find((e) => e.ord_n === orderReceipt.uniqueSaleNumber) as Json;
    expect(list((ofOrder.art as Json).artenum)).toEqual([
      {
        art_name: 'Смяна на дисплей "A&B" <оригинал>',
        art_quant: '1.50',
        art_price: '40.00',
        art_vat_rate: '20',
        art_vat: '12.00',
        art_sum: '72.00',
      },
      {
        art_name: 'Транспорт',
        art_quant: '1.00',
        art_price: '10.00',
        art_vat_rate: '20',
        art_vat: '1.80',
        art_sum: '10.80',
      },
    ]);
    expect(ofOrder).toMatchObject({
      ord_total1: '69.00',
      ord_disc: '1.20',
      ord_vat: '13.80',
      ord_total2: '82.80',
    });
    expect(text).toContain('<art_name>Смяна на дисплей "A&amp;B" &lt;оригинал&gt;</art_name>');
    expect(text).toContain('<domain_name>https://servix.example/?a=1&amp;b=&lt;2&gt;</domain_name>');
    // The counter sale.
    const ofCounter = orders.find((e) => e.ord_n === counter.uniqueSaleNumber) as Json;
    expect(list((ofCounter.art as Json).artenum)).toEqual([
      {
        art_name: 'Кабел USB-C & <Lightning>',
        art_quant: '2.00',
        art_price: '12.50',
        art_vat_rate: '20',
        art_vat: '5.00',
        art_sum: '30.00',
      },
    ]);
    // The invoice paid in cash: its receipt's base and VAT are the VAT journal's for the invoice.
    const journal = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${month}`);
    const row = (journal.rows as Json[]).find((x) => x.invoiceId === invoice.id) as Json;
    const ofPayment = orders.find((e) => e.ord_n === payment.receipt.uniqueSaleNumber) as Json;
    expect(cents(ofPayment.ord_total1)).toBe(row.cells.totalBaseCents);
    expect(cents(ofPayment.ord_vat)).toBe(row.cells.totalVatCents);
    expect(
      list((ofPayment.art as Json).artenum)
        .map((a) => [a.art_vat_rate, a.art_sum])
        .sort(),
    ).toEqual([
      ['20', '120.00'],
      ['9', '54.50'],
    ]);

    // The storno: a returned order by its УНП, the amount paid back in cash (3), today; the refund by the УНП of the
    // payment's receipt it stornoed.
    expect(audit.r_ord).toBe('2');
    expect(list((audit.rorder as Json).rorderenum)).toEqual([
      { r_ord_n: orderReceipt.uniqueSaleNumber, r_amount: '82.80', r_date: today, r_paym: '3' },
      { r_ord_n: payment.receipt.uniqueSaleNumber, r_amount: '30.00', r_date: today, r_paym: '3' },
    ]);
    expect(audit.r_total).toBe('112.80');
  });

  it('an empty month is a file of the header with no orders and no returns', async () => {
    const res = await send(auditor, 'GET', url('2025-01'), undefined, 200);
    const { text, audit } = parsed(res.rawPayload);
    expect(text).toContain('<order/>');
    expect(audit).toMatchObject({ mon: '01', god: '2025', r_ord: '0', r_total: '0.00' });
    expect(list((audit.order as Json | string) === '' ? undefined : (audit.order as Json).orderenum)).toEqual(
      [],
    );
    expect(list(audit.rorder === '' ? undefined : (audit.rorder as Json).rorderenum)).toEqual([]);
  });

  it('a malformed month or one not yet begun is 400 naming the field; only the admin, the accountant and the auditor download it', async () => {
    await refused('GET', url('2026-13'), undefined, { status: 400, code: 'invalid_value', field: 'month' });
    await refused('GET', '/api/v1/vat/audit-file.xml', undefined, {
      status: 400,
      code: 'required',
      field: 'month',
    });
    const next = addMonths(`${month}-01`, 1).slice(0, 7);
    await refused('GET', url(next), undefined, { status: 400, code: 'month_in_future', field: 'month' });
    for (const s of [admin, accountant, auditor]) await send(s, 'GET', url(month), undefined, 200);
    for (const s of [tech, manager, desk])
      expect((await send(s, 'GET', url(month))).json()).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
