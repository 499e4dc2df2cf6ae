import { beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';

/**
 * INV-08 through the HTTP API on both databases: the company's VAT rates are dated data (kind, rate, valid from,
 * ground); a line naming a kind takes the rate valid on the document's tax event date, so a rate changed by law
 * from a day applies to documents of that day on and not before; a line with its rate given keeps it; a note keeps
 * its invoice's rate. The rate used below (11 % reduced) is invented for the test.
 */
describe.each(DIALECTS)('INV-08: dated VAT rates on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;
  let desk: Session;
  let customerId: string;
  const { json, refused } = requests(t, () => desk);
  const line = (over: Json = {}) => ({
    description: 'Книга',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 10_000,
    vatRateBp: 2000,
    vatRateKind: 'reduced',
    ...over,
  });
  const draft = (date: string, lines: Json[] = [line()]) =>
    json(
      desk,
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, documentDate: date, taxEventDate: date, lines },
      201,
    );
  const issue = (id: string) => json(desk, 'POST', `/api/v1/invoices/${id}/issue`);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin, 'Книжарница ООД', {
      city: 'София',
      address: 'ул. „Граф Игнатиев“ 1',
    });
  });

  it('INV-08: a company starts with the rates as data: 20 % standard, 9 % reduced, 0 % and exempt with their grounds', async () => {
    const r = await json(desk, 'GET', '/api/v1/vat-rates');
    const byKind = Object.fromEntries(
      r.current.map((x: Json) => [x.kind, [x.rateBp, x.vatReason, x.validFrom]]),
    );
    expect(byKind).toEqual({
      standard: [2000, null, '2007-01-01'],
      reduced: [900, null, '2007-01-01'],
      zero: [0, 'чл. 28 ЗДДС – износ', '2007-01-01'],
      exempt: [0, 'чл. 39 ЗДДС – освободена доставка', '2007-01-01'],
    });
  });

  it('INV-08: adding a rate is checked (field named, nothing written) and is the admin’s or the accountant’s', async () => {
    const before = await snapshotDatabase(t.db);
    const add = { kind: 'reduced', rateBp: 1100, validFrom: '2026-12-01' };
    await refused('POST', '/api/v1/vat-rates', add, { status: 403, code: 'forbidden' });
    await refused(
      'POST',
      '/api/v1/vat-rates',
      { ...add, rateBp: 0 },
      { status: 400, code: 'vat_rate_positive', field: 'rateBp' },
      admin,
    );
    await refused(
      'POST',
      '/api/v1/vat-rates',
      { kind: 'zero', rateBp: 0, validFrom: '2026-12-01' },
      { status: 400, code: 'vat_rate_reason_required', field: 'vatReason' },
      admin,
    );
    await refused(
      'POST',
      '/api/v1/vat-rates',
      { kind: 'exempt', rateBp: 500, validFrom: '2026-12-01', vatReason: 'чл. 39 ЗДДС' },
      { status: 400, code: 'vat_rate_not_zero', field: 'rateBp' },
      admin,
    );
    await refused(
      'POST',
      '/api/v1/vat-rates',
      { ...add, validFrom: '2007-01-01' },
      { status: 409, code: 'vat_rate_exists', field: 'validFrom' },
      admin,
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('INV-08: a rate changed from a day applies to documents with a tax event from that day on, and not before', async () => {
    // Drafted before the change is known: the reduced rate is 9 % on both days.
    const early = await draft('2026-11-30');
    const late = await draft('2026-12-01');
    expect([early.lines[0].vatRateBp, late.lines[0].vatRateBp]).toEqual([900, 900]);
    const accountant = await aUser(t, 'accountant');
    const added = await json(
      accountant,
      'POST',
      '/api/v1/vat-rates',
      { kind: 'reduced', rateBp: 1100, validFrom: '2026-12-01' },
      201,
    );
    expect(added).toMatchObject({ kind: 'reduced', rateBp: 1100, validFrom: '2026-12-01', vatReason: null });
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=vat_rate&entityId=${added.id}`);
    expect(audit.items[0]).toMatchObject({
      action: 'vat_rate.create',
      after: { kind: 'reduced', rateBp: 1100, validFrom: '2026-12-01' },
    });
    const on = (date: string) =>
      json(desk, 'GET', `/api/v1/vat-rates?date=${date}`).then(
        (r) => r.current.find((x: Json) => x.kind === 'reduced').rateBp,
      );
    expect([await on('2026-11-30'), await on('2026-12-01')]).toEqual([900, 1100]);

    // Issued after the change: the day before keeps 9 %, the day itself takes 11 %.
    const a = await issue(early.id);
    const b = await issue(late.id);
    expect(a).toMatchObject({ netCents: 10_000, vatCents: 900, totalCents: 10_900 });
    expect(a.lines[0]).toMatchObject({ vatRateBp: 900, vatRateKind: 'reduced' });
    expect(b).toMatchObject({ netCents: 10_000, vatCents: 1100, totalCents: 11_100 });
    expect(b.lines[0]).toMatchObject({ vatRateBp: 1100, vatRateKind: 'reduced' });

    // A draft follows its tax event date when it is changed; a line with its rate given keeps it.
    const moved = await draft('2026-11-30', [line(), line({ vatRateKind: undefined, vatRateBp: 900 })]);
    expect(moved.lines.map((l: Json) => l.vatRateBp)).toEqual([900, 900]);
    const patched = await json(desk, 'PATCH', `/api/v1/invoices/${moved.id}`, {
      documentDate: '2026-12-02',
      taxEventDate: '2026-12-02',
    });
    expect(patched.lines.map((l: Json) => [l.vatRateBp, l.vatRateKind])).toEqual([
      [1100, 'reduced'],
      [900, null],
    ]);
    expect(patched).toMatchObject({ vatCents: 1100 + 900 });

    // A credit note today against the 9 % invoice corrects it at 9 %, not at today's rate.
    const note = await json(
      desk,
      'POST',
      `/api/v1/invoices/${a.id}/credit-note`,
      { reason: 'Върната книга', issue: true, full: true },
      201,
    );
    expect(note.lines[0]).toMatchObject({ vatRateBp: 900, vatRateKind: null });
    expect(note).toMatchObject({ vatCents: 900, totalCents: 10_900 });
  });

  it('INV-08: a 0 % or exempt kind brings its ground; a kind with no rate on the day is refused with the line named', async () => {
    const d = await draft('2026-12-03', [
      line({ vatRateKind: 'exempt' }),
      line({ vatRateKind: 'zero', vatReason: 'чл. 53 ЗДДС – вътреобщностна доставка' }),
    ]);
    expect(d.lines.map((l: Json) => [l.vatRateBp, l.vatExempt, l.vatReason])).toEqual([
      [0, true, 'чл. 39 ЗДДС – освободена доставка'],
      [0, false, 'чл. 53 ЗДДС – вътреобщностна доставка'],
    ]);
    await refused(
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, documentDate: '2006-12-31', taxEventDate: '2006-12-31', lines: [line()] },
      { status: 400, field: 'lines.0.vatRateKind', code: 'vat_rate_unknown' },
    );
  });
});
