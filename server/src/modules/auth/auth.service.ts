import { createHash, randomBytes } from 'node:crypto';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Principal } from '../../kernel/access';
import type { Actor } from '../../kernel/actor';
import { conflict, DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import * as repo from './auth.repository';
import type {
  ApiToken,
  CreateApiTokenBody,
  CreateUserBody,
  Me,
  Role,
  UpdateUserBody,
  User,
} from './auth.schema';
import type { AppUserTable } from './auth.table';
import {
  admitAttempt,
  backoffsStarted,
  KNOWN_ADDRESS_DAYS,
  recordSuccess,
  THROTTLE_WINDOW_MINUTES,
  Throttled,
  type ThrottlePass,
} from './auth.throttle';
import { normalizeUsername, usernameMixesScripts } from './credentials';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-strength';

const SESSION_TOUCH_MS = 5 * 60 * 1000;
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 366;

/** Refuses a new password that is short or common: 400 naming the field it came in. */
export function assertPasswordAcceptable(password: string, field: string, context: string[] = []): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new DomainError('invalid', problem, { field });
}

/** Normalises a new username (NFKC, lower case) and refuses one that mixes scripts: 400 naming the field. */
export function acceptableUsername(raw: string, field: string): string {
  const username = normalizeUsername(raw);
  if (usernameMixesScripts(username)) throw new DomainError('invalid', 'username_mixed_scripts', { field });
  return username;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function toUser(row: Selectable<AppUserTable>): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    role: row.role as Role,
    locale: row.locale === 'en' ? 'en' : 'bg',
    active: Boolean(row.active),
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

function publicUser(u: User) {
  return {
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    role: u.role,
    active: u.active,
    locale: u.locale,
  };
}

/** Creates a user; usernames are unique regardless of case. */
export async function createUser(
  db: Executor,
  actor: Actor,
  input: CreateUserBody,
  fields: { username: string; password: string } = { username: 'username', password: 'password' },
): Promise<User> {
  const username = acceptableUsername(input.username, fields.username);
  assertPasswordAcceptable(input.password, fields.password, [username, input.fullName]);
  if (await repo.findUserByUsername(db, username)) {
    throw new DomainError('conflict', 'username_taken', { field: 'username', params: { username } });
  }
  const now = nowIso();
  const row: Insertable<AppUserTable> = {
    id: newId(),
    username,
    full_name: input.fullName,
    email: input.email ?? null,
    role: input.role,
    password_hash: await hashPassword(input.password),
    locale: input.locale,
    active: true,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertUser(db, row);
  const user = await getUser(db, row.id);
  await recordAudit(db, actor, {
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    after: publicUser(user),
  });
  return user;
}

/** Changes a user; the last active administrator cannot be demoted or deactivated, so nobody is locked out. */
export async function updateUser(db: Db, actor: Actor, id: string, patch: UpdateUserBody): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findUserById(trx, id);
    if (!before) throw notFound('user');
    if (patch.password !== undefined) assertPasswordAcceptable(patch.password, 'password', [before.username]);
    const losesAdmin =
      before.role === 'admin' &&
      Boolean(before.active) &&
      ((patch.role && patch.role !== 'admin') || patch.active === false);
    const lastAdmin = () =>
      new DomainError('conflict', 'last_admin', { field: patch.role ? 'role' : 'active' });
    if (losesAdmin) {
      // Two admins demoting each other at once: on PostgreSQL the second waits for the first's row locks and then
      // counts without the first's admin; SQLite runs one write transaction at a time.
      await repo.lockActiveAdmins(trx);
      if ((await repo.countActiveAdmins(trx, id)) === 0) throw lastAdmin();
    }
    const set: Updateable<AppUserTable> = { updated_at: nowIso() };
    if (patch.fullName !== undefined) set.full_name = patch.fullName;
    if (patch.email !== undefined) set.email = patch.email ?? null;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.password !== undefined) set.password_hash = await hashPassword(patch.password);
    if (losesAdmin) {
      // Guarded: the row changes only while another active admin exists, whatever was counted above.
      if (!(await repo.updateUserRowKeepingAnAdmin(trx, id, set))) throw lastAdmin();
    } else await repo.updateUserRow(trx, id, set);
    // A deactivated user, or one whose password an admin reset, is signed out everywhere.
    if (patch.active === false || patch.password !== undefined) await repo.deleteSessionsOfUser(trx, id);
    const after = await repo.findUserById(trx, id);
    if (!after) throw notFound('user');
    await recordAudit(trx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: publicUser(toUser(before)),
      after: { ...publicUser(toUser(after)), passwordChanged: patch.password !== undefined },
    });
    return toUser(after);
  });
}

export async function listAllUsers(db: Executor): Promise<User[]> {
  return (await repo.listUsers(db)).map(toUser);
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const row = await repo.findUserById(db, id);
  if (!row) throw notFound('user');
  return toUser(row);
}

/** The signed-in user's own answer (login, setup, session, me): the user, the CSRF token, the linked technician. */
export async function meOf(db: Executor, user: User, csrfToken: string | null): Promise<Me> {
  return { user, csrfToken, technicianId: await repo.linkedTechnicianId(db, user.id) };
}

/** Who a user id names, for other modules' checks and print-outs (signatures, links): null for no such user. */
export async function findUserSummary(
  db: Executor,
  id: string,
): Promise<{ id: string; username: string; fullName: string } | null> {
  const row = await repo.findUserById(db, id);
  return row ? { id: row.id, username: row.username, fullName: row.full_name } : null;
}

export interface LoginResult {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Signs a user in with a password. Wrong username and wrong password give the same answer and take the same time.
 * Every attempt is counted before the password is checked (auth.throttle.ts): past the free attempts per address,
 * per username and address, and per username from unknown addresses, the next attempt waits 1 s, 2 s, 4 s … (at most
 * 15 minutes); the first wait of a run leaves a note in the audit log.
 */
export async function login(
  db: Db,
  input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
    sessionDays: number;
    requestId?: string | null;
    now?: number;
  },
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const clock = input.now ?? Date.now();
  const pass = await admitAttempt(db, username, input.ip, clock);
  const noteBackoffs = async (trx: Executor, counted: ThrottlePass['counted'], userId: string | null) => {
    const started = backoffsStarted(counted);
    if (!started.length) return;
    await recordAudit(
      trx,
      { userId: null, requestId: input.requestId ?? null },
      started.map((c) => ({
        action: 'auth.throttled',
        entity: 'user',
        entityId: userId,
        after: {
          username,
          address: input.ip,
          scope: c.scope,
          attempts: c.attempts,
          waitSeconds: c.waitSeconds,
        },
      })),
    );
  };
  if (pass instanceof Throttled) {
    await noteBackoffs(db, pass.counted, null);
    throw new DomainError('rate_limited', 'too_many_attempts', {
      params: { seconds: pass.retryAfterSeconds },
      extra: { retryAfterSeconds: pass.retryAfterSeconds },
    });
  }
  const row = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyHash()));
  const now = new Date(clock).toISOString();
  if (!row || !ok || !row.active) {
    await db.transaction().execute(async (trx) => {
      await repo.insertLoginAttempt(trx, { id: newId(), username, ip: input.ip, succeeded: false, at: now });
      // A run of waits starts when a key's free attempts are used up, unless the password then proves right.
      await noteBackoffs(trx, pass.counted, row?.id ?? null);
    });
    throw new DomainError('unauthenticated', 'invalid_credentials');
  }
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(clock + input.sessionDays * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await recordSuccess(trx, pass, clock);
    await repo.insertLoginAttempt(trx, { id: newId(), username, ip: input.ip, succeeded: true, at: now });
    await repo.insertSession(trx, {
      id: sha256(sessionToken),
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUserRow(trx, row.id, { last_login_at: now });
    await recordAudit(
      trx,
      { userId: row.id, requestId: input.requestId ?? null },
      { action: 'auth.login', entity: 'user', entityId: row.id },
    );
  });
  return { user: toUser({ ...row, last_login_at: now }), sessionToken, csrfToken, expiresAt };
}

/**
 * Housekeeping for the job runner: deletes expired sessions, sign-in attempts older than the throttle window and
 * throttle counters quiet for longer than it (a known address's marker is kept for 30 days). API tokens are kept,
 * expired or not: the list shows them.
 */
export async function purgeExpiredAuthData(db: Executor, now: Date = new Date()) {
  const t = now.getTime();
  return repo.purgeAuthRows(db, {
    now: now.toISOString(),
    attemptsBefore: new Date(t - THROTTLE_WINDOW_MINUTES * 60_000).toISOString(),
    quietBefore: new Date(t - THROTTLE_WINDOW_MINUTES * 60_000).toISOString(),
    knownBefore: new Date(t - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString(),
  });
}

export async function logout(db: Db, principal: Principal): Promise<void> {
  if (!principal.sessionId) return;
  const sessionId = principal.sessionId;
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(
      trx,
      { userId: principal.userId, requestId: null },
      { action: 'auth.logout', entity: 'user', entityId: principal.userId },
    );
  });
}

/** Resolves a session cookie; sessions slide: each use (at most every few minutes) pushes the expiry forward. */
export async function resolveSession(
  db: Executor,
  token: string,
  sessionDays: number,
): Promise<Principal | null> {
  const s = await repo.findSessionWithUser(db, sha256(token));
  const now = Date.now();
  if (!s?.active || Date.parse(s.expires_at) <= now) return null;
  if (now - Date.parse(s.last_seen_at) > SESSION_TOUCH_MS) {
    await repo.touchSession(
      db,
      s.session_id,
      new Date(now).toISOString(),
      new Date(now + sessionDays * 86_400_000).toISOString(),
    );
  }
  return {
    userId: s.id,
    username: s.username,
    role: s.role as Role,
    locale: s.locale === 'en' ? 'en' : 'bg',
    via: 'session',
    sessionId: s.session_id,
    csrfToken: s.csrf_token,
    apiTokenName: null,
    tokenScope: null,
  };
}

export const API_TOKEN_PREFIX = 'svx_';

export async function resolveApiToken(db: Executor, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const t = await repo.findApiTokenWithUser(db, sha256(token));
  const now = Date.now();
  if (!t || t.revoked_at || !t.active || (t.expires_at && Date.parse(t.expires_at) <= now)) return null;
  if (!t.last_used_at || now - Date.parse(t.last_used_at) > SESSION_TOUCH_MS) {
    await repo.markApiTokenUsed(db, t.token_id, new Date(now).toISOString());
  }
  return {
    userId: t.id,
    username: t.username,
    role: t.role as Role,
    locale: t.locale === 'en' ? 'en' : 'bg',
    via: 'token',
    sessionId: null,
    csrfToken: null,
    apiTokenName: t.token_name,
    tokenScope: t.scope === 'write' ? 'write' : 'read',
  };
}

function toApiToken(r: Awaited<ReturnType<typeof repo.listApiTokens>>[number]): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    userId: r.user_id,
    username: r.username,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    scope: r.scope === 'write' ? 'write' : 'read',
  };
}

export async function listTokens(db: Executor): Promise<ApiToken[]> {
  return (await repo.listApiTokens(db)).map(toApiToken);
}

/**
 * Issues an API token for integrations; the secret is shown once and only its hash is kept. Read-only unless 'write'
 * is chosen; it expires after 90 days unless another date within a year is chosen.
 */
export async function createApiToken(
  db: Db,
  actor: Actor & { userId: string },
  input: CreateApiTokenBody,
  now: Date = new Date(),
): Promise<ApiToken & { token: string }> {
  const expiresAt = input.expiresAt
    ? new Date(input.expiresAt)
    : new Date(now.getTime() + API_TOKEN_DEFAULT_DAYS * 86_400_000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('invalid', 'api_token_expiry_past', { field: 'expiresAt' });
  }
  if (expiresAt.getTime() > now.getTime() + API_TOKEN_MAX_DAYS * 86_400_000) {
    throw new DomainError('invalid', 'api_token_expiry_too_far', { field: 'expiresAt' });
  }
  return db.transaction().execute(async (trx) => {
    const owner = await repo.findUserById(trx, input.userId ?? actor.userId);
    if (!owner)
      throw new DomainError('invalid', 'invalid_value', { field: 'userId', params: { field: 'userId' } });
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = {
      id: newId(),
      user_id: owner.id,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_used_at: null,
      revoked_at: null,
      scope: input.scope,
    };
    await repo.insertApiToken(trx, row);
    await recordAudit(trx, actor, {
      action: 'api_token.create',
      entity: 'api_token',
      entityId: row.id,
      after: { name: row.name, userId: owner.id, scope: row.scope, expiresAt: row.expires_at },
    });
    return { ...toApiToken({ ...row, username: owner.username }), token };
  });
}

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = await repo.findApiToken(trx, id);
    if (!t) throw notFound('api_token');
    if (t.revoked_at) throw conflict('conflict');
    await repo.revokeApiTokenRow(trx, id, nowIso());
    await recordAudit(trx, actor, {
      action: 'api_token.revoke',
      entity: 'api_token',
      entityId: id,
      before: { name: t.name },
    });
  });
}

/** A user changes their own language, name or password (the current password is required for a new one). */
export async function updateMe(
  db: Db,
  principal: Principal,
  patch: { locale?: 'bg' | 'en'; fullName?: string; currentPassword?: string; newPassword?: string },
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findUserById(trx, principal.userId);
    if (!before) throw notFound('user');
    const set: Updateable<AppUserTable> = { updated_at: nowIso() };
    if (patch.locale) set.locale = patch.locale;
    if (patch.fullName) set.full_name = patch.fullName;
    if (patch.newPassword !== undefined) {
      if (!patch.currentPassword || !(await verifyPassword(patch.currentPassword, before.password_hash))) {
        throw new DomainError('invalid', 'invalid_credentials', { field: 'currentPassword' });
      }
      assertPasswordAcceptable(patch.newPassword, 'newPassword', [before.username]);
      set.password_hash = await hashPassword(patch.newPassword);
      await repo.deleteSessionsOfUser(trx, principal.userId, principal.sessionId ?? undefined);
    }
    await repo.updateUserRow(trx, principal.userId, set);
    const after = await repo.findUserById(trx, principal.userId);
    if (!after) throw notFound('user');
    await recordAudit(
      trx,
      { userId: principal.userId, requestId: null },
      {
        action: 'user.update_self',
        entity: 'user',
        entityId: principal.userId,
        before: publicUser(toUser(before)),
        after: { ...publicUser(toUser(after)), passwordChanged: patch.newPassword !== undefined },
      },
    );
    return toUser(after);
  });
}
