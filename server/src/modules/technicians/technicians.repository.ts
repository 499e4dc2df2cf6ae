import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll, listOrder, listPage, type SortKeys } from '../../db/list';
import { countAll, matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type {
  TechnicianHoursTable,
  TechnicianPayTermsTable,
  TechnicianSkillTable,
  TechnicianTable,
} from './technicians.table';

export interface TechnicianFilter {
  q?: string;
  active?: boolean;
  /** A category code the technician has as a skill. */
  skill?: string;
  archived?: boolean;
}

const TECHNICIAN_SORTS: SortKeys = {
  name: ['technician.name', { by: 'technician.id', direction: 'asc' }],
  createdAt: ['technician.created_at', { by: 'technician.id', direction: 'asc' }],
};
const technicianOrder = (sort: string | undefined) => listOrder(sort, TECHNICIAN_SORTS, 'name');

// The user account's name comes from the auth module's table: a read-only join.
function technicianView(db: Executor) {
  return db
    .selectFrom('technician')
    .leftJoin('app_user', 'app_user.id', 'technician.user_id')
    .selectAll('technician')
    .select('app_user.username');
}

export type TechnicianViewRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof technicianView>['executeTakeFirst']>>
>;
type TechnicianViewQuery = ReturnType<typeof technicianView>;

function filtered(qb: TechnicianViewQuery, f: TechnicianFilter): TechnicianViewQuery {
  let q = qb;
  if (f.q) q = q.where(matchesSearch('technician.search_text', f.q));
  if (f.active !== undefined) q = q.where('technician.active', '=', f.active);
  q = f.archived
    ? q.where('technician.archived_at', 'is not', null)
    : q.where('technician.archived_at', 'is', null);
  const skill = f.skill;
  if (skill)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('technician_skill')
          .innerJoin('catalog_category', 'catalog_category.id', 'technician_skill.category_id')
          .select('technician_skill.technician_id')
          .whereRef('technician_skill.technician_id', '=', 'technician.id')
          .where('catalog_category.code', '=', skill),
      ),
    );
  return q;
}

/** One page of the technicians of the filter, sorted by `sort` ("name", "-createdAt"), and their count. */
export async function listTechnicians(
  db: Executor,
  f: TechnicianFilter,
  sort: string | undefined,
  page: PageRequest,
) {
  return listPage(filtered(technicianView(db), f), technicianOrder(sort), page);
}

/** Every technician of the filter, sorted, for the CSV export. */
export async function allTechnicians(db: Executor, f: TechnicianFilter, sort: string | undefined) {
  return listAll(filtered(technicianView(db), f), technicianOrder(sort));
}

export async function findTechnicianView(db: Executor, id: string) {
  return technicianView(db).where('technician.id', '=', id).executeTakeFirst();
}

export async function findTechnicianByUser(db: Executor, userId: string) {
  return technicianView(db).where('technician.user_id', '=', userId).executeTakeFirst();
}

export async function listTechnicianNames(db: Executor) {
  return db.selectFrom('technician').select(['id', 'name']).where('archived_at', 'is', null).execute();
}

/** Every technician not archived (the schedule's roster), by name; skills and hours read beside it. */
export async function rosterRows(db: Executor) {
  return db
    .selectFrom('technician')
    .select(['id', 'name', 'active'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The skills of every technician not archived. */
export async function rosterSkills(db: Executor) {
  return db
    .selectFrom('technician_skill')
    .innerJoin('technician', 'technician.id', 'technician_skill.technician_id')
    .innerJoin('catalog_category', 'catalog_category.id', 'technician_skill.category_id')
    .select(['technician_skill.technician_id', 'catalog_category.code'])
    .where('technician.archived_at', 'is', null)
    .orderBy('catalog_category.code')
    .execute();
}

/** The working hours of every technician not archived. */
export async function rosterHours(db: Executor) {
  return db
    .selectFrom('technician_hours')
    .innerJoin('technician', 'technician.id', 'technician_hours.technician_id')
    .select([
      'technician_hours.technician_id',
      'technician_hours.weekday',
      'technician_hours.start_minute',
      'technician_hours.end_minute',
    ])
    .where('technician.archived_at', 'is', null)
    .orderBy('technician_hours.weekday')
    .orderBy('technician_hours.start_minute')
    .execute();
}

export async function countAllTechnicians(db: Executor): Promise<number> {
  const row = await db.selectFrom('technician').select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function insertTechnician(db: Executor, row: Insertable<TechnicianTable>): Promise<void> {
  await db.insertInto('technician').values(row).execute();
}

export async function updateTechnicianRow(
  db: Executor,
  id: string,
  patch: Updateable<TechnicianTable>,
): Promise<void> {
  await db.updateTable('technician').set(patch).where('id', '=', id).execute();
}

// Skills, hours and pay terms: loaded for a page of technicians at once.

export async function listSkills(db: Executor, technicianIds: readonly string[]) {
  if (!technicianIds.length) return [];
  return db
    .selectFrom('technician_skill')
    .innerJoin('catalog_category', 'catalog_category.id', 'technician_skill.category_id')
    .select(['technician_skill.technician_id', 'catalog_category.code'])
    .where('technician_skill.technician_id', 'in', technicianIds)
    .orderBy('catalog_category.code')
    .execute();
}

export async function replaceSkills(
  db: Executor,
  technicianId: string,
  rows: Insertable<TechnicianSkillTable>[],
): Promise<void> {
  await db.deleteFrom('technician_skill').where('technician_id', '=', technicianId).execute();
  if (rows.length) await db.insertInto('technician_skill').values(rows).execute();
}

export async function listHours(db: Executor, technicianIds: readonly string[]) {
  if (!technicianIds.length) return [];
  return db
    .selectFrom('technician_hours')
    .selectAll()
    .where('technician_id', 'in', technicianIds)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute();
}

export async function replaceHours(
  db: Executor,
  technicianId: string,
  rows: Insertable<TechnicianHoursTable>[],
): Promise<void> {
  await db.deleteFrom('technician_hours').where('technician_id', '=', technicianId).execute();
  if (rows.length) await db.insertInto('technician_hours').values(rows).execute();
}

export async function listPayTerms(db: Executor, technicianIds: readonly string[]) {
  if (!technicianIds.length) return [];
  return db
    .selectFrom('technician_pay_terms')
    .selectAll()
    .where('technician_id', 'in', technicianIds)
    .orderBy('valid_from', 'desc')
    .execute();
}

export async function findPayTermsFrom(db: Executor, technicianId: string, validFrom: string) {
  return db
    .selectFrom('technician_pay_terms')
    .select('id')
    .where('technician_id', '=', technicianId)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
}

export async function insertPayTerms(
  db: Executor,
  rows: Insertable<TechnicianPayTermsTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('technician_pay_terms').values(rows).execute();
}

export async function countTechniciansWithSkill(db: Executor, categoryId: string): Promise<number> {
  const row = await db
    .selectFrom('technician_skill')
    .select(countAll().as('n'))
    .where('category_id', '=', categoryId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Active technicians not archived: the first-steps checklist asks for one. */
export async function countActiveTechnicians(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('technician')
    .select(countAll().as('n'))
    .where('active', '=', true)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
