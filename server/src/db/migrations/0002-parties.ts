import { sql } from 'kysely';
import { columns, type Migration, type MigrationDb } from './helpers';

async function index(db: MigrationDb, name: string, table: string, cols: string[]) {
  await db.schema.createIndex(name).on(table).columns(cols).execute();
}

/** Tables of the parties module: customers and suppliers, their phones, e-mails, addresses, contacts and sites. */
export const parties: Migration = {
  name: '0002-parties',
  async up(db, dialect) {
    const c = columns(dialect);

    let party = db.schema.createTable('party');
    party = c.id(party);
    party = c.text(party, 'kind', (x) => x.notNull().check(sql`kind in ('person', 'company')`));
    party = c.text(party, 'name', (x) => x.notNull());
    party = c.text(party, 'sort_name', (x) => x.notNull());
    party = c.text(party, 'uic');
    party = c.text(party, 'vat_number');
    party = c.text(party, 'mol');
    party = c.text(party, 'egn');
    party = c.bool(party, 'wants_invoices', false);
    party = c.bool(party, 'is_customer', true);
    party = c.bool(party, 'is_supplier', false);
    party = c.text(party, 'notes');
    party = c.text(party, 'phone');
    party = c.text(party, 'email');
    party = c.text(party, 'city');
    party = c.text(party, 'address');
    party = c.text(party, 'search_text', (x) => x.notNull().defaultTo(''));
    party = c.instant(party, 'archived_at');
    party = c.instant(party, 'anonymised_at');
    party = c.instant(party, 'created_at', (x) => x.notNull());
    party = c.instant(party, 'updated_at', (x) => x.notNull());
    await party.execute();
    // One live party per ЕИК; an archived duplicate may stay (a company re-registered, an old record kept).
    await db.schema
      .createIndex('party_uic_live_uq')
      .on('party')
      .column('uic')
      .unique()
      .where(sql.ref('archived_at'), 'is', null)
      .execute();
    await index(db, 'party_sort_name_idx', 'party', ['sort_name']);
    await index(db, 'party_city_idx', 'party', ['city']);
    await index(db, 'party_name_idx', 'party', ['name']);
    await index(db, 'party_created_at_idx', 'party', ['created_at']);

    let phone = db.schema.createTable('party_phone');
    phone = c.id(phone);
    phone = c.ref(phone, 'party_id', 'party', (x) => x.notNull().onDelete('cascade'));
    phone = c.text(phone, 'label');
    phone = c.text(phone, 'number', (x) => x.notNull());
    phone = c.int(phone, 'sort_order', (x) => x.notNull().defaultTo(0));
    phone = c.instant(phone, 'created_at', (x) => x.notNull());
    phone = c.instant(phone, 'updated_at', (x) => x.notNull());
    await phone.execute();
    await index(db, 'party_phone_party_idx', 'party_phone', ['party_id']);

    let email = db.schema.createTable('party_email');
    email = c.id(email);
    email = c.ref(email, 'party_id', 'party', (x) => x.notNull().onDelete('cascade'));
    email = c.text(email, 'label');
    email = c.text(email, 'email', (x) => x.notNull());
    email = c.int(email, 'sort_order', (x) => x.notNull().defaultTo(0));
    email = c.instant(email, 'created_at', (x) => x.notNull());
    email = c.instant(email, 'updated_at', (x) => x.notNull());
    await email.execute();
    await index(db, 'party_email_party_idx', 'party_email', ['party_id']);

    let address = db.schema.createTable('party_address');
    address = c.id(address);
    address = c.ref(address, 'party_id', 'party', (x) => x.notNull().onDelete('cascade'));
    address = c.text(address, 'label', (x) =>
      x.notNull().check(sql`label in ('registered', 'billing', 'delivery', 'other')`),
    );
    address = c.text(address, 'city');
    address = c.text(address, 'address');
    address = c.text(address, 'postcode');
    address = c.text(address, 'country', (x) => x.notNull().defaultTo('BG'));
    address = c.int(address, 'sort_order', (x) => x.notNull().defaultTo(0));
    address = c.instant(address, 'created_at', (x) => x.notNull());
    address = c.instant(address, 'updated_at', (x) => x.notNull());
    await address.execute();
    await index(db, 'party_address_party_idx', 'party_address', ['party_id']);

    let contact = db.schema.createTable('party_contact');
    contact = c.id(contact);
    contact = c.ref(contact, 'party_id', 'party', (x) => x.notNull().onDelete('cascade'));
    contact = c.text(contact, 'name', (x) => x.notNull());
    contact = c.text(contact, 'position');
    contact = c.text(contact, 'phone');
    contact = c.text(contact, 'email');
    contact = c.text(contact, 'notes');
    contact = c.int(contact, 'sort_order', (x) => x.notNull().defaultTo(0));
    contact = c.instant(contact, 'created_at', (x) => x.notNull());
    contact = c.instant(contact, 'updated_at', (x) => x.notNull());
    await contact.execute();
    await index(db, 'party_contact_party_idx', 'party_contact', ['party_id']);

    let site = db.schema.createTable('site');
    site = c.id(site);
    site = c.ref(site, 'party_id', 'party', (x) => x.notNull());
    site = c.text(site, 'name', (x) => x.notNull());
    site = c.text(site, 'sort_name', (x) => x.notNull());
    site = c.text(site, 'city');
    site = c.text(site, 'address');
    site = c.text(site, 'contact_person');
    site = c.text(site, 'contact_phone');
    site = c.text(site, 'access_notes');
    site = c.text(site, 'working_hours');
    site = c.text(site, 'notes');
    site = c.text(site, 'search_text', (x) => x.notNull().defaultTo(''));
    site = c.instant(site, 'archived_at');
    site = c.instant(site, 'created_at', (x) => x.notNull());
    site = c.instant(site, 'updated_at', (x) => x.notNull());
    await site.execute();
    await index(db, 'site_party_idx', 'site', ['party_id']);
    await index(db, 'site_sort_name_idx', 'site', ['sort_name']);
    // A customer's live sites have distinct names: the CSV import and items refer to a site by (customer, name).
    await db.schema
      .createIndex('site_party_name_live_uq')
      .on('site')
      .columns(['party_id', 'name'])
      .unique()
      .where(sql.ref('archived_at'), 'is', null)
      .execute();

    if (dialect === 'postgres') await trigramIndexes(db);
  },
};

/**
 * search_text is matched with LIKE '%x%', which no B-tree serves: on SQLite the search is one table scan with
 * LIMIT (about 50 ms for 100,000 parties). On PostgreSQL the same scan took 80–140 ms, so where the pg_trgm
 * extension can be had (it ships with PostgreSQL's contrib and is a trusted extension from PostgreSQL 13), a GIN
 * trigram index serves the same LIKE in a few ms. The query is the same either way; without the extension only
 * the speed differs.
 */
async function trigramIndexes(db: MigrationDb): Promise<void> {
  const { rows } = await sql<{ usable: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
        or (exists (select 1 from pg_available_extensions where name = 'pg_trgm')
            and ((select rolsuper from pg_roles where rolname = current_user)
                 or (current_setting('server_version_num')::int >= 130000
                     and has_database_privilege(current_database(), 'CREATE')))) as usable`.execute(db);
  if (!rows[0]?.usable) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index party_search_trgm_idx on party using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index site_search_trgm_idx on site using gin (search_text gin_trgm_ops)`.execute(db);
}
