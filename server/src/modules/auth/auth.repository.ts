import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll } from '../../db/list';
import { countAll, lockForUpdate } from '../../db/sql';
import type { ApiTokenTable, AppUserTable, LoginThrottleTable, UserSessionTable } from './auth.table';

export async function findUserByUsername(db: Executor, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The technician linked to a user account (not archived), for the signed-in user's own answer: a read of the
 * technicians' table for display (ADR 9), so the menu offers "My orders" only to those who have orders of their own.
 */
export async function linkedTechnicianId(db: Executor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('technician')
    .select('id')
    .where('user_id', '=', userId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function listUsers(db: Executor) {
  return listAll(db.selectFrom('app_user').selectAll(), { terms: ['username'], direction: 'asc' });
}

export async function insertUser(db: Executor, row: Insertable<AppUserTable>): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function updateUserRow(
  db: Executor,
  id: string,
  patch: Updateable<AppUserTable>,
): Promise<void> {
  await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Executor, exceptUserId?: string): Promise<number> {
  let q = db
    .selectFrom('app_user')
    .select(countAll().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true);
  if (exceptUserId) q = q.where('id', '!=', exceptUserId);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** PostgreSQL: locks the active admins' rows until the transaction ends (SQLite writes one transaction at a time). */
export async function lockActiveAdmins(db: Executor): Promise<void> {
  await lockForUpdate(
    // In id order, so that two transactions take the locks in the same order and cannot deadlock.
    db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .orderBy('id'),
    db,
  ).execute();
}

/** Changes a user only while some other active admin remains; false when that guard stopped it. */
export async function updateUserRowKeepingAnAdmin(
  db: Executor,
  id: string,
  patch: Updateable<AppUserTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('app_user')
    .set(patch)
    .where('id', '=', id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('app_user as other')
          .select('other.id')
          .where('other.role', '=', 'admin')
          .where('other.active', '=', true)
          .where('other.id', '!=', id),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertSession(db: Executor, row: Insertable<UserSessionTable>): Promise<void> {
  await db.insertInto('user_session').values(row).execute();
}

export async function findSessionWithUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.id as session_id',
      'user_session.csrf_token',
      'user_session.expires_at',
      'user_session.last_seen_at',
      'app_user.id',
      'app_user.username',
      'app_user.role',
      'app_user.locale',
      'app_user.active',
    ])
    .where('user_session.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, lastSeenAt: string, expiresAt: string) {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function insertLoginAttempt(
  db: Executor,
  row: { id: string; username: string; ip: string; succeeded: boolean; at: string },
) {
  await db.insertInto('login_attempt').values(row).execute();
}

export async function insertApiToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

export async function findApiTokenWithUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id as token_id',
      'api_token.name as token_name',
      'api_token.scope',
      'api_token.expires_at',
      'api_token.revoked_at',
      'api_token.last_used_at',
      'app_user.id',
      'app_user.username',
      'app_user.role',
      'app_user.locale',
      'app_user.active',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Newest first. */
export async function listApiTokens(db: Executor) {
  const query = db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('api_token')
    .select('app_user.username');
  return listAll(query, { terms: ['api_token.created_at'], direction: 'desc' });
}

export async function findApiToken(db: Executor, id: string) {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markApiTokenUsed(db: Executor, id: string, at: string) {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeApiTokenRow(db: Executor, id: string, at: string) {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).execute();
}

/** The counter row, locked until the transaction ends on PostgreSQL. */
export async function findThrottleForUpdate(db: Executor, key: string) {
  return lockForUpdate(
    db.selectFrom('login_throttle').selectAll().where('key', '=', key),
    db,
  ).executeTakeFirst();
}

/** Creates a throttle counter; false when another request created it first. */
export async function insertThrottleIfAbsent(
  db: Executor,
  row: Insertable<LoginThrottleTable>,
): Promise<boolean> {
  const r = await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Compare-and-set: changes the counter only if nobody changed it since it was read (same failures and updated_at). */
export async function updateThrottleIfUnchanged(
  db: Executor,
  key: string,
  seen: { failures: number; updated_at: string },
  patch: Updateable<LoginThrottleTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('login_throttle')
    .set(patch)
    .where('key', '=', key)
    .where('failures', '=', seen.failures)
    .where('updated_at', '=', seen.updated_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives back one counted attempt (the sign-in it counted succeeded). */
export async function releaseThrottleAttempt(db: Executor, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function markThrottleSuccess(db: Executor, key: string, at: string): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures: 0, blocked_until: null, last_success_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: 0, blocked_until: null, last_success_at: at, updated_at: at }),
    )
    .execute();
}

/** Deletes what no rule reads any more: expired sessions, old sign-in attempts and quiet throttle counters. */
export async function purgeAuthRows(
  db: Executor,
  cut: { now: string; attemptsBefore: string; quietBefore: string; knownBefore: string },
) {
  const sessions = await db.deleteFrom('user_session').where('expires_at', '<=', cut.now).executeTakeFirst();
  const attempts = await db
    .deleteFrom('login_attempt')
    .where('at', '<', cut.attemptsBefore)
    .executeTakeFirst();
  const throttles = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', cut.quietBefore)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', cut.now)]))
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', cut.knownBefore)]))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    loginAttempts: Number(attempts.numDeletedRows),
    throttleCounters: Number(throttles.numDeletedRows),
  };
}
