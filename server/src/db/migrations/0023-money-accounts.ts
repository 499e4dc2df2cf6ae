import { sql } from 'kysely';
import { addDefaultSeries, columns, type Migration } from './helpers';

/**
 * Cash desks and bank accounts (issue 13, item 7; ADR 0018): the accounts, their movements (one numbered document
 * each, in the money_movement series) and the movements' legs (one per account touched: two for a transfer). A
 * balance is the sum of an account's legs up to a date; nothing else stores it.
 */
export const moneyAccounts: Migration = {
  name: '0023-money-accounts',
  async up(db, dialect) {
    const c = columns(dialect);

    let account = db.schema.createTable('money_account');
    account = c.id(account);
    account = c.text(account, 'kind', (x) => x.notNull().check(sql`kind in ('cash', 'bank')`));
    account = c.text(account, 'name', (x) => x.notNull());
    account = c.text(account, 'bank_name');
    account = c.text(account, 'iban');
    account = c.text(account, 'currency', (x) => x.notNull().defaultTo('EUR'));
    account = c.instant(account, 'archived_at');
    account = c.ref(account, 'created_by', 'app_user');
    account = c.instant(account, 'created_at', (x) => x.notNull());
    account = c.instant(account, 'updated_at', (x) => x.notNull());
    await account.execute();
    await db.schema
      .createIndex('money_account_created_by_idx')
      .on('money_account')
      .column('created_by')
      .execute();

    let movement = db.schema.createTable('money_movement');
    movement = c.id(movement);
    movement = c.ref(movement, 'series_id', 'numbering_series', (x) => x.notNull());
    movement = c.text(movement, 'number', (x) => x.notNull());
    movement = c.text(movement, 'kind', (x) =>
      x
        .notNull()
        .check(
          sql`kind in ('cash_in', 'cash_out', 'expense', 'supplier_payment', 'transfer', 'customer_payment', 'reversal')`,
        ),
    );
    movement = c.date(movement, 'movement_date', (x) => x.notNull());
    movement = c.bigint(movement, 'amount_cents', (x) => x.notNull().check(sql`amount_cents > 0`));
    movement = c.text(movement, 'reason');
    movement = c.text(movement, 'category');
    movement = c.ref(movement, 'party_id', 'party');
    movement = c.ref(movement, 'reversal_of_id', 'money_movement');
    movement = c.ref(movement, 'reversed_by_id', 'money_movement');
    movement = c.ref(movement, 'created_by', 'app_user');
    movement = c.instant(movement, 'created_at', (x) => x.notNull());
    await movement.execute();
    await db.schema
      .createIndex('money_movement_number_uq')
      .on('money_movement')
      .column('number')
      .unique()
      .execute();
    for (const col of ['series_id', 'party_id', 'reversal_of_id', 'reversed_by_id', 'created_by'])
      await db.schema.createIndex(`money_movement_${col}_idx`).on('money_movement').column(col).execute();

    let leg = db.schema.createTable('money_movement_leg');
    leg = c.id(leg);
    leg = c.ref(leg, 'movement_id', 'money_movement', (x) => x.notNull());
    leg = c.ref(leg, 'account_id', 'money_account', (x) => x.notNull());
    leg = c.date(leg, 'movement_date', (x) => x.notNull());
    /** Signed: money in is positive, money out negative. */
    leg = c.bigint(leg, 'amount_cents', (x) => x.notNull().check(sql`amount_cents <> 0`));
    await leg.execute();
    await db.schema
      .createIndex('money_movement_leg_account_id_movement_date_idx')
      .on('money_movement_leg')
      .columns(['account_id', 'movement_date'])
      .execute();
    await db.schema
      .createIndex('money_movement_leg_movement_id_idx')
      .on('money_movement_leg')
      .column('movement_id')
      .execute();

    await addDefaultSeries(db, dialect, 'money_movement');
  },
};
