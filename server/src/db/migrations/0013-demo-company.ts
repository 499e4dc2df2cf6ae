import type { Migration } from './helpers';

/**
 * The demo is its own company (issue 11): a flag on the company that setup's "try with a demo company" sets, so the
 * app can say so on every screen and let the owner wipe it and start their own; false for every existing company.
 */
export const demoCompany: Migration = {
  name: '0013-demo-company',
  async up(db, dialect) {
    const pg = dialect === 'postgres';
    await db.schema
      .alterTable('company')
      .addColumn('is_demo', pg ? 'boolean' : 'integer', (c) => c.notNull().defaultTo(pg ? false : 0))
      .execute();
  },
};
