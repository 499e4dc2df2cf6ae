import type { Instant, SqlBool } from '../../db/sql';

/** A customer or supplier (one party can be both): a person or a company. */
export interface PartyTable {
  id: string;
  /** 'person' | 'company' */
  kind: string;
  name: string;
  /** Folded name without quotes, for the same alphabetical order on both databases. */
  sort_name: string;
  /** ЕИК/БУЛСТАТ; companies only. Unique among parties that are not archived. */
  uic: string | null;
  vat_number: string | null;
  mol: string | null;
  /** ЕГН/ЛНЧ of a person who asked for invoices (GDPR-02: masked in lists, full only to some roles). */
  egn: string | null;
  wants_invoices: SqlBool;
  is_customer: SqlBool;
  is_supplier: SqlBool;
  notes: string | null;
  /** The first phone, e-mail and address, copied here for lists and exports. */
  phone: string | null;
  email: string | null;
  city: string | null;
  address: string | null;
  search_text: string;
  archived_at: Instant | null;
  anonymised_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartyPhoneTable {
  id: string;
  party_id: string;
  label: string | null;
  number: string;
  sort_order: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartyEmailTable {
  id: string;
  party_id: string;
  label: string | null;
  email: string;
  sort_order: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartyAddressTable {
  id: string;
  party_id: string;
  /** 'registered' | 'billing' | 'delivery' | 'other' */
  label: string;
  city: string | null;
  address: string | null;
  postcode: string | null;
  country: string;
  sort_order: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartyContactTable {
  id: string;
  party_id: string;
  name: string;
  /** The contact's job title ("длъжност"). */
  position: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  sort_order: number;
  created_at: Instant;
  updated_at: Instant;
}

/** A customer's site ("обект"): where installed equipment lives. */
export interface SiteTable {
  id: string;
  party_id: string;
  name: string;
  sort_name: string;
  city: string | null;
  address: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  access_notes: string | null;
  /** Free text, e.g. "Mon-Fri 08:00-17:00". */
  working_hours: string | null;
  notes: string | null;
  search_text: string;
  archived_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartiesTables {
  party: PartyTable;
  party_phone: PartyPhoneTable;
  party_email: PartyEmailTable;
  party_address: PartyAddressTable;
  party_contact: PartyContactTable;
  site: SiteTable;
}
