import type { CalendarDate, Instant, SqlBool } from '../../db/sql';

/** A technician: a person who does the work, with a user account (user_id) or without one. */
export interface TechnicianTable {
  id: string;
  /** The linked user account (→ app_user), unique when set. */
  user_id: string | null;
  name: string;
  phone: string | null;
  /** Can be given work now. */
  active: SqlBool;
  notes: string | null;
  search_text: string;
  archived_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A category (→ catalog_category) the technician can work on. */
export interface TechnicianSkillTable {
  technician_id: string;
  category_id: string;
  created_at: Instant;
  updated_at: Instant;
}

/** One working interval on one weekday; several a day allowed, never overlapping. */
export interface TechnicianHoursTable {
  id: string;
  technician_id: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  start_minute: number;
  end_minute: number;
  created_at: Instant;
  updated_at: Instant;
}

/** Pay terms from a date: commission (basis points of labour value) or a rate per norm hour (cents). */
export interface TechnicianPayTermsTable {
  id: string;
  technician_id: string;
  valid_from: CalendarDate;
  /** 'commission' | 'per_norm_hour' */
  pay_type: string;
  commission_bp: number | null;
  rate_cents: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TechniciansTables {
  technician: TechnicianTable;
  technician_skill: TechnicianSkillTable;
  technician_hours: TechnicianHoursTable;
  technician_pay_terms: TechnicianPayTermsTable;
}
