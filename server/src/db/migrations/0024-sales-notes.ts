import { sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * Credit and debit notes and the cancellation protocol (issue 13, item 2; ADR 19): a note is a row of
 * sales_invoice with `kind` credit_note or debit_note (an invoice is `invoice`), pointing at the invoice it
 * corrects (related_invoice_id) with its reason, numbered in the invoice series (INV-02, INV-11). A cancelled
 * document may name the document that replaces it (replaced_by_id), printed on its cancellation protocol (INV-12).
 */
export const salesNotes: Migration = {
  name: '0024-sales-notes',
  async up(db, dialect) {
    await db.schema
      .alterTable('sales_invoice')
      .addColumn('kind', 'text', (x) =>
        x.notNull().defaultTo('invoice').check(sql`kind in ('invoice', 'credit_note', 'debit_note')`),
      )
      .execute();
    await db.schema
      .alterTable('sales_invoice')
      .addColumn('related_invoice_id', 'text', (x) => x.references('sales_invoice.id'))
      .execute();
    await db.schema.alterTable('sales_invoice').addColumn('note_reason', 'text').execute();
    await db.schema
      .alterTable('sales_invoice')
      .addColumn('replaced_by_id', 'text', (x) => x.references('sales_invoice.id'))
      .execute();
    await db.schema
      .createIndex('sales_invoice_related_idx')
      .on('sales_invoice')
      .column('related_invoice_id')
      .execute();
    await db.schema
      .createIndex('sales_invoice_replaced_by_idx')
      .on('sales_invoice')
      .column('replaced_by_id')
      .execute();
    await db.schema.createIndex('sales_invoice_kind_idx').on('sales_invoice').column('kind').execute();
    void dialect;
  },
};
