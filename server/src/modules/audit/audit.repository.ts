import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage } from '../../db/list';
import type { PageRequest } from '../../kernel/list-query';
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

/** Newest first; the id breaks ties of one instant. */
const NEWEST_FIRST: ListOrder = { terms: ['audit_log.at', 'audit_log.id'], direction: 'desc' };

export async function listAudit(db: Executor, f: AuditFilter, page: PageRequest) {
  const query = filtered(db, f)
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('app_user.username');
  return listPage(query, NEWEST_FIRST, page);
}
