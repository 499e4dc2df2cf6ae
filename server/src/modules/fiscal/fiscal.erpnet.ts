/**
 * The ErpNet.FP adapter: the fiscal device through the open ErpNet.FP print server's JSON over HTTP (PROTOCOL.md,
 * FP-01..07; ADR 0017). Every printing call is idempotent by the caller's taskId: sent with
 * `?asyncTimeout=<ms>&taskId=<id>`, then `GET /printers/taskinfo?id=` is polled until the task is finished; a task
 * the server no longer knows ("unknown") is never printed again unless the operator decides so.
 */
import { DomainError } from '../../kernel/errors';
import type {
  DeviceMessage,
  FiscalAmount,
  FiscalCurrency,
  FiscalDevice,
  FiscalDeviceInfo,
  FiscalDeviceStatus,
  FiscalReceipt,
  FiscalReceiptResult,
  FiscalReversal,
  FiscalTaskOptions,
} from './fiscal.device';
import {
  deviceError,
  fromDeviceAmount,
  isOk,
  messagesOf,
  toDeviceAmount,
  toDeviceQuantity,
  truncateText,
} from './fiscal.rules';

export interface ErpNetFpConfig {
  /** The print server, e.g. http://localhost:8001 (FP-01). */
  serverUrl: string;
  printerId: string;
  operator?: string | null;
  operatorPassword?: string | null;
  /** The device's currency now (FP-07); amounts in another currency are refused, never converted here. */
  currency: () => FiscalCurrency;
  /** How long the server may print before it answers with the task id instead (asyncTimeout). */
  asyncTimeoutMs?: number;
  /** How long we wait for a task in all before telling the user it is still pending. */
  maxWaitMs?: number;
  pollIntervalMs?: number;
  /** One HTTP request's limit. */
  requestTimeoutMs?: number;
}

type Json = Record<string, unknown>;
type TaskStatus = 'unknown' | 'enqueued' | 'running' | 'finished';

const fail = (code: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, { params, extra });

export function erpNetFpDevice(config: ErpNetFpConfig): FiscalDevice {
  const base = config.serverUrl.replace(/\/+$/, '');
  const printer = encodeURIComponent(config.printerId);
  const asyncTimeoutMs = config.asyncTimeoutMs ?? 2000;
  const maxWaitMs = config.maxWaitMs ?? 30_000;
  const pollIntervalMs = config.pollIntervalMs ?? 250;
  const requestTimeoutMs = config.requestTimeoutMs ?? asyncTimeoutMs + 10_000;
  let cachedInfo: FiscalDeviceInfo | null = null;

  async function http(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch {
      throw fail('fiscal_server_unreachable', { url: base });
    }
    if (res.status === 404) throw fail('fiscal_printer_not_found', { printerId: config.printerId });
    if (res.status === 405) throw fail('fiscal_server_not_ready', { url: base });
    if (!res.ok) throw fail('fiscal_server_error', { status: res.status });
    try {
      const value = (await res.json()) as unknown;
      return value && typeof value === 'object' ? (value as Json) : {};
    } catch {
      throw fail('fiscal_server_error', { status: res.status });
    }
  }

  const credentials = () => ({
    ...(config.operator ? { operator: config.operator } : {}),
    ...(config.operatorPassword ? { operatorPassword: config.operatorPassword } : {}),
  });

  async function taskInfo(taskId: string): Promise<{ status: TaskStatus; result: Json }> {
    const answer = await http('GET', `/printers/taskinfo?id=${encodeURIComponent(taskId)}`);
    const raw = String(answer.taskStatus ?? 'unknown').toLowerCase();
    const status: TaskStatus =
      raw === 'enqueued' || raw === 'running' || raw === 'finished' ? raw : 'unknown';
    const result = answer.result && typeof answer.result === 'object' ? (answer.result as Json) : {};
    return { status, result };
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Waits for a task the server knows until it is finished; unknown on the way means it was lost. */
  async function poll(taskId: string): Promise<Json> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const info = await taskInfo(taskId);
      if (info.status === 'finished') return info.result;
      if (info.status === 'unknown') throw fail('fiscal_task_unknown', { taskId }, { taskId });
      if (Date.now() >= deadline) throw fail('fiscal_task_pending', { taskId }, { taskId });
      await sleep(pollIntervalMs);
    }
  }

  const isTaskIdOnly = (a: Json) => typeof a.taskId === 'string' && a.ok === undefined;
  const duplicatedTask = (a: Json) => messagesOf(a.messages).some((m) => m.code === 'E109');

  /**
   * Runs one printing task idempotently: on a retry the server is asked first and the task printed again only when
   * it is unknown and the operator said it was not printed; a lost answer is asked about, never resent.
   */
  async function run(action: string, body: Json | undefined, task: FiscalTaskOptions): Promise<Json> {
    const { taskId } = task;
    if (task.retry) {
      const info = await taskInfo(taskId);
      if (info.status === 'finished') return checked(info.result, taskId);
      if (info.status !== 'unknown') return checked(await poll(taskId), taskId);
      if (task.afterUnknown !== 'reprint') throw fail('fiscal_task_unknown', { taskId }, { taskId });
    }
    const query = `?asyncTimeout=${asyncTimeoutMs}&taskId=${encodeURIComponent(taskId)}`;
    let answer: Json;
    try {
      answer = await http('POST', `/printers/${printer}/${action}${query}`, body ?? {});
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'fiscal_server_unreachable') throw error;
      // The request may have reached the device: ask, and never send it again without knowing.
      const info = await taskInfo(taskId).catch(() => null);
      if (info?.status === 'finished') return checked(info.result, taskId);
      if (info && info.status !== 'unknown') return checked(await poll(taskId), taskId);
      throw fail('fiscal_task_unknown', { taskId }, { taskId });
    }
    if (isTaskIdOnly(answer) || duplicatedTask(answer)) return checked(await poll(taskId), taskId);
    return checked(answer, taskId);
  }

  function checked(answer: Json, taskId?: string): Json {
    if (!isOk(answer.ok)) throw deviceError(messagesOf(answer.messages), taskId);
    return answer;
  }

  const warnings = (answer: Json): DeviceMessage[] =>
    messagesOf(answer.messages).filter((m) => m.type !== 'info');

  async function info(): Promise<FiscalDeviceInfo> {
    const a = await http('GET', `/printers/${printer}`);
    const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    cachedInfo = {
      serialNumber: str(a.serialNumber),
      fiscalMemorySerialNumber: str(a.fiscalMemorySerialNumber),
      manufacturer: str(a.manufacturer),
      model: str(a.model),
      itemTextMaxLength: num(a.itemTextMaxLength, 0),
      commentTextMaxLength: num(a.commentTextMaxLength, 0),
      operatorPasswordMaxLength: num(a.operatorPasswordMaxLength, 0),
      taxIdentificationNumber: str(a.taxIdentificationNumber),
      supportedPaymentTypes: Array.isArray(a.supportedPaymentTypes)
        ? a.supportedPaymentTypes.map(String)
        : [],
    };
    return cachedInfo;
  }

  function assertCurrency(currency: FiscalCurrency) {
    const device = config.currency();
    if (currency !== device)
      throw new DomainError('invalid', 'fiscal_currency_mismatch', {
        field: 'currency',
        params: { currency, device },
      });
  }

  async function receiptBody(receipt: FiscalReceipt): Promise<Json> {
    assertCurrency(receipt.currency);
    if (receipt.lines.length === 0)
      throw new DomainError('invalid', 'fiscal_empty_receipt', { field: 'lines' });
    const width = cachedInfo ?? (await info());
    const items: Json[] = receipt.lines.map((l) => ({
      text: truncateText(l.text, width.itemTextMaxLength),
      quantity: toDeviceQuantity(l.quantityMilli),
      unitPrice: toDeviceAmount(l.unitPriceCents),
      taxGroup: l.taxGroup,
      ...(l.department ? { department: l.department } : {}),
      ...(l.discountCents
        ? { priceModifierType: 'discount-amount', priceModifierValue: toDeviceAmount(l.discountCents) }
        : {}),
    }));
    for (const text of receipt.footer ?? [])
      items.push({ type: 'footer-comment', text: truncateText(text, width.commentTextMaxLength) });
    return {
      uniqueSaleNumber: receipt.uniqueSaleNumber,
      ...credentials(),
      items,
      payments: receipt.payments.map((p) => ({ amount: toDeviceAmount(p.amountCents), paymentType: p.type })),
    };
  }

  function receiptResult(uniqueSaleNumber: string, a: Json): FiscalReceiptResult {
    return {
      fiscalised: true,
      uniqueSaleNumber,
      receiptNumber: typeof a.receiptNumber === 'string' ? a.receiptNumber : String(a.receiptNumber ?? ''),
      receiptDateTime: typeof a.receiptDateTime === 'string' ? a.receiptDateTime : null,
      receiptAmountCents: fromDeviceAmount(a.receiptAmount),
      fiscalMemorySerialNumber:
        typeof a.fiscalMemorySerialNumber === 'string' ? a.fiscalMemorySerialNumber : null,
      warnings: warnings(a),
    };
  }

  const action = async (name: string, body: Json | undefined, task: FiscalTaskOptions) => {
    const a = await run(name, body, task);
    const details = Object.fromEntries(
      Object.entries(a).filter(([key]) => key !== 'ok' && key !== 'messages' && key !== 'taskId'),
    );
    return {
      ok: true as const,
      warnings: warnings(a),
      ...(Object.keys(details).length ? { details } : {}),
    };
  };

  const money = (amount: FiscalAmount) => {
    assertCurrency(amount.currency);
    return { amount: toDeviceAmount(amount.amountCents), ...credentials() };
  };

  return {
    kind: 'erpnet_fp',
    info,
    async status(): Promise<FiscalDeviceStatus> {
      const a = await http('GET', `/printers/${printer}/status`);
      return {
        ok: isOk(a.ok),
        deviceDateTime: typeof a.deviceDateTime === 'string' ? a.deviceDateTime : null,
        messages: messagesOf(a.messages),
      };
    },
    async cash() {
      // A read, not a print: a slow device answers with the server's task id, which is simply waited for.
      let a = await http('GET', `/printers/${printer}/cash?asyncTimeout=${asyncTimeoutMs}`);
      if (isTaskIdOnly(a)) a = await poll(String(a.taskId));
      checked(a);
      return { amountCents: fromDeviceAmount(a.amount) ?? 0 };
    },
    async printReceipt(receipt, task) {
      const body = await receiptBody(receipt);
      return receiptResult(receipt.uniqueSaleNumber, await run('receipt', body, task));
    },
    async printReversalReceipt(reversal: FiscalReversal, task) {
      const body = {
        ...(await receiptBody(reversal)),
        receiptNumber: reversal.original.receiptNumber,
        receiptDateTime: reversal.original.receiptDateTime,
        fiscalMemorySerialNumber: reversal.original.fiscalMemorySerialNumber,
        reason: reversal.reason,
      };
      return receiptResult(reversal.uniqueSaleNumber, await run('reversalreceipt', body, task));
    },
    deposit: async (amount, task) => action('deposit', money(amount), task),
    withdraw: async (amount, task) => action('withdraw', money(amount), task),
    xReport: (task) => action('xreport', credentials(), task),
    zReport: (task) => action('zreport', credentials(), task),
    duplicate: (task) => action('duplicate', credentials(), task),
  };
}
