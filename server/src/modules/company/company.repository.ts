import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { CompanyBankAccountTable, CompanyTable } from './company.table';

export async function findCompany(db: Executor) {
  return db.selectFrom('company').selectAll().orderBy('created_at').executeTakeFirst();
}

export async function findCompanyVatRegistered(db: Executor) {
  return db.selectFrom('company').select('vat_registered').orderBy('created_at').executeTakeFirst();
}

export async function insertCompany(db: Executor, row: Insertable<CompanyTable>): Promise<void> {
  await db.insertInto('company').values(row).execute();
}

export async function updateCompanyRow(
  db: Executor,
  id: string,
  patch: Updateable<CompanyTable>,
): Promise<void> {
  await db.updateTable('company').set(patch).where('id', '=', id).execute();
}

export async function listBankAccounts(db: Executor, companyId: string) {
  return db
    .selectFrom('company_bank_account')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('position')
    .execute();
}

export async function replaceBankAccounts(
  db: Executor,
  companyId: string,
  rows: Insertable<CompanyBankAccountTable>[],
): Promise<void> {
  await db.deleteFrom('company_bank_account').where('company_id', '=', companyId).execute();
  if (rows.length) await db.insertInto('company_bank_account').values(rows).execute();
}
