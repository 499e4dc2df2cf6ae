import type { Instant, SqlBool } from '../../db/sql';

export interface NumberingSeriesTable {
  id: string;
  doc_type: string;
  code: string;
  name: string;
  start_number: number;
  next_number: number;
  width: number;
  is_default: SqlBool;
  active: SqlBool;
  created_at: Instant;
}

export interface NumberingTables {
  numbering_series: NumberingSeriesTable;
}
