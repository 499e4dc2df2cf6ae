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

export async function createDatabaseFrom(url: string, template: string): Promise<string> {
  const name = uniqueName('servix_test');
  await withAdmin(url, (c) => c.query(`create database "${name}" template "${template}"`));
  return adminUrl(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}
