import { sql } from 'kysely';
import { newId } from '../../kernel/ids';
import { columns, type Migration } from './helpers';

/**
 * ADR 0038:
 * - credit_note_settlement: what a credit note in another currency than its invoice (a 2026 EUR note against a
 *   2025 BGN invoice, EUR-06) settles of that invoice, in the invoice's currency, fixed when the note is issued;
 *   the booked rounding difference beside it. Payments' table; it counts while the note stays issued.
 * - vat_rate: the company's VAT rates by kind with the day each takes effect (INV-08), filled with today's rates
 *   valid from 2007-01-01 (the ЗДДС in force), so existing documents and catalogue items keep their rates.
 * - sales_invoice_line.vat_rate_kind: the kind a line named, whose rate it took on the tax event date; null: a line
 *   with its rate given (every line before this migration).
 */
export const eurNotesAndVatRates: Migration = {
  name: '0042-eur-notes-and-vat-rates',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('credit_note_settlement')
      .$call((t) => c.ref(t, 'note_id', 'sales_invoice', (x) => x.primaryKey()))
      .$call((t) => c.ref(t, 'invoice_id', 'sales_invoice', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'note_cents', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'settled_cents', (x) => x.notNull()))
      .$call((t) => c.int(t, 'rounding_cents', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('credit_note_settlement_invoice_idx')
      .on('credit_note_settlement')
      .column('invoice_id')
      .execute();

    await db.schema
      .createTable('vat_rate')
      .$call((t) => c.id(t))
      .$call((t) =>
        c.text(t, 'kind', (x) => x.notNull().check(sql`kind in ('standard', 'reduced', 'zero', 'exempt')`)),
      )
      .$call((t) => c.int(t, 'rate_bp', (x) => x.notNull().check(sql`rate_bp >= 0 and rate_bp <= 10000`)))
      .$call((t) => c.date(t, 'valid_from', (x) => x.notNull()))
      .$call((t) => c.text(t, 'vat_reason'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('vat_rate_kind_from_idx')
      .on('vat_rate')
      .columns(['kind', 'valid_from'])
      .unique()
      .execute();
    await db.schema
      .alterTable('sales_invoice_line')
      .addColumn('vat_rate_kind', 'text', (x) =>
        x.check(sql`vat_rate_kind is null or vat_rate_kind in ('standard', 'reduced', 'zero', 'exempt')`),
      )
      .execute();
    const now = new Date().toISOString();
    const from = '2007-01-01';
    await db
      .insertInto('vat_rate')
      .values(
        [
          { kind: 'standard', rate_bp: 2000, vat_reason: null },
          { kind: 'reduced', rate_bp: 900, vat_reason: null },
          { kind: 'zero', rate_bp: 0, vat_reason: 'чл. 28 ЗДДС – износ' },
          { kind: 'exempt', rate_bp: 0, vat_reason: 'чл. 39 ЗДДС – освободена доставка' },
        ].map((r) => ({ id: newId(), ...r, valid_from: from, created_by: null, created_at: now })),
      )
      .execute();
  },
};
