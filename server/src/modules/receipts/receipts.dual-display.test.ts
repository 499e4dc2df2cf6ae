import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aModel, anOrder, aUser, aVatCompany, moved, unique } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { requests } from '../../../test/requests';

/**
 * Dual display on consumer documents (EUR-02, EUR-07; ADR 0035) through the HTTP API on both databases: a sale
 * receipt's totals in the document's currency, then the other, then the rate, while dual display lasts; a repair
 * quote's totals in EUR and BGN in the same font; after the end date (a company setting, 2026-08-08 by default) EUR
 * only. No fiscal device here: the receipts are recorded as not fiscalised.
 */
describe.each(DIALECTS)('dual display of consumer totals on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let customerId: string;
  let cash: string;
  const { json, send } = requests(t, () => desk);

  /** A ready order of one charge line: 50.00 + 20 % = 60.00. */
  const readyOrder = async () => {
    const o = await anOrder(t, admin, { partyId: customerId });
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${o.id}/lines`,
      { kind: 'charge', description: 'Труд', quantityMilli: 1000, unitPriceCents: 5000, vatRateBp: 2000 },
      201,
    );
    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    return o.id as string;
  };
  const receipt = async (documentDate?: string) =>
    json(
      desk,
      'POST',
      '/api/v1/sale-receipts/from-order',
      {
        orderId: await readyOrder(),
        method: 'cash',
        accountId: cash,
        ...(documentDate ? { documentDate } : {}),
      },
      201,
    );
  const receiptText = async (id: string) =>
    (
      await pdfText((await send(desk, 'GET', `/api/v1/sale-receipts/${id}/pdf`, undefined, 200)).rawPayload)
    ).replace(/\s+/g, ' ');
  const setUntil = (dualDisplayUntil: string) => aVatCompany(t, admin, { dualDisplayUntil });

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = (
      await aCustomer(t, admin, {
        name: 'Иван Петров',
        kind: 'person',
        addresses: [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }],
      })
    ).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
  });

  it('EUR-07: a 2025 receipt shows its BGN total, then the EUR, then the rate', async () => {
    const r = await receipt('2025-12-20');
    expect(r).toMatchObject({ currency: 'BGN', totalCents: 6000 });
    // 60.00 лв. / 1.95583 = 30.6775… → 30.68 €
    expect(r.dualTotal).toEqual({ currency: 'EUR', totalCents: 3068 });
    const text = await receiptText(r.id);
    const at = (s: string) => text.indexOf(s);
    expect(at('Общо: 60,00 лв.')).toBeGreaterThan(-1);
    expect(at('Общо в EUR: 30,68 €')).toBeGreaterThan(at('Общо: 60,00 лв.'));
    expect(at('Курс: 1 EUR = 1,95583 лв.')).toBeGreaterThan(at('Общо в EUR: 30,68 €'));
  });

  it('EUR-07, EUR-02: in 2026 EUR then BGN then the rate up to the end of dual display, a setting; afterwards EUR only', async () => {
    const company = await json(admin, 'GET', '/api/v1/company');
    expect(company.dualDisplayUntil).toBe('2026-08-08');
    // The end moved beyond today (some sources say 31.12.2026): today's receipt is dual.
    await setUntil('2099-12-31');
    const during = await receipt();
    expect(during).toMatchObject({ currency: 'EUR', totalCents: 6000 });
    // 60.00 € × 1.95583 = 117.3498 → 117.35 лв.
    expect(during.dualTotal).toEqual({ currency: 'BGN', totalCents: 11_735 });
    const text = await receiptText(during.id);
    expect(text.indexOf('Общо в лв.: 117,35 лв.')).toBeGreaterThan(text.indexOf('Общо: 60,00 €'));
    expect(text.indexOf('Курс: 1 EUR = 1,95583 лв.')).toBeGreaterThan(text.indexOf('Общо в лв.: 117,35 лв.'));

    // After the end: EUR only, the same receipt read again too.
    await setUntil('2026-01-01');
    expect((await json(desk, 'GET', `/api/v1/sale-receipts/${during.id}`)).dualTotal).toBeNull();
    const after = await receiptText(during.id);
    expect(after).toContain('Общо: 60,00 €');
    expect(after).not.toContain('лв.');
    await setUntil('2026-08-08');
  });

  it('EUR-02: a repair quote dated in dual display shows its totals in EUR and BGN in the same font, with the rate; afterwards EUR only', async () => {
    const modelId = (await aModel(t, admin)).id;
    const q = await json(
      desk,
      'POST',
      '/api/v1/repair-quotes',
      { partyId: customerId, serialNumber: unique('SN'), modelId, complaint: 'Не центрофугира' },
      201,
    );
    await json(
      desk,
      'POST',
      `/api/v1/repair-quotes/${q.id}/lines`,
      { kind: 'charge', description: 'Труд', quantityMilli: 1000, unitPriceCents: 5000, vatRateBp: 2000 },
      201,
    );
    const quoteText = async () =>
      (
        await pdfText(
          (
            await send(desk, 'GET', `/api/v1/repair-quotes/${q.id}/pdf`, undefined, 200)
          ).rawPayload,
        )
      ).replace(/\s+/g, ' ');
    await setUntil('2099-12-31');
    const dual = await quoteText();
    expect(dual).toContain('Общо за плащане: 60,00 € / 117,35 лв.');
    expect(dual).toContain('Курс: 1 EUR = 1,95583 лв.');
    await setUntil('2026-01-01');
    const euroOnly = await quoteText();
    expect(euroOnly).toContain('Общо за плащане: 60,00 €');
    expect(euroOnly).not.toContain('лв.');
    await setUntil('2026-08-08');
  });
});
