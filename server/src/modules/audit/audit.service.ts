import type { Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import type { AuditAction, AuditEntity } from './audit.actions';
import { insertAudit, listAudit } from './audit.repository';
import type { AuditEntry } from './audit.schema';

export interface AuditChange {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
  'csrfToken',
]);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? '[redacted]' : v));
}

const AUDIT_CHUNK = 500;

/**
 * Every write leaves one audit row per record (who, when, what, before and after) in the same transaction as the
 * write. Bulk writes (imports, the demo seed) pass all their changes at once: one multi-row insert per 500.
 */
export async function recordAudit(
  db: Executor,
  actor: Actor,
  change: AuditChange | readonly AuditChange[],
): Promise<void> {
  const changes = Array.isArray(change) ? (change as readonly AuditChange[]) : [change as AuditChange];
  const at = nowIso();
  const rows = changes.map((c) => ({
    id: newId(),
    at,
    user_id: actor.userId,
    action: c.action,
    entity: c.entity,
    entity_id: c.entityId ?? null,
    before_json: redact(c.before),
    after_json: redact(c.after),
    request_id: actor.requestId,
    api_token_name: actor.apiTokenName ?? null,
  }));
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) await insertAudit(db, rows.slice(i, i + AUDIT_CHUNK));
}

export async function findAuditEntries(
  db: Executor,
  q: { entity?: string; entityId?: string; userId?: string; page: number; pageSize: number },
): Promise<PageOf<AuditEntry>> {
  return mapPage(await listAudit(db, q, q), (rows) =>
    rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username ?? null,
      apiTokenName: r.api_token_name ?? null,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
    })),
  );
}

/**
 * GDPR erasure (art. 17): the audit trail keeps who did what and when about a record, but not the personal data
 * its before/after snapshots held.
 */
export async function eraseAuditDetails(db: Executor, entity: string, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await db
    .updateTable('audit_log')
    .set({ before_json: null, after_json: JSON.stringify({ erased: 'personal data erased on request' }) })
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .execute();
}
