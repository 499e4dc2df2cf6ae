import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Sign-in hardening (issue 8): one counter row per throttle key (address, username and address, username) updated
 * with a compare-and-set, API tokens with a scope and an expiry, and the token's name on the audit rows of writes
 * made with it. Tokens issued before this migration keep acting with their user's rights ('write'), so integrations
 * do not break, but those without an expiry now lapse 90 days after the upgrade.
 */
export const authSecurity: Migration = {
  name: '0010-auth-security',
  async up(db, dialect) {
    const c = columns(dialect);

    let throttle = db.schema.createTable('login_throttle');
    throttle = c.text(throttle, 'key', (x) => x.primaryKey());
    throttle = c.int(throttle, 'failures', (x) => x.notNull().defaultTo(0));
    throttle = c.instant(throttle, 'blocked_until');
    throttle = c.instant(throttle, 'last_success_at');
    throttle = c.instant(throttle, 'updated_at', (x) => x.notNull());
    await throttle.execute();
    await db.schema
      .createIndex('login_throttle_updated_at_idx')
      .on('login_throttle')
      .column('updated_at')
      .execute();

    await db.schema
      .alterTable('api_token')
      .addColumn('scope', 'text', (x) => x.notNull().defaultTo('write'))
      .execute();
    const in90Days = new Date(Date.now() + 90 * 86_400_000).toISOString();
    await sql`update api_token set expires_at = ${in90Days} where expires_at is null`.execute(db);

    await db.schema.alterTable('audit_log').addColumn('api_token_name', 'text').execute();
    await db.schema
      .createIndex('user_session_expires_at_idx')
      .on('user_session')
      .column('expires_at')
      .execute();
    await db.schema.createIndex('login_attempt_at_idx').on('login_attempt').column('at').execute();
  },
};
