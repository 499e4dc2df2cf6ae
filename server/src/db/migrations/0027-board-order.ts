import type { Migration } from './helpers';

/**
 * The order board's columns in one index read each (issue 12, speed): a column is one status ordered by
 * `status_changed_at, id` and limited to its first cards. The index of 0014 had no `id`, so each column read every
 * order of its status and sorted it before the limit (SQLite: "temp b-tree for last term of order by", the joins done
 * for every row); with `id` as the last key the first 30 entries are the 30 cards, joined alone. Replaces the old
 * index, whose every use this one serves.
 */
export const boardOrder: Migration = {
  name: '0027-board-order',
  async up(db) {
    await db.schema
      .createIndex('service_order_status_changed_idx')
      .ifNotExists()
      .on('service_order')
      .columns(['status', 'status_changed_at', 'id'])
      .execute();
    await db.schema.dropIndex('service_order_status_status_changed_at_idx').ifExists().execute();
  },
};
