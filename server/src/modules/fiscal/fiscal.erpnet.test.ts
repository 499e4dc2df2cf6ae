/**
 * The ErpNet.FP adapter's contract (FP-01..07, FIS-02, FIS-05), against the local fake print server that behaves as
 * ErpNet.FP documents it (server/test/fake-erpnet-fp.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DomainError } from '../../kernel/errors';
import type { FiscalCurrency, FiscalReceipt } from './fiscal.device';
import { erpNetFpDevice } from './fiscal.erpnet';

// biome-ignore lint/suspicious/noExplicitAny: the fake's recorded JSON bodies
type Json = Record<string, any>;

let fake: FakeErpNetFp;
let taskNo = 0;
const task = (extra: Json = {}) => ({ taskId: `t-${++taskNo}-${Date.now()}`, ...extra });
let currency: FiscalCurrency = 'EUR';

const device = (overrides: Json = {}) =>
  erpNetFpDevice({
    serverUrl: fake.url,
    printerId: fake.printerId,
    operator: '1',
    operatorPassword: '0000',
    currency: () => currency,
    asyncTimeoutMs: 200,
    maxWaitMs: 300,
    pollIntervalMs: 20,
    ...overrides,
  });

const receipt = (extra: Partial<FiscalReceipt> = {}): FiscalReceipt => ({
  uniqueSaleNumber: 'DT517985-0001-0000001',
  currency: 'EUR',
  lines: [
    {
      text: 'Смяна на дисплей Samsung Galaxy A52 с оригинален',
      quantityMilli: 1000,
      unitPriceCents: 12_000,
      taxGroup: 2,
    },
    { text: 'Протектор', quantityMilli: 2500, unitPriceCents: 1_099, discountCents: 250, taxGroup: 2 },
  ],
  payments: [{ type: 'cash', amountCents: 14_498 }],
  ...extra,
});

/** The DomainError a call fails with. */
async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  fake = await startFakeErpNetFp();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.switches.slow = false;
  fake.switches.loseTasks = false;
  fake.switches.paperOut = false;
  fake.switches.dropAnswers = false;
  fake.release();
  currency = 'EUR';
});

describe('ErpNet.FP adapter against the fake print server', () => {
  it('prints a receipt with our УНП, device units and texts cut to the printer width, and keeps its four fields (FP-02, FP-03, FIS-05)', async () => {
    const before = fake.printed.length;
    const t = task();
    const result = await device().printReceipt(receipt(), t);
    expect(fake.printed.length).toBe(before + 1);
    const sent = fake.printed.at(-1)?.body as Json;
    expect(sent.uniqueSaleNumber).toBe('DT517985-0001-0000001');
    expect(sent.operator).toBe('1');
    expect(sent.items[0]).toEqual({
      text: 'Смяна на дисплей Samsu',
      quantity: 1,
      unitPrice: 120,
      taxGroup: 2,
    });
    expect(Array.from(sent.items[0].text as string)).toHaveLength(22);
    expect(sent.items[1]).toMatchObject({
      quantity: 2.5,
      unitPrice: 10.99,
      priceModifierType: 'discount-amount',
      priceModifierValue: 2.5,
    });
    expect(sent.payments).toEqual([{ amount: 144.98, paymentType: 'cash' }]);
    // The answer's "ok" was the string "true"; the amount comes back in cents.
    expect(result).toMatchObject({
      fiscalised: true,
      uniqueSaleNumber: 'DT517985-0001-0000001',
      receiptAmountCents: 14_498,
      fiscalMemorySerialNumber: '02517985',
    });
    expect(result.receiptNumber).toMatch(/^\d{7}$/);
    expect(result.receiptDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    // Idempotent: the taskId and asyncTimeout go with the request (FP-04).
    expect(fake.requests.some((r) => r.includes('/receipt?asyncTimeout=200&taskId=t-'))).toBe(true);
  });

  it('prints a storno with the original receipt, its УНП and the reason (FIS-02, FP-05)', async () => {
    const original = await device().printReceipt(
      receipt({ uniqueSaleNumber: 'DT517985-0001-0000002' }),
      task(),
    );
    const storno = await device().printReversalReceipt(
      {
        ...receipt({ uniqueSaleNumber: 'DT517985-0001-0000002' }),
        reason: 'refund',
        original: {
          receiptNumber: original.receiptNumber ?? '',
          receiptDateTime: original.receiptDateTime ?? '',
          fiscalMemorySerialNumber: original.fiscalMemorySerialNumber ?? '',
        },
      },
      task(),
    );
    const sent = fake.printed.at(-1) as Json;
    expect(sent.action).toBe('reversalreceipt');
    expect(sent.body).toMatchObject({
      uniqueSaleNumber: 'DT517985-0001-0000002',
      receiptNumber: original.receiptNumber,
      receiptDateTime: original.receiptDateTime,
      fiscalMemorySerialNumber: '02517985',
      reason: 'refund',
    });
    // Positive quantities and prices on a storno too (PROTOCOL.md).
    expect(sent.body.items.every((i: Json) => i.quantity > 0 && i.unitPrice > 0)).toBe(true);
    expect(storno.fiscalised).toBe(true);
    expect(storno.receiptNumber).not.toBe(original.receiptNumber);
  });

  it('deposits and withdraws service cash in device units, and reads the cash back in cents (FP-06, FIS-03)', async () => {
    fake.cash = 0;
    await device().deposit({ amountCents: 5_000, currency: 'EUR' }, task());
    await device().withdraw({ amountCents: 1_234, currency: 'EUR' }, task());
    expect(fake.deposits.at(-1)).toBe(50);
    expect(fake.withdrawals.at(-1)).toBe(12.34);
    expect(await device().cash()).toEqual({ amountCents: 3_766 });
  });

  it('reads the cash of a slow device by waiting for the server’s task, and says when the device cannot (FP-06)', async () => {
    fake.cash = 12.5;
    fake.switches.slow = true;
    const reading = device().cash();
    setTimeout(() => fake.release(), 60);
    expect(await reading).toEqual({ amountCents: 1_250 });
    expect(
      fake.requests.filter((r) => r.startsWith('GET /printers/taskinfo?id=cash-')).length,
    ).toBeGreaterThan(0);
    fake.switches.slow = false;
    fake.switches.paperOut = true;
    await expect(device().cash()).rejects.toMatchObject({ code: 'fiscal_paper_out' });
    fake.switches.paperOut = false;
  });

  it('prints the X and Z reports and a duplicate of the last receipt (FP-06)', async () => {
    const reports = fake.reports.length;
    const duplicates = fake.duplicates;
    await device().xReport(task());
    await device().zReport(task());
    await device().duplicate(task());
    expect(fake.reports.slice(reports)).toEqual(['xreport', 'zreport']);
    expect(fake.duplicates).toBe(duplicates + 1);
  });

  it('asks the device for its info and status, "ok" as a boolean (FP-01)', async () => {
    expect(await device().info()).toMatchObject({ serialNumber: 'DT517985', itemTextMaxLength: 22 });
    expect(await device().status()).toMatchObject({ ok: true });
  });

  it('refuses amounts in another currency than the device keeps, nothing sent (FP-07)', async () => {
    currency = 'BGN';
    const requests = fake.requests.length;
    const error = await failure(device().deposit({ amountCents: 100, currency: 'EUR' }, task()));
    expect(error.code).toBe('fiscal_currency_mismatch');
    expect(fake.requests.length).toBe(requests);
  });

  it('a slow device: the task stays running, the user hears it is pending, and the retry takes the result without printing again (FP-04)', async () => {
    fake.switches.slow = true;
    const before = fake.printed.length;
    const t = task();
    const pending = await failure(device().printReceipt(receipt(), t));
    expect(pending.code).toBe('fiscal_task_pending');
    expect(pending.options.extra).toMatchObject({ taskId: t.taskId });
    expect(fake.printed.length).toBe(before);
    fake.release();
    const result = await device().printReceipt(receipt(), { ...t, retry: true });
    expect(result.fiscalised).toBe(true);
    expect(fake.printed.length).toBe(before + 1);
  });

  it('sending the same taskId again while the server knows it never prints twice (E109 → taskinfo)', async () => {
    const before = fake.printed.length;
    const t = task();
    const first = await device().printReceipt(receipt(), t);
    const again = await device().printReceipt(receipt(), t);
    expect(again.receiptNumber).toBe(first.receiptNumber);
    expect(fake.printed.length).toBe(before + 1);
  });

  it('an "unknown" task is never printed again on retry; only the operator\'s decision reprints it (FP-04)', async () => {
    fake.switches.loseTasks = true;
    const before = fake.printed.length;
    const t = task();
    const lost = await failure(device().printReceipt(receipt(), t));
    expect(lost.code).toBe('fiscal_task_unknown');
    expect(fake.printed.length).toBe(before + 1);
    fake.switches.loseTasks = false;
    for (let i = 0; i < 3; i++) {
      const retry = await failure(device().printReceipt(receipt(), { ...t, retry: true }));
      expect(retry.code).toBe('fiscal_task_unknown');
    }
    expect(fake.printed.length).toBe(before + 1);
    // The operator looked at the paper roll and says it was not printed: then, and only then, it prints.
    await device().printReceipt(receipt(), { ...t, retry: true, afterUnknown: 'reprint' });
    expect(fake.printed.length).toBe(before + 2);
  });

  it('a lost answer is asked about, never resent: the printed receipt is found by its taskId (FP-04)', async () => {
    fake.switches.dropAnswers = true;
    const before = fake.printed.length;
    const posts = fake.requests.filter((r) => r.startsWith('POST')).length;
    const result = await device().printReceipt(receipt(), task());
    expect(result.fiscalised).toBe(true);
    expect(result.receiptNumber).toBe((fake.printed.at(-1) as Json).answer.receiptNumber);
    expect(fake.printed.length).toBe(before + 1);
    // One POST, then taskinfo: never a second POST.
    expect(fake.requests.filter((r) => r.startsWith('POST')).length).toBe(posts + 1);
    expect(fake.requests.at(-1)).toMatch(/^GET \/printers\/taskinfo\?id=t-/);
  });

  it("paper out: a clear error with our code and the device's, nothing printed", async () => {
    fake.switches.paperOut = true;
    const before = fake.printed.length;
    const error = await failure(device().printReceipt(receipt(), task()));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('fiscal_paper_out');
    expect(error.options.extra).toMatchObject({ deviceCode: 'E301' });
    expect(fake.printed.length).toBe(before);
    const report = await failure(device().xReport(task()));
    expect(report.code).toBe('fiscal_paper_out');
  });

  it('an unreachable server or an unknown printer is said so', async () => {
    const gone = erpNetFpDevice({ serverUrl: 'http://127.0.0.1:1', printerId: 'x', currency: () => 'EUR' });
    expect((await failure(gone.status())).code).toBe('fiscal_server_unreachable');
    expect((await failure(device({ printerId: 'nosuch' }).status())).code).toBe('fiscal_printer_not_found');
  });
});
