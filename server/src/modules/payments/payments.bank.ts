/**
 * Bank statement import (issue 13, item 7; ADR 0023): a bank's CSV statement, read by the imports module's reader
 * (UTF-8 or Windows-1251; comma, semicolon or tab), previewed line by line with a proposed match — an open invoice
 * whose number is in the description and whose open amount is the line's amount, else the customer by ЕИК or name
 * with open invoices (oldest due first). The confirmed incoming lines become customer payments by bank transfer into
 * the account, all in one transaction; each imported line is kept by its hash per account, never imported twice.
 */
import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { isCalendarDay } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { MAX_AMOUNT_CENTS } from '../../kernel/limits';
import { recordAudit } from '../audit';
import { decodeCsvUpload, parseCsvInSlices } from '../imports';
import { getAccount } from '../money';
import * as repo from './payments.repository';
import type {
  BankColumn,
  BankColumnMap,
  BankImportBody,
  BankLine,
  BankPreview,
  BankPreviewBody,
} from './payments.schema';
import { createPaymentIn } from './payments.service';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The headers Bulgarian banks (and our own English) give each column, folded to lower case; first found wins. */
const KNOWN_HEADERS: Record<BankColumn, string[]> = {
  date: ['дата', 'дата на операция', 'дата вальор', 'вальор', 'date', 'value date', 'booking date'],
  amount: ['сума', 'amount'],
  credit: ['кредит', 'credit', 'приход'],
  debit: ['дебит', 'debit', 'разход'],
  name: ['наредител', 'контрагент', 'наредител/получател', 'име на контрагент', 'counterparty', 'name'],
  iban: ['iban', 'сметка', 'iban на контрагент', 'сметка на контрагент', 'counterparty iban'],
  eik: ['еик', 'булстат', 'еик/булстат', 'eik', 'uic'],
  description: ['основание', 'основание за плащане', 'описание', 'description', 'details', 'reference'],
};

const fold = (s: string) => s.trim().toLocaleLowerCase('bg').replace(/\s+/g, ' ');

/** The header of each column: as the user mapped it, else a known header. Date and an amount are required. */
export function bankColumns(
  header: string[],
  mapped: BankColumnMap = {},
): Partial<Record<BankColumn, number>> {
  const folded = header.map(fold);
  const out: Partial<Record<BankColumn, number>> = {};
  for (const col of Object.keys(KNOWN_HEADERS) as BankColumn[]) {
    const wanted = mapped[col];
    if (wanted !== undefined) {
      const i = folded.indexOf(fold(wanted));
      if (i < 0)
        throw new DomainError('invalid', 'bank_column_not_in_file', {
          field: `columns.${col}`,
          params: { field: `columns.${col}`, header: wanted },
        });
      out[col] = i;
      continue;
    }
    for (const name of KNOWN_HEADERS[col]) {
      const i = folded.indexOf(name);
      if (i >= 0 && !Object.values(out).includes(i)) {
        out[col] = i;
        break;
      }
    }
  }
  const hasAmount = out.amount !== undefined || (out.credit !== undefined && out.debit !== undefined);
  if (out.date === undefined || !hasAmount)
    throw new DomainError('invalid', 'bank_columns_unknown', {
      field: 'columns',
      params: { field: 'columns', headers: header.join(', ') },
      extra: { header },
    });
  return out;
}

/** "1 234,56", "1234.56", "-50,00", "1.234,56" → cents; null when not an amount. Integer arithmetic only. */
export function parseBankAmount(text: string): number | null {
  let s = text.replace(/[\s\u00a0']/g, '').replace(/^\+/, '');
  if (s === '') return 0;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimal = lastComma > lastDot ? ',' : '.';
  const thousands = decimal === ',' ? '.' : ',';
  s = s.split(thousands).join('');
  const m = new RegExp(`^(-?)(\\d+)(?:\\${decimal}(\\d{1,2}))?$`).exec(s);
  if (!m) return null;
  const whole = Number(m[2]);
  const fraction = Number((m[3] ?? '0').padEnd(2, '0'));
  const value = whole * 100 + fraction;
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT_CENTS) return null;
  return m[1] === '-' ? -value : value;
}

/** "07.12.2026", "7.12.2026", "2026-12-07", "07/12/2026" → 2026-12-07; null when not a day. */
export function parseBankDate(text: string): CalendarDate | null {
  const s = text.trim().split(/[ T]/)[0] ?? '';
  let y: number;
  let mo: number;
  let d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!isCalendarDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` as CalendarDate;
}

interface ReadLine {
  line: number;
  hash: string;
  date: CalendarDate | null;
  amountCents: number | null;
  counterparty: string;
  iban: string;
  eik: string;
  description: string;
}

/**
 * The statement's lines. A line's hash is of its date, amount, counterparty, IBAN, ЕИК and description, and of how
 * many identical lines came before it in the file: two equal payments on a day stay two lines.
 */
async function readStatement(body: { file: string; columns?: BankColumnMap }) {
  const bytes = Buffer.from(body.file, 'base64');
  const decoded = await decodeCsvUpload(bytes, pause);
  const { header, rows } = await parseCsvInSlices(decoded.text, pause);
  const cols = bankColumns(header, body.columns);
  const cell = (row: string[], col: BankColumn) => {
    const i = cols[col];
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const lines: ReadLine[] = rows.map((row, k) => {
    const date = parseBankDate(cell(row, 'date'));
    let amountCents: number | null;
    if (cols.amount !== undefined) amountCents = parseBankAmount(cell(row, 'amount'));
    else {
      const credit = parseBankAmount(cell(row, 'credit'));
      const debit = parseBankAmount(cell(row, 'debit'));
      amountCents = credit === null || debit === null ? null : Math.abs(credit) - Math.abs(debit);
    }
    const r = {
      counterparty: cell(row, 'name'),
      iban: cell(row, 'iban').replace(/\s+/g, '').toUpperCase(),
      eik: cell(row, 'eik').replace(/\D+/g, ''),
      description: cell(row, 'description'),
    };
    const key = JSON.stringify([date, amountCents, r.counterparty, r.iban, r.eik, r.description]);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const hash = createHash('sha256').update(`${key}#${n}`).digest('hex');
    return { line: k + 2, hash, date, amountCents, ...r };
  });
  const columns: Record<string, string> = {};
  for (const [col, i] of Object.entries(cols)) columns[col] = header[i] as string;
  return { encoding: decoded.encoding, header, columns, lines };
}

async function bankAccountOr400(db: Executor, accountId: string) {
  const account = await getAccount(db, accountId);
  if (account.kind !== 'bank' || account.archived)
    throw new DomainError('invalid', 'bank_account_required', {
      field: 'accountId',
      params: { field: 'accountId' },
    });
  return account;
}

type Open = Awaited<ReturnType<typeof repo.openInvoicesOf>>[number];

/** The proposed match of an incoming line: the invoice by number and amount, else the customer by ЕИК or name. */
function matchOf(
  l: ReadLine,
  open: Open[],
  parties: { id: string; name: string; uic: string | null }[],
): BankLine['match'] {
  const none = {
    kind: 'none' as const,
    partyId: null,
    partyName: null,
    invoiceId: null,
    invoiceNumber: null,
  };
  if (l.amountCents === null || l.amountCents <= 0) return { ...none, openCents: 0 };
  const tokens = new Set((l.description.match(/\d+/g) ?? []).map((t) => t.replace(/^0+/, '')));
  const openOf = (i: Open) => Number(i.total_cents) - Number(i.settled_cents);
  const byNumber = open.find(
    (i) => i.number !== null && tokens.has(i.number.replace(/^0+/, '')) && openOf(i) === l.amountCents,
  );
  if (byNumber)
    return {
      kind: 'invoice',
      partyId: byNumber.party_id,
      partyName: byNumber.party_name,
      invoiceId: byNumber.id,
      invoiceNumber: byNumber.number,
      openCents: openOf(byNumber),
    };
  const name = fold(l.counterparty);
  const party =
    (l.eik !== '' ? parties.find((p) => p.uic === l.eik) : undefined) ??
    (name !== '' ? parties.find((p) => fold(p.name) === name) : undefined);
  if (!party) return { ...none, openCents: 0 };
  const theirs = open.filter((i) => i.party_id === party.id);
  if (theirs.length === 0) return { ...none, openCents: 0 };
  return {
    kind: 'customer',
    partyId: party.id,
    partyName: party.name,
    invoiceId: null,
    invoiceNumber: null,
    openCents: theirs.reduce((s, i) => s + openOf(i), 0),
  };
}

async function importedOf(db: Executor, accountId: string, hashes: string[]) {
  const out = new Map<string, string | null>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('bank_statement_line')
      .select(['line_hash', 'payment_id'])
      .where('account_id', '=', accountId)
      .where('line_hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.line_hash, r.payment_id);
  }
  return out;
}

/** Reads the statement and proposes a match for each line; writes nothing. */
export async function previewBankStatement(
  db: Executor,
  accountId: string,
  body: BankPreviewBody,
): Promise<BankPreview> {
  await bankAccountOr400(db, accountId);
  const statement = await readStatement(body);
  const open = await repo.openInvoicesOf(db, null);
  const partyIds = [...new Set(open.map((i) => i.party_id))];
  const parties =
    partyIds.length === 0
      ? []
      : await db.selectFrom('party').select(['id', 'name', 'uic']).where('id', 'in', partyIds).execute();
  const imported = await importedOf(
    db,
    accountId,
    statement.lines.map((l) => l.hash),
  );
  return {
    accountId,
    encoding: statement.encoding,
    header: statement.header,
    columns: statement.columns,
    lines: statement.lines.map((l) => {
      const error = l.date === null ? 'bank_line_date' : l.amountCents === null ? 'bank_line_amount' : null;
      const status = imported.has(l.hash)
        ? 'imported'
        : error
          ? 'invalid'
          : (l.amountCents ?? 0) <= 0
            ? 'outgoing'
            : 'new';
      return {
        line: l.line,
        hash: l.hash,
        status,
        error,
        date: l.date,
        amountCents: l.amountCents ?? 0,
        counterparty: l.counterparty,
        iban: l.iban,
        eik: l.eik,
        description: l.description,
        match: status === 'new' ? matchOf(l, open, parties) : matchOf({ ...l, amountCents: 0 }, [], []),
        paymentId: imported.get(l.hash) ?? null,
      };
    }),
  };
}

/**
 * Imports the confirmed lines of the statement (sent again, so the amounts and days are the file's): each becomes a
 * customer payment by bank transfer into the account, to the chosen invoice or oldest due first, and its hash is
 * kept. All or nothing. Refusals: 400 bank_line_unknown (no such line in the file), bank_line_not_incoming (an
 * invalid or outgoing line); 409 bank_line_already_imported; and those of a payment (ADR 0020).
 */
export async function importBankStatement(db: Db, actor: Actor, accountId: string, body: BankImportBody) {
  const account = await bankAccountOr400(db, accountId);
  const statement = await readStatement(body);
  const byHash = new Map(statement.lines.map((l) => [l.hash, l]));
  return db.transaction().execute(async (trx) => {
    const already = await importedOf(
      trx,
      accountId,
      body.lines.map((l) => l.hash),
    );
    const payments: { hash: string; paymentId: string; number: string }[] = [];
    const chosen = new Set<string>();
    for (const [k, want] of body.lines.entries()) {
      const field = `lines.${k}.hash`;
      const l = byHash.get(want.hash);
      if (!l) throw new DomainError('invalid', 'bank_line_unknown', { field, params: { field } });
      if (already.has(want.hash) || chosen.has(want.hash))
        throw new DomainError('conflict', 'bank_line_already_imported', {
          field,
          params: { field, line: l.line },
        });
      chosen.add(want.hash);
      if (l.date === null || l.amountCents === null || l.amountCents <= 0)
        throw new DomainError('invalid', 'bank_line_not_incoming', {
          field,
          params: { field, line: l.line },
        });
      const notes = [l.counterparty, l.description]
        .filter((s) => s !== '')
        .join(' — ')
        .slice(0, 500);
      const paymentId = await createPaymentIn(trx, actor, {
        partyId: want.partyId,
        accountId,
        method: 'bank_transfer',
        date: l.date,
        amountCents: l.amountCents,
        notes: notes === '' ? undefined : notes,
        ...(want.invoiceId
          ? { allocations: [{ invoiceId: want.invoiceId, amountCents: l.amountCents }] }
          : { oldestFirst: true }),
      });
      await trx
        .insertInto('bank_statement_line')
        .values({
          id: newId(),
          account_id: accountId,
          line_hash: l.hash,
          line_date: l.date,
          amount_cents: l.amountCents,
          counterparty: l.counterparty || null,
          description: l.description || null,
          payment_id: paymentId,
          created_by: actor.userId,
          created_at: nowIso(),
        })
        .execute();
      const p = await repo.findPayment(trx, paymentId);
      payments.push({ hash: l.hash, paymentId, number: p?.number ?? '' });
    }
    await recordAudit(trx, actor, {
      action: 'money_account.import_statement',
      entity: 'money_account',
      entityId: accountId,
      after: { account: account.name, lines: payments.length, payments: payments.map((p) => p.number) },
    });
    return { imported: payments.length, payments };
  });
}
