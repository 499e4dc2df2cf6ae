import type { Migration } from './helpers';

/** Tables of the items module. */
export const items: Migration = {
  name: '0004-items',
  async up(_db, _dialect) {},
};
