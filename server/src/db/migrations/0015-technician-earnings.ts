import { sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * Technician earnings (issue 12): the settings' rule for warranty and contract labour lines (paid like the others,
 * counted for hours only, or left out), and the index the report's period filter reads (orders by finishing time).
 */
export const technicianEarnings: Migration = {
  name: '0015-technician-earnings',
  async up(db) {
    await db.schema
      .alterTable('service_settings')
      .addColumn('earnings_warranty_rule', 'text', (c) =>
        c.notNull().defaultTo('pay').check(sql`earnings_warranty_rule in ('pay', 'hours_only', 'exclude')`),
      )
      .execute();
    await db.schema
      .createIndex('service_order_finished_at_idx')
      .on('service_order')
      .column('finished_at')
      .execute();
  },
};
