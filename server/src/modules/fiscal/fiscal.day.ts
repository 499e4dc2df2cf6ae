/**
 * A cash desk's day of fiscal sales by where they were made (FIS-03, FIS-05; ADR 0043): the receipts issued that day
 * into the desk and the stornos made that day out of it, grouped by site · workstation · device with their count,
 * total and payment method, and per device against everything the device printed that day — the sales its Z report
 * counts. Read here, where sites and devices are, so that the money module's day report needs no receipts import.
 */
import type { Executor } from '../../db/database';
import { addDays, startOfDayInstant } from '../../kernel/calendar';
import * as repo from './fiscal.repository';
import type { DaySaleCounts, DaySales, DaySalesDevice, DaySalesPlace } from './fiscal.schema';
import { zReportsOfDevice } from './fiscal.service';

interface SaleRow {
  kind: 'receipt' | 'storno';
  accountId: string;
  siteId: string | null;
  workstationId: string | null;
  deviceId: string | null;
  method: 'cash' | 'card';
  cents: number;
  printed: boolean;
}

/** The day's receipts and stornos of every account, each with its place (the storno's is its receipt's). */
async function dayRows(db: Executor, day: string): Promise<SaleRow[]> {
  const start = startOfDayInstant(day).toISOString();
  const end = startOfDayInstant(addDays(day, 1)).toISOString();
  const place = ['site_id', 'workstation_id', 'device_id'] as const;
  const [receipts, reversed, partial] = await Promise.all([
    db
      .selectFrom('sale_receipt')
      .select([...place, 'account_id', 'payment_method', 'total_cents', 'fiscal_status'])
      .where('status', 'in', ['posted', 'reversed'])
      .where('number', 'is not', null)
      .where('document_date', '=', day)
      .execute(),
    // A whole receipt reversed that day: its payment goes back out of its own account.
    db
      .selectFrom('sale_receipt')
      .select([...place, 'account_id', 'payment_method', 'total_cents', 'storno_receipt_number'])
      .where('status', '=', 'reversed')
      .where('reversed_at', '>=', start)
      .where('reversed_at', '<', end)
      .execute(),
    // Part of a payment's receipt stornoed with a refund (ADR 0040): the money goes out of the refund's account.
    db
      .selectFrom('sale_receipt_storno as st')
      .innerJoin('sale_receipt as s', 's.id', 'st.receipt_id')
      .leftJoin('customer_refund as r', 'r.id', 'st.refund_id')
      .select([
        's.site_id',
        's.workstation_id',
        's.device_id',
        's.account_id',
        'r.account_id as refund_account_id',
        'st.payment_method',
        'st.total_cents',
        'st.fiscal_status',
      ])
      .where('st.created_at', '>=', start)
      .where('st.created_at', '<', end)
      .execute(),
  ]);
  const placeOf = (r: {
    site_id: string | null;
    workstation_id: string | null;
    device_id: string | null;
  }) => ({
    siteId: r.site_id,
    workstationId: r.workstation_id,
    deviceId: r.device_id,
  });
  return [
    ...receipts.map(
      (r): SaleRow => ({
        kind: 'receipt',
        accountId: r.account_id,
        ...placeOf(r),
        method: r.payment_method,
        cents: Number(r.total_cents),
        printed: r.fiscal_status === 'printed',
      }),
    ),
    ...reversed.map(
      (r): SaleRow => ({
        kind: 'storno',
        accountId: r.account_id,
        ...placeOf(r),
        method: r.payment_method,
        cents: Number(r.total_cents),
        printed: r.storno_receipt_number !== null,
      }),
    ),
    ...partial.map(
      (r): SaleRow => ({
        kind: 'storno',
        accountId: r.refund_account_id ?? r.account_id,
        ...placeOf(r),
        method: r.payment_method,
        cents: Number(r.total_cents),
        printed: r.fiscal_status === 'printed',
      }),
    ),
  ];
}

function countsOf(rows: SaleRow[]): DaySaleCounts {
  const sums = (xs: SaleRow[]) => {
    const receipts = xs.filter((r) => r.kind === 'receipt');
    const stornos = xs.filter((r) => r.kind === 'storno');
    const receiptsCents = receipts.reduce((s, r) => s + r.cents, 0);
    const stornosCents = stornos.reduce((s, r) => s + r.cents, 0);
    return {
      receipts: receipts.length,
      receiptsCents,
      stornos: stornos.length,
      stornosCents,
      netCents: receiptsCents - stornosCents,
    };
  };
  return {
    ...sums(rows),
    byMethod: (['cash', 'card'] as const)
      .filter((m) => rows.some((r) => r.method === m))
      .map((method) => ({ method, ...sums(rows.filter((r) => r.method === method)) })),
    notPrinted: rows.filter((r) => !r.printed).length,
  };
}

const sameCounts = (a: DaySaleCounts, b: DaySaleCounts) =>
  a.receipts === b.receipts &&
  a.receiptsCents === b.receiptsCents &&
  a.stornos === b.stornos &&
  a.stornosCents === b.stornosCents;

/** The cash desk's (or bank account's) receipts and stornos of a company day by site · workstation · device. */
export async function daySalesOf(db: Executor, accountId: string, day: string): Promise<DaySales> {
  const all = await dayRows(db, day);
  const mine = all.filter((r) => r.accountId === accountId);
  const [sites, devices, workstations] = await Promise.all([
    repo.allSites(db),
    repo.allDevices(db),
    repo.allWorkstations(db),
  ]);
  const site = new Map(sites.map((s) => [s.id, s]));
  const device = new Map(devices.map((d) => [d.id, d]));
  const workstation = new Map(workstations.map((w) => [w.id, w]));
  const keyOf = (r: SaleRow) => `${r.siteId ?? ''}|${r.workstationId ?? ''}|${r.deviceId ?? ''}`;
  const groups = new Map<string, SaleRow[]>();
  for (const r of mine) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  const places: DaySalesPlace[] = [...groups.values()].map((rows) => {
    const [{ siteId, workstationId, deviceId }] = rows as [SaleRow];
    const s = siteId ? site.get(siteId) : undefined;
    const d = deviceId ? device.get(deviceId) : undefined;
    return {
      siteId,
      siteName: s?.name ?? null,
      siteCode: s?.nap_site_code ?? null,
      workstationId,
      workstationName: workstationId ? (workstation.get(workstationId)?.name ?? null) : null,
      deviceId,
      deviceName: d?.name ?? null,
      fiscalNumber: d?.fiscal_number ?? d?.device_serial_number ?? null,
      ...countsOf(rows),
    };
  });
  const text = (x: string | null) => x ?? '\uffff';
  const byName = (x: string | null, y: string | null) => text(x).localeCompare(text(y), 'bg');
  places.sort(
    (p, q) =>
      byName(p.siteName, q.siteName) ||
      byName(p.workstationName, q.workstationName) ||
      byName(p.deviceName, q.deviceName),
  );

  const deviceIds = [...new Set(mine.flatMap((r) => (r.deviceId ? [r.deviceId] : [])))];
  const perDevice: DaySalesDevice[] = [];
  for (const id of deviceIds) {
    const d = device.get(id);
    const own = countsOf(mine.filter((r) => r.deviceId === id));
    const deviceDay = countsOf(all.filter((r) => r.deviceId === id));
    const zReports = await zReportsOfDevice(db, day, id);
    perDevice.push({
      deviceId: id,
      deviceName: d?.name ?? null,
      fiscalNumber: d?.fiscal_number ?? d?.device_serial_number ?? null,
      ...own,
      deviceDay,
      matchesDevice: sameCounts(own, deviceDay),
      zReports: zReports.map((z) => ({ at: z.at, deviceCashCents: z.deviceCashCents })),
    });
  }
  perDevice.sort((a, b) => (a.deviceName ?? '').localeCompare(b.deviceName ?? '', 'bg'));
  return { places, devices: perDevice, total: countsOf(mine) };
}
