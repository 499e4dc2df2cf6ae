/** Who is doing a write, for the audit log: a user (by session or API token) or the system (CLI, seed). */
export interface Actor {
  userId: string | null;
  requestId: string | null;
  /** Set when the user acts through an API token: its name goes on the audit rows. */
  apiTokenName?: string | null;
  /** The workstation (работно място) the request comes from: the browser's choice, X-Workstation-Id (ADR 0041). */
  workstationId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, requestId: null };
