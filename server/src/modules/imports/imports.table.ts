import type { Generated } from 'kysely';
import type { Instant, SqlBool } from '../../db/sql';

export interface ImportJobTable {
  id: string;
  entity: string;
  file_name: string | null;
  status: string;
  only_valid: SqlBool;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  rejected_rows: Generated<number>;
  report_json: string | null;
  message: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
}

export interface ImportsTables {
  import_job: ImportJobTable;
}
