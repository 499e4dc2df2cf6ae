import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { countAll } from '../../db/sql';
import type { AuditLogTable } from './audit.table';

export async function insertAudit(db: Executor, rows: Insertable<AuditLogTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('audit_log').values(rows).execute();
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: string;
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  return q;
}

export async function listAudit(db: Executor, f: AuditFilter, limit: number, offset: number) {
  const rows = await filtered(db, f)
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('app_user.username')
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const total = await filtered(db, f).select(countAll().as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
}
