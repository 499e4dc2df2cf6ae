import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';

/** The same server and credentials, another database. */
export function adminUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function createTemplateDatabase(url: string): Promise<string> {
  const name = uniqueName('servix_tpl');
  await withAdmin(url, (c) => c.query(`create database "${name}"`));
  const handle = openDatabase({ kind: 'postgres', url: adminUrl(url, name) });
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  return name;
}

export async function createDatabaseFrom(
  url: string,
  template: string,
  name = uniqueName('servix_test'),
): Promise<string> {
  await withAdmin(url, (c) => c.query(`create database "${name}" template "${template}"`));
  return adminUrl(url, name);
}

/** A new database named after this run's template (`<template>_<random>`), so that the run's end finds it. */
export function createCopyOf(url: string, template: string): Promise<string> {
  return createDatabaseFrom(url, template, `${template}_${randomBytes(4).toString('hex')}`);
}

/** Connections dropping copies side by side: enough to share checkpoints, far below max_connections (100). */
const DROPPERS = 8;

/**
 * Drops every copy of the template made by createCopyOf, several at a time. PostgreSQL checkpoints on each DROP
 * DATABASE (a second or more on a busy server); dropped together at the end of the run, the drops share their
 * checkpoints instead of each test file waiting for one. A few connections take the copies in turn: one connection
 * a copy, all at once, ran out of connections with some 200 copies and left them behind.
 */
export async function dropCopiesOf(url: string, template: string): Promise<void> {
  const names = await withAdmin(url, async (c) => {
    const r = await c.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [`${template}_`],
    );
    return r.rows.map((row) => row.datname);
  });
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(DROPPERS, queue.length) }, () =>
      withAdmin(url, async (c) => {
        for (let name = queue.pop(); name !== undefined; name = queue.pop())
          await c.query(`drop database if exists "${name}" with (force)`);
      }),
    ),
  );
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}
