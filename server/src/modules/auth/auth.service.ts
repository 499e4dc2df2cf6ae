import { createHash, randomBytes } from 'node:crypto';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { AppError, conflict, notFound } from '../../http/errors';
import type { Actor } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import * as repo from './auth.repository';
import type { ApiToken, CreateUserBody, Role, UpdateUserBody, User } from './auth.schema';
import type { AppUserTable } from './auth.table';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;
const SESSION_TOUCH_MS = 5 * 60 * 1000;

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  locale: 'bg' | 'en';
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
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
export async function createUser(db: Executor, actor: Actor, input: CreateUserBody): Promise<User> {
  const username = input.username.toLowerCase();
  if (await repo.findUserByUsername(db, username)) {
    throw new AppError(409, 'username_taken', { field: 'username', params: { username } });
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
    const losesAdmin =
      before.role === 'admin' &&
      Boolean(before.active) &&
      ((patch.role && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin && (await repo.countActiveAdmins(trx, id)) === 0) {
      throw new AppError(409, 'last_admin', { field: patch.role ? 'role' : 'active' });
    }
    const set: Updateable<AppUserTable> = { updated_at: nowIso() };
    if (patch.fullName !== undefined) set.full_name = patch.fullName;
    if (patch.email !== undefined) set.email = patch.email ?? null;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.password !== undefined) set.password_hash = await hashPassword(patch.password);
    await repo.updateUserRow(trx, id, set);
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

export interface LoginResult {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Signs a user in with a password. Wrong username and wrong password give the same answer and take the same time;
 * after too many failures per username or address within the window, further tries are refused until it passes.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null; sessionDays: number },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const [byUser, byIp] = await Promise.all([
    repo.countFailedAttemptsSince(db, { username }, since),
    repo.countFailedAttemptsSince(db, { ip: input.ip }, since),
  ]);
  if (byUser >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(429, 'too_many_attempts', { params: { minutes: LOGIN_WINDOW_MINUTES } });
  }
  const row = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  const now = nowIso();
  if (!row || !ok || !row.active) {
    await repo.insertLoginAttempt(db, { id: newId(), username, ip: input.ip, succeeded: false, at: now });
    throw new AppError(401, 'invalid_credentials');
  }
  const sessionToken = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.sessionDays * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
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
      { userId: row.id, requestId: null },
      { action: 'auth.login', entity: 'user', entityId: row.id },
    );
  });
  return { user: toUser({ ...row, last_login_at: now }), sessionToken, csrfToken, expiresAt };
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
  };
}

export async function listTokens(db: Executor): Promise<ApiToken[]> {
  return (await repo.listApiTokens(db)).map(toApiToken);
}

/** Issues an API token for integrations; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  actor: Actor & { userId: string },
  input: { name: string; userId?: string; expiresAt?: string | null },
): Promise<ApiToken & { token: string }> {
  return db.transaction().execute(async (trx) => {
    const owner = await repo.findUserById(trx, input.userId ?? actor.userId);
    if (!owner) throw new AppError(400, 'invalid_value', { field: 'userId', params: { field: 'userId' } });
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = {
      id: newId(),
      user_id: owner.id,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      created_at: nowIso(),
      expires_at: input.expiresAt ?? null,
      last_used_at: null,
      revoked_at: null,
    };
    await repo.insertApiToken(trx, row);
    await recordAudit(trx, actor, {
      action: 'api_token.create',
      entity: 'api_token',
      entityId: row.id,
      after: { name: row.name, userId: owner.id },
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
        throw new AppError(400, 'invalid_credentials', { field: 'currentPassword' });
      }
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

export { repo as authRepository };
