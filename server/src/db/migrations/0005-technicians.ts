import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/** Tables of the technicians module: technicians, their skills, working hours and dated pay terms. */
export const technicians: Migration = {
  name: '0005-technicians',
  async up(db, dialect) {
    const c = columns(dialect);

    let tech = db.schema.createTable('technician');
    tech = c.id(tech);
    tech = c.ref(tech, 'user_id', 'app_user');
    tech = c.text(tech, 'name', (x) => x.notNull());
    tech = c.text(tech, 'phone');
    tech = c.bool(tech, 'active', true);
    tech = c.text(tech, 'notes');
    tech = c.text(tech, 'search_text', (x) => x.notNull());
    tech = c.instant(tech, 'archived_at');
    tech = c.instant(tech, 'created_at', (x) => x.notNull());
    tech = c.instant(tech, 'updated_at', (x) => x.notNull());
    await tech.execute();
    // Unique when set: both databases let several rows have a NULL user_id under a unique index.
    await db.schema.createIndex('technician_user_uq').on('technician').column('user_id').unique().execute();
    await db.schema.createIndex('technician_search_idx').on('technician').column('search_text').execute();

    let skill = db.schema.createTable('technician_skill');
    skill = c.ref(skill, 'technician_id', 'technician', (x) => x.notNull().onDelete('cascade'));
    skill = c.ref(skill, 'category_id', 'catalog_category', (x) => x.notNull());
    skill = c.instant(skill, 'created_at', (x) => x.notNull());
    skill = c.instant(skill, 'updated_at', (x) => x.notNull());
    await skill.execute();
    await db.schema
      .createIndex('technician_skill_uq')
      .on('technician_skill')
      .columns(['technician_id', 'category_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('technician_skill_category_idx')
      .on('technician_skill')
      .column('category_id')
      .execute();

    let hours = db.schema.createTable('technician_hours');
    hours = c.id(hours);
    hours = c.ref(hours, 'technician_id', 'technician', (x) => x.notNull().onDelete('cascade'));
    hours = c.int(hours, 'weekday', (x) => x.notNull().check(sql`weekday between 1 and 7`));
    hours = c.int(hours, 'start_minute', (x) => x.notNull());
    hours = c.int(hours, 'end_minute', (x) => x.notNull());
    hours = c.instant(hours, 'created_at', (x) => x.notNull());
    hours = c.instant(hours, 'updated_at', (x) => x.notNull());
    hours = hours.addCheckConstraint(
      'technician_hours_span_ck',
      sql`start_minute >= 0 and start_minute < end_minute and end_minute <= 1440`,
    );
    await hours.execute();
    await db.schema
      .createIndex('technician_hours_technician_idx')
      .on('technician_hours')
      .columns(['technician_id', 'weekday'])
      .execute();

    let pay = db.schema.createTable('technician_pay_terms');
    pay = c.id(pay);
    pay = c.ref(pay, 'technician_id', 'technician', (x) => x.notNull().onDelete('cascade'));
    pay = c.date(pay, 'valid_from', (x) => x.notNull());
    pay = c.text(pay, 'pay_type', (x) => x.notNull());
    pay = c.int(pay, 'commission_bp');
    pay = c.bigint(pay, 'rate_cents');
    pay = c.instant(pay, 'created_at', (x) => x.notNull());
    pay = c.instant(pay, 'updated_at', (x) => x.notNull());
    pay = pay.addCheckConstraint(
      'technician_pay_terms_kind_ck',
      sql`(pay_type = 'commission' and commission_bp between 0 and 10000 and rate_cents is null)
        or (pay_type = 'per_norm_hour' and rate_cents >= 0 and commission_bp is null)`,
    );
    await pay.execute();
    await db.schema
      .createIndex('technician_pay_terms_from_uq')
      .on('technician_pay_terms')
      .columns(['technician_id', 'valid_from'])
      .unique()
      .execute();
  },
};
