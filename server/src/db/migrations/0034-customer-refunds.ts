import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Refunds to customers (issue 13, item 6; ADR 0029): money paid back from a cash desk or bank account, a
 * customer_payment money movement with one negative leg (ADR 0018), allocated to issued credit notes (what a credit
 * on a paid invoice leaves the customer to get back) or to a payment's unused advance. Undone as a whole: the
 * movement is reversed and the refund marked, never deleted.
 */
export const customerRefunds: Migration = {
  name: '0034-customer-refunds',
  async up(db, dialect) {
    const c = columns(dialect);

    let refund = db.schema.createTable('customer_refund');
    refund = c.id(refund);
    refund = c.ref(refund, 'movement_id', 'money_movement', (x) => x.notNull());
    refund = c.ref(refund, 'party_id', 'party', (x) => x.notNull());
    refund = c.ref(refund, 'account_id', 'money_account', (x) => x.notNull());
    refund = c.text(refund, 'method', (x) =>
      x.notNull().check(sql`method in ('cash', 'card', 'bank_transfer')`),
    );
    refund = c.date(refund, 'refund_date', (x) => x.notNull());
    refund = c.bigint(refund, 'amount_cents', (x) => x.notNull().check(sql`amount_cents > 0`));
    refund = c.text(refund, 'currency', (x) => x.notNull().defaultTo('EUR'));
    refund = c.text(refund, 'notes');
    /** The fiscal device's storno receipt (FIS-02) of a cash or card refund when a device is configured. */
    refund = c.text(refund, 'storno_receipt_number');
    refund = c.text(refund, 'storno_receipt_date_time');
    refund = c.ref(refund, 'created_by', 'app_user');
    refund = c.instant(refund, 'created_at', (x) => x.notNull());
    refund = c.instant(refund, 'undone_at');
    refund = c.ref(refund, 'undone_by', 'app_user');
    refund = c.text(refund, 'undo_reason');
    refund = c.ref(refund, 'reversal_movement_id', 'money_movement');
    await refund.execute();
    await db.schema
      .createIndex('customer_refund_movement_id_uq')
      .on('customer_refund')
      .column('movement_id')
      .unique()
      .execute();
    await db.schema
      .createIndex('customer_refund_party_id_refund_date_idx')
      .on('customer_refund')
      .columns(['party_id', 'refund_date'])
      .execute();
    for (const col of ['account_id', 'created_by', 'undone_by', 'reversal_movement_id'])
      await db.schema.createIndex(`customer_refund_${col}_idx`).on('customer_refund').column(col).execute();

    let allocation = db.schema.createTable('refund_allocation');
    allocation = c.id(allocation);
    allocation = c.ref(allocation, 'refund_id', 'customer_refund', (x) => x.notNull());
    /** The credit note the money goes back for; or else the payment whose advance is paid back. */
    allocation = c.ref(allocation, 'credit_note_id', 'sales_invoice');
    allocation = c.ref(allocation, 'payment_id', 'customer_payment');
    allocation = c.bigint(allocation, 'amount_cents', (x) => x.notNull().check(sql`amount_cents > 0`));
    await allocation
      .addCheckConstraint(
        'refund_allocation_one_target',
        sql`(credit_note_id is null) <> (payment_id is null)`,
      )
      .execute();
    for (const col of ['refund_id', 'credit_note_id', 'payment_id'])
      await db.schema
        .createIndex(`refund_allocation_${col}_idx`)
        .on('refund_allocation')
        .column(col)
        .execute();
  },
};
