import type { Migration } from './helpers';

/**
 * What the Bulgarian requirements of issue 13 still needed (ADR 0035):
 * - company.dual_display_until: the last day consumer documents (quotes, sale receipts) show EUR and BGN side by
 *   side (EUR-02, EUR-07); a setting, 2026-08-08 by default, since sources disagree on the end.
 * - company.invoice_other_currency: an informative amount in the other currency on invoices and notes (EUR-03);
 *   off by default.
 * - sales_invoice.recipient_id_waived: an invoice to a natural person issued without ЕГН/ЛНЧ because the issuer
 *   confirmed it (INV-16); printed and audited.
 * - payment_allocation.settled_cents: what an allocation settles on the invoice in the invoice's currency when that
 *   differs from the payment's (a 2026 EUR payment against a 2025 BGN invoice, EUR-05); null: amount_cents.
 */
export const bgMoneyRequirements: Migration = {
  name: '0039-bg-money-requirements',
  async up(db, dialect) {
    const pg = dialect === 'postgres';
    await db.schema
      .alterTable('company')
      .addColumn('dual_display_until', pg ? 'date' : 'text', (c) => c.notNull().defaultTo('2026-08-08'))
      .execute();
    await db.schema
      .alterTable('company')
      .addColumn('invoice_other_currency', pg ? 'boolean' : 'integer', (c) =>
        c.notNull().defaultTo(pg ? false : 0),
      )
      .execute();
    await db.schema
      .alterTable('sales_invoice')
      .addColumn('recipient_id_waived', pg ? 'boolean' : 'integer', (c) =>
        c.notNull().defaultTo(pg ? false : 0),
      )
      .execute();
    await db.schema
      .alterTable('payment_allocation')
      .addColumn('settled_cents', pg ? 'bigint' : 'integer')
      .execute();
  },
};
