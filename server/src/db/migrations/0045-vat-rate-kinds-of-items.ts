import { sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * ADR 0042: catalogue items (parts, labour and service types) and the lines of service orders and repair quotes
 * carry a kind of VAT rate (INV-08) and, for 0 % and exempt, its legal ground (INV-09); the rate is read from the
 * dated rate table (ADR 0038) on the tax event date of the invoice, receipt or goods note that bills them.
 *
 * Existing rows are mapped by the rate they carried: 20 % → standard, 9 % → reduced, 0 % → zero with the ground the
 * zero kind has in the rate table (none of these rows carried a ground of its own). Any other rate stays an explicit
 * rate: vat_rate_kind null, vat_rate_bp as it was (what every row was before).
 */
const TABLES = ['catalog_part', 'catalog_service_type', 'service_order_line', 'repair_quote_line'] as const;

export const vatRateKindsOfItems: Migration = {
  name: '0045-vat-rate-kinds-of-items',
  async up(db) {
    for (const table of TABLES) {
      await db.schema
        .alterTable(table)
        .addColumn('vat_rate_kind', 'text', (x) =>
          x.check(sql`vat_rate_kind is null or vat_rate_kind in ('standard', 'reduced', 'zero', 'exempt')`),
        )
        .execute();
      await db.schema.alterTable(table).addColumn('vat_reason', 'text').execute();
    }
    const d = db;
    const zero = await d
      .selectFrom('vat_rate')
      .select('vat_reason')
      .where('kind', '=', 'zero')
      .orderBy('valid_from', 'desc')
      .executeTakeFirst();
    for (const table of TABLES) {
      await d.updateTable(table).set({ vat_rate_kind: 'standard' }).where('vat_rate_bp', '=', 2000).execute();
      await d.updateTable(table).set({ vat_rate_kind: 'reduced' }).where('vat_rate_bp', '=', 900).execute();
      await d
        .updateTable(table)
        .set({ vat_rate_kind: 'zero', vat_reason: zero?.vat_reason ?? 'чл. 28 ЗДДС' })
        .where('vat_rate_bp', '=', 0)
        .execute();
    }
  },
};
