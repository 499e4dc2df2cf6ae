/**
 * Cash desks and bank accounts (issue 13, item 7; ADR 0018). A movement is one numbered document (series
 * money_movement) whose legs move money into or out of accounts; a balance is the sum of an account's legs up to a
 * day. A cash desk never goes below zero on any day; a movement inside the closed period is refused; a movement is
 * reversed by a mirror, never deleted. Writers lock the accounts' rows first, so two withdrawals cannot both pass.
 */
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { formatMoney } from '../../kernel/format';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { getLockDate } from '../company';
import {
  daySalesOf,
  deviceCashDeskIds,
  deviceCashNow,
  registerCashMove,
  runZReport,
  zReportsOn,
} from '../fiscal';
import { takeNumber } from '../numbering';
import { assertSupplierExists } from '../parties';
import * as repo from './money.repository';
import type {
  AccountMovement,
  AccountMovements,
  CashEntryBody,
  CreateMoneyAccountBody,
  CreateMovementBody,
  DayReport,
  FiscalReconciliation,
  MoneyAccount,
  Movement,
  PatchMoneyAccountBody,
  ReverseMovementBody,
} from './money.schema';
import type { MoneyMovementKind } from './money.table';

const fieldError = (
  kind: 'invalid' | 'conflict',
  code: string,
  field: string,
  params: Record<string, unknown> = {},
) => new DomainError(kind, code, { field, params: { field, ...params } });

function toAccount(row: repo.AccountRow, balanceDate: CalendarDate, balanceCents: number): MoneyAccount {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    bankName: row.bank_name,
    iban: row.iban,
    currency: row.currency,
    archived: row.archived_at !== null,
    fiscalDevice: Boolean(row.fiscal_device),
    balanceDate,
    balanceCents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// ---------------------------------------------------------------- accounts

export async function listAccounts(
  db: Executor,
  query: { archived?: 'true' | 'false'; date?: CalendarDate },
): Promise<{ items: MoneyAccount[] }> {
  const date = query.date ?? todayDate();
  const rows = await repo.listAccounts(db, query.archived === 'true');
  const balances = await repo.balancesAt(
    db,
    rows.map((r) => r.id),
    date,
  );
  return { items: rows.map((r) => toAccount(r, date, balances.get(r.id) ?? 0)) };
}

async function accountOr404(db: Executor, id: string): Promise<repo.AccountRow> {
  const row = await repo.findAccount(db, id);
  if (!row) throw notFound('money_account');
  return row;
}

/** An account with its balance at the end of a day (default today). */
export async function getAccount(db: Executor, id: string, date?: CalendarDate): Promise<MoneyAccount> {
  const row = await accountOr404(db, id);
  const on = date ?? todayDate();
  return toAccount(row, on, (await repo.balancesAt(db, [id], on)).get(id) ?? 0);
}

export async function createAccount(
  db: Db,
  actor: Actor,
  input: CreateMoneyAccountBody,
): Promise<MoneyAccount> {
  if (input.kind === 'bank') {
    if (!input.bankName) throw fieldError('invalid', 'required', 'bankName');
    if (!input.iban) throw fieldError('invalid', 'required', 'iban');
  } else {
    if (input.bankName) throw fieldError('invalid', 'not_for_cash_desk', 'bankName');
    if (input.iban) throw fieldError('invalid', 'not_for_cash_desk', 'iban');
  }
  if (input.fiscalDevice && input.kind !== 'cash')
    throw fieldError('invalid', 'fiscal_device_cash_desk_only', 'fiscalDevice');
  return oneFiscalDesk(db, () =>
    db.transaction().execute(async (trx) => {
      const now = nowIso();
      const id = newId();
      if (input.fiscalDevice) await assertNoOtherFiscalDesk(trx, id);
      await repo.insertAccount(trx, {
        id,
        kind: input.kind,
        name: input.name,
        bank_name: input.kind === 'bank' ? (input.bankName ?? null) : null,
        iban: input.kind === 'bank' ? (input.iban ?? null) : null,
        currency: 'EUR',
        archived_at: null,
        fiscal_device: input.fiscalDevice ?? false,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      const created = await getAccount(trx, id);
      await recordAudit(trx, actor, {
        action: 'money_account.create',
        entity: 'money_account',
        entityId: id,
        after: created,
      });
      return created;
    }),
  );
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  input: PatchMoneyAccountBody,
): Promise<MoneyAccount> {
  return oneFiscalDesk(db, () =>
    db.transaction().execute(async (trx) => {
      const [row] = await repo.lockAccounts(trx, [id]);
      if (!row) throw notFound('money_account');
      if (row.kind === 'cash') {
        if (input.bankName !== undefined) throw fieldError('invalid', 'not_for_cash_desk', 'bankName');
        if (input.iban !== undefined) throw fieldError('invalid', 'not_for_cash_desk', 'iban');
      } else if (input.fiscalDevice)
        throw fieldError('invalid', 'fiscal_device_cash_desk_only', 'fiscalDevice');
      if (input.fiscalDevice && !row.fiscal_device) await assertNoOtherFiscalDesk(trx, id);
      const before = await getAccount(trx, id);
      const archivedAt =
        input.archived === undefined
          ? row.archived_at
          : input.archived
            ? (row.archived_at ?? nowIso())
            : null;
      await repo.updateAccount(trx, id, {
        name: input.name ?? row.name,
        bank_name: input.bankName ?? row.bank_name,
        iban: input.iban ?? row.iban,
        archived_at: archivedAt,
        fiscal_device: input.fiscalDevice ?? Boolean(row.fiscal_device),
        updated_at: nowIso(),
      });
      const after = await getAccount(trx, id);
      const action =
        input.archived === true && !before.archived
          ? 'money_account.archive'
          : input.archived === false && before.archived
            ? 'money_account.restore'
            : 'money_account.update';
      await recordAudit(trx, actor, { action, entity: 'money_account', entityId: id, before, after });
      return after;
    }),
  );
}

/** Two cash desks ticked at once: the index lets one through, the other hears whose the device is. */
async function oneFiscalDesk(db: Db, write: () => Promise<MoneyAccount>): Promise<MoneyAccount> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error, 'fiscal_device')) throw error;
    const other = await repo.findFiscalDesk(db);
    throw fieldError('conflict', 'fiscal_cash_desk_taken', 'fiscalDevice', { account: other?.name ?? '' });
  }
}

/** One device, one till: 409 fiscal_cash_desk_taken naming the cash desk the device already counts. */
async function assertNoOtherFiscalDesk(trx: Executor, id: string): Promise<void> {
  const other = await repo.findFiscalDesk(trx);
  if (other && other.id !== id)
    throw fieldError('conflict', 'fiscal_cash_desk_taken', 'fiscalDevice', { account: other.name });
}

// ---------------------------------------------------------------- movements

/** 409 period_closed when the day is on or before the company's lock date (as stock documents). */
async function assertPeriodOpen(trx: Executor, date: CalendarDate): Promise<void> {
  const lockDate = await getLockDate(trx);
  if (lockDate !== null && date <= lockDate)
    throw new DomainError('conflict', 'period_closed', {
      field: 'date',
      params: { date: lockDate },
      extra: { lockDate },
    });
}

/**
 * A cash desk never below zero: taking `delta` (negative) from `date` on must leave every later day's closing
 * balance at zero or more. 409 cash_desk_negative naming the account, the first day that would go negative and
 * the shortfall.
 */
async function assertCashStaysNonNegative(
  trx: Executor,
  account: repo.AccountRow,
  date: CalendarDate,
  delta: number,
): Promise<void> {
  if (account.kind !== 'cash' || delta >= 0) return;
  // The closing balance of every day from `date` on, each with the new movement in it.
  let balance = (await repo.balanceBefore(trx, account.id, date)) + delta;
  const days = await repo.dailyNetFrom(trx, account.id, date);
  let worst = { balance: days[0]?.date === date ? Number.POSITIVE_INFINITY : balance, date };
  for (const day of days) {
    balance += day.net;
    if (balance < worst.balance) worst = { balance, date: day.date };
  }
  if (worst.balance < 0) {
    const shortfall = -worst.balance;
    throw new DomainError('conflict', 'cash_desk_negative', {
      field: 'amountCents',
      params: {
        account: account.name,
        date: worst.date,
        // Shown the Bulgarian way in both languages, as the messages show dates.
        shortfall: formatMoney(shortfall, 'bg'),
      },
      extra: { accountId: account.id, date: worst.date, shortfallCents: shortfall },
    });
  }
}

interface LegDraft {
  accountId: string;
  amountCents: number;
}

/** How a movement on the fiscal cash desk was registered, and the request's device task id. */
interface FiscalMark {
  status: 'printed' | 'no_device';
  taskId: string;
}

/**
 * The leg a movement puts on the fiscal device's cash desk, if any: that cash changes outside a sale, so the device
 * registers it as a service deposit (in) or withdrawal (out) (FIS-03; Н-18 art. 33).
 */
async function fiscalLegOf(db: Executor, legs: LegDraft[]): Promise<LegDraft | null> {
  const tills = await tillIds(db);
  return legs.find((l) => tills.has(l.accountId)) ?? null;
}

/**
 * The tills (FIS-03): the cash desk ticked as the device's (ADR 0028) and each cash desk a fiscal device counts into
 * (ADR 0041); a movement on one is registered on its own device.
 */
async function tillIds(db: Executor): Promise<Set<string>> {
  const desk = await repo.findFiscalDesk(db);
  return new Set([...(desk ? [desk.id] : []), ...(await deviceCashDeskIds(db))]);
}

async function isTill(db: Executor, account: { id: string; fiscal_device: unknown }): Promise<boolean> {
  return Boolean(account.fiscal_device) || (await deviceCashDeskIds(db)).includes(account.id);
}

/**
 * Registers a movement's leg on the fiscal cash desk with the device before anything is written (ADR 0028): the
 * movement must be dated today (the device counts now); the checks the write makes run first, so the device does
 * not register what would then be refused; a device error throws and nothing of the movement is written. With no
 * device the movement is marked not fiscalised. The same taskId again finishes a pending task, never twice.
 */
async function registerOnDevice(
  db: Db,
  actor: Actor,
  leg: LegDraft,
  input: { date: CalendarDate; taskId?: string; afterUnknown?: 'stop' | 'reprint' },
  precheck: (trx: Executor) => Promise<void>,
): Promise<FiscalMark> {
  if (input.date !== todayDate())
    throw fieldError('invalid', 'fiscal_cash_desk_today', 'date', { date: todayDate() });
  await db.transaction().execute(precheck);
  const taskId = input.taskId ?? newId();
  const registered = await registerCashMove(db, actor, {
    action: leg.amountCents > 0 ? 'deposit' : 'withdraw',
    amountCents: Math.abs(leg.amountCents),
    taskId,
    afterUnknown: input.afterUnknown,
    cashDeskId: leg.accountId,
  });
  return { status: registered.fiscalised ? 'printed' : 'no_device', taskId };
}

/**
 * A movement already written for this device task (the same request again): it, not a second one; another
 * request under the same task id is 409 fiscal_task_mismatch.
 */
async function movementOfTask(
  db: Executor,
  taskId: string | undefined,
  same: { kind: MoneyMovementKind; amountCents: number },
): Promise<Movement | null> {
  if (!taskId) return null;
  const row = await repo.findMovementByTask(db, taskId);
  if (!row) return null;
  if (row.kind !== same.kind || Number(row.amount_cents) !== same.amountCents)
    throw fieldError('conflict', 'fiscal_task_mismatch', 'taskId', { taskId });
  return getMovement(db, row.id);
}

/** The checks every movement passes before it is written: the period open, no cash desk below zero. */
async function assertMovementFits(
  trx: Executor,
  accounts: Map<string, repo.AccountRow>,
  date: CalendarDate,
  legs: LegDraft[],
): Promise<void> {
  await assertPeriodOpen(trx, date);
  for (const leg of legs) {
    const account = accounts.get(leg.accountId);
    if (account) await assertCashStaysNonNegative(trx, account, date, leg.amountCents);
  }
}

async function writeMovement(
  trx: Executor,
  actor: Actor,
  header: {
    kind: MoneyMovementKind;
    date: CalendarDate;
    amountCents: number;
    reason: string | null;
    category: string | null;
    partyId: string | null;
    reversalOfId: string | null;
    fiscal?: FiscalMark | null;
  },
  legs: LegDraft[],
  accounts: Map<string, repo.AccountRow>,
): Promise<string> {
  await assertMovementFits(trx, accounts, header.date, legs);
  const taken = await takeNumber(trx, 'money_movement');
  const id = newId();
  await repo.insertMovement(
    trx,
    {
      id,
      series_id: taken.seriesId,
      number: taken.formatted,
      kind: header.kind,
      movement_date: header.date,
      amount_cents: header.amountCents,
      reason: header.reason,
      category: header.category,
      party_id: header.partyId,
      reversal_of_id: header.reversalOfId,
      reversed_by_id: null,
      fiscal_status: header.fiscal?.status ?? null,
      fiscal_task_id: header.fiscal?.taskId ?? null,
      created_by: actor.userId,
      created_at: nowIso(),
    },
    legs.map((l) => ({
      id: newId(),
      movement_id: id,
      account_id: l.accountId,
      movement_date: header.date,
      amount_cents: l.amountCents,
    })),
  );
  return id;
}

/** Locks the accounts and checks each is there and not archived (400 unknown_account / 409 account_archived). */
async function lockUsableAccounts(
  trx: Executor,
  wanted: { id: string; field: string }[],
): Promise<Map<string, repo.AccountRow>> {
  const rows = await repo.lockAccounts(
    trx,
    wanted.map((w) => w.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const w of wanted) {
    const row = byId.get(w.id);
    if (!row) throw fieldError('invalid', 'unknown_account', w.field);
    if (row.archived_at) throw fieldError('conflict', 'account_archived', w.field, { account: row.name });
  }
  return byId;
}

/** Any manual movement (the accounts' keepers): cash in/out, expense, supplier payment, transfer. */
export async function createMovement(db: Db, actor: Actor, input: CreateMovementBody): Promise<Movement> {
  if (input.kind === 'transfer') {
    if (!input.toAccountId) throw fieldError('invalid', 'required', 'toAccountId');
    if (input.toAccountId === input.accountId)
      throw fieldError('invalid', 'transfer_same_account', 'toAccountId');
  } else if (input.toAccountId !== undefined) throw fieldError('invalid', 'only_for_transfer', 'toAccountId');
  if (input.kind === 'supplier_payment' && !input.partyId) throw fieldError('invalid', 'required', 'partyId');
  if (input.kind !== 'supplier_payment' && input.partyId !== undefined)
    throw fieldError('invalid', 'only_for_supplier_payment', 'partyId');
  if (input.kind !== 'expense' && input.category !== undefined)
    throw fieldError('invalid', 'only_for_expense', 'category');

  const again = await movementOfTask(db, input.taskId, input);
  if (again) return again;
  const wanted = [{ id: input.accountId, field: 'accountId' }];
  if (input.toAccountId) wanted.push({ id: input.toAccountId, field: 'toAccountId' });
  const amount = input.amountCents;
  const legs: LegDraft[] =
    input.kind === 'transfer'
      ? [
          { accountId: input.accountId, amountCents: -amount },
          { accountId: input.toAccountId as string, amountCents: amount },
        ]
      : [{ accountId: input.accountId, amountCents: input.kind === 'cash_in' ? amount : -amount }];
  const prepare = async (trx: Executor) => {
    const accounts = await lockUsableAccounts(trx, wanted);
    if (input.partyId) await assertSupplierExists(trx, input.partyId, 'partyId');
    return accounts;
  };
  const fiscalLeg = await fiscalLegOf(db, legs);
  const fiscal = fiscalLeg
    ? await registerOnDevice(db, actor, fiscalLeg, input, async (trx) =>
        assertMovementFits(trx, await prepare(trx), input.date, legs),
      )
    : null;

  return writtenOnce(db, fiscal, input, () =>
    db.transaction().execute(async (trx) => {
      const accounts = await prepare(trx);
      const id = await writeMovement(
        trx,
        actor,
        {
          kind: input.kind,
          date: input.date,
          amountCents: amount,
          reason: input.reason,
          category: input.category ?? null,
          partyId: input.partyId ?? null,
          reversalOfId: null,
          fiscal,
        },
        legs,
        accounts,
      );
      const created = await getMovement(trx, id);
      await recordAudit(trx, actor, {
        action: 'money_movement.create',
        entity: 'money_movement',
        entityId: id,
        after: created,
      });
      return created;
    }),
  );
}

/** The same device task written at once by another request: its movement, not a second one nor a 500. */
async function writtenOnce(
  db: Db,
  fiscal: FiscalMark | null,
  same: { kind: MoneyMovementKind; amountCents: number },
  write: () => Promise<Movement>,
): Promise<Movement> {
  try {
    return await write();
  } catch (error) {
    if (!fiscal || !isUniqueViolation(error, 'fiscal_task')) throw error;
    const other = await movementOfTask(db, fiscal.taskId, same);
    if (!other) throw error;
    return other;
  }
}

/** Cash in or out on a cash desk (ПКО/РКО): what the front desk may record; a bank account is 409 not_a_cash_desk. */
export async function createCashEntry(
  db: Db,
  actor: Actor,
  accountId: string,
  input: CashEntryBody,
): Promise<Movement> {
  const account = await accountOr404(db, accountId);
  if (account.kind !== 'cash')
    throw fieldError('conflict', 'not_a_cash_desk', 'accountId', { account: account.name });
  return createMovement(db, actor, { ...input, accountId });
}

/** Reverses a movement by a mirror dated `date` (default today) with a reason; the original stays, marked. */
export async function reverseMovement(
  db: Db,
  actor: Actor,
  id: string,
  input: ReverseMovementBody,
): Promise<Movement> {
  const original = await repo.findMovement(db, id);
  const again = await movementOfTask(db, input.taskId, {
    kind: 'reversal',
    amountCents: Number(original?.amount_cents ?? 0),
  });
  if (again) return again;
  // A customer's payment or refund is undone where it was made (its receipt's storno, the refund's undo, its
  // allocations): reversed here, its money would leave the desk while the payment still settled its invoices.
  if (original?.kind === 'customer_payment')
    throw new DomainError('conflict', 'money_movement_of_customer', { params: { number: original.number } });
  // A reversal on the fiscal cash desk changes its cash as the original did, the other way: the device registers
  // it too.
  let fiscal: FiscalMark | null = null;
  if (original && original.kind !== 'reversal' && !original.reversed_by_id) {
    const legs = (await repo.legsOf(db, [id])).map((l) => ({
      accountId: l.account_id,
      amountCents: -Number(l.amount_cents),
    }));
    const fiscalLeg = await fiscalLegOf(db, legs);
    const date = input.date ?? todayDate();
    if (fiscalLeg)
      fiscal = await registerOnDevice(db, actor, fiscalLeg, { ...input, date }, async (trx) => {
        if (date < original.movement_date) throw fieldError('invalid', 'reversal_before_original', 'date');
        const accounts = new Map(
          (
            await repo.lockAccounts(
              trx,
              legs.map((l) => l.accountId),
            )
          ).map((a) => [a.id, a]),
        );
        await assertMovementFits(trx, accounts, date, legs);
      });
  }
  return writtenOnce(db, fiscal, { kind: 'reversal', amountCents: Number(original?.amount_cents ?? 0) }, () =>
    db.transaction().execute((trx) => reverseMovementIn(trx, actor, id, input, fiscal)),
  );
}

/** Reverses a movement inside the caller's transaction (a sale receipt's storno reverses its payment with it). */
export async function reverseMovementIn(
  trx: Executor,
  actor: Actor,
  id: string,
  input: ReverseMovementBody,
  fiscal: FiscalMark | null = null,
): Promise<Movement> {
  const original = await repo.lockMovement(trx, id);
  if (!original) throw notFound('money_movement');
  if (original.kind === 'reversal')
    throw new DomainError('conflict', 'money_reversal_of_reversal', {
      params: { number: original.number },
    });
  if (original.reversed_by_id)
    throw new DomainError('conflict', 'money_movement_reversed', { params: { number: original.number } });
  const date = input.date ?? todayDate();
  if (date < original.movement_date) throw fieldError('invalid', 'reversal_before_original', 'date');
  const legs = (await repo.legsOf(trx, [id])).map((l) => ({
    accountId: l.account_id,
    amountCents: -Number(l.amount_cents),
  }));
  const accounts = new Map(
    (
      await repo.lockAccounts(
        trx,
        legs.map((l) => l.accountId),
      )
    ).map((a) => [a.id, a]),
  );
  const mirrorId = await writeMovement(
    trx,
    actor,
    {
      kind: 'reversal',
      date,
      amountCents: Number(original.amount_cents),
      reason: input.reason,
      category: null,
      partyId: original.party_id,
      reversalOfId: id,
      fiscal,
    },
    legs,
    accounts,
  );
  if (!(await repo.markReversed(trx, id, mirrorId)))
    throw new DomainError('conflict', 'money_movement_reversed', { params: { number: original.number } });
  const mirror = await getMovement(trx, mirrorId);
  await recordAudit(trx, actor, {
    action: 'money_movement.reverse',
    entity: 'money_movement',
    entityId: id,
    after: { reversedBy: mirror.number, reason: input.reason, date },
  });
  return mirror;
}

export async function getMovement(db: Executor, id: string): Promise<Movement> {
  const row = await repo.findMovement(db, id);
  if (!row) throw notFound('money_movement');
  const legs = await repo.legsOf(db, [id]);
  const party = row.party_id
    ? await db.selectFrom('party').select('name').where('id', '=', row.party_id).executeTakeFirst()
    : undefined;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    date: String(row.movement_date),
    amountCents: Number(row.amount_cents),
    reason: row.reason,
    category: row.category,
    partyId: row.party_id,
    partyName: party?.name ?? null,
    legs: legs.map((l) => ({
      accountId: l.account_id,
      accountName: l.account_name,
      amountCents: Number(l.amount_cents),
    })),
    reversalOfId: row.reversal_of_id,
    reversedById: row.reversed_by_id,
    fiscalStatus: row.fiscal_status,
    createdAt: row.created_at,
  };
}

// ---------------------------------------------------------------- balances and reports

/** An account's movements in a period with the running balance (opening: the balance before `from`). */
export async function accountMovements(
  db: Executor,
  accountId: string,
  query: { from?: CalendarDate; to?: CalendarDate },
): Promise<AccountMovements> {
  await accountOr404(db, accountId);
  if (query.from && query.to && query.to < query.from)
    throw fieldError('invalid', 'period_ends_before_start', 'to');
  const opening = query.from ? await repo.balanceBefore(db, accountId, query.from) : 0;
  const rows = await repo.accountLegs(db, accountId, query.from, query.to);
  const counter = new Map<string, string>();
  for (const l of await repo.legsOf(
    db,
    rows.map((r) => r.id),
  ))
    if (l.account_id !== accountId) counter.set(l.movement_id, l.account_name);
  let balance = opening;
  const items: AccountMovement[] = rows.map((r) => {
    balance += Number(r.leg_cents);
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      date: String(r.movement_date),
      amountCents: Number(r.leg_cents),
      balanceCents: balance,
      reason: r.reason,
      category: r.category,
      partyName: r.party_name ?? null,
      counterAccountName: counter.get(r.id) ?? null,
      reversalOfId: r.reversal_of_id,
      reversedById: r.reversed_by_id,
      fiscalStatus: r.fiscal_status,
    };
  });
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    openingCents: opening,
    closingCents: balance,
    items,
  };
}

/** A cash desk's (or bank account's) day: opening balance, ins and outs by kind, closing balance, the movements. */
export async function dayReport(
  db: Executor,
  accountId: string,
  date?: CalendarDate,
  deviceCash: 'z_report' | 'live' = 'z_report',
): Promise<DayReport> {
  const account = await accountOr404(db, accountId);
  const day = date ?? todayDate();
  const till = await isTill(db, account);
  if (deviceCash === 'live' && (!till || day !== todayDate()))
    throw fieldError('invalid', 'fiscal_live_cash_today', 'deviceCash', { date: todayDate() });
  const moves = await accountMovements(db, accountId, { from: day, to: day });
  const byKind = (sign: 1 | -1) => {
    const sums = new Map<MoneyMovementKind, number>();
    for (const m of moves.items)
      if (Math.sign(m.amountCents) === sign)
        sums.set(m.kind, (sums.get(m.kind) ?? 0) + Math.abs(m.amountCents));
    return [...sums].map(([kind, amountCents]) => ({ kind, amountCents }));
  };
  const ins = byKind(1);
  const outs = byKind(-1);
  const total = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
  return {
    accountId,
    accountName: account.name,
    date: day,
    openingCents: moves.openingCents,
    ins,
    outs,
    totalInCents: total(ins),
    totalOutCents: total(outs),
    closingCents: moves.closingCents,
    movements: moves.items,
    fiscal: till
      ? await reconciliationOf(db, accountId, day, moves.closingCents, moves.items, deviceCash)
      : null,
    sales: await daySalesOf(db, accountId, day),
  };
}

/**
 * The fiscal cash desk against the device (FIS-03): its closing balance of the day less the device's cash amount —
 * from the day's last Z report (read just before it), or read from the device now — flagged when not zero.
 */
async function reconciliationOf(
  db: Executor,
  accountId: string,
  day: CalendarDate,
  closingCents: number,
  movements: AccountMovement[],
  source: 'z_report' | 'live',
): Promise<FiscalReconciliation> {
  const zReports = await zReportsOn(db, day, accountId);
  let read: { cents: number; at: string; balance: number | null; source: 'z_report' | 'live' } | null = null;
  if (source === 'live') {
    const cents = await deviceCashNow(db, accountId);
    if (cents === null) throw new DomainError('conflict', 'fiscal_no_device');
    read = { cents, at: nowIso(), balance: null, source };
  } else {
    const last = zReports.filter((z) => z.deviceCashCents !== null).at(-1);
    if (last)
      read = {
        cents: last.deviceCashCents as number,
        at: last.at,
        balance: last.cashDeskBalanceCents,
        source,
      };
  }
  const difference = read ? closingCents - read.cents : null;
  return {
    source: read?.source ?? 'none',
    deviceCashCents: read?.cents ?? null,
    readAt: read?.at ?? null,
    balanceAtReadCents: read?.balance ?? null,
    closingCents,
    differenceCents: difference,
    reconciled: difference === null ? null : difference === 0,
    zReports: zReports.map((z) => ({
      taskId: z.taskId,
      at: z.at,
      deviceCashCents: z.deviceCashCents,
      deviceCashAfterCents: z.deviceCashAfterCents,
      cashDeskBalanceCents: z.cashDeskBalanceCents,
    })),
    notFiscalised: movements.filter((m) => m.fiscalStatus === 'no_device').length,
  };
}

/**
 * The day's Z report for the fiscal cash desk (FIS-03): the device's cash read before it and the cash desk's balance
 * at that moment are kept with it; answers the day report with its reconciliation.
 */
export async function zReportForCashDesk(db: Db, actor: Actor, accountId: string): Promise<DayReport> {
  const account = await accountOr404(db, accountId);
  if (!(await isTill(db, account)))
    throw fieldError('conflict', 'not_the_fiscal_cash_desk', 'accountId', { account: account.name });
  await runZReport(db, actor, {
    id: accountId,
    balanceCents: async () => (await repo.balancesAt(db, [accountId], todayDate())).get(accountId) ?? 0,
  });
  return dayReport(db, accountId, todayDate());
}

// ---------------------------------------------------------------- customer payments (issue 13, item 6)

/**
 * A refund to a customer (ADR 0029): a customer_payment movement with one negative leg out of the account, so the
 * cash desk rule applies (409 cash_desk_negative). Called inside the payments module's transaction.
 */
export async function recordCustomerRefund(
  trx: Executor,
  actor: Actor,
  input: CustomerMoneyInput & { partyId: string },
): Promise<{ id: string; number: string; accountName: string }> {
  return recordCustomerMovement(trx, actor, input, -1);
}

/**
 * A customer's payment into a cash desk or a bank account (ADR 0018 "How customer payments plug in"): one
 * customer_payment movement, numbered, inside the caller's transaction, through the same checks as every movement
 * (the lock date, the account locked and usable). Returns the movement's id and number.
 */
export async function recordCustomerPayment(
  trx: Executor,
  actor: Actor,
  input: CustomerMoneyInput,
): Promise<{ id: string; number: string; accountName: string }> {
  return recordCustomerMovement(trx, actor, input, 1);
}

interface CustomerMoneyInput {
  accountId: string;
  date: CalendarDate;
  amountCents: number;
  partyId: string | null;
  reason: string | null;
}

/** A customer_payment movement: money in from the customer (+1) or paid back to them (−1), audited. */
async function recordCustomerMovement(
  trx: Executor,
  actor: Actor,
  input: CustomerMoneyInput,
  direction: 1 | -1,
): Promise<{ id: string; number: string; accountName: string }> {
  const accounts = await lockUsableAccounts(trx, [{ id: input.accountId, field: 'accountId' }]);
  const id = await writeMovement(
    trx,
    actor,
    {
      kind: 'customer_payment',
      date: input.date,
      amountCents: input.amountCents,
      reason: input.reason,
      category: null,
      partyId: input.partyId,
      reversalOfId: null,
    },
    [{ accountId: input.accountId, amountCents: direction * input.amountCents }],
    accounts,
  );
  const created = await getMovement(trx, id);
  await recordAudit(trx, actor, {
    action: 'money_movement.create',
    entity: 'money_movement',
    entityId: id,
    after: created,
  });
  return { id, number: created.number, accountName: accounts.get(input.accountId)?.name ?? '' };
}
