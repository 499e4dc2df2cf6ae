import type { Selectable, Updateable } from 'kysely';
import { archiveRecord } from '../../db/archive';
import type { Db, Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { recordAudit } from '../audit';
import { findUserSummary } from '../auth';
import { findCategoryByCode } from '../catalog';
import { findOverlap, formatWeekdayHours, sortHours, type WorkingInterval } from './technicians.hours';
import { payTermsOn } from './technicians.pay';
import * as repo from './technicians.repository';
import type {
  CreateTechnicianBody,
  PayTerms,
  PayTermsInput,
  PayType,
  Technician,
  UpdateTechnicianBody,
} from './technicians.schema';
import type { TechnicianPayTermsTable, TechnicianTable } from './technicians.table';

export interface TechnicianListQuery {
  q?: string;
  page: number;
  pageSize: number;
  sort?: string;
  active?: boolean;
  skill?: string;
  archived?: boolean;
}

/** Name and phone, the phone also as digits in the international and the national form (+359888… → 0888…). */
function technicianSearchText(name: string, phone: string | null): string {
  const digits = phone?.replace(/\D/g, '') ?? '';
  const national = digits.startsWith('359') ? `0${digits.slice(3)}` : null;
  return toSearchText(name, phone, digits, national);
}

function toPayTerms(r: Selectable<TechnicianPayTermsTable>): PayTerms {
  return {
    id: r.id,
    validFrom: r.valid_from,
    payType: r.pay_type as PayType,
    commissionBp: r.commission_bp,
    rateCents: r.rate_cents,
  };
}

/** Builds the API shape of several technicians with their skills, hours and pay terms (3 queries in all). */
async function toTechnicians(db: Executor, rows: repo.TechnicianViewRow[]): Promise<Technician[]> {
  const ids = rows.map((r) => r.id);
  const skills = await repo.listSkills(db, ids);
  const hours = await repo.listHours(db, ids);
  const terms = await repo.listPayTerms(db, ids);
  const today = todayDate();
  return rows.map((r) => {
    const own = sortHours(
      hours
        .filter((h) => h.technician_id === r.id)
        .map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute })),
    );
    const payTerms = terms.filter((t) => t.technician_id === r.id).map(toPayTerms);
    return {
      id: r.id,
      name: r.name,
      phone: r.phone,
      userId: r.user_id,
      username: r.username ?? null,
      active: Boolean(r.active),
      skills: skills.filter((s) => s.technician_id === r.id).map((s) => s.code),
      hours: own,
      hoursText: formatWeekdayHours(own),
      payTerms,
      currentPayTerms: payTermsOn(payTerms, today),
      notes: r.notes,
      archivedAt: r.archived_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

async function viewOrThrow(db: Executor, id: string) {
  const row = await repo.findTechnicianView(db, id);
  if (!row) throw notFound('technician');
  return row;
}

export async function getTechnician(db: Executor, id: string): Promise<Technician> {
  const [t] = await toTechnicians(db, [await viewOrThrow(db, id)]);
  return t as Technician;
}

/** Whether the technician exists (archived or not), as getTechnician would find it: one read, no skills or hours. */
export async function technicianExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await repo.findTechnicianView(db, id));
}

/** The technician linked to a user account, or null (for "my jobs today"). */
export async function findTechnicianOfUser(db: Executor, userId: string): Promise<Technician | null> {
  const row = await repo.findTechnicianByUser(db, userId);
  return row ? ((await toTechnicians(db, [row]))[0] ?? null) : null;
}

/** The pay terms of a technician in force on a date (null before the first term); see technicians.pay.ts. */
export async function technicianPayTermsOn(
  db: Executor,
  technicianId: string,
  date: string,
): Promise<PayTerms | null> {
  const terms = (await repo.listPayTerms(db, [technicianId])).map(toPayTerms);
  return payTermsOn(terms, date);
}

/** Every technician's pay terms by technician id: a report applies the terms of each line's day. */
export async function payTermsOfTechnicians(
  db: Executor,
  technicianIds: readonly string[],
): Promise<Map<string, PayTerms[]>> {
  const out = new Map<string, PayTerms[]>();
  if (technicianIds.length === 0) return out;
  for (const row of await repo.listPayTerms(db, [...new Set(technicianIds)])) {
    const list = out.get(row.technician_id) ?? [];
    list.push(toPayTerms(row));
    out.set(row.technician_id, list);
  }
  return out;
}

function filterOf(q: Omit<TechnicianListQuery, 'page' | 'pageSize'>): repo.TechnicianFilter {
  return { q: q.q, active: q.active, skill: q.skill?.toUpperCase(), archived: q.archived };
}

export async function listTechnicians(db: Executor, q: TechnicianListQuery): Promise<PageOf<Technician>> {
  const page = await repo.listTechnicians(db, filterOf(q), q.sort, q);
  return mapPage(page, (rows) => toTechnicians(db, rows));
}

/** A technician as the schedule needs one: who, whether active, skills and working hours. */
export interface RosterTechnician {
  id: string;
  name: string;
  active: boolean;
  skills: string[];
  hours: WorkingInterval[];
}

/**
 * Every technician not archived, by name, with skills and hours: the schedule's occupancy and suggestions. Three
 * reads side by side (one round trip on PostgreSQL's pool), no count, no pay terms.
 */
export async function listRoster(db: Executor): Promise<RosterTechnician[]> {
  const [rows, skills, hours] = await Promise.all([
    repo.rosterRows(db),
    repo.rosterSkills(db),
    repo.rosterHours(db),
  ]);
  const out = new Map<string, RosterTechnician>(
    rows.map((r) => [r.id, { id: r.id, name: r.name, active: Boolean(r.active), skills: [], hours: [] }]),
  );
  for (const s of skills) out.get(s.technician_id)?.skills.push(s.code);
  for (const h of hours)
    out
      .get(h.technician_id)
      ?.hours.push({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute });
  for (const t of out.values()) t.hours = sortHours(t.hours);
  return [...out.values()];
}

export async function exportTechnicians(
  db: Executor,
  q: Omit<TechnicianListQuery, 'page' | 'pageSize'>,
): Promise<Technician[]> {
  return toTechnicians(db, await repo.allTechnicians(db, filterOf(q), q.sort));
}

// Rules

/** Category codes → ids, through the catalogue; codes that do not exist are left out. */
export async function categoryIdsByCode(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of new Set(codes)) {
    const category = await findCategoryByCode(db, code);
    if (category) out.set(code, category.id);
  }
  return out;
}

/** Skills are existing category codes (400 unknown_category naming the first unknown one); duplicates dropped. */
async function categoryIdsOf(db: Executor, codes: readonly string[], field = 'skills'): Promise<string[]> {
  const byCode = await categoryIdsByCode(db, codes);
  const missing = codes.find((c) => !byCode.has(c));
  if (missing)
    throw new DomainError('invalid', 'unknown_category', { field, params: { field, code: missing } });
  return [...new Set(byCode.values())];
}

function checkHours(hours: readonly WorkingInterval[], field = 'hours'): void {
  const overlap = findOverlap(hours);
  if (overlap)
    throw new DomainError('invalid', 'hours_overlap', {
      field,
      params: { part: formatWeekdayHours(overlap) },
    });
}

/** A user account links to one technician at most: 409 naming the technician who has it. */
async function checkUser(db: Executor, userId: string | null | undefined, exceptId?: string): Promise<void> {
  if (!userId) return;
  const user = await findUserSummary(db, userId);
  if (!user) throw new DomainError('invalid', 'unknown_user', { field: 'userId', params: { user: userId } });
  const linked = await repo.findTechnicianByUser(db, userId);
  if (linked && linked.id !== exceptId)
    throw new DomainError('conflict', 'user_already_technician', {
      field: 'userId',
      params: { user: user.username, technician: linked.name },
      extra: { existingId: linked.id },
    });
}

function payTermsRows(technicianId: string, terms: readonly PayTermsInput[], now: string) {
  return terms.map((t) => ({
    id: newId(),
    technician_id: technicianId,
    valid_from: t.validFrom,
    pay_type: t.payType,
    commission_bp: t.payType === 'commission' ? (t.commissionBp ?? null) : null,
    rate_cents: t.payType === 'per_norm_hour' ? (t.rateCents ?? null) : null,
    created_at: now,
    updated_at: now,
  }));
}

export interface NewTechnician {
  name: string;
  phone: string | null;
  userId: string | null;
  active: boolean;
  categoryIds: string[];
  hours: WorkingInterval[];
  payTerms: PayTermsInput[];
  notes: string | null;
}

/** Writes a technician with skills, hours and pay terms (already checked) and its audit row; returns the id. */
export async function insertNewTechnician(trx: Executor, actor: Actor, v: NewTechnician): Promise<string> {
  const now = nowIso();
  const id = newId();
  await repo.insertTechnician(trx, {
    id,
    user_id: v.userId,
    name: v.name,
    phone: v.phone,
    active: v.active,
    notes: v.notes,
    search_text: technicianSearchText(v.name, v.phone),
    archived_at: null,
    created_at: now,
    updated_at: now,
  });
  await repo.replaceSkills(
    trx,
    id,
    v.categoryIds.map((category_id) => ({
      technician_id: id,
      category_id,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.replaceHours(trx, id, hoursRows(id, v.hours, now));
  await repo.insertPayTerms(trx, payTermsRows(id, v.payTerms, now));
  await recordAudit(trx, actor, {
    action: 'technician.create',
    entity: 'technician',
    entityId: id,
    after: { ...v, id },
  });
  return id;
}

function hoursRows(technicianId: string, hours: readonly WorkingInterval[], now: string) {
  return sortHours(hours).map((h) => ({
    id: newId(),
    technician_id: technicianId,
    weekday: h.weekday,
    start_minute: h.startMinute,
    end_minute: h.endMinute,
    created_at: now,
    updated_at: now,
  }));
}

function checkPayTermDates(terms: readonly PayTermsInput[]): void {
  const seen = new Set<string>();
  for (const [i, t] of terms.entries()) {
    if (seen.has(t.validFrom))
      throw new DomainError('conflict', 'pay_terms_date_taken', {
        field: `payTerms.${i}.validFrom`,
        params: { date: t.validFrom },
      });
    seen.add(t.validFrom);
  }
}

/**
 * Adds a technician: skills are category codes that exist, working intervals on one day may not overlap, a user
 * account links to one technician at most, pay terms have distinct start dates.
 */
export async function createTechnician(
  db: Db,
  actor: Actor,
  input: CreateTechnicianBody,
): Promise<Technician> {
  checkHours(input.hours);
  checkPayTermDates(input.payTerms);
  return db.transaction().execute(async (trx) => {
    await checkUser(trx, input.userId);
    const categoryIds = await categoryIdsOf(trx, input.skills);
    let id: string;
    try {
      id = await insertNewTechnician(trx, actor, {
        name: input.name,
        phone: input.phone ?? null,
        userId: input.userId ?? null,
        active: input.active,
        categoryIds,
        hours: input.hours,
        payTerms: input.payTerms,
        notes: input.notes ?? null,
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError('conflict', 'user_already_technician', { field: 'userId' });
      throw e;
    }
    return getTechnician(trx, id);
  });
}

/** Changes a technician; skills and hours, when given, replace the old ones (same rules as on create). */
export async function updateTechnician(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdateTechnicianBody,
): Promise<Technician> {
  if (patch.hours) checkHours(patch.hours);
  return db.transaction().execute(async (trx) => {
    const row = await viewOrThrow(trx, id);
    const before = await getTechnician(trx, id);
    const now = nowIso();
    if (patch.userId !== undefined && patch.userId !== row.user_id) await checkUser(trx, patch.userId, id);
    const set: Updateable<TechnicianTable> = { updated_at: now };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.userId !== undefined) set.user_id = patch.userId;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.notes !== undefined) set.notes = patch.notes;
    set.search_text = technicianSearchText(
      set.name ?? row.name,
      set.phone === undefined ? row.phone : set.phone,
    );
    try {
      await repo.updateTechnicianRow(trx, id, set);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError('conflict', 'user_already_technician', { field: 'userId' });
      throw e;
    }
    if (patch.skills) {
      const categoryIds = await categoryIdsOf(trx, patch.skills);
      await repo.replaceSkills(
        trx,
        id,
        categoryIds.map((category_id) => ({
          technician_id: id,
          category_id,
          created_at: now,
          updated_at: now,
        })),
      );
    }
    if (patch.hours) await repo.replaceHours(trx, id, hoursRows(id, patch.hours, now));
    const after = await getTechnician(trx, id);
    await recordAudit(trx, actor, {
      action: 'technician.update',
      entity: 'technician',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

async function setArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<Technician> {
  return db.transaction().execute((trx) =>
    archiveRecord(trx, archived, {
      table: 'technician',
      id,
      load: async (t, technicianId) => {
        const row = await repo.findTechnicianView(t, technicianId);
        return row ? getTechnician(t, technicianId) : undefined;
      },
      isArchived: (technician) => technician.archivedAt !== null,
      audit: (t, e) =>
        recordAudit(t, actor, {
          action: `technician.${e.action}`,
          entity: 'technician',
          entityId: id,
          before: { archivedAt: e.before.archivedAt },
          after: { archivedAt: e.after?.archivedAt ?? null },
        }),
    }),
  );
}

/** Archives a technician who left: out of lists and planning, their past work and pay terms kept. */
export async function archiveTechnician(db: Db, actor: Actor, id: string): Promise<Technician> {
  return setArchived(db, actor, id, true);
}

export async function unarchiveTechnician(db: Db, actor: Actor, id: string): Promise<Technician> {
  return setArchived(db, actor, id, false);
}

/**
 * Adds pay terms from a date; earlier terms stay as they were, so earnings of earlier work keep their terms.
 * One term per start date (409 pay_terms_date_taken).
 */
export async function addPayTerms(
  db: Db,
  actor: Actor,
  id: string,
  input: PayTermsInput,
): Promise<Technician> {
  return db.transaction().execute(async (trx) => {
    await viewOrThrow(trx, id);
    if (await repo.findPayTermsFrom(trx, id, input.validFrom))
      throw new DomainError('conflict', 'pay_terms_date_taken', {
        field: 'validFrom',
        params: { date: input.validFrom },
      });
    const [row] = payTermsRows(id, [input], nowIso());
    if (row) await repo.insertPayTerms(trx, [row]);
    await recordAudit(trx, actor, {
      action: 'technician.add_pay_terms',
      entity: 'technician',
      entityId: id,
      after: input,
    });
    return getTechnician(trx, id);
  });
}
