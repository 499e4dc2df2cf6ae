import type { Migration } from './helpers';

/** Tables of the parties module. */
export const parties: Migration = {
  name: '0002-parties',
  async up(_db, _dialect) {},
};
