export { type AuditChange, findAuditEntries, recordAudit } from './audit.service';
