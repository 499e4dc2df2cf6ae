import type { Migration } from './helpers';

/** Tables of the catalog module. */
export const catalog: Migration = {
  name: '0003-catalog',
  async up(_db, _dialect) {},
};
