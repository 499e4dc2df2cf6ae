import type { Instant, SqlBool } from '../../db/sql';

export interface AppUserTable {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  role: string;
  password_hash: string;
  locale: string;
  active: SqlBool;
  last_login_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
  last_seen_at: Instant;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Instant;
  expires_at: Instant | null;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
  /** 'read' (GET and HEAD only) or 'write' (acts with its user's role). */
  scope: string;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string;
  succeeded: SqlBool;
  at: Instant;
}

/** One counter per throttle key ('ip:…', 'pair:…', 'user:…'), read and bumped under a row lock (auth.throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  blocked_until: Instant | null;
  /** On a 'pair:' key: the last successful sign-in of this username from this address (a known address). */
  last_success_at: Instant | null;
  updated_at: Instant;
}

export interface AuthTables {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
}
