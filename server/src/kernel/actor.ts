/** Who is doing a write, for the audit log: a user (by session or API token) or the system (CLI, seed). */
export interface Actor {
  userId: string | null;
  requestId: string | null;
  /** Set when the user acts through an API token: its name goes on the audit rows. */
  apiTokenName?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };
