import type { AuditTables } from '../modules/audit/audit.table';
import type { AuthTables } from '../modules/auth/auth.table';
import type { CompanyTables } from '../modules/company/company.table';
import type { NumberingTables } from '../modules/numbering/numbering.table';

/** Every table of every module: each module declares its own in <m>.table.ts. */
export interface Database extends AuthTables, CompanyTables, NumberingTables, AuditTables {}
