import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { aReversedCounterSale, fromWorkstation, type SaleSite, twoSaleSites } from '../../../test/two-sites';
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

/**
 * One file per sale site (ADR 0043) on both databases: two sites, each with its device and workstation, sell in the
 * month; each site's file has its own NAP code as `e_shop_n`, only its own receipts, stornos and refunds, and its
 * code in the download's name; without the site, or for a site without a usable NAP code, the file is refused.
 */
describe.each(DIALECTS)('NAP audit file per sale site on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;
  let desk: Session;
  let a: SaleSite;
  let b: SaleSite;
  const { json, send, refused } = requests(t, () => accountant);
  const today = todayDate();
  const month = today.slice(0, 7);
  const fileOf = async (siteId: string) => {
    const res = await send(
      accountant,
      'GET',
      `/api/v1/vat/audit-file.xml?month=${month}&siteId=${siteId}`,
      undefined,
      200,
    );
    return { res, ...parsed(res.rawPayload) };
  };

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    [a, b] = await twoSaleSites(t, admin);
  });
  afterAll(async () => {
    await a.fake.close();
    await b.fake.close();
  });

  it('ADR 0043: each site’s file holds only its own sales, stornos and refunds, with its own NAP code as e_shop_n', async () => {
    const customer = await anInvoiceCustomer(t, admin, 'Клиент Обекти ООД');
    const pay = (at: SaleSite, amountCents: number) =>
      fromWorkstation(t, desk, at.workstation.id, 'POST', '/api/v1/payments', {
        partyId: customer,
        accountId: at.deskId,
        method: 'cash',
        date: today,
        amountCents,
      });
    const receiptOf = async (paymentId: string) =>
      (await json(desk, 'GET', `/api/v1/payments/${paymentId}`)).receipt as Json;
    const a1 = await pay(a, 1000);
    const b1 = await pay(b, 2000);
    const a2 = await pay(a, 3000);
    // A counter sale at the first site, reversed there the same month: a return of that site.
    const counter = await aReversedCounterSale(t, admin, desk, a.workstation.id, a.deskId, 'cash');
    // Part of the second site's advance paid back from its till, with a storno of that payment's receipt.
    const rb1 = await receiptOf(b1.id);
    await json(
      accountant,
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: b.deskId,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: b1.id, amountCents: 500 }],
        storno: { receiptId: rb1.id, reason: 'refund' },
      },
      201,
    );
    const [ra1, ra2] = [await receiptOf(a1.id), await receiptOf(a2.id)];

    // The sites to download, each with what it sold.
    const sites = await json(accountant, 'GET', `/api/v1/vat/audit-file/sites?month=${month}`);
    expect(sites).toMatchObject({ month, siteRequired: true });
    expect(sites.sites).toEqual([
      {
        id: a.site.id,
        name: 'Магазин Център',
        napSiteCode: 'OB-0001',
        orders: 3,
        returns: 1,
        fileName: `audit-131129282-OB-0001-${month}.xml`,
      },
      {
        id: b.site.id,
        name: 'Магазин Юг',
        napSiteCode: 'OB-0002',
        orders: 1,
        returns: 1,
        fileName: `audit-131129282-OB-0002-${month}.xml`,
      },
    ]);

    const first = await fileOf(a.site.id);
    expect(first.res.headers['content-disposition']).toBe(
      `attachment; filename="audit-131129282-OB-0001-${month}.xml"`,
    );
    expect(first.audit.e_shop_n).toBe('OB-0001');
    const ordersA = list((first.audit.order as Json).orderenum);
    expect(ordersA.map((e) => e.ord_n)).toEqual([
      ra1.uniqueSaleNumber,
      ra2.uniqueSaleNumber,
      counter.uniqueSaleNumber,
    ]);
    expect(ordersA.every((e) => String(e.ord_n).startsWith('DT111111-'))).toBe(true);
    expect(list((first.audit.rorder as Json).rorderenum)).toEqual([
      { r_ord_n: counter.uniqueSaleNumber, r_amount: '12.00', r_date: today, r_paym: '3' },
    ]);
    expect(first.audit).toMatchObject({ r_ord: '1', r_total: '12.00' });

    const second = await fileOf(b.site.id);
    expect(second.res.headers['content-disposition']).toBe(
      `attachment; filename="audit-131129282-OB-0002-${month}.xml"`,
    );
    expect(second.audit.e_shop_n).toBe('OB-0002');
    const ordersB = list((second.audit.order as Json).orderenum);
    expect(ordersB.map((e) => e.ord_n)).toEqual([rb1.uniqueSaleNumber]);
    expect(rb1.uniqueSaleNumber).toMatch(/^DT222222-/);
    expect(list((second.audit.rorder as Json).rorderenum)).toEqual([
      { r_ord_n: rb1.uniqueSaleNumber, r_amount: '5.00', r_date: today, r_paym: '3' },
    ]);
    // Together the two files are the month's receipts list, each receipt in one file only.
    const receipts = (
      await json(accountant, 'GET', `/api/v1/sale-receipts?from=${month}-01&to=${today}&pageSize=100`)
    ).items as Json[];
    expect([...ordersA, ...ordersB].map((e) => e.ord_n).sort()).toEqual(
      receipts.map((r) => r.uniqueSaleNumber).sort(),
    );
  });

  it('ADR 0043 refusals: the site is required when several sold; an unknown site; a site without a NAP code or with one too long for e_shop_n', async () => {
    const url = `/api/v1/vat/audit-file.xml?month=${month}`;
    await refused('GET', url, undefined, { status: 400, code: 'nap_audit_site_required', field: 'siteId' });
    await refused('GET', `${url}&siteId=nope`, undefined, {
      status: 400,
      code: 'fiscal_site_unknown',
      field: 'siteId',
    });
    await json(admin, 'PATCH', `/api/v1/fiscal-sites/${b.site.id}`, { napSiteCode: null });
    const missing = await refused('GET', `${url}&siteId=${b.site.id}`, undefined, {
      status: 409,
      code: 'nap_site_code_missing',
      field: 'napSiteCode',
    });
    expect(missing.detail).toContain('Магазин Юг');
    const sites = await json(accountant, 'GET', `/api/v1/vat/audit-file/sites?month=${month}`);
    expect(sites.sites.map((s: Json) => [s.napSiteCode, s.fileName])).toEqual([
      ['OB-0001', `audit-131129282-OB-0001-${month}.xml`],
      [null, null],
    ]);
    await json(admin, 'PATCH', `/api/v1/fiscal-sites/${b.site.id}`, { napSiteCode: 'OB-00000002' });
    await refused('GET', `${url}&siteId=${b.site.id}`, undefined, {
      status: 409,
      code: 'nap_site_code_too_long',
      field: 'napSiteCode',
    });
    // The other site's file is still made; a month without sales at either site needs the site named.
    await send(accountant, 'GET', `${url}&siteId=${a.site.id}`, undefined, 200);
    await refused('GET', '/api/v1/vat/audit-file.xml?month=2025-01', undefined, {
      status: 400,
      code: 'nap_audit_site_required',
      field: 'siteId',
    });
    const empty = parsed(
      (
        await send(
          accountant,
          'GET',
          `/api/v1/vat/audit-file.xml?month=2025-01&siteId=${a.site.id}`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    expect(empty.audit).toMatchObject({ e_shop_n: 'OB-0001', r_ord: '0' });
    // Only the admin, the accountant and the auditor list the sites.
    expect((await send(desk, 'GET', `/api/v1/vat/audit-file/sites?month=${month}`)).statusCode).toBe(403);
  });
});
