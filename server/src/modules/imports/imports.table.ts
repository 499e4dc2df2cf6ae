import type { Instant, SqlBool } from '../../db/sql';

export interface ImportJobTable {
  id: string;
  entity: string;
  file_name: string | null;
  status: string;
  only_valid: SqlBool;
  total_rows: number;
  processed_rows: number;
  imported_rows: number;
  rejected_rows: number;
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
