import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The PostgreSQL server the benchmarks use: `-- --pg URL`, else the local one. */
export function postgresUrl(): string {
  const i = process.argv.indexOf('--pg');
  return (i > 0 ? process.argv[i + 1] : undefined) ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export type BenchRun = (label: string, databaseUrl: string, cleanup: () => Promise<void>) => Promise<void>;

/**
 * Runs a benchmark on a fresh SQLite file, then on a fresh PostgreSQL database (skipped, with the reason, when the
 * server does not answer); each is removed by the `cleanup` the run calls at its end.
 */
export async function onBothDatabases(name: string, run: BenchRun): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `servix-bench-${name}-`));
  console.log(`Servix ${name} benchmark on ${os.cpus().length} cores, Node ${process.version}`);
  await run('SQLite (file, WAL)', `sqlite:${path.join(dir, 'bench.db')}`, async () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  const pgUrl = postgresUrl();
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
    const database = `servix_bench_${name}_${process.pid}`;
    await admin.query(`create database ${database}`);
    const url = new URL(pgUrl);
    url.pathname = `/${database}`;
    await run('PostgreSQL', url.toString(), async () => {
      await admin.query(`drop database ${database} with (force)`);
    });
  } catch (e) {
    console.log(`\nPostgreSQL skipped: ${(e as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
}
