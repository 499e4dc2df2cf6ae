import type { Migration } from './helpers';

/**
 * The closed period (issue 10, rule 6): the company's lock date, a calendar date on or before which nothing is
 * posted or reversed any more; null while no period is closed.
 */
export const lockDate: Migration = {
  name: '0011-lock-date',
  async up(db, dialect) {
    await db.schema
      .alterTable('company')
      .addColumn('lock_date', dialect === 'postgres' ? 'date' : 'text')
      .execute();
  },
};
