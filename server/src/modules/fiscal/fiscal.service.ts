/**
 * The fiscal device's business operations (issue 13 item 4, ADR 0017): its setting, the УНП of each sale (FIS-05),
 * and every task sent to it — kept before it is sent, finished with what the device answered, audited either way.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import type { Actor } from '../../kernel/actor';
import { addDays, startOfDayInstant, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { type AuditAction, recordAudit } from '../audit';
import type {
  FiscalActionResult,
  FiscalCurrency,
  FiscalDevice,
  FiscalReceipt,
  FiscalReceiptResult,
  FiscalReversal,
  FiscalTaskOptions,
} from './fiscal.device';
import { erpNetFpDevice } from './fiscal.erpnet';
import { noFiscalDevice } from './fiscal.none';
import * as repo from './fiscal.repository';
import {
  DEFAULT_TAX_GROUPS,
  DEVICE_CLOCK_TOLERANCE_SECONDS,
  deviceClockSkewSeconds,
  deviceCurrencyOn,
  deviceError,
  formatUniqueSaleNumber,
  NO_DEVICE_SERIAL,
  operatorCodeOf,
  taxGroupOf,
} from './fiscal.rules';
import type {
  FiscalActionAnswer,
  FiscalDeviceSettings,
  FiscalDeviceSettingsBody,
  FiscalDeviceTestAnswer,
  TaxGroupMapping,
} from './fiscal.schema';
import type { FiscalDeviceSettingsTable, FiscalDeviceTaskTable } from './fiscal.table';

/** The day the device counts in EUR unless the company says otherwise (ЗВЕРБ; FP-07). */
export const DEFAULT_EUR_FROM = '2026-01-01';

/** How long a task may take: the ErpNet.FP asyncTimeout, our whole wait, the polling step. */
export const DEVICE_TIMINGS = { asyncTimeoutMs: 2000, maxWaitMs: 20_000, pollIntervalMs: 250 };

type SettingsRow = Selectable<FiscalDeviceSettingsTable>;
type TaskAction = FiscalDeviceTaskTable['action'];

function taxGroupsOf(row: SettingsRow | undefined): TaxGroupMapping[] {
  if (row) {
    try {
      const parsed = JSON.parse(row.tax_groups) as TaxGroupMapping[];
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // fall through to the defaults
    }
  }
  return Object.entries(DEFAULT_TAX_GROUPS).map(([bp, group]) => ({
    vatRateBp: Number(bp),
    taxGroup: group,
  }));
}

function settingsOf(row: SettingsRow | undefined): FiscalDeviceSettings {
  const eurFrom = row?.eur_from ?? DEFAULT_EUR_FROM;
  return {
    kind: row?.kind ?? 'none',
    serverUrl: row?.server_url ?? null,
    printerId: row?.printer_id ?? null,
    operator: row?.operator ?? null,
    passwordSet: Boolean(row?.operator_password),
    eurFrom,
    currencyToday: deviceCurrencyOn(todayDate(), eurFrom),
    taxGroups: taxGroupsOf(row),
    device:
      row && (row.device_serial_number || row.checked_at)
        ? {
            serialNumber: row.device_serial_number,
            fiscalMemorySerialNumber: row.fiscal_memory_serial_number,
            model: row.device_model,
            itemTextMaxLength: row.item_text_max_length,
            checkedAt: row.checked_at,
          }
        : null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** The company's fiscal device setting (no device until one is saved); never the operator's password. */
export async function getFiscalDeviceSettings(db: Executor): Promise<FiscalDeviceSettings> {
  return settingsOf(await repo.findSettings(db));
}

/**
 * Saves the device setting. ErpNet.FP needs its server URL and printer id (400 required); the password is kept when
 * not sent, removed when sent empty. Another server or printer forgets what the last test learnt of the device.
 */
export async function saveFiscalDeviceSettings(
  trx: Executor,
  actor: Actor,
  body: FiscalDeviceSettingsBody,
): Promise<FiscalDeviceSettings> {
  const row = await repo.findSettings(trx);
  const before = settingsOf(row);
  const erp = body.kind === 'erpnet_fp';
  const serverUrl = erp ? (body.serverUrl ?? null) : null;
  const printerId = erp ? (body.printerId ?? null) : null;
  const operator = erp ? (body.operator ?? null) : null;
  if (operator) operatorCodeOf(operator);
  const password =
    body.operatorPassword === undefined ? (row?.operator_password ?? null) : body.operatorPassword || null;
  const taxGroups = body.taxGroups ?? taxGroupsOf(row);
  const seen = new Set<number>();
  taxGroups.forEach((g, i) => {
    if (seen.has(g.vatRateBp))
      throw new DomainError('invalid', 'fiscal_tax_group_twice', {
        field: `taxGroups.${i}.vatRateBp`,
        params: { rate: g.vatRateBp / 100 },
      });
    seen.add(g.vatRateBp);
  });
  const sameDevice = row && row.server_url === serverUrl && row.printer_id === printerId;
  const columns = {
    kind: body.kind,
    server_url: serverUrl,
    printer_id: printerId,
    operator,
    operator_password: erp ? password : null,
    eur_from: body.eurFrom ?? row?.eur_from ?? DEFAULT_EUR_FROM,
    tax_groups: JSON.stringify(taxGroups),
    ...(sameDevice
      ? {}
      : {
          device_serial_number: null,
          fiscal_memory_serial_number: null,
          device_model: null,
          item_text_max_length: null,
          checked_at: null,
        }),
    updated_at: nowIso(),
  };
  if (row) await repo.updateSettingsRow(trx, row.id, columns);
  else await insertDefaultDevice(trx, columns);
  const after = await getFiscalDeviceSettings(trx);
  await recordAudit(trx, actor, {
    action: 'fiscal_device.update',
    entity: 'fiscal_device',
    entityId: row?.id ?? null,
    before,
    after,
  });
  return after;
}

/**
 * The first device of an installation, saved through the single setting API (ADR 0041): it stands in a default site
 * ("Основен обект", made unless a site exists) with a workstation "Каса 1" on it, as migration 0043 does for a device
 * saved before.
 */
async function insertDefaultDevice(
  trx: Executor,
  columns: Omit<Insertable<FiscalDeviceSettingsTable>, 'id' | 'active'>,
): Promise<void> {
  const now = nowIso();
  let site = (await repo.allSites(trx))[0];
  if (!site) {
    site = {
      id: newId(),
      name: 'Основен обект',
      address: '',
      nap_site_code: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertSite(trx, site);
  }
  const id = newId();
  await repo.insertSettings(trx, { id, ...columns, site_id: site.id, name: 'ФУ 1', active: true });
  if (!(await repo.firstWorkstation(trx)))
    await repo.insertWorkstation(trx, {
      id: newId(),
      site_id: site.id,
      name: 'Каса 1',
      device_id: id,
      created_at: now,
      updated_at: now,
    });
}

/** The adapter for the device as set up now (the "no device" adapter when there is none). */
export async function fiscalDeviceOf(db: Executor): Promise<FiscalDevice> {
  return deviceFor(await repo.findSettings(db));
}

function deviceFor(row: SettingsRow | undefined): FiscalDevice {
  if (!row || row.kind === 'none' || !row.server_url || !row.printer_id) return noFiscalDevice();
  const eurFrom = row.eur_from;
  return erpNetFpDevice({
    serverUrl: row.server_url,
    printerId: row.printer_id,
    operator: row.operator,
    operatorPassword: row.operator_password,
    currency: () => deviceCurrencyOn(todayDate(), eurFrom),
    ...DEVICE_TIMINGS,
  });
}

/** A device by id (400 fiscal_device_unknown on the field deviceId), or the default device when none is named. */
async function deviceRow(db: Executor, deviceId?: string | null): Promise<SettingsRow | undefined> {
  if (!deviceId) return repo.findSettings(db);
  const row = await repo.findDevice(db, deviceId);
  if (!row) throw new DomainError('invalid', 'fiscal_device_unknown', { field: 'deviceId' });
  return row;
}

/** The device a cash desk counts into (ADR 0041): the one naming it, else the default device (ADR 0028's till). */
async function deviceRowOfDesk(db: Executor, cashDeskId?: string | null): Promise<SettingsRow | undefined> {
  return (cashDeskId ? await repo.deviceOfCashDesk(db, cashDeskId) : undefined) ?? repo.findSettings(db);
}

async function requireDevice(
  db: Executor,
  deviceId?: string | null,
): Promise<{ row: SettingsRow; device: FiscalDevice }> {
  const row = await deviceRow(db, deviceId);
  if (!row || row.kind === 'none') throw new DomainError('conflict', 'fiscal_no_device');
  if (!row.active)
    throw new DomainError('conflict', 'fiscal_device_inactive', { params: { name: row.name ?? '' } });
  return { row, device: deviceFor(row) };
}

/**
 * Asks the device who it is and how it is (FP-01) and keeps its serial numbers and text width: the ФУ number starts
 * every УНП. A device that answers with an error (no paper, cover open) fails with that error's code.
 */
export async function testFiscalDevice(
  db: Executor,
  actor: Actor,
  deviceId?: string | null,
): Promise<FiscalDeviceTestAnswer> {
  const { row, device } = await requireDevice(db, deviceId);
  let answer: FiscalDeviceTestAnswer | null = null;
  let failure: DomainError | null = null;
  try {
    const info = await device.info();
    const status = await device.status();
    const skew = deviceClockSkewSeconds(status.deviceDateTime, new Date());
    answer = {
      ok: status.ok,
      deviceDateTime: status.deviceDateTime,
      clockSkewSeconds: skew,
      clockInSync: skew === null ? null : Math.abs(skew) <= DEVICE_CLOCK_TOLERANCE_SECONDS,
      messages: status.messages,
      serialNumber: info.serialNumber,
      fiscalMemorySerialNumber: info.fiscalMemorySerialNumber,
      manufacturer: info.manufacturer,
      model: info.model,
      itemTextMaxLength: info.itemTextMaxLength,
    };
    if (!status.ok) failure = deviceError(status.messages);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    failure = error;
  }
  await db.transaction().execute(async (trx) => {
    if (answer && !failure)
      await repo.updateSettingsRow(trx, row.id, {
        device_serial_number: answer.serialNumber || null,
        fiscal_memory_serial_number: answer.fiscalMemorySerialNumber || null,
        device_model: [answer.manufacturer, answer.model].filter(Boolean).join(' ') || null,
        item_text_max_length: answer.itemTextMaxLength || null,
        checked_at: nowIso(),
      });
    await recordAudit(trx, actor, {
      action: 'fiscal_device.test',
      entity: 'fiscal_device',
      entityId: row.id,
      after: failure
        ? { ok: false, errorCode: failure.code }
        : { ok: true, serialNumber: answer?.serialNumber },
    });
  });
  if (failure) throw failure;
  return answer as FiscalDeviceTestAnswer;
}

/** The device's currency today, and the cash it holds (FIS-03). */
export async function fiscalDeviceCash(
  db: Executor,
  deviceId?: string | null,
): Promise<{ amountCents: number; currency: FiscalCurrency }> {
  const { row, device } = await requireDevice(db, deviceId);
  const { amountCents } = await device.cash();
  return { amountCents, currency: deviceCurrencyOn(todayDate(), row.eur_from) };
}

const AUDIT_OF: Record<TaskAction, AuditAction> = {
  receipt: 'fiscal_device.receipt',
  reversal: 'fiscal_device.reversal',
  deposit: 'fiscal_device.deposit',
  withdraw: 'fiscal_device.withdraw',
  x_report: 'fiscal_device.x_report',
  z_report: 'fiscal_device.z_report',
  duplicate: 'fiscal_device.duplicate',
};

interface TaskRequest {
  action: TaskAction;
  uniqueSaleNumber?: string | null;
  amountCents?: number | null;
  currency?: FiscalCurrency | null;
  /** Our own form of what is printed (cents, lines), kept to send the same task again on a retry. */
  payload?: unknown;
}

type TaskResult = FiscalActionResult | FiscalReceiptResult;

function callDevice(
  device: FiscalDevice,
  request: TaskRequest,
  task: FiscalTaskOptions,
): Promise<TaskResult> {
  const amount = { amountCents: request.amountCents ?? 0, currency: request.currency ?? 'EUR' };
  switch (request.action) {
    case 'receipt':
      return device.printReceipt(request.payload as FiscalReceipt, task);
    case 'reversal':
      return device.printReversalReceipt(request.payload as FiscalReversal, task);
    case 'deposit':
      return device.deposit(amount, task);
    case 'withdraw':
      return device.withdraw(amount, task);
    case 'x_report':
      return device.xReport(task);
    case 'z_report':
      return device.zReport(task);
    case 'duplicate':
      return device.duplicate(task);
  }
}

const STATUS_OF_ERROR: Record<string, FiscalDeviceTaskTable['status']> = {
  fiscal_task_pending: 'pending',
  fiscal_task_unknown: 'unknown',
};

/**
 * Sends one task to the device: its row is written first (so a lost answer can be asked about), then finished with
 * the device's answer and audited, whether the device did it or not; the device's error is then thrown on.
 */
async function sendTask(
  db: Executor,
  actor: Actor,
  row: SettingsRow,
  taskId: string,
  request: TaskRequest,
  options: Omit<FiscalTaskOptions, 'taskId'> = {},
): Promise<{ status: FiscalDeviceTaskTable['status']; result: TaskResult }> {
  const device = deviceFor(row);
  let result: TaskResult | null = null;
  let failure: DomainError | null = null;
  try {
    result = await callDevice(device, request, { taskId, ...options });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    failure = error;
  }
  const status = failure ? (STATUS_OF_ERROR[failure.code] ?? 'failed') : 'done';
  await db.transaction().execute(async (trx) => {
    await repo.updateTask(trx, taskId, {
      status,
      result_json: result ? JSON.stringify(result) : null,
      error_code: failure?.code ?? null,
      finished_at: status === 'done' || status === 'failed' ? nowIso() : null,
    });
    await recordAudit(trx, actor, {
      action: AUDIT_OF[request.action],
      entity: 'fiscal_device',
      entityId: taskId,
      after: {
        status,
        ...(request.uniqueSaleNumber ? { uniqueSaleNumber: request.uniqueSaleNumber } : {}),
        ...(request.amountCents ? { amountCents: request.amountCents, currency: request.currency } : {}),
        ...(failure ? { errorCode: failure.code } : {}),
        ...(options.retry ? { retry: true, afterUnknown: options.afterUnknown ?? 'stop' } : {}),
      },
    });
  });
  if (failure) throw failure;
  return { status, result: result as TaskResult };
}

async function startTask(
  db: Executor,
  actor: Actor,
  row: SettingsRow,
  request: TaskRequest,
  taskId: string = newId(),
  extra: Pick<
    Insertable<FiscalDeviceTaskTable>,
    'device_cash_cents' | 'cash_desk_id' | 'cash_desk_balance_cents'
  > = {},
) {
  await repo.insertTask(db, {
    ...extra,
    id: taskId,
    device_id: row.id,
    action: request.action,
    status: 'sent',
    unique_sale_number: request.uniqueSaleNumber ?? null,
    amount_cents: request.amountCents ?? null,
    currency: request.currency ?? null,
    request_json: request.payload === undefined ? null : JSON.stringify(request.payload),
    result_json: null,
    error_code: null,
    created_by: actor.userId,
    created_at: nowIso(),
    finished_at: null,
  });
  return { taskId, ...(await sendTask(db, actor, row, taskId, request)) };
}

const answerOf = (
  taskId: string,
  request: TaskRequest,
  status: FiscalDeviceTaskTable['status'],
  result: TaskResult,
): FiscalActionAnswer => ({
  taskId,
  action: request.action,
  status,
  amountCents: request.amountCents ?? null,
  currency: request.currency ?? null,
  warnings: result.warnings,
});

/** X report, Z report (the day's close, FIS-03) or a duplicate of the last receipt, on the company's device. */
export async function runDeviceReport(
  db: Executor,
  actor: Actor,
  action: 'x_report' | 'z_report' | 'duplicate',
  deviceId?: string | null,
): Promise<FiscalActionAnswer> {
  const { row } = await requireDevice(db, deviceId);
  const request = { action };
  const { taskId, status, result } = await startTask(db, actor, row, request);
  return answerOf(taskId, request, status, result);
}

/** A service deposit or withdrawal of cash (FIS-03), in cents of the device's currency today (FP-07). */
export async function moveDeviceCash(
  db: Executor,
  actor: Actor,
  action: 'deposit' | 'withdraw',
  amountCents: number,
  deviceId?: string | null,
): Promise<FiscalActionAnswer> {
  const { row } = await requireDevice(db, deviceId);
  const request = { action, amountCents, currency: deviceCurrencyOn(todayDate(), row.eur_from) };
  const { taskId, status, result } = await startTask(db, actor, row, request);
  return answerOf(taskId, request, status, result);
}

/**
 * A cash desk's service deposit or withdrawal (FIS-03, Н-18: every change of the cash outside a sale is registered on
 * the device), idempotent by the caller's taskId: a task already done answers as it did without printing again; one
 * sent, pending or lost is asked about first (an unknown one printed again only on the operator's word); a failed
 * one printed nothing and is 409 fiscal_task_not_retryable (start anew with another id). With no device it answers
 * fiscalised false and sends nothing: the movement is recorded as not fiscalised.
 */
export async function registerCashMove(
  db: Executor,
  actor: Actor,
  input: {
    action: 'deposit' | 'withdraw';
    amountCents: number;
    taskId: string;
    afterUnknown?: 'stop' | 'reprint';
    /** The till the cash moves in: its device registers it (ADR 0041); absent, the default device. */
    cashDeskId?: string | null;
  },
): Promise<{ fiscalised: boolean; taskId: string | null }> {
  const row = await deviceRowOfDesk(db, input.cashDeskId);
  if (!row || row.kind === 'none') return { fiscalised: false, taskId: null };
  const request = {
    action: input.action,
    amountCents: input.amountCents,
    currency: deviceCurrencyOn(todayDate(), row.eur_from),
  };
  const task = await repo.findTask(db, input.taskId);
  if (!task) {
    try {
      await startTask(db, actor, row, request, input.taskId);
    } catch (error) {
      // The same request twice at once: the other one is sending this task.
      if (isUniqueViolation(error))
        throw new DomainError('conflict', 'fiscal_task_pending', {
          params: { taskId: input.taskId },
          extra: { taskId: input.taskId },
        });
      throw error;
    }
    return { fiscalised: true, taskId: input.taskId };
  }
  if (task.action !== input.action || Number(task.amount_cents) !== input.amountCents)
    throw new DomainError('conflict', 'fiscal_task_mismatch', {
      field: 'taskId',
      params: { taskId: input.taskId },
    });
  if (task.status === 'done') return { fiscalised: true, taskId: input.taskId };
  if (task.status === 'failed')
    throw new DomainError('conflict', 'fiscal_task_not_retryable', { params: { status: task.status } });
  await sendTask(db, actor, row, input.taskId, request, {
    retry: true,
    afterUnknown: input.afterUnknown ?? 'stop',
  });
  return { fiscalised: true, taskId: input.taskId };
}

/** What a Z report kept: the device's cash before and after it, the cash desk's balance then, and any totals. */
export interface ZReportRecord {
  taskId: string;
  at: string;
  deviceCashCents: number | null;
  deviceCashAfterCents: number | null;
  cashDeskId: string | null;
  cashDeskBalanceCents: number | null;
  details: Record<string, unknown> | null;
}

/**
 * The Z report (FIS-03) that keeps what the reconciliation needs: the device's cash amount read just before it (the
 * day's cash; some devices zero it with the report) and just after it, and — run for a cash desk — that desk's
 * balance at the moment. The device's cash is read first: a device that cannot say it prints no Z report.
 */
export async function runZReport(
  db: Executor,
  actor: Actor,
  cashDesk?: { id: string; balanceCents: () => Promise<number> },
  deviceId?: string | null,
): Promise<FiscalActionAnswer & { zReport: ZReportRecord }> {
  const { row, device } = await requireDevice(
    db,
    deviceId ?? (cashDesk ? (await deviceRowOfDesk(db, cashDesk.id))?.id : null),
  );
  const { amountCents: cashBefore } = await device.cash();
  const balance = cashDesk ? await cashDesk.balanceCents() : null;
  const request = { action: 'z_report' as const };
  const { taskId, status, result } = await startTask(db, actor, row, request, newId(), {
    device_cash_cents: cashBefore,
    cash_desk_id: cashDesk?.id ?? null,
    cash_desk_balance_cents: balance,
  });
  // The cash after the report says whether this device zeroes it; not knowing it takes nothing from the report.
  const after = await device.cash().catch(() => null);
  if (after) await repo.updateTask(db, taskId, { device_cash_after_cents: after.amountCents });
  const zReport = zReportOf((await repo.findTask(db, taskId)) as Selectable<FiscalDeviceTaskTable>);
  return { ...answerOf(taskId, request, status, result), zReport };
}

function zReportOf(task: Selectable<FiscalDeviceTaskTable>): ZReportRecord {
  const n = (v: number | null) => (v === null ? null : Number(v));
  let details: Record<string, unknown> | null = null;
  try {
    const parsed = task.result_json ? (JSON.parse(task.result_json) as FiscalActionResult) : null;
    details = parsed?.details ?? null;
  } catch {
    details = null;
  }
  return {
    taskId: task.id,
    at: String(task.finished_at ?? task.created_at),
    deviceCashCents: n(task.device_cash_cents),
    deviceCashAfterCents: n(task.device_cash_after_cents),
    cashDeskId: task.cash_desk_id,
    cashDeskBalanceCents: n(task.cash_desk_balance_cents),
    details,
  };
}

/**
 * The Z reports a device printed on a company day, in the order they were run (FIS-03): the device of the cash desk
 * given (ADR 0041), else the default device.
 */
export async function zReportsOn(
  db: Executor,
  date: string,
  cashDeskId?: string | null,
): Promise<ZReportRecord[]> {
  const device = await deviceRowOfDesk(db, cashDeskId);
  if (!device) return [];
  return zReportsOfDevice(db, date, device.id);
}

/** The Z reports one device printed on a company day, in the order they were run (ADR 0043). */
export async function zReportsOfDevice(
  db: Executor,
  date: string,
  deviceId: string,
): Promise<ZReportRecord[]> {
  const rows = await repo.doneDeviceTasksBetween(
    db,
    'z_report',
    deviceId,
    startOfDayInstant(date).toISOString(),
    startOfDayInstant(addDays(date, 1)).toISOString(),
  );
  return rows.map(zReportOf);
}

/** The cash a cash desk's device (else the default device) holds now, or null when there is no device. */
export async function deviceCashNow(db: Executor, cashDeskId?: string | null): Promise<number | null> {
  const row = await deviceRowOfDesk(db, cashDeskId);
  if (!row || row.kind === 'none') return null;
  return (await deviceFor(row).cash()).amountCents;
}

/**
 * Asks again about a task that was pending or lost (FP-04): the device's answer if it has one; an unknown task is
 * printed again only when the operator says nothing was printed (afterUnknown 'reprint'). Done or failed tasks are
 * never sent again (409): a failed one is simply started anew.
 */
export async function retryDeviceTask(
  db: Executor,
  actor: Actor,
  taskId: string,
  afterUnknown: 'stop' | 'reprint' = 'stop',
): Promise<FiscalActionAnswer> {
  const task = await repo.findTask(db, taskId);
  if (!task) throw new DomainError('not_found', 'not_found', { params: { entity: 'fiscal_device_task' } });
  if (task.status === 'done' || task.status === 'failed')
    throw new DomainError('conflict', 'fiscal_task_not_retryable', { params: { status: task.status } });
  const { row } = await requireDevice(db, task.device_id);
  const request: TaskRequest = {
    action: task.action,
    uniqueSaleNumber: task.unique_sale_number,
    amountCents: task.amount_cents === null ? null : Number(task.amount_cents),
    currency: (task.currency as FiscalCurrency | null) ?? null,
    payload: task.request_json ? JSON.parse(task.request_json) : undefined,
  };
  const { status, result } = await sendTask(db, actor, row, taskId, request, { retry: true, afterUnknown });
  return answerOf(taskId, request, status, result);
}

/**
 * The next УНП (FIS-05): the device's ФУ number, the operator's code, the next of their 7-digit sequence. Call it in
 * the sale's transaction and keep the number with the sale: its receipt and any storno carry it.
 */
export async function nextUniqueSaleNumber(trx: Executor, deviceId?: string | null): Promise<string> {
  const row = await deviceRow(trx, deviceId);
  const erp = row?.kind === 'erpnet_fp';
  // The device's own ФУ number as configured (ADR 0041), else the one its test learnt (ADR 0017).
  const number = row?.fiscal_number ?? row?.device_serial_number ?? null;
  if (erp && !number) throw new DomainError('conflict', 'fiscal_device_not_tested');
  const serial = erp ? (number ?? NO_DEVICE_SERIAL) : NO_DEVICE_SERIAL;
  const operatorCode = operatorCodeOf(erp ? row?.operator : null);
  const prefix = `${serial.toUpperCase()}-${operatorCode}`;
  return formatUniqueSaleNumber(serial, operatorCode, await repo.takeSaleNumber(trx, prefix));
}

/**
 * Before a cash or card sale is written (FIS-01, D1, ADR 0037): with the company's setting "fiscal device required"
 * on and no device set up, 409 fiscal_device_required, and the caller writes nothing.
 */
export async function assertFiscalSaleAllowed(
  db: Executor,
  deviceRequired: boolean,
  deviceId?: string | null,
): Promise<void> {
  const row = await deviceRow(db, deviceId);
  if (row && row.kind !== 'none' && !row.active)
    throw new DomainError('conflict', 'fiscal_device_inactive', { params: { name: row.name ?? '' } });
  if (deviceRequired && (!row || row.kind === 'none'))
    throw new DomainError('conflict', 'fiscal_device_required');
}

/** The device's tax group for a VAT rate, by the company's mapping (FIS-06). */
export async function fiscalTaxGroupOf(db: Executor, vatRateBp: number): Promise<number> {
  const groups = taxGroupsOf(await repo.findSettings(db));
  return taxGroupOf(vatRateBp, Object.fromEntries(groups.map((g) => [g.vatRateBp, g.taxGroup])));
}

/** The device's currency on a date (FP-07): a sale's amounts must be in it. */
export async function fiscalCurrencyOn(db: Executor, date: string): Promise<FiscalCurrency> {
  const row = await repo.findSettings(db);
  return deviceCurrencyOn(date, row?.eur_from ?? DEFAULT_EUR_FROM);
}

/**
 * Prints a sale's receipt with its УНП (FIS-01, FIS-05), after the sale is committed: with no device it comes back
 * not fiscalised. Keep the four fields of the result with the sale; a pending or lost task (409 fiscal_task_pending
 * or fiscal_task_unknown, with its taskId) is finished later by retryDeviceTask.
 */
export async function printSaleReceipt(
  db: Executor,
  actor: Actor,
  receipt: FiscalReceipt,
  deviceId?: string | null,
): Promise<FiscalReceiptResult & { taskId: string | null }> {
  return printDocument(db, actor, 'receipt', receipt, deviceId);
}

/** Prints a storno of a fiscalised receipt (FIS-02): the original's УНП, number, date and fiscal memory, a reason. */
export async function printStornoReceipt(
  db: Executor,
  actor: Actor,
  reversal: FiscalReversal,
  deviceId?: string | null,
): Promise<FiscalReceiptResult & { taskId: string | null }> {
  return printDocument(db, actor, 'reversal', reversal, deviceId);
}

/**
 * FIS-05 "time synced with the ФУ" (ADR 0037): before a sale's receipt is printed the device's clock is read (its
 * status) and compared with the server's; more than DEVICE_CLOCK_TOLERANCE_SECONDS apart, 409
 * fiscal_clock_out_of_sync and nothing is printed: the sale stays not fiscalised until it is printed again with the
 * clock put right. A device that gives no readable time, or whose status is an error (no paper), is left to the print.
 */
async function assertClockInSync(device: FiscalDevice): Promise<void> {
  const status = await device.status();
  if (!status.ok) return;
  const now = new Date();
  const skew = deviceClockSkewSeconds(status.deviceDateTime, now);
  if (skew === null || Math.abs(skew) <= DEVICE_CLOCK_TOLERANCE_SECONDS) return;
  throw new DomainError('conflict', 'fiscal_clock_out_of_sync', {
    params: { deviceTime: (status.deviceDateTime ?? '').replace('T', ' '), minutes: Math.round(skew / 60) },
    extra: {
      deviceDateTime: status.deviceDateTime,
      serverDateTime: now.toISOString(),
      clockSkewSeconds: skew,
    },
  });
}

async function printDocument(
  db: Executor,
  actor: Actor,
  action: 'receipt' | 'reversal',
  document: FiscalReceipt,
  deviceId?: string | null,
): Promise<FiscalReceiptResult & { taskId: string | null }> {
  const row = await deviceRow(db, deviceId);
  if (!row || row.kind === 'none') {
    const result = await noFiscalDevice().printReceipt(document, { taskId: '' });
    return { ...result, taskId: null };
  }
  const currency = deviceCurrencyOn(todayDate(), row.eur_from);
  if (document.currency !== currency)
    throw new DomainError('invalid', 'fiscal_currency_mismatch', {
      field: 'currency',
      params: { currency: document.currency, device: currency },
    });
  if (action === 'receipt') await assertClockInSync(deviceFor(row));
  const { taskId, result } = await startTask(db, actor, row, {
    action,
    uniqueSaleNumber: document.uniqueSaleNumber,
    payload: document,
  });
  return { ...(result as FiscalReceiptResult), taskId };
}
