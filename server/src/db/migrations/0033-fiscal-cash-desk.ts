import { sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * The cash desk of the fiscal device (FIS-03, ADR 0028): one cash desk is the till the fiscal device counts
 * (`money_account.fiscal_device`, at most one, by a partial unique index); a movement on it that changes the cash
 * outside a sale went to the device as a service deposit or withdrawal (`money_movement.fiscal_status` printed, or
 * no_device when the company has no device; `fiscal_task_id` the device task, unique: a task makes one movement). A Z
 * report keeps the device's cash amount read just before it and just after it, and the cash desk's balance then.
 */
export const fiscalCashDesk: Migration = {
  name: '0033-fiscal-cash-desk',
  async up(db, dialect) {
    const pg = dialect === 'postgres';
    const bigint = pg ? 'bigint' : 'integer';
    await db.schema
      .alterTable('money_account')
      .addColumn('fiscal_device', pg ? 'boolean' : 'integer', (x) => x.notNull().defaultTo(pg ? false : 0))
      .execute();
    await db.schema
      .createIndex('money_account_fiscal_device_uq')
      .on('money_account')
      .column('fiscal_device')
      .unique()
      .where(sql<boolean>`fiscal_device = ${sql.raw(pg ? 'true' : '1')}`)
      .execute();
    await db.schema
      .alterTable('money_movement')
      .addColumn('fiscal_status', 'text', (x) => x.check(sql`fiscal_status in ('printed', 'no_device')`))
      .execute();
    await db.schema.alterTable('money_movement').addColumn('fiscal_task_id', 'text').execute();
    await db.schema
      .createIndex('money_movement_fiscal_task_uq')
      .on('money_movement')
      .column('fiscal_task_id')
      .unique()
      .execute();
    for (const column of ['device_cash_cents', 'device_cash_after_cents', 'cash_desk_balance_cents'])
      await db.schema.alterTable('fiscal_device_task').addColumn(column, bigint).execute();
    await db.schema.alterTable('fiscal_device_task').addColumn('cash_desk_id', 'text').execute();
  },
};
