import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { dialectOf } from '../../db/sql';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { seedDemo } from '../../seed/demo';
import { createUser } from '../auth';
import { createCompany, hasCompany } from '../company';
import { createDefaultSeries } from '../numbering';
import type { SetupBody } from './setup.schema';

/**
 * First run: the company, its default numbering series and the first administrator, optionally with demo data,
 * all in one transaction. Refused once a company exists.
 */
export async function runSetup(db: Db, input: SetupBody): Promise<{ adminUserId: string }> {
  return db.transaction().execute(async (trx) => {
    // Two setups racing on PostgreSQL: the second waits here, then sees the company.
    if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
    if (await hasCompany(trx)) throw new DomainError('conflict', 'already_set_up');
    await createCompany(trx, SYSTEM_ACTOR, input.companyName);
    await createDefaultSeries(trx, SYSTEM_ACTOR);
    const admin = await createUser(
      trx,
      SYSTEM_ACTOR,
      {
        username: input.adminUsername,
        fullName: input.adminFullName,
        password: input.adminPassword,
        role: 'admin',
        locale: input.locale,
        email: null,
      },
      { username: 'adminUsername', password: 'adminPassword' },
    );
    if (input.demo) await seedDemo(trx, { userId: admin.id, requestId: null });
    return { adminUserId: admin.id };
  });
}
