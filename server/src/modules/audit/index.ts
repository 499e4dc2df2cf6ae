export { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from './audit.actions';
export { auditRoutes } from './audit.routes';
export type { AuditEntry } from './audit.schema';
export { type AuditChange, eraseAuditDetails, findAuditEntries, recordAudit } from './audit.service';
