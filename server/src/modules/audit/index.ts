export { type AuditChange, eraseAuditDetails, findAuditEntries, recordAudit } from './audit.service';
