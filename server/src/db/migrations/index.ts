import { foundation } from './0001-foundation';
import type { Migration } from './helpers';

/** One ordered list for both databases. Append only: a migration that has run is never edited. */
export const MIGRATIONS: Migration[] = [foundation];
