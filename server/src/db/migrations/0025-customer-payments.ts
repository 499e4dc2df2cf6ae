import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Customer payments allocated to invoices (issue 13, item 6; ADR 0020): a payment is one customer_payment money
 * movement (ADR 0018) with the customer, the method and its allocations to invoices; a write-off of a small
 * difference is an allocation without a payment. An invoice's paid state is the sum of its live allocations,
 * never stored. Undone allocations stay, marked.
 */
export const customerPayments: Migration = {
  name: '0025-customer-payments',
  async up(db, dialect) {
    const c = columns(dialect);

    let payment = db.schema.createTable('customer_payment');
    payment = c.id(payment);
    payment = c.ref(payment, 'movement_id', 'money_movement', (x) => x.notNull());
    payment = c.ref(payment, 'party_id', 'party', (x) => x.notNull());
    payment = c.ref(payment, 'account_id', 'money_account', (x) => x.notNull());
    payment = c.text(payment, 'method', (x) =>
      x.notNull().check(sql`method in ('cash', 'card', 'bank_transfer')`),
    );
    payment = c.date(payment, 'payment_date', (x) => x.notNull());
    payment = c.bigint(payment, 'amount_cents', (x) => x.notNull().check(sql`amount_cents > 0`));
    payment = c.text(payment, 'currency', (x) => x.notNull().defaultTo('EUR'));
    payment = c.text(payment, 'notes');
    payment = c.ref(payment, 'created_by', 'app_user');
    payment = c.instant(payment, 'created_at', (x) => x.notNull());
    payment = c.instant(payment, 'updated_at', (x) => x.notNull());
    await payment.execute();
    await db.schema
      .createIndex('customer_payment_movement_id_uq')
      .on('customer_payment')
      .column('movement_id')
      .unique()
      .execute();
    await db.schema
      .createIndex('customer_payment_party_id_payment_date_idx')
      .on('customer_payment')
      .columns(['party_id', 'payment_date'])
      .execute();
    for (const col of ['account_id', 'created_by'])
      await db.schema.createIndex(`customer_payment_${col}_idx`).on('customer_payment').column(col).execute();

    let allocation = db.schema.createTable('payment_allocation');
    allocation = c.id(allocation);
    allocation = c.text(allocation, 'kind', (x) => x.notNull().check(sql`kind in ('payment', 'write_off')`));
    /** Null for a write-off. */
    allocation = c.ref(allocation, 'payment_id', 'customer_payment');
    allocation = c.ref(allocation, 'invoice_id', 'sales_invoice', (x) => x.notNull());
    allocation = c.date(allocation, 'allocation_date', (x) => x.notNull());
    allocation = c.bigint(allocation, 'amount_cents', (x) => x.notNull().check(sql`amount_cents > 0`));
    allocation = c.text(allocation, 'reason');
    allocation = c.ref(allocation, 'created_by', 'app_user');
    allocation = c.instant(allocation, 'created_at', (x) => x.notNull());
    allocation = c.instant(allocation, 'undone_at');
    allocation = c.ref(allocation, 'undone_by', 'app_user');
    allocation = c.text(allocation, 'undo_reason');
    await allocation.execute();
    for (const col of ['payment_id', 'invoice_id', 'created_by', 'undone_by'])
      await db.schema
        .createIndex(`payment_allocation_${col}_idx`)
        .on('payment_allocation')
        .column(col)
        .execute();

    let settings = db.schema.createTable('payment_settings');
    settings = c.id(settings);
    settings = c.bigint(settings, 'write_off_max_cents', (x) =>
      x.notNull().defaultTo(100).check(sql`write_off_max_cents >= 0`),
    );
    settings = c.instant(settings, 'updated_at', (x) => x.notNull());
    await settings.execute();
  },
};
