import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { formatDocumentNumber } from '../../kernel/numbering';
import { recordAudit } from '../audit';
import * as repo from './numbering.repository';
import type { CreateSeriesBody, DocType, NumberingSeries, UpdateSeriesBody } from './numbering.schema';
import { DOC_TYPES } from './numbering.schema';
import type { NumberingSeriesTable } from './numbering.table';

function toSeries(r: Selectable<NumberingSeriesTable>): NumberingSeries {
  return {
    id: r.id,
    docType: r.doc_type as DocType,
    code: r.code,
    name: r.name,
    startNumber: r.start_number,
    nextNumber: r.next_number,
    width: r.width,
    isDefault: Boolean(r.is_default),
    active: Boolean(r.active),
    used: r.next_number > r.start_number,
  };
}

export interface TakenNumber {
  seriesId: string;
  number: number;
  /** Zero-padded to the series width: "0000000001" for the 10-digit tax documents (INV-02). */
  formatted: string;
}

/**
 * Takes the next number of a series inside the caller's transaction: no gap and no duplicate, because a
 * rolled-back transaction returns its number and concurrent issuers wait on the counter row.
 */
export async function takeNumber(trx: Executor, docType: DocType, seriesId?: string): Promise<TakenNumber> {
  const series = seriesId ? await repo.findSeries(trx, seriesId) : await repo.findDefaultSeries(trx, docType);
  if (!series || series.doc_type !== docType)
    throw new DomainError('invalid', 'invalid_value', { field: 'seriesId', params: { field: 'seriesId' } });
  const bumped = await repo.bumpSeries(trx, series.id);
  if (!bumped)
    throw new DomainError('conflict', 'invalid_value', { field: 'seriesId', params: { field: 'seriesId' } });
  if (bumped.taken >= 10 ** bumped.width)
    throw new DomainError('conflict', 'series_exhausted', { params: { code: bumped.code } });
  return {
    seriesId: series.id,
    number: bumped.taken,
    formatted: formatDocumentNumber(bumped.taken, bumped.width),
  };
}

export async function listNumberingSeries(db: Executor): Promise<NumberingSeries[]> {
  return (await repo.listSeries(db)).map(toSeries);
}

/** One default series (code MAIN) per document kind, made at setup. */
export async function createDefaultSeries(db: Executor, actor: Actor): Promise<void> {
  for (const docType of DOC_TYPES) {
    if (await repo.findSeriesByCode(db, docType, 'MAIN')) continue;
    await insertNewSeries(db, actor, {
      docType,
      code: 'MAIN',
      name: 'Основна',
      nextNumber: 1,
      width: 10,
      isDefault: true,
    });
  }
}

async function insertNewSeries(
  db: Executor,
  actor: Actor,
  input: CreateSeriesBody,
): Promise<NumberingSeries> {
  // Codes are stored upper-case, so "br1" and "BR1" are the same series.
  const code = input.code.toUpperCase();
  if (await repo.findSeriesByCode(db, input.docType, code)) {
    throw new DomainError('conflict', 'series_code_taken', { field: 'code', params: { code } });
  }
  if (input.nextNumber >= 10 ** input.width)
    throw new DomainError('invalid', 'too_big', { field: 'nextNumber', params: { field: 'nextNumber' } });
  if (input.isDefault) await repo.clearDefault(db, input.docType);
  const row: Insertable<NumberingSeriesTable> = {
    id: newId(),
    doc_type: input.docType,
    code,
    name: input.name,
    start_number: input.nextNumber,
    next_number: input.nextNumber,
    width: input.width,
    is_default: input.isDefault,
    active: true,
    created_at: nowIso(),
  };
  await repo.insertSeries(db, row);
  const inserted = await repo.findSeries(db, row.id);
  if (!inserted) throw notFound('numbering_series');
  const created = toSeries(inserted);
  await recordAudit(db, actor, {
    action: 'numbering_series.create',
    entity: 'numbering_series',
    entityId: row.id,
    after: created,
  });
  return created;
}

/** Adds a series, e.g. for a branch; its numbers start where the company's previous system stopped. */
export async function createSeries(db: Db, actor: Actor, input: CreateSeriesBody): Promise<NumberingSeries> {
  try {
    return await db.transaction().execute((trx) => insertNewSeries(trx, actor, input));
  } catch (e) {
    // Two requests for the same code at once: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(e))
      throw new DomainError('conflict', 'series_code_taken', {
        field: 'code',
        params: { code: input.code.toUpperCase() },
      });
    throw e;
  }
}

/** Renames or (de)activates a series; its next number can change only before the first number is taken. */
export async function updateSeries(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdateSeriesBody,
): Promise<NumberingSeries> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findSeries(trx, id);
    if (!row) throw notFound('numbering_series');
    const before = toSeries(row);
    const set: Updateable<NumberingSeriesTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.nextNumber !== undefined && patch.nextNumber !== row.next_number) {
      if (before.used) throw new DomainError('conflict', 'series_in_use', { field: 'nextNumber' });
      if (patch.nextNumber >= 10 ** row.width)
        throw new DomainError('invalid', 'too_big', { field: 'nextNumber', params: { field: 'nextNumber' } });
      set.start_number = patch.nextNumber;
      set.next_number = patch.nextNumber;
    }
    if (patch.isDefault === true) {
      await repo.clearDefault(trx, row.doc_type);
      set.is_default = true;
    } else if (patch.isDefault === false) set.is_default = false;
    if (Object.keys(set).length) await repo.updateSeriesRow(trx, id, set);
    const updated = await repo.findSeries(trx, id);
    if (!updated) throw notFound('numbering_series');
    const after = toSeries(updated);
    await recordAudit(trx, actor, {
      action: 'numbering_series.update',
      entity: 'numbering_series',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
