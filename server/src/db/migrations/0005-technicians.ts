import type { Migration } from './helpers';

/** Tables of the technicians module. */
export const technicians: Migration = {
  name: '0005-technicians',
  async up(_db, _dialect) {},
};
