import { z } from 'zod';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { CsvColumn } from '../../kernel/csv-cell';
import { isValidBgVatNumber } from '../../kernel/identifiers';
import { BgVatNumber, Uic } from '../company';
import type { ImportAdapter, RowError } from '../imports';
import { PARTY_RULES, SITE_RULES } from './parties.access';
import * as repo from './parties.repository';
import { Email, type PartyListItem, Phone, type Site } from './parties.schema';
import { insertPartyDrafts, insertSiteDrafts, type PartyDraft, type SiteDraft } from './parties.service';

/** The columns of customers.csv (server/seed-data), in order; the export adds `id` at the end. */
export const CUSTOMER_COLUMNS = [
  'type',
  'name',
  'uic',
  'vat_number',
  'mol',
  'phone',
  'email',
  'city',
  'address',
] as const;
/** The columns of sites.csv, in order; the export adds working_hours and id. */
export const SITE_COLUMNS = [
  'customer_name',
  'site_name',
  'city',
  'address',
  'contact_person',
  'contact_phone',
  'access_notes',
] as const;

/** The parties CSV export: the customers.csv columns (so the file imports back), plus the id. */
export const PARTY_CSV: CsvColumn<PartyListItem>[] = [
  { header: 'type', value: (p) => p.kind },
  { header: 'name', value: (p) => p.name },
  { header: 'uic', value: (p) => p.uic },
  { header: 'vat_number', value: (p) => p.vatNumber },
  { header: 'mol', value: (p) => p.mol },
  { header: 'phone', value: (p) => p.phone },
  { header: 'email', value: (p) => p.email },
  { header: 'city', value: (p) => p.city },
  { header: 'address', value: (p) => p.address },
  { header: 'id', value: (p) => p.id },
];

/** The sites CSV export: the sites.csv columns, plus working_hours and the id. */
export const SITE_CSV: CsvColumn<Site>[] = [
  { header: 'customer_name', value: (s) => s.partyName },
  { header: 'site_name', value: (s) => s.name },
  { header: 'city', value: (s) => s.city },
  { header: 'address', value: (s) => s.address },
  { header: 'contact_person', value: (s) => s.contactPerson },
  { header: 'contact_phone', value: (s) => s.contactPhone },
  { header: 'access_notes', value: (s) => s.accessNotes },
  { header: 'working_hours', value: (s) => s.workingHours },
  { header: 'id', value: (s) => s.id },
];

/** An optional CSV cell: empty text is no value, anything else must pass `inner`. */
function optional<T extends z.ZodType<unknown, string>>(inner: T) {
  return z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(inner.nullable());
}
const cellText = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const issue = (path: string, code: string) => ({
  code: 'custom' as const,
  path: [path],
  params: { code },
  message: code,
});

export const CustomerCsvRow = z
  .object({
    type: z.enum(['person', 'company']),
    name: required(200),
    uic: optional(Uic),
    vat_number: optional(BgVatNumber),
    mol: optional(cellText(200)),
    phone: optional(Phone),
    email: optional(Email),
    city: optional(cellText(100)),
    address: optional(cellText(300)),
    id: z.string().optional().describe('Written by the export; ignored on import'),
  })
  .superRefine((r, ctx) => {
    if (r.type === 'person') {
      for (const field of ['uic', 'vat_number', 'mol'] as const)
        if (r[field]) ctx.addIssue(issue(field, 'not_for_person'));
      return;
    }
    if (r.vat_number && !r.uic) ctx.addIssue(issue('uic', 'required'));
    // Zod runs this also when a field failed: compare only a valid VAT number, so one mistake is one error.
    if (
      r.vat_number &&
      r.uic &&
      isValidBgVatNumber(r.vat_number) &&
      r.vat_number.length === 11 &&
      r.vat_number.slice(2) !== r.uic
    )
      ctx.addIssue(issue('vat_number', 'invalid_vat_number'));
  });
export type CustomerCsvRow = z.infer<typeof CustomerCsvRow>;

/** A customers.csv row as a party: the phone, e-mail and address become the party's first (primary) ones. */
export function draftOfCustomerRow(r: CustomerCsvRow): PartyDraft {
  return {
    kind: r.type,
    name: r.name,
    uic: r.uic,
    vatNumber: r.vat_number,
    mol: r.mol,
    egn: null,
    wantsInvoices: false,
    isCustomer: true,
    isSupplier: false,
    notes: null,
    phones: r.phone ? [{ label: null, number: r.phone }] : [],
    emails: r.email ? [{ label: null, email: r.email }] : [],
    addresses:
      r.city || r.address
        ? [{ label: 'registered', city: r.city, address: r.address, postcode: null, country: 'BG' }]
        : [],
    contacts: [],
  };
}

function addError(errors: Map<number, RowError[]>, i: number, error: RowError) {
  errors.set(i, [...(errors.get(i) ?? []), error]);
}

/** Customers (persons and companies) from customers.csv; an ЕИК twice in the file or already live is duplicate_uic. */
export const customersImport: ImportAdapter<CustomerCsvRow> = {
  entity: 'customers',
  rule: PARTY_RULES.write,
  columns: [...CUSTOMER_COLUMNS, 'id'],
  requiredColumns: ['type', 'name'],
  values: {
    type: [
      { value: 'person', bg: 'лице', en: 'person' },
      { value: 'company', bg: 'фирма', en: 'company' },
    ],
  },
  row: CustomerCsvRow,
  async check(db: Executor, rows: CustomerCsvRow[]) {
    const errors = new Map<number, RowError[]>();
    const firstByUic = new Map<string, CustomerCsvRow>();
    for (const [i, r] of rows.entries()) {
      if (!r.uic) continue;
      const first = firstByUic.get(r.uic);
      if (first)
        addError(errors, i, {
          field: 'uic',
          code: 'duplicate_uic',
          params: { uic: r.uic, name: first.name },
        });
      else firstByUic.set(r.uic, r);
    }
    const live = new Map(
      (await repo.findLivePartiesByUics(db, [...firstByUic.keys()])).map((p) => [p.uic as string, p]),
    );
    for (const [i, r] of rows.entries()) {
      const existing = r.uic ? live.get(r.uic) : undefined;
      if (existing)
        addError(errors, i, {
          field: 'uic',
          code: 'duplicate_uic',
          params: { uic: r.uic, name: existing.name, existingId: existing.id },
        });
    }
    return errors;
  },
  async insert(trx: Executor, actor: Actor, rows: CustomerCsvRow[]) {
    await insertPartyDrafts(trx, actor, rows.map(draftOfCustomerRow));
  },
};

export const SiteCsvRow = z.object({
  customer_name: required(200),
  site_name: required(200),
  city: optional(cellText(100)),
  address: optional(cellText(300)),
  contact_person: optional(cellText(200)),
  contact_phone: optional(Phone),
  access_notes: optional(cellText(2000)),
  working_hours: optional(cellText(200)),
  id: z.string().optional().describe('Written by the export; ignored on import'),
});
export type SiteCsvRow = z.infer<typeof SiteCsvRow>;

function siteDraftOf(r: SiteCsvRow, partyId: string): SiteDraft {
  return {
    partyId,
    name: r.site_name,
    city: r.city,
    address: r.address,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    accessNotes: r.access_notes,
    workingHours: r.working_hours ?? null,
    notes: null,
  };
}

async function customerIdsByName(db: Executor, rows: SiteCsvRow[]): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for (const p of await repo.findLiveCustomersByNames(
    db,
    rows.map((r) => r.customer_name),
  ))
    byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
  return byName;
}

/**
 * Sites from sites.csv. customer_name must be exactly the name of one live customer (unknown_customer,
 * ambiguous_customer); a customer's site name must be new, in the file and in the database (duplicate_site).
 */
export const sitesImport: ImportAdapter<SiteCsvRow> = {
  entity: 'sites',
  rule: SITE_RULES.write,
  columns: [...SITE_COLUMNS, 'working_hours', 'id'],
  requiredColumns: ['customer_name', 'site_name'],
  row: SiteCsvRow,
  async check(db: Executor, rows: SiteCsvRow[]) {
    const errors = new Map<number, RowError[]>();
    const byName = await customerIdsByName(db, rows);
    const partyOf = new Map<number, string>();
    for (const [i, r] of rows.entries()) {
      const ids = byName.get(r.customer_name) ?? [];
      const params = { name: r.customer_name, count: ids.length };
      if (ids.length === 0) addError(errors, i, { field: 'customer_name', code: 'unknown_customer', params });
      else if (ids.length > 1)
        addError(errors, i, { field: 'customer_name', code: 'ambiguous_customer', params });
      else partyOf.set(i, ids[0] as string);
    }
    const existing = new Map(
      (await repo.findLiveSitesOfParties(db, [...partyOf.values()])).map((s) => [
        `${s.party_id}\n${s.name}`,
        s,
      ]),
    );
    const seen = new Set<string>();
    for (const [i, partyId] of partyOf) {
      const r = rows[i] as SiteCsvRow;
      const key = `${partyId}\n${r.site_name}`;
      const found = existing.get(key);
      if (found || seen.has(key))
        addError(errors, i, {
          field: 'site_name',
          code: 'duplicate_site',
          params: { name: r.site_name, ...(found ? { existingId: found.id } : {}) },
        });
      seen.add(key);
    }
    return errors;
  },
  async insert(trx: Executor, actor: Actor, rows: SiteCsvRow[]) {
    const byName = await customerIdsByName(trx, rows);
    const drafts = rows.map((r) => {
      const [partyId] = byName.get(r.customer_name) ?? [];
      if (!partyId) throw new Error(`sites import: customer "${r.customer_name}" vanished after the check`);
      return siteDraftOf(r, partyId);
    });
    await insertSiteDrafts(trx, actor, drafts);
  },
};
