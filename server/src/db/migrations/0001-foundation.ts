import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

export const foundation: Migration = {
  name: '0001-foundation',
  async up(db, dialect) {
    const c = columns(dialect);

    let company = db.schema.createTable('company');
    company = c.id(company);
    company = c.text(company, 'legal_name', (x) => x.notNull());
    company = c.text(company, 'uic');
    company = c.text(company, 'vat_number');
    company = c.bool(company, 'vat_registered', false);
    company = c.date(company, 'vat_registered_from');
    company = c.text(company, 'country', (x) => x.notNull().defaultTo('BG'));
    company = c.text(company, 'city');
    company = c.text(company, 'address');
    company = c.text(company, 'postcode');
    company = c.text(company, 'mol');
    company = c.text(company, 'phone');
    company = c.text(company, 'email');
    company = c.text(company, 'website');
    company = c.int(company, 'default_vat_rate_bp', (x) => x.notNull().defaultTo(2000));
    company = c.bool(company, 'fiscal_device_required', false);
    company = c.text(company, 'logo_data_url');
    company = c.instant(company, 'created_at', (x) => x.notNull());
    company = c.instant(company, 'updated_at', (x) => x.notNull());
    await company.execute();

    let bank = db.schema.createTable('company_bank_account');
    bank = c.id(bank);
    bank = c.ref(bank, 'company_id', 'company', (x) => x.notNull());
    bank = c.text(bank, 'iban', (x) => x.notNull());
    bank = c.text(bank, 'bic');
    bank = c.text(bank, 'bank_name');
    bank = c.text(bank, 'currency', (x) => x.notNull().defaultTo('EUR'));
    bank = c.bool(bank, 'is_default', false);
    bank = c.int(bank, 'position', (x) => x.notNull().defaultTo(0));
    await bank.execute();

    let series = db.schema.createTable('numbering_series');
    series = c.id(series);
    series = c.text(series, 'doc_type', (x) => x.notNull());
    series = c.text(series, 'code', (x) => x.notNull());
    series = c.text(series, 'name', (x) => x.notNull());
    series = c.bigint(series, 'start_number', (x) => x.notNull().defaultTo(1).check(sql`start_number >= 1`));
    series = c.bigint(series, 'next_number', (x) => x.notNull().defaultTo(1).check(sql`next_number >= 1`));
    series = c.int(series, 'width', (x) => x.notNull().defaultTo(10));
    series = c.bool(series, 'is_default', false);
    series = c.bool(series, 'active', true);
    series = c.instant(series, 'created_at', (x) => x.notNull());
    await series.execute();
    await db.schema
      .createIndex('numbering_series_doc_type_code_uq')
      .on('numbering_series')
      .columns(['doc_type', 'code'])
      .unique()
      .execute();

    let user = db.schema.createTable('app_user');
    user = c.id(user);
    user = c.text(user, 'username', (x) => x.notNull().unique());
    user = c.text(user, 'full_name', (x) => x.notNull());
    user = c.text(user, 'email');
    user = c.text(user, 'role', (x) => x.notNull());
    user = c.text(user, 'password_hash', (x) => x.notNull());
    user = c.text(user, 'locale', (x) => x.notNull().defaultTo('bg'));
    user = c.bool(user, 'active', true);
    user = c.instant(user, 'last_login_at');
    user = c.instant(user, 'created_at', (x) => x.notNull());
    user = c.instant(user, 'updated_at', (x) => x.notNull());
    await user.execute();

    let session = db.schema.createTable('user_session');
    session = c.id(session); // sha256 of the cookie token: a stolen database does not yield live cookies
    session = c.ref(session, 'user_id', 'app_user', (x) => x.notNull().onDelete('cascade'));
    session = c.text(session, 'csrf_token', (x) => x.notNull());
    session = c.instant(session, 'created_at', (x) => x.notNull());
    session = c.instant(session, 'expires_at', (x) => x.notNull());
    session = c.instant(session, 'last_seen_at', (x) => x.notNull());
    session = c.text(session, 'ip');
    session = c.text(session, 'user_agent');
    await session.execute();
    await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

    let token = db.schema.createTable('api_token');
    token = c.id(token);
    token = c.ref(token, 'user_id', 'app_user', (x) => x.notNull().onDelete('cascade'));
    token = c.text(token, 'name', (x) => x.notNull());
    token = c.text(token, 'token_hash', (x) => x.notNull().unique());
    token = c.text(token, 'prefix', (x) => x.notNull());
    token = c.instant(token, 'created_at', (x) => x.notNull());
    token = c.instant(token, 'expires_at');
    token = c.instant(token, 'last_used_at');
    token = c.instant(token, 'revoked_at');
    await token.execute();

    let attempt = db.schema.createTable('login_attempt');
    attempt = c.id(attempt);
    attempt = c.text(attempt, 'username', (x) => x.notNull());
    attempt = c.text(attempt, 'ip', (x) => x.notNull());
    attempt = c.bool(attempt, 'succeeded', false);
    attempt = c.instant(attempt, 'at', (x) => x.notNull());
    await attempt.execute();
    await db.schema
      .createIndex('login_attempt_username_at_idx')
      .on('login_attempt')
      .columns(['username', 'at'])
      .execute();
    await db.schema
      .createIndex('login_attempt_ip_at_idx')
      .on('login_attempt')
      .columns(['ip', 'at'])
      .execute();

    let audit = db.schema.createTable('audit_log');
    audit = c.id(audit);
    audit = c.instant(audit, 'at', (x) => x.notNull());
    audit = c.text(audit, 'user_id');
    audit = c.text(audit, 'action', (x) => x.notNull());
    audit = c.text(audit, 'entity', (x) => x.notNull());
    audit = c.text(audit, 'entity_id');
    audit = c.json(audit, 'before_json');
    audit = c.json(audit, 'after_json');
    audit = c.text(audit, 'request_id');
    await audit.execute();
    await db.schema
      .createIndex('audit_log_entity_idx')
      .on('audit_log')
      .columns(['entity', 'entity_id'])
      .execute();
    await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  },
};
