import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { adminUrl, createTemplateDatabase, dropCopiesOf, dropDatabase } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: ('sqlite' | 'postgres')[];
    pgUrl: string | null;
    pgTemplate: string | null;
    sqliteTemplate: string;
  }
}

/** A migrated SQLite file in a folder of this run's own: each test file starts from a copy of it. */
async function createSqliteTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-tpl-'));
  const file = path.join(dir, 'servix.db');
  const handle = openDatabase({ kind: 'sqlite', file, synchronous: 'normal' });
  try {
    await migrateToLatest(handle, file);
  } finally {
    // Closing the last connection checkpoints the WAL into the file and removes it: the file alone is the database.
    await handle.close();
  }
  return file;
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Decides which databases the suite runs on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set or a server
 * answers on 127.0.0.1:5432. REQUIRE_PG=1 turns a missing PostgreSQL into a failure. On PostgreSQL it migrates one
 * template database per run; each test file then gets a fresh copy of it, and the run's end drops the copies and the
 * template. SQLite likewise: one migrated file per run, copied for each test file and removed after it.
 */
export default async function setup(project: TestProject) {
  let pgUrl = process.env.TEST_DATABASE_URL ?? null;
  if (!pgUrl && (await answers('127.0.0.1', 5432))) pgUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!pgUrl && process.env.REQUIRE_PG === '1')
    throw new Error('REQUIRE_PG=1 but no PostgreSQL answers (set TEST_DATABASE_URL)');
  let template: string | null = null;
  if (pgUrl) {
    try {
      template = await createTemplateDatabase(pgUrl);
    } catch (e) {
      if (process.env.REQUIRE_PG === '1') throw e;
      console.warn(`PostgreSQL at ${pgUrl} is not usable, running SQLite only: ${(e as Error).message}`);
      pgUrl = null;
    }
  }
  const sqliteTemplate = await createSqliteTemplate();
  const dialects: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  console.log(
    `\nServix tests run on: ${dialects.join(' and ')}${pgUrl ? ` (${adminUrl(pgUrl, 'postgres').replace(/\/\/[^@]*@/, '//')})` : ''}\n`,
  );
  project.provide('dialects', dialects);
  project.provide('pgUrl', pgUrl);
  project.provide('pgTemplate', template);
  project.provide('sqliteTemplate', sqliteTemplate);
  return async () => {
    fs.rmSync(path.dirname(sqliteTemplate), { recursive: true, force: true });
    if (pgUrl && template) {
      await dropCopiesOf(pgUrl, template);
      await dropDatabase(pgUrl, template);
    }
  };
}
