import { type ExpressionBuilder, type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listAll, listOrder, listPage, type OrderTerm, type SortKeys } from '../../db/list';
import type { Database } from '../../db/schema';
import { countAll, dialectOf, matchesSearchIndexed } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import { foldSearchText } from '../../kernel/search-text';
import { phoneNeedle } from './parties.search';
import type {
  PartyAddressTable,
  PartyContactTable,
  PartyEmailTable,
  PartyPhoneTable,
  PartyTable,
  SiteTable,
} from './parties.table';

/** Rows per multi-row INSERT or IN list: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 200;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** search_text matches the needle, or (for a needle that looks like a phone number) its digits. */
function searchCondition(db: Executor, table: 'party' | 'site', needle: string) {
  return <T extends keyof Database>(eb: ExpressionBuilder<Database, T>) => {
    const digits = phoneNeedle(needle);
    const conditions = [matchesSearchIndexed(db, table, needle)];
    if (digits && digits !== foldSearchText(needle)) conditions.push(matchesSearchIndexed(db, table, digits));
    return eb.or(conditions);
  };
}

/** Text ordered by code point on both databases (PostgreSQL's locale collation would order differently). */
function byCodePoint(db: Executor, column: string): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}

/**
 * The sort keys of a list of parties or sites: names by code point, empty cities last on both databases (SQLite
 * puts NULL first, PostgreSQL last); then the record's own name and its id break ties.
 */
function nameSorts(db: Executor, table: 'party' | 'site'): Record<string, OrderTerm[]> {
  const ownName = byCodePoint(db, `${table}.sort_name`);
  const ties: OrderTerm[] = [
    { by: ownName, direction: 'asc' },
    { by: `${table}.id`, direction: 'asc' },
  ];
  return {
    name: [{ by: ownName }, { by: `${table}.id`, direction: 'asc' }],
    createdAt: [`${table}.created_at`, ...ties],
    city: [
      { by: sql`${sql.ref(`${table}.city`)} is null`, direction: 'asc' },
      { by: byCodePoint(db, `${table}.city`) },
      ...ties,
    ],
  };
}

/** Parties by name unless another key ("createdAt", "-city") is asked for. */
const partyOrder = (db: Executor, sort: string | undefined): ListOrder =>
  listOrder(sort, nameSorts(db, 'party'), 'name');

/** Sites as parties, and by customer ("customer"). */
function siteOrder(db: Executor, sort: string | undefined): ListOrder {
  const keys: SortKeys = {
    ...nameSorts(db, 'site'),
    customer: [
      { by: byCodePoint(db, 'party.sort_name') },
      { by: byCodePoint(db, 'site.sort_name'), direction: 'asc' },
      { by: 'site.id', direction: 'asc' },
    ],
  };
  return listOrder(sort, keys, 'name');
}

// ---------------------------------------------------------------- parties

export async function findParty(db: Executor, id: string) {
  return db.selectFrom('party').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Suppliers whose ЕИК is one of these (archived ones too: the caller says why they do not fit). */
export async function findSuppliersByUic(db: Executor, uics: readonly string[]) {
  if (!uics.length) return [];
  return db
    .selectFrom('party')
    .select(['id', 'name', 'uic', 'archived_at'])
    .where('is_supplier', '=', true)
    .where('uic', 'in', [...new Set(uics)])
    .execute();
}

/** The live (not archived) party with this ЕИК, other than exceptId. */
export async function findLivePartyByUic(db: Executor, uic: string, exceptId: string | null) {
  let q = db
    .selectFrom('party')
    .select(['id', 'name', 'uic'])
    .where('uic', '=', uic)
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function findLivePartiesByUics(db: Executor, uics: readonly string[]) {
  const out: { id: string; name: string; uic: string | null }[] = [];
  for (const part of chunks([...new Set(uics)])) {
    out.push(
      ...(await db
        .selectFrom('party')
        .select(['id', 'name', 'uic'])
        .where('uic', 'in', part)
        .where('archived_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

/** Live customers whose name is exactly one of names (case and spelling as written). */
export async function findLiveCustomersByNames(db: Executor, names: readonly string[]) {
  const out: { id: string; name: string }[] = [];
  for (const part of chunks([...new Set(names)])) {
    out.push(
      ...(await db
        .selectFrom('party')
        .select(['id', 'name'])
        .where('name', 'in', part)
        .where('is_customer', '=', true)
        .where('archived_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

export async function hasAnyParty(db: Executor): Promise<boolean> {
  return (await db.selectFrom('party').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertParties(db: Executor, rows: Insertable<PartyTable>[]): Promise<void> {
  for (const part of chunks(rows, 50)) await db.insertInto('party').values(part).execute();
}

export async function updatePartyRow(db: Executor, id: string, patch: Updateable<PartyTable>): Promise<void> {
  await db.updateTable('party').set(patch).where('id', '=', id).execute();
}

export async function deletePartyRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('party_phone').where('party_id', '=', id).execute();
  await db.deleteFrom('party_email').where('party_id', '=', id).execute();
  await db.deleteFrom('party_address').where('party_id', '=', id).execute();
  await db.deleteFrom('party_contact').where('party_id', '=', id).execute();
  await db.deleteFrom('party').where('id', '=', id).execute();
}

export interface PartyChildRows {
  phones: Insertable<PartyPhoneTable>[];
  emails: Insertable<PartyEmailTable>[];
  addresses: Insertable<PartyAddressTable>[];
  contacts: Insertable<PartyContactTable>[];
}

export async function insertPartyChildren(db: Executor, rows: PartyChildRows): Promise<void> {
  for (const part of chunks(rows.phones)) await db.insertInto('party_phone').values(part).execute();
  for (const part of chunks(rows.emails)) await db.insertInto('party_email').values(part).execute();
  for (const part of chunks(rows.addresses)) await db.insertInto('party_address').values(part).execute();
  for (const part of chunks(rows.contacts)) await db.insertInto('party_contact').values(part).execute();
}

export async function deletePhones(db: Executor, partyId: string): Promise<void> {
  await db.deleteFrom('party_phone').where('party_id', '=', partyId).execute();
}
export async function deleteEmails(db: Executor, partyId: string): Promise<void> {
  await db.deleteFrom('party_email').where('party_id', '=', partyId).execute();
}
export async function deleteAddresses(db: Executor, partyId: string): Promise<void> {
  await db.deleteFrom('party_address').where('party_id', '=', partyId).execute();
}
export async function deleteContacts(db: Executor, partyId: string): Promise<void> {
  await db.deleteFrom('party_contact').where('party_id', '=', partyId).execute();
}

export async function listPhones(db: Executor, partyId: string) {
  return db
    .selectFrom('party_phone')
    .selectAll()
    .where('party_id', '=', partyId)
    .orderBy('sort_order')
    .execute();
}
export async function listEmails(db: Executor, partyId: string) {
  return db
    .selectFrom('party_email')
    .selectAll()
    .where('party_id', '=', partyId)
    .orderBy('sort_order')
    .execute();
}
export async function listAddresses(db: Executor, partyId: string) {
  return db
    .selectFrom('party_address')
    .selectAll()
    .where('party_id', '=', partyId)
    .orderBy('sort_order')
    .execute();
}
export async function listContacts(db: Executor, partyId: string) {
  return db
    .selectFrom('party_contact')
    .selectAll()
    .where('party_id', '=', partyId)
    .orderBy('sort_order')
    .execute();
}

export interface PartyFilter {
  q?: string | undefined;
  kind?: string | undefined;
  role?: 'customer' | 'supplier' | undefined;
  archived?: boolean | undefined;
}

function filteredParties(db: Executor, f: PartyFilter) {
  let q = db.selectFrom('party');
  if (f.q) q = q.where(searchCondition(db, 'party', f.q));
  if (f.kind) q = q.where('party.kind', '=', f.kind);
  if (f.role === 'customer') q = q.where('party.is_customer', '=', true);
  if (f.role === 'supplier') q = q.where('party.is_supplier', '=', true);
  q = f.archived ? q.where('party.archived_at', 'is not', null) : q.where('party.archived_at', 'is', null);
  return q;
}

/** One page of the parties of the filter, sorted by `sort` ("name", "-createdAt", "city"), and their count. */
export async function listParties(db: Executor, f: PartyFilter, sort: string | undefined, page: PageRequest) {
  return listPage(filteredParties(db, f).selectAll('party'), partyOrder(db, sort), page);
}

/** Every party of the filter, sorted, for the CSV export. */
export async function exportParties(db: Executor, f: PartyFilter, sort: string | undefined) {
  return listAll(filteredParties(db, f).selectAll('party'), partyOrder(db, sort));
}

/**
 * The global search: the first `limit` matches, in no order (sorting would read every match). SQLite reads them
 * through the trigram index for needles of 3+ characters, PostgreSQL through pg_trgm; shorter needles scan party and
 * stop at `limit`.
 */
export async function searchPartyRows(db: Executor, needle: string, limit: number) {
  return db
    .selectFrom('party')
    .select(['id', 'name', 'kind', 'uic', 'phone', 'email', 'city'])
    .where('archived_at', 'is', null)
    .where(searchCondition(db, 'party', needle))
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------- sites

export async function findSite(db: Executor, id: string) {
  return db
    .selectFrom('site')
    .innerJoin('party', 'party.id', 'site.party_id')
    .selectAll('site')
    .select('party.name as party_name')
    .where('site.id', '=', id)
    .executeTakeFirst();
}

/** The live site of the party with this name, other than exceptId. */
export async function findLiveSiteByName(
  db: Executor,
  partyId: string,
  name: string,
  exceptId: string | null,
) {
  let q = db
    .selectFrom('site')
    .select(['id', 'name'])
    .where('party_id', '=', partyId)
    .where('name', '=', name)
    .where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Live sites of these parties (for the import's duplicate check). */
export async function findLiveSitesOfParties(db: Executor, partyIds: readonly string[]) {
  const out: { id: string; party_id: string; name: string }[] = [];
  for (const part of chunks([...new Set(partyIds)])) {
    out.push(
      ...(await db
        .selectFrom('site')
        .select(['id', 'party_id', 'name'])
        .where('party_id', 'in', part)
        .where('archived_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

export async function insertSites(db: Executor, rows: Insertable<SiteTable>[]): Promise<void> {
  for (const part of chunks(rows, 50)) await db.insertInto('site').values(part).execute();
}

export async function updateSiteRow(db: Executor, id: string, patch: Updateable<SiteTable>): Promise<void> {
  await db.updateTable('site').set(patch).where('id', '=', id).execute();
}

export async function deleteSiteRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('site').where('id', '=', id).execute();
}

export async function countSitesOfParty(db: Executor, partyId: string): Promise<number> {
  const r = await db
    .selectFrom('site')
    .select(countAll().as('n'))
    .where('party_id', '=', partyId)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** All sites of a party, archived ones included, oldest first. */
export async function allSitesOfParty(db: Executor, partyId: string) {
  return db
    .selectFrom('site')
    .innerJoin('party', 'party.id', 'site.party_id')
    .selectAll('site')
    .select('party.name as party_name')
    .where('site.party_id', '=', partyId)
    .orderBy('site.created_at')
    .orderBy('site.id')
    .execute();
}

export interface SiteFilter {
  q?: string | undefined;
  partyId?: string | undefined;
  archived?: boolean | undefined;
}

function filteredSites(db: Executor, f: SiteFilter) {
  let q = db.selectFrom('site').innerJoin('party', 'party.id', 'site.party_id');
  if (f.q) q = q.where(searchCondition(db, 'site', f.q));
  if (f.partyId) q = q.where('site.party_id', '=', f.partyId);
  q = f.archived ? q.where('site.archived_at', 'is not', null) : q.where('site.archived_at', 'is', null);
  return q;
}

function siteView(db: Executor, f: SiteFilter) {
  return filteredSites(db, f).selectAll('site').select('party.name as party_name');
}

/** One page of the sites of the filter, sorted by `sort` ("name", "customer", "-city"), and their count. */
export async function listSites(db: Executor, f: SiteFilter, sort: string | undefined, page: PageRequest) {
  return listPage(siteView(db, f), siteOrder(db, sort), page);
}

/** Every site of the filter, sorted, for the CSV export. */
export async function exportSites(db: Executor, f: SiteFilter, sort: string | undefined) {
  return listAll(siteView(db, f), siteOrder(db, sort));
}
