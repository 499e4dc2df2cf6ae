import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { dialectOf } from '../../db/sql';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { seedDemo } from '../../seed/demo';
import { createUser } from '../auth';
import { createCompany, hasCompany, isDemoCompany } from '../company';
import { createDefaultSeries } from '../numbering';
import * as repo from './setup.repository';
import { DEMO_COMPANY_NAME, DEMO_PASSWORD, type SetupBody } from './setup.schema';

/** Setup and leaving the demo wait for each other on PostgreSQL (SQLite has one writer anyway). */
async function lockInstallation(trx: Executor): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
}

/**
 * First run: the company, its default numbering series and the first administrator, all in one transaction; with
 * `demo`, the demo company instead of the owner's (its fixed name, invented data, demo users). Everything setup and
 * the demo write is the system's doing in the audit log, not the administrator's. Refused once a company exists.
 */
export async function runSetup(db: Db, input: SetupBody): Promise<{ adminUserId: string }> {
  return db.transaction().execute(async (trx) => {
    // Two setups racing on PostgreSQL: the second waits here, then sees the company.
    await lockInstallation(trx);
    if (await hasCompany(trx)) throw new DomainError('conflict', 'already_set_up');
    const companyName = input.demo ? DEMO_COMPANY_NAME : input.companyName;
    if (!companyName) throw new DomainError('invalid', 'required', { field: 'companyName' });
    await createCompany(trx, SYSTEM_ACTOR, companyName, { demo: input.demo });
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
    if (input.demo) await seedDemo(trx, DEMO_PASSWORD);
    return { adminUserId: admin.id };
  });
}

/**
 * Leaves the demo: deletes every row of every table (company, users, sessions, documents, the audit log; the
 * schema's migrations stay) in one transaction, so the installation is back at its first-run setup. Refused with
 * not_a_demo on a real company: its data is never wiped this way.
 */
export async function leaveDemo(db: Db): Promise<{ tables: string[] }> {
  return db.transaction().execute(async (trx) => {
    await lockInstallation(trx);
    if (!(await isDemoCompany(trx))) throw new DomainError('conflict', 'not_a_demo');
    return { tables: await repo.deleteEveryRow(trx) };
  });
}
