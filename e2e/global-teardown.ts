import fs from 'node:fs';

/** Removes the run's throw-away database (see playwright.config.ts). */
export default function globalTeardown(): void {
  const file = process.env.SERVIX_E2E_DATABASE;
  if (!file) return;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
