import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Command } from 'commander';
import { AUTH_PURGE_EVERY_MS, AUTH_PURGE_JOB, buildApp } from './app';
import { type Config, loadConfig } from './config';
import { type DatabaseHandle, findDatabaseUsers, openDatabase, readDurability } from './db/database';
import { migrateToLatest } from './db/migrate';
import { ROLES, type Role } from './kernel/access';
import { SYSTEM_ACTOR } from './kernel/actor';
import { DomainError } from './kernel/errors';
import { message } from './kernel/messages';
import { createUser } from './modules/auth';
import { hasCompany } from './modules/company';
import { schedulePeriodic } from './modules/jobs';
import { DEMO_PASSWORD, runSetup } from './modules/setup';
import { checkLevels, type LevelCheck, rebuildLevels } from './modules/stock';
import { VERSION } from './version';

async function openMigrated(config: Config): Promise<DatabaseHandle> {
  const handle = openDatabase(config.database);
  const result = await migrateToLatest(
    handle,
    config.database.kind === 'sqlite' ? config.database.file : undefined,
  );
  if (result.backupFile) console.error(`Backed up the database before migrating: ${result.backupFile}`);
  return handle;
}

function describeDatabase(config: Config): string {
  return config.database.kind === 'sqlite'
    ? `SQLite ${config.database.file}`
    : `PostgreSQL ${config.database.url.replace(/\/\/[^@]*@/, '//***@')}`;
}

async function serve(config: Config): Promise<void> {
  const database = await openMigrated(config);
  schedulePeriodic(AUTH_PURGE_JOB, AUTH_PURGE_EVERY_MS);
  const app = await buildApp({ config, database });
  let closing = false;
  // Graceful shutdown: stop accepting, let running requests finish, then close the database.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Servix ${VERSION} on ${describeDatabase(config)}; open http://localhost:${config.port}/`);
  const durability = await readDurability(database);
  app.log.info({ durability }, 'database durability');
  if (
    (durability.dialect === 'sqlite' && durability.synchronous !== 'full') ||
    (durability.dialect === 'postgres' &&
      (durability.synchronousCommit !== 'on' || durability.fsync !== 'on'))
  ) {
    app.log.warn(
      { durability },
      'the last commits may be lost in a power cut (see README, SQLITE_SYNCHRONOUS)',
    );
  }
}

/** SQLite: a consistent online copy through SQLite's backup API. PostgreSQL: pg_dump in its custom format. */
export async function backup(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  if (config.database.kind === 'sqlite') {
    if (!fs.existsSync(config.database.file)) throw new Error(`No database at ${config.database.file}`);
    const source = new SQLite(config.database.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
  } else {
    const r = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${config.database.url}`],
      { stdio: 'inherit' },
    );
    if (r.error || r.status !== 0) throw new Error(`pg_dump failed${r.error ? `: ${r.error.message}` : ''}`);
  }
  console.log(`Backup written to ${target}`);
}

/**
 * Replaces the database with a backup. Refuses while a server or another command uses the database: the running
 * server would go on with its old data and, on SQLite, write it back over the restored file when it stops.
 */
export async function restore(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No backup at ${source}`);
  const users = await findDatabaseUsers(config.database);
  if (users) {
    throw new Error(
      `Refusing to restore: ${describeDatabase(config)} is in use (${users}). Stop the Servix server and any other servix command, then run restore again.`,
    );
  }
  if (config.database.kind === 'sqlite') {
    const check = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      const ok = check
        .prepare("select name from sqlite_master where type = 'table' and name = 'servix_migration'")
        .get();
      if (!ok) throw new Error(`${source} is not a Servix SQLite backup`);
      const target = config.database.file;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      await check.backup(target);
    } finally {
      check.close();
    }
  } else {
    const r = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${config.database.url}`, source],
      { stdio: 'inherit' },
    );
    if (r.error || r.status !== 0)
      throw new Error(`pg_restore failed${r.error ? `: ${r.error.message}` : ''}`);
  }
  const handle = await openMigrated(config);
  await handle.close();
  console.log(`Restored ${source} into ${describeDatabase(config)}`);
}

/**
 * Proves the stock levels equal the ledger (on hand and value from the movements, reserved from the active
 * reservations); with `rebuild`, recomputes the levels from the ledger first. Sets exit code 1 when they differ.
 */
export async function stockCheck(config: Config, opts: { rebuild?: boolean } = {}): Promise<LevelCheck> {
  const handle = await openMigrated(config);
  try {
    if (opts.rebuild) {
      const changed = await rebuildLevels(handle.db);
      console.log(`Rebuilt the stock levels from the ledger: ${changed} row(s) changed.`);
    }
    const check = await checkLevels(handle.db);
    console.log(
      `${check.levelCount} level(s), ${check.movementCount} movement(s): ${
        check.consistent ? 'the levels equal the ledger.' : `${check.mismatches.length} mismatch(es).`
      }`,
    );
    for (const m of check.mismatches)
      console.log(
        `  part ${m.partId} in warehouse ${m.warehouseId}: ${m.field} stored ${m.stored}, ledger ${m.expected}`,
      );
    if (!check.consistent) {
      console.log('Run `servix stock check --rebuild` to recompute the levels from the ledger.');
      process.exitCode = 1;
    }
    return check;
  } finally {
    await handle.close();
  }
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const program = new Command()
    .name('servix')
    .description('Servix: repair and field-service management')
    .version(VERSION);
  const config = () => loadConfig(env);

  program
    .command('serve', { isDefault: true })
    .description('Serve the app and the API (PORT, HOST, DATABASE_URL)')
    .action(async () => serve(config()));

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const c = config();
      const handle = openDatabase(c.database);
      const r = await migrateToLatest(handle, c.database.kind === 'sqlite' ? c.database.file : undefined);
      await handle.close();
      console.log(r.applied.length ? `Applied: ${r.applied.join(', ')}` : 'The database is up to date.');
    });

  program
    .command('seed')
    .description('Make the demo company (invented Bulgarian data) on an empty database')
    .requiredOption('--demo', 'the demo company')
    .option('--admin-password <password>', 'password of the admin user', DEMO_PASSWORD)
    .action(async (opts: { adminPassword: string }) => {
      const handle = await openMigrated(config());
      try {
        // The demo is its own company: it never goes into an installation that has one.
        if (await hasCompany(handle.db)) {
          console.error(
            'This database already has a company: the demo company is made only on an empty database.',
          );
          process.exitCode = 1;
          return;
        }
        await runSetup(handle.db, {
          adminUsername: 'admin',
          adminFullName: 'Администратор',
          adminPassword: opts.adminPassword,
          locale: 'bg',
          demo: true,
        });
        console.log(`Demo company created. Sign in as admin / ${opts.adminPassword}`);
        console.log(
          `Demo users (password ${DEMO_PASSWORD}): manager, reception, technician, storekeeper, accountant`,
        );
      } finally {
        await handle.close();
      }
    });

  const user = program.command('user').description('Manage users');
  user
    .command('add')
    .description('Add a user')
    .argument('<username>')
    .argument('<password>')
    .argument('<role>', ROLES.join(' | '))
    .option('--name <fullName>', 'full name')
    .action(async (username: string, password: string, role: string, opts: { name?: string }) => {
      if (!ROLES.includes(role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      const handle = await openMigrated(config());
      try {
        const u = await handle.db.transaction().execute((trx) =>
          createUser(trx, SYSTEM_ACTOR, {
            username,
            password,
            role: role as Role,
            fullName: opts.name ?? username,
            locale: 'bg',
            email: null,
          }),
        );
        console.log(`User ${u.username} (${u.role}) added.`);
      } finally {
        await handle.close();
      }
    });

  const stock = program.command('stock').description('Spare-parts stock');
  stock
    .command('check')
    .description('Prove that the stock levels equal the ledger (exit code 1 when they differ)')
    .option('--rebuild', 'recompute the levels from the ledger first')
    .action(async (opts: { rebuild?: boolean }) => {
      await stockCheck(config(), { rebuild: opts.rebuild === true });
    });

  program
    .command('backup')
    .description('Write a consistent online backup')
    .argument('<file>')
    .action(async (file: string) => backup(config(), file));
  program
    .command('restore')
    .description('Replace the database with a backup (refused while a server uses the database)')
    .argument('<file>')
    .action(async (file: string) => restore(config(), file));

  try {
    await program.parseAsync(argv);
  } catch (e) {
    // A refused value (a weak password, a username that mixes alphabets) says what is wrong, in English.
    if (e instanceof DomainError)
      console.error(message(e.code, 'en', { field: e.options.field, ...e.options.params }));
    else console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
