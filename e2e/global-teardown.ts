import fs from 'node:fs';

/** Removes the run's throw-away databases: the two demo installations and the empty one (see playwright.config.ts). */
export default function globalTeardown(): void {
  for (const file of [
    process.env.SERVIX_E2E_DATABASE,
    process.env.SERVIX_E2E_SECOND_DATABASE,
    process.env.SERVIX_E2E_EMPTY_DATABASE,
  ]) {
    if (!file) continue;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}
