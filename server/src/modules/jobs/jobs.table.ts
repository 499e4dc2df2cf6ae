import type { Generated } from 'kysely';
import type { Instant } from '../../db/sql';

export interface JobTable {
  id: string;
  kind: string;
  /** The job's input as JSON text. */
  payload: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Instant;
  lease_owner: string | null;
  lease_until: Instant | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  result_json: string | null;
  last_error: string | null;
  unique_key: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  started_at: Instant | null;
  finished_at: Instant | null;
}

/** A job's large text input (an import's CSV file: up to 20 MiB) in pieces, apart from the often-updated job row. */
export interface JobTextTable {
  job_id: string;
  seq: number;
  text: string;
  created_at: Instant;
}

export interface JobsTables {
  job: JobTable;
  job_text: JobTextTable;
}
