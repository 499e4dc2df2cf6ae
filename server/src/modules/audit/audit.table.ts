import type { Instant } from '../../db/sql';

export interface AuditLogTable {
  id: string;
  at: Instant;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  /** The name of the API token the write was made with; null for a session or the system. */
  api_token_name: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
