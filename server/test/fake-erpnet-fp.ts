/**
 * A small local ErpNet.FP print server for tests (node:http), behaving as its PROTOCOL.md and ErrorCodes.md describe:
 * one printer, the printing routes with `asyncTimeout` and `taskId`, `GET /printers/taskinfo?id=` (a finished task
 * is forgotten once reported), `ok` as the string "true" on printing answers and a boolean on status, E109 for a
 * reused task id, `GET /printers/{id}/cash` (with `asyncTimeout`, a slow device answers a task id). Switches make the device slow (a task stays running until released), lose its tasks (it prints,
 * then knows nothing of the task: "unknown", as after a restart) or run out of paper (E301). It counts what it printed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { wallClockOf } from '../src/kernel/calendar';

type Json = Record<string, unknown>;
type TaskStatus = 'enqueued' | 'running' | 'finished';

interface Task {
  status: TaskStatus;
  result: Json | null;
  run: () => Json;
}

export interface FakeDeviceSwitches {
  /** Printing tasks stay "running" until release() is called. */
  slow: boolean;
  /** The device prints, but the server forgets the task at once: taskinfo answers "unknown" and the POST a task id. */
  loseTasks: boolean;
  /** Every printing task fails with E301 "Out of paper", nothing printed. */
  paperOut: boolean;
  /** The device prints and the server keeps the task, but the answer is lost on the way (the connection drops). */
  dropAnswers: boolean;
  /** How far the device's clock is ahead of (negative: behind) the real time, in seconds (FIS-05, ADR 0037). */
  clockOffsetSeconds: number;
}

export interface FakeErpNetFp {
  url: string;
  printerId: string;
  switches: FakeDeviceSwitches;
  /** Fiscal receipts printed (sales and stornos), each once. */
  readonly printed: Json[];
  readonly reports: string[];
  readonly deposits: number[];
  readonly withdrawals: number[];
  readonly duplicates: number;
  cash: number;
  /** Every request the server received, as "METHOD path?query". */
  readonly requests: string[];
  /** Lets the slow device finish its running tasks. */
  release(): void;
  close(): Promise<void>;
}

export const FAKE_PRINTER_INFO = {
  uri: 'bg.dt.c.isl.com://COM6',
  serialNumber: 'DT517985',
  fiscalMemorySerialNumber: '02517985',
  manufacturer: 'Datecs',
  model: 'DP-25',
  firmwareVersion: '263453 08Nov18 1312',
  itemTextMaxLength: 22,
  commentTextMaxLength: 40,
  operatorPasswordMaxLength: 8,
  taxIdentificationNumber: '000713391',
  supportedPaymentTypes: ['cash', 'coupons', 'ext-coupons', 'card', 'reserved1'],
};

const PAPER_OUT = { type: 'error', code: 'E301', text: 'Out of paper' };
const INFO = [{ type: 'info', text: 'Serial number and number of FM are set' }];
const REASONS = ['operator-error', 'refund', 'taxbase-reduction', 'tax-base-reduction'];

const error = (code: string, text: string): Json => ({
  ok: 'false',
  messages: [{ type: 'error', code, text }, ...INFO],
});

/** The device's wall clock as ErpNet.FP gives it: local time (Sofia, where the device stands), no zone. */
const deviceNow = (offsetSeconds = 0) => {
  const at = new Date(Date.now() + offsetSeconds * 1000);
  const { date, minute } = wallClockOf(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(at.getUTCSeconds())}`;
};
const money = (n: number) => Math.round(n * 100) / 100;

export async function startFakeErpNetFp(
  options: { printerId?: string; port?: number; switches?: Partial<FakeDeviceSwitches> } = {},
): Promise<FakeErpNetFp> {
  const printerId = options.printerId ?? 'dt517985';
  const tasks = new Map<string, Task>();
  let receiptCounter = 84;
  let cashReads = 0;
  let slowWaiters: (() => void)[] = [];
  const state = {
    printed: [] as Json[],
    reports: [] as string[],
    deposits: [] as number[],
    withdrawals: [] as number[],
    duplicates: 0,
    cash: 0,
    requests: [] as string[],
  };
  const switches: FakeDeviceSwitches = {
    slow: false,
    loseTasks: false,
    paperOut: false,
    dropAnswers: false,
    clockOffsetSeconds: 0,
    ...options.switches,
  };

  function validItems(body: Json): Json | null {
    const items = Array.isArray(body.items) ? (body.items as Json[]) : [];
    if (!items.some((i) => (i.type ?? 'sale') === 'sale')) return error('E410', 'Document is empty');
    for (const i of items) {
      const text = String(i.text ?? '');
      if ((i.type ?? 'sale') === 'sale') {
        if (Array.from(text).length > FAKE_PRINTER_INFO.itemTextMaxLength)
          return error('E407', 'Invalid item');
        if (!(Number(i.unitPrice) >= 0) || !(Number(i.quantity ?? 1) > 0))
          return error('E403', 'Value out of bounds');
        if (!Number.isInteger(i.taxGroup) || Number(i.taxGroup) < 1 || Number(i.taxGroup) > 8)
          return error('E411', 'Invalid tax group');
      } else if (Array.from(text).length > FAKE_PRINTER_INFO.commentTextMaxLength)
        return error('E407', 'Invalid item');
    }
    if (!/^[0-9A-Z]{8}-[0-9A-Z]{4}-\d{7}$/.test(String(body.uniqueSaleNumber ?? '')))
      return error('E401', 'Syntax error: uniqueSaleNumber');
    return null;
  }

  function total(body: Json): number {
    let sum = 0;
    for (const i of (body.items as Json[]) ?? []) {
      if ((i.type ?? 'sale') !== 'sale') continue;
      let line = Number(i.quantity ?? 1) * Number(i.unitPrice);
      if (i.priceModifierType === 'discount-amount') line -= Number(i.priceModifierValue);
      sum += line;
    }
    return money(sum);
  }

  /** What the device does for an action: print and answer, or refuse. */
  function perform(action: string, body: Json): Json {
    if (switches.paperOut) return { ok: 'false', messages: [PAPER_OUT, ...INFO] };
    switch (action) {
      case 'receipt':
      case 'reversalreceipt': {
        const invalid = validItems(body);
        if (invalid) return invalid;
        if (action === 'reversalreceipt') {
          if (!body.receiptNumber || !body.receiptDateTime || !body.fiscalMemorySerialNumber)
            return error('E401', 'Syntax error: original receipt');
          if (!REASONS.includes(String(body.reason))) return error('E401', 'Syntax error: reason');
        }
        const amount = total(body);
        const payments = Array.isArray(body.payments) ? (body.payments as Json[]) : [];
        const cashPaid = payments.length
          ? payments
              .filter((p) => (p.paymentType ?? 'cash') === 'cash')
              .reduce((s, p) => s + Number(p.amount), 0)
          : amount;
        state.cash = money(state.cash + (action === 'receipt' ? cashPaid : -cashPaid));
        receiptCounter += 1;
        const printed = {
          ok: 'true',
          messages: INFO,
          receiptNumber: String(receiptCounter).padStart(7, '0'),
          receiptDateTime: deviceNow(switches.clockOffsetSeconds),
          receiptAmount: amount,
          fiscalMemorySerialNumber: FAKE_PRINTER_INFO.fiscalMemorySerialNumber,
        };
        state.printed.push({ action, body, answer: printed });
        return printed;
      }
      case 'deposit':
      case 'withdraw': {
        const amount = Number(body.amount);
        if (!(amount > 0)) return error('E403', 'Value out of bounds');
        if (action === 'withdraw' && amount > state.cash) return error('E403', 'Value out of bounds');
        state.cash = money(state.cash + (action === 'deposit' ? amount : -amount));
        (action === 'deposit' ? state.deposits : state.withdrawals).push(amount);
        return { ok: 'true', messages: INFO };
      }
      case 'xreport':
      case 'zreport':
        state.reports.push(action);
        return { ok: 'true', messages: INFO };
      case 'duplicate':
        state.duplicates += 1;
        return { ok: 'true', messages: INFO };
      default:
        return error('E402', 'Invalid command');
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    state.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: Json) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] !== 'printers') return send(404);
      if (req.method === 'GET' && parts.length === 1) return send(200, { [printerId]: FAKE_PRINTER_INFO });
      if (req.method === 'GET' && parts[1] === 'taskinfo') {
        const id = url.searchParams.get('id') ?? '';
        const task = tasks.get(id);
        if (!task) return send(200, { taskStatus: 'unknown', result: {} });
        if (task.status === 'finished') tasks.delete(id);
        return send(200, { taskStatus: task.status, result: task.result ?? {} });
      }
      if (parts[1] !== printerId) return send(404);
      if (req.method === 'GET' && parts.length === 2) return send(200, FAKE_PRINTER_INFO);
      if (req.method === 'GET' && parts[2] === 'status')
        return send(200, {
          ok: !switches.paperOut,
          deviceDateTime: deviceNow(switches.clockOffsetSeconds),
          messages: switches.paperOut ? [PAPER_OUT, ...INFO] : INFO,
        });
      if (req.method === 'GET' && parts[2] === 'cash') {
        const read = (): Json =>
          switches.paperOut
            ? { ok: 'false', messages: [PAPER_OUT, ...INFO] }
            : { amount: state.cash, ok: true, messages: INFO };
        if (!switches.slow || url.searchParams.get('asyncTimeout') === null) return send(200, read());
        // A slow device: the read waits in the server's queue and the answer is the task id it gave it.
        cashReads += 1;
        const id = `cash-${cashReads}`;
        const task: Task = { status: 'running', result: null, run: read };
        tasks.set(id, task);
        slowWaiters.push(() => {
          task.result = task.run();
          task.status = 'finished';
        });
        return send(200, { taskId: id });
      }
      if (req.method !== 'POST' || parts.length !== 3) return send(404);
      let body: Json;
      try {
        body = raw ? (JSON.parse(raw) as Json) : {};
      } catch {
        return send(400);
      }
      const action = parts[2] as string;
      const taskId = url.searchParams.get('taskId');
      const asyncTimeout = url.searchParams.get('asyncTimeout');
      if (taskId === null || asyncTimeout === null) return send(200, perform(action, body));
      if (tasks.has(taskId)) return send(200, error('E109', `Task Id "${taskId}" is already used`));
      const task: Task = { status: 'enqueued', result: null, run: () => perform(action, body) };
      if (switches.loseTasks) {
        // It prints, and the server loses the task (a restart): only the task id comes back, then "unknown".
        task.run();
        return send(200, { taskId });
      }
      tasks.set(taskId, task);
      if (switches.slow) {
        task.status = 'running';
        slowWaiters.push(() => {
          task.result = task.run();
          task.status = 'finished';
        });
        return send(200, { taskId });
      }
      task.result = task.run();
      task.status = 'finished';
      if (switches.dropAnswers) {
        res.socket?.destroy();
        return;
      }
      if (Number(asyncTimeout) === 0) return send(200, { taskId });
      // Finished within the timeout: the result itself; the task stays known until taskinfo reports it finished.
      return send(200, task.result);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    printerId,
    switches,
    get printed() {
      return state.printed;
    },
    get reports() {
      return state.reports;
    },
    get deposits() {
      return state.deposits;
    },
    get withdrawals() {
      return state.withdrawals;
    },
    get duplicates() {
      return state.duplicates;
    },
    get cash() {
      return state.cash;
    },
    set cash(value: number) {
      state.cash = value;
    },
    get requests() {
      return state.requests;
    },
    release() {
      const waiting = slowWaiters;
      slowWaiters = [];
      for (const finish of waiting) finish();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
