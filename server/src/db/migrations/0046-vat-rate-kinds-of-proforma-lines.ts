import { sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * ADR 0042 (its proforma section): a proforma's line keeps the kind of VAT rate (INV-08) of the order line it was
 * made from, or the one given, so converting the proforma into an invoice reads the kind's rate on the invoice's tax
 * event date; null keeps the line's explicit rate, as every line did before.
 *
 * Existing lines made from an order line that has a kind, at the rate that line carries, take its kind.
 */
export const vatRateKindsOfProformaLines: Migration = {
  name: '0046-vat-rate-kinds-of-proforma-lines',
  async up(db) {
    await db.schema
      .alterTable('sales_proforma_line')
      .addColumn('vat_rate_kind', 'text', (x) =>
        x.check(sql`vat_rate_kind is null or vat_rate_kind in ('standard', 'reduced', 'zero', 'exempt')`),
      )
      .execute();
    await sql`
      update sales_proforma_line set vat_rate_kind = (
        select o.vat_rate_kind from service_order_line o
        where o.id = sales_proforma_line.order_line_id and o.vat_rate_bp = sales_proforma_line.vat_rate_bp
      )
      where order_line_id is not null`.execute(db);
  },
};
