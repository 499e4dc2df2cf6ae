import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import { refuseIfUsed, registerReference } from '../../db/usage';
import type { Actor } from '../../kernel/actor';
import { compareBg } from '../../kernel/collate';
import { DomainError, notFound } from '../../kernel/errors';
import { maskPersonalId } from '../../kernel/identifiers';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { type AuditEntry, eraseAuditDetails, findAuditEntries, recordAudit } from '../audit';
import * as repo from './parties.repository';
import type {
  AddressLabel,
  CreatePartyBody,
  CreateSiteBody,
  Party,
  PartyKind,
  PartyListItem,
  PartySearchHit,
  PrivacyExport,
  Site,
  UpdatePartyBody,
  UpdateSiteBody,
} from './parties.schema';
import { partySearchText, siteSearchText, sortKey } from './parties.search';
import type {
  PartyAddressTable,
  PartyContactTable,
  PartyEmailTable,
  PartyPhoneTable,
  PartyTable,
  SiteTable,
} from './parties.table';

// ---------------------------------------------------------------- hooks other modules register at import time

/** A module's data about a party for the privacy export (GDPR-04): any JSON value. */
export type PrivacyExporter = (db: Executor, partyId: string) => Promise<unknown>;
/** Removes a module's personal data about a person who asked to be forgotten, in the anonymisation transaction. */
export type PartyAnonymiser = (db: Executor, partyId: string) => Promise<void>;
/** Told, inside the renaming transaction, that a party's name changed (e.g. to refresh copies in search columns). */
export type PartyRenamedHook = (db: Executor, partyId: string) => Promise<void>;

registerReference('party', { table: 'site', column: 'party_id', usedBy: 'sites', code: 'party_has_sites' });
const privacyExporters = new Map<string, PrivacyExporter>();
const anonymisers = new Set<PartyAnonymiser>();
const renamedHooks = new Set<PartyRenamedHook>();

/** Adds a module's data to the privacy export of a party, under `name`. */
export function registerPrivacyExporter(name: string, exporter: PrivacyExporter): void {
  privacyExporters.set(name, exporter);
}
/** Adds a module's clean-up to the anonymisation of a person. */
export function registerPartyAnonymiser(anonymiser: PartyAnonymiser): void {
  anonymisers.add(anonymiser);
}

/** Calls `hook` whenever a party's name changes (an edit or an anonymisation), in the same transaction. */
export function registerPartyRenamedHook(hook: PartyRenamedHook): void {
  renamedHooks.add(hook);
}

/** Told, inside the editing transaction, that a party's first phone changed (other modules copy it into search columns). */
export type PartyPhoneChangedHook = (db: Executor, partyId: string) => Promise<void>;
const phoneHooks = new Set<PartyPhoneChangedHook>();

/** Calls `hook` whenever a party's first phone changes (an edit), in the same transaction. */
export function registerPartyPhoneChangedHook(hook: PartyPhoneChangedHook): void {
  phoneHooks.add(hook);
}

async function partyRenamed(db: Executor, partyId: string): Promise<void> {
  for (const hook of renamedHooks) await hook(db, partyId);
}

// ---------------------------------------------------------------- errors

function duplicateUic(existing: { id: string; name: string; uic: string | null }): DomainError {
  return new DomainError('conflict', 'duplicate_uic', {
    field: 'uic',
    params: { uic: existing.uic, name: existing.name },
    extra: { existingId: existing.id },
  });
}
function duplicateSite(existing: { id: string; name: string }): DomainError {
  return new DomainError('conflict', 'duplicate_site', {
    field: 'name',
    params: { name: existing.name },
    extra: { existingId: existing.id },
  });
}
const anonymised = () => new DomainError('conflict', 'party_anonymised');
const fieldError = (kind: 'invalid' | 'conflict', code: string, field: string) =>
  new DomainError(kind, code, { field, params: { field } });

async function guardUic<T>(db: Executor, uic: string | null, exceptId: string | null, run: () => Promise<T>) {
  try {
    return await run();
  } catch (e) {
    if (uic && isUniqueViolation(e)) {
      const existing = await repo.findLivePartyByUic(db, uic, exceptId);
      if (existing) throw duplicateUic(existing);
    }
    throw e;
  }
}

async function guardSiteName<T>(
  db: Executor,
  site: { partyId: string; name: string } | null,
  exceptId: string | null,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (e) {
    if (site && isUniqueViolation(e)) {
      const existing = await repo.findLiveSiteByName(db, site.partyId, site.name, exceptId);
      if (existing) throw duplicateSite(existing);
    }
    throw e;
  }
}

// ---------------------------------------------------------------- party drafts and rules

/** A party as it will be saved: a request, or a request merged onto the stored party. */
export interface PartyDraft {
  kind: PartyKind;
  name: string;
  uic: string | null;
  vatNumber: string | null;
  mol: string | null;
  egn: string | null;
  wantsInvoices: boolean;
  isCustomer: boolean;
  isSupplier: boolean;
  notes: string | null;
  phones: { label: string | null; number: string }[];
  emails: { label: string | null; email: string }[];
  addresses: {
    label: AddressLabel;
    city: string | null;
    address: string | null;
    postcode: string | null;
    country: string;
  }[];
  contacts: {
    id?: string | undefined;
    name: string;
    position: string | null;
    phone: string | null;
    email: string | null;
    notes: string | null;
  }[];
}

/** Empty text is no value. */
function blank(s: string | null | undefined): string | null {
  return s === undefined || s === null || s.trim() === '' ? null : s.trim();
}

type ChildInput = Pick<CreatePartyBody, 'phones' | 'emails' | 'addresses' | 'contacts'>;

function phonesOf(input: ChildInput['phones']): PartyDraft['phones'] {
  return input.map((p) => ({ label: blank(p.label), number: p.number.replace(/\s+/g, ' ') }));
}
function emailsOf(input: ChildInput['emails']): PartyDraft['emails'] {
  return input.map((e) => ({ label: blank(e.label), email: e.email }));
}
function addressesOf(input: ChildInput['addresses']): PartyDraft['addresses'] {
  return input.map((a) => ({
    label: a.label,
    city: blank(a.city),
    address: blank(a.address),
    postcode: blank(a.postcode),
    country: a.country,
  }));
}
function contactsOf(input: ChildInput['contacts']): PartyDraft['contacts'] {
  return input.map((c) => ({
    id: c.id,
    name: c.name,
    position: blank(c.position),
    phone: blank(c.phone),
    email: blank(c.email),
    notes: blank(c.notes),
  }));
}

export function draftFromCreate(input: CreatePartyBody): PartyDraft {
  return {
    kind: input.kind,
    name: input.name,
    uic: blank(input.uic),
    vatNumber: blank(input.vatNumber),
    mol: blank(input.mol),
    egn: blank(input.egn),
    wantsInvoices: input.wantsInvoices,
    isCustomer: input.isCustomer,
    isSupplier: input.isSupplier,
    notes: blank(input.notes),
    phones: phonesOf(input.phones),
    emails: emailsOf(input.emails),
    addresses: addressesOf(input.addresses),
    contacts: contactsOf(input.contacts),
  };
}

function draftFromState(s: PartyState): PartyDraft {
  const r = s.row;
  return {
    kind: r.kind as PartyKind,
    name: r.name,
    uic: r.uic,
    vatNumber: r.vat_number,
    mol: r.mol,
    egn: r.egn,
    wantsInvoices: Boolean(r.wants_invoices),
    isCustomer: Boolean(r.is_customer),
    isSupplier: Boolean(r.is_supplier),
    notes: r.notes,
    phones: s.phones.map((p) => ({ label: p.label, number: p.number })),
    emails: s.emails.map((e) => ({ label: e.label, email: e.email })),
    addresses: s.addresses.map((a) => ({
      label: a.label as AddressLabel,
      city: a.city,
      address: a.address,
      postcode: a.postcode,
      country: a.country,
    })),
    contacts: s.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      position: c.position,
      phone: c.phone,
      email: c.email,
      notes: c.notes,
    })),
  };
}

function mergeDraft(s: PartyState, patch: UpdatePartyBody): PartyDraft {
  const cur = draftFromState(s);
  const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : blank(v));
  const draft: PartyDraft = {
    kind: patch.kind ?? cur.kind,
    name: patch.name ?? cur.name,
    uic: pick(patch.uic, cur.uic),
    vatNumber: pick(patch.vatNumber, cur.vatNumber),
    mol: pick(patch.mol, cur.mol),
    egn: pick(patch.egn, cur.egn),
    wantsInvoices: patch.wantsInvoices ?? cur.wantsInvoices,
    isCustomer: patch.isCustomer ?? cur.isCustomer,
    isSupplier: patch.isSupplier ?? cur.isSupplier,
    notes: pick(patch.notes, cur.notes),
    phones: patch.phones ? phonesOf(patch.phones) : cur.phones,
    emails: patch.emails ? emailsOf(patch.emails) : cur.emails,
    addresses: patch.addresses ? addressesOf(patch.addresses) : cur.addresses,
    contacts: patch.contacts ? contactsOf(patch.contacts) : cur.contacts,
  };
  // A person who no longer wants invoices no longer needs an ЕГН on file (GDPR-02: collect only when needed).
  if (patch.wantsInvoices === false && patch.egn === undefined) draft.egn = null;
  if (draft.kind === 'person' && patch.wantsInvoices === false && patch.vatNumber === undefined)
    draft.vatNumber = null;
  return draft;
}

/**
 * The rules of a party's identity: a person has no ЕИК or МОЛ, an ЕГН only when they asked for invoices, and a
 * VAT number only as "BG" + their ЕГН or ЛНЧ; a company has no ЕГН, and its VAT number is "BG" + its ЕИК.
 */
export function checkPartyRules(d: PartyDraft): void {
  if (d.kind === 'person') {
    if (d.uic) throw fieldError('invalid', 'not_for_person', 'uic');
    // A person registered for VAT (a freelancer, a sole trader without a company) has "BG" + their ЕГН or ЛНЧ.
    if (d.vatNumber && (d.vatNumber.length !== 12 || (d.egn && d.vatNumber.slice(2) !== d.egn)))
      throw fieldError('invalid', 'invalid_vat_number', 'vatNumber');
    if (d.mol) throw fieldError('invalid', 'not_for_person', 'mol');
    if (d.egn && !d.wantsInvoices) throw fieldError('invalid', 'egn_without_invoice', 'egn');
    return;
  }
  if (d.egn) throw fieldError('invalid', 'not_for_company', 'egn');
  if (d.vatNumber && !d.uic) throw fieldError('invalid', 'required', 'uic');
  if (d.vatNumber && d.uic && d.vatNumber.length === 11 && d.vatNumber.slice(2) !== d.uic)
    throw fieldError('invalid', 'invalid_vat_number', 'vatNumber');
}

// ---------------------------------------------------------------- rows and views

type PartyRow = Selectable<PartyTable>;

interface PartyState {
  row: PartyRow;
  phones: Selectable<PartyPhoneTable>[];
  emails: Selectable<PartyEmailTable>[];
  addresses: Selectable<PartyAddressTable>[];
  contacts: Selectable<PartyContactTable>[];
  siteCount: number;
}

/** What the reader may see: the full ЕГН only for the roles that need it (GDPR-02). */
export interface PartyView {
  revealPersonalId: boolean;
}
const MASKED: PartyView = { revealPersonalId: false };
const FULL: PartyView = { revealPersonalId: true };

async function readParty(db: Executor, id: string): Promise<PartyState | null> {
  const row = await repo.findParty(db, id);
  if (!row) return null;
  const [phones, emails, addresses, contacts, siteCount] = await Promise.all([
    repo.listPhones(db, id),
    repo.listEmails(db, id),
    repo.listAddresses(db, id),
    repo.listContacts(db, id),
    repo.countSitesOfParty(db, id),
  ]);
  return { row, phones, emails, addresses, contacts, siteCount };
}

async function mustReadParty(db: Executor, id: string): Promise<PartyState> {
  const state = await readParty(db, id);
  if (!state) throw notFound('party');
  return state;
}

function egnFor(egn: string | null, view: PartyView): string | null {
  if (egn === null) return null;
  return view.revealPersonalId ? egn : maskPersonalId(egn);
}

/** A person's VAT number is "BG" + their ЕГН or ЛНЧ: shown only to those who see the ЕГН, masked like it to others. */
function vatNumberFor(r: PartyRow, view: PartyView): string | null {
  if (r.vat_number === null || r.kind !== 'person' || view.revealPersonalId) return r.vat_number;
  return `BG${maskPersonalId(r.vat_number.slice(2))}`;
}

function toListItem(r: PartyRow): PartyListItem {
  return {
    id: r.id,
    kind: r.kind as PartyKind,
    name: r.name,
    uic: r.uic,
    vatNumber: vatNumberFor(r, MASKED),
    mol: r.mol,
    egn: egnFor(r.egn, MASKED),
    wantsInvoices: Boolean(r.wants_invoices),
    isCustomer: Boolean(r.is_customer),
    isSupplier: Boolean(r.is_supplier),
    phone: r.phone,
    email: r.email,
    city: r.city,
    address: r.address,
    archivedAt: r.archived_at,
    anonymisedAt: r.anonymised_at,
    createdAt: r.created_at,
  };
}

function toParty(s: PartyState, view: PartyView): Party {
  return {
    ...toListItem(s.row),
    vatNumber: vatNumberFor(s.row, view),
    egn: egnFor(s.row.egn, view),
    egnMasked: s.row.egn !== null && !view.revealPersonalId,
    notes: s.row.notes,
    phones: s.phones.map((p) => ({ id: p.id, label: p.label, number: p.number })),
    emails: s.emails.map((e) => ({ id: e.id, label: e.label, email: e.email })),
    addresses: s.addresses.map((a) => ({
      id: a.id,
      label: a.label as AddressLabel,
      city: a.city,
      address: a.address,
      postcode: a.postcode,
      country: a.country,
    })),
    contacts: s.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      position: c.position,
      phone: c.phone,
      email: c.email,
      notes: c.notes,
    })),
    siteCount: s.siteCount,
    updatedAt: s.row.updated_at,
  };
}

/** The columns of party computed from a draft: the primary phone/e-mail/address and the search text. */
function partyColumns(d: PartyDraft) {
  const primary = d.addresses[0];
  return {
    kind: d.kind,
    name: d.name,
    sort_name: sortKey(d.name),
    uic: d.uic,
    vat_number: d.vatNumber,
    mol: d.mol,
    egn: d.egn,
    wants_invoices: d.wantsInvoices,
    is_customer: d.isCustomer,
    is_supplier: d.isSupplier,
    notes: d.notes,
    phone: d.phones[0]?.number ?? null,
    email: d.emails[0]?.email ?? null,
    city: primary?.city ?? null,
    address: primary?.address ?? null,
    search_text: partySearchText({
      name: d.name,
      uic: d.uic,
      vatNumber: d.vatNumber,
      mol: d.mol,
      phones: d.phones.map((p) => p.number),
      emails: d.emails.map((e) => e.email),
      contacts: d.contacts,
    }),
  };
}

/** Child rows of a draft; contacts keep their id when it is one of keepContactIds (an edit, not a new person). */
function childRows(partyId: string, d: PartyDraft, now: string, keepContactIds: ReadonlySet<string>) {
  const stamp = { party_id: partyId, created_at: now, updated_at: now };
  return {
    phones: d.phones.map((p, i) => ({
      id: newId(),
      ...stamp,
      label: p.label,
      number: p.number,
      sort_order: i,
    })),
    emails: d.emails.map((e, i) => ({
      id: newId(),
      ...stamp,
      label: e.label,
      email: e.email,
      sort_order: i,
    })),
    addresses: d.addresses.map((a, i) => ({ id: newId(), ...stamp, ...a, sort_order: i })),
    contacts: d.contacts.map((c, i) => ({
      ...stamp,
      id: c.id && keepContactIds.has(c.id) ? c.id : newId(),
      name: c.name,
      position: c.position,
      phone: c.phone,
      email: c.email,
      notes: c.notes,
      sort_order: i,
    })),
  } satisfies repo.PartyChildRows;
}

/** For audit rows: the draft as saved, with the ЕГН masked. */
function auditDraft(id: string, d: PartyDraft) {
  return { id, ...d, egn: egnFor(d.egn, MASKED) };
}

async function assertUicFree(db: Executor, uic: string | null, exceptId: string | null): Promise<void> {
  if (!uic) return;
  const existing = await repo.findLivePartyByUic(db, uic, exceptId);
  if (existing) throw duplicateUic(existing);
}

/**
 * Inserts parties that were already checked (rules, ЕИК not taken), in batches, with one audit row each.
 * Used by the CSV import and the demo seed.
 */
export async function insertPartyDrafts(
  trx: Executor,
  actor: Actor,
  drafts: PartyDraft[],
): Promise<string[]> {
  const now = nowIso();
  const ids = drafts.map(() => newId());
  const parties: Insertable<PartyTable>[] = [];
  const children: repo.PartyChildRows = { phones: [], emails: [], addresses: [], contacts: [] };
  for (const [i, d] of drafts.entries()) {
    const id = ids[i] as string;
    parties.push({
      id,
      ...partyColumns(d),
      archived_at: null,
      anonymised_at: null,
      created_at: now,
      updated_at: now,
    });
    const rows = childRows(id, d, now, new Set());
    children.phones.push(...rows.phones);
    children.emails.push(...rows.emails);
    children.addresses.push(...rows.addresses);
    children.contacts.push(...rows.contacts);
  }
  await repo.insertParties(trx, parties);
  await repo.insertPartyChildren(trx, children);
  await recordAudit(
    trx,
    actor,
    drafts.map((d, i) => ({
      action: 'party.create',
      entity: 'party',
      entityId: ids[i],
      after: auditDraft(ids[i] as string, d),
    })),
  );
  return ids;
}

// ---------------------------------------------------------------- party operations

export async function getParty(db: Executor, id: string, view: PartyView): Promise<Party> {
  return toParty(await mustReadParty(db, id), view);
}

export interface PartyListQuery extends repo.PartyFilter {
  /** "name", "createdAt" or "city"; "-name" for descending. */
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of parties; the ЕГН is always masked in lists. */
export async function listParties(db: Executor, q: PartyListQuery): Promise<PageOf<PartyListItem>> {
  return mapPage(await repo.listParties(db, q, q.sort, q), (rows) => rows.map(toListItem));
}

/** Every party of the filter for the CSV export (ЕГН masked, as in lists). */
export async function exportParties(db: Executor, q: Omit<PartyListQuery, 'page' | 'pageSize'>) {
  return (await repo.exportParties(db, q, q.sort)).map(toListItem);
}

/** Global search: live parties whose name, ЕИК, VAT number, phone (any spelling), e-mail or contact matches. */
export async function searchParties(db: Executor, needle: string, limit: number): Promise<PartySearchHit[]> {
  if (needle.trim() === '' || limit < 1) return [];
  const rows = await repo.searchPartyRows(db, needle, limit);
  return rows
    .map((r) => ({ ...r, kind: r.kind as PartyKind }))
    .sort((a, b) => compareBg(a.name, b.name) || a.id.localeCompare(b.id));
}

/** Adds a customer or supplier; a live party with the same ЕИК is a 409 naming it. */
export async function createParty(
  db: Db,
  actor: Actor,
  input: CreatePartyBody,
  view: PartyView,
): Promise<Party> {
  const draft = draftFromCreate(input);
  checkPartyRules(draft);
  return guardUic(db, draft.uic, null, () =>
    db.transaction().execute(async (trx) => {
      await assertUicFree(trx, draft.uic, null);
      const [id] = await insertPartyDrafts(trx, actor, [draft]);
      return toParty(await mustReadParty(trx, id as string), view);
    }),
  );
}

/**
 * Adds a customer inside the caller's transaction (a service order's intake): the same rules and ЕИК check as
 * createParty, one audit row; field errors name the body's fields (uic, phones.0.number…).
 */
export async function createCustomerIn(
  trx: Executor,
  actor: Actor,
  input: CreatePartyBody,
): Promise<PartySummary> {
  const draft = draftFromCreate({ ...input, isCustomer: true });
  checkPartyRules(draft);
  await assertUicFree(trx, draft.uic, null);
  const [id] = await insertPartyDrafts(trx, actor, [draft]);
  const row = await repo.findParty(trx, id as string);
  if (!row) throw notFound('party');
  return toSummary(row);
}

/** Changes a party; arrays sent replace the whole list. An anonymised party can no longer change. */
export async function updateParty(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdatePartyBody,
  view: PartyView,
): Promise<Party> {
  return guardUic(db, blank(patch.uic), id, () =>
    db.transaction().execute(async (trx) => {
      const state = await mustReadParty(trx, id);
      if (state.row.anonymised_at) throw anonymised();
      const draft = mergeDraft(state, patch);
      checkPartyRules(draft);
      if (!state.row.archived_at) await assertUicFree(trx, draft.uic, id);
      const now = nowIso();
      await repo.updatePartyRow(trx, id, { ...partyColumns(draft), updated_at: now });
      const rows = childRows(id, draft, now, new Set(state.contacts.map((c) => c.id)));
      if (patch.phones) await repo.deletePhones(trx, id);
      if (patch.emails) await repo.deleteEmails(trx, id);
      if (patch.addresses) await repo.deleteAddresses(trx, id);
      if (patch.contacts) await repo.deleteContacts(trx, id);
      await repo.insertPartyChildren(trx, {
        phones: patch.phones ? rows.phones : [],
        emails: patch.emails ? rows.emails : [],
        addresses: patch.addresses ? rows.addresses : [],
        contacts: patch.contacts ? rows.contacts : [],
      });
      if (draft.name !== state.row.name) await partyRenamed(trx, id);
      const firstPhone = (phones: readonly { number: string }[]) => phones[0]?.number ?? null;
      if (firstPhone(draft.phones) !== firstPhone(state.phones))
        for (const hook of phoneHooks) await hook(trx, id);
      const updated = await mustReadParty(trx, id);
      await recordAudit(trx, actor, {
        action: 'party.update',
        entity: 'party',
        entityId: id,
        before: toParty(state, MASKED),
        after: toParty(updated, MASKED),
      });
      return toParty(updated, view);
    }),
  );
}

/** Archives a party: it leaves lists and search but keeps its history; archiving twice changes nothing. */
export async function archiveParty(db: Db, actor: Actor, id: string, view: PartyView): Promise<Party> {
  return db.transaction().execute(async (trx) => {
    const state = await mustReadParty(trx, id);
    if (state.row.archived_at) return toParty(state, view);
    const now = nowIso();
    await repo.updatePartyRow(trx, id, { archived_at: now, updated_at: now });
    await recordAudit(trx, actor, {
      action: 'party.archive',
      entity: 'party',
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: now },
    });
    return toParty(await mustReadParty(trx, id), view);
  });
}

/** Brings an archived party back, unless another live party has taken its ЕИК meanwhile or it was anonymised. */
export async function unarchiveParty(db: Db, actor: Actor, id: string, view: PartyView): Promise<Party> {
  const uic = (await repo.findParty(db, id))?.uic ?? null;
  return guardUic(db, uic, id, () =>
    db.transaction().execute(async (trx) => {
      const state = await mustReadParty(trx, id);
      if (state.row.anonymised_at) throw anonymised();
      if (!state.row.archived_at) return toParty(state, view);
      await assertUicFree(trx, state.row.uic, id);
      const now = nowIso();
      await repo.updatePartyRow(trx, id, { archived_at: null, updated_at: now });
      await recordAudit(trx, actor, {
        action: 'party.unarchive',
        entity: 'party',
        entityId: id,
        before: { archivedAt: state.row.archived_at },
        after: { archivedAt: null },
      });
      return toParty(await mustReadParty(trx, id), view);
    }),
  );
}

/** Deletes a party that nothing uses (no sites, and nothing another module registered); otherwise 409 in_use. */
export async function deleteParty(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const state = await mustReadParty(trx, id);
    await refuseIfUsed(trx, 'party', id);
    await repo.deletePartyRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'party.delete',
      entity: 'party',
      entityId: id,
      before: toParty(state, MASKED),
    });
  });
}

/** "Анонимизиран клиент 1a2b3c4d": the last 8 hex digits of the id (its random part). */
export function anonymisedName(id: string): string {
  return `Анонимизиран клиент ${id.replace(/-/g, '').slice(-8)}`;
}

/**
 * Forgets a person (GDPR-05): name replaced, phones, e-mails, addresses, contacts, notes, ЕГН and search text
 * removed, sites emptied, the party archived. The row and its id stay, so documents that reference it stay
 * intact (they hold their own customer snapshot). The audit row holds no personal data.
 */
export async function anonymiseParty(db: Db, actor: Actor, id: string, view: PartyView): Promise<Party> {
  return db.transaction().execute(async (trx) => {
    const state = await mustReadParty(trx, id);
    if (state.row.kind !== 'person') throw new DomainError('conflict', 'not_a_person');
    if (state.row.anonymised_at) throw anonymised();
    const now = nowIso();
    const name = anonymisedName(id);
    await repo.deletePhones(trx, id);
    await repo.deleteEmails(trx, id);
    await repo.deleteAddresses(trx, id);
    await repo.deleteContacts(trx, id);
    await repo.updatePartyRow(trx, id, {
      name,
      sort_name: sortKey(name),
      uic: null,
      vat_number: null,
      mol: null,
      egn: null,
      wants_invoices: false,
      notes: null,
      phone: null,
      email: null,
      city: null,
      address: null,
      search_text: '',
      anonymised_at: now,
      archived_at: state.row.archived_at ?? now,
      updated_at: now,
    });
    const sites = await repo.allSitesOfParty(trx, id);
    for (const [i, site] of sites.entries()) {
      const siteName = `Обект ${i + 1}`;
      await repo.updateSiteRow(trx, site.id, {
        name: siteName,
        sort_name: sortKey(siteName),
        city: null,
        address: null,
        contact_person: null,
        contact_phone: null,
        access_notes: null,
        working_hours: null,
        notes: null,
        search_text: '',
        archived_at: site.archived_at ?? now,
        updated_at: now,
      });
    }
    await partyRenamed(trx, id);
    for (const anonymise of anonymisers) await anonymise(trx, id);
    await eraseAuditDetails(trx, 'party', [id]);
    await eraseAuditDetails(
      trx,
      'site',
      sites.map((site) => site.id),
    );
    await recordAudit(trx, actor, {
      action: 'party.anonymise',
      entity: 'party',
      entityId: id,
      after: { anonymisedAt: now, sitesAnonymised: sites.length },
    });
    return toParty(await mustReadParty(trx, id), view);
  });
}

async function auditAbout(db: Executor, entity: string, entityId: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  const pageSize = 500;
  for (let page = 1; ; page++) {
    const { items } = await findAuditEntries(db, { entity, entityId, page, pageSize });
    out.push(...items);
    if (items.length < pageSize) return out;
  }
}

/**
 * Everything held about a party (GDPR-04): the party with its full ЕГН, phones, e-mails, addresses, contacts,
 * sites, the audit entries about them, and what other modules registered. The export itself is audited.
 */
export async function exportPartyData(db: Db, actor: Actor, id: string): Promise<PrivacyExport> {
  return db.transaction().execute(async (trx) => {
    const state = await mustReadParty(trx, id);
    const siteRows = await repo.allSitesOfParty(trx, id);
    const audit = [
      ...(await auditAbout(trx, 'party', id)),
      ...(await Promise.all(siteRows.map((s) => auditAbout(trx, 'site', s.id)))).flat(),
    ].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    const modules: Record<string, unknown> = {};
    for (const [name, exporter] of privacyExporters) modules[name] = await exporter(trx, id);
    await recordAudit(trx, actor, { action: 'party.privacy_export', entity: 'party', entityId: id });
    return {
      exportedAt: nowIso(),
      party: toParty(state, FULL),
      sites: siteRows.map(toSite),
      audit,
      modules,
    };
  });
}

// ---------------------------------------------------------------- sites

type SiteRow = Selectable<SiteTable> & { party_name: string };

function toSite(r: SiteRow): Site {
  return {
    id: r.id,
    partyId: r.party_id,
    partyName: r.party_name,
    name: r.name,
    city: r.city,
    address: r.address,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    accessNotes: r.access_notes,
    workingHours: r.working_hours,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A site as it will be saved. */
export interface SiteDraft {
  partyId: string;
  name: string;
  city: string | null;
  address: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  accessNotes: string | null;
  workingHours: string | null;
  notes: string | null;
}

function siteColumns(d: SiteDraft) {
  return {
    party_id: d.partyId,
    name: d.name,
    sort_name: sortKey(d.name),
    city: d.city,
    address: d.address,
    contact_person: d.contactPerson,
    contact_phone: d.contactPhone,
    access_notes: d.accessNotes,
    working_hours: d.workingHours,
    notes: d.notes,
    search_text: siteSearchText(d),
  };
}

async function mustReadSite(db: Executor, id: string): Promise<SiteRow> {
  const row = await repo.findSite(db, id);
  if (!row) throw notFound('site');
  return row;
}

async function assertSiteNameFree(db: Executor, partyId: string, name: string, exceptId: string | null) {
  const existing = await repo.findLiveSiteByName(db, partyId, name, exceptId);
  if (existing) throw duplicateSite(existing);
}

/** The party a new site goes to must exist, be a customer and be live. */
async function assertSiteOwner(db: Executor, partyId: string, field = 'partyId'): Promise<void> {
  const party = await repo.findParty(db, partyId);
  if (!party) throw fieldError('invalid', 'unknown_party', field);
  if (!party.is_customer) throw fieldError('invalid', 'not_a_customer', field);
  if (party.archived_at) throw fieldError('conflict', 'party_archived', field);
}

/** Inserts sites that were already checked, in batches, with one audit row each (CSV import, demo seed). */
export async function insertSiteDrafts(trx: Executor, actor: Actor, drafts: SiteDraft[]): Promise<string[]> {
  const now = nowIso();
  const rows = drafts.map((d) => ({
    id: newId(),
    ...siteColumns(d),
    archived_at: null,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertSites(trx, rows);
  await recordAudit(
    trx,
    actor,
    rows.map((row, i) => ({ action: 'site.create', entity: 'site', entityId: row.id, after: drafts[i] })),
  );
  return rows.map((r) => r.id);
}

export async function getSite(db: Executor, id: string): Promise<Site> {
  return toSite(await mustReadSite(db, id));
}

export interface SiteListQuery extends repo.SiteFilter {
  /** "name", "createdAt", "city" or "customer"; "-name" for descending. */
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listSites(db: Executor, q: SiteListQuery): Promise<PageOf<Site>> {
  return mapPage(await repo.listSites(db, q, q.sort, q), (rows) => rows.map(toSite));
}

/** The sites of one customer (404 when the party does not exist). */
export async function listCustomerSites(db: Executor, partyId: string, q: Omit<SiteListQuery, 'partyId'>) {
  if (!(await repo.findParty(db, partyId))) throw notFound('party');
  return listSites(db, { ...q, partyId });
}

export async function exportSites(
  db: Executor,
  q: Omit<SiteListQuery, 'page' | 'pageSize'>,
): Promise<Site[]> {
  return (await repo.exportSites(db, q, q.sort)).map(toSite);
}

/** Adds a site to a live customer; the customer's live sites have distinct names (409 naming the existing one). */
export async function createSite(db: Db, actor: Actor, input: CreateSiteBody): Promise<Site> {
  const draft: SiteDraft = {
    partyId: input.partyId,
    name: input.name,
    city: blank(input.city),
    address: blank(input.address),
    contactPerson: blank(input.contactPerson),
    contactPhone: blank(input.contactPhone),
    accessNotes: blank(input.accessNotes),
    workingHours: blank(input.workingHours),
    notes: blank(input.notes),
  };
  return guardSiteName(db, draft, null, () =>
    db.transaction().execute(async (trx) => {
      await assertSiteOwner(trx, draft.partyId);
      await assertSiteNameFree(trx, draft.partyId, draft.name, null);
      const [id] = await insertSiteDrafts(trx, actor, [draft]);
      return toSite(await mustReadSite(trx, id as string));
    }),
  );
}

/** Changes a site; it stays with its customer. */
export async function updateSite(db: Db, actor: Actor, id: string, patch: UpdateSiteBody): Promise<Site> {
  const current = await repo.findSite(db, id);
  const guardKey = current && patch.name ? { partyId: current.party_id, name: patch.name } : null;
  return guardSiteName(db, guardKey, id, () =>
    db.transaction().execute(async (trx) => {
      const before = await mustReadSite(trx, id);
      const pick = (v: string | null | undefined, old: string | null) => (v === undefined ? old : blank(v));
      const draft: SiteDraft = {
        partyId: before.party_id,
        name: patch.name ?? before.name,
        city: pick(patch.city, before.city),
        address: pick(patch.address, before.address),
        contactPerson: pick(patch.contactPerson, before.contact_person),
        contactPhone: pick(patch.contactPhone, before.contact_phone),
        accessNotes: pick(patch.accessNotes, before.access_notes),
        workingHours: pick(patch.workingHours, before.working_hours),
        notes: pick(patch.notes, before.notes),
      };
      if (!before.archived_at) await assertSiteNameFree(trx, draft.partyId, draft.name, id);
      await repo.updateSiteRow(trx, id, { ...siteColumns(draft), updated_at: nowIso() });
      const after = await mustReadSite(trx, id);
      await recordAudit(trx, actor, {
        action: 'site.update',
        entity: 'site',
        entityId: id,
        before: toSite(before),
        after: toSite(after),
      });
      return toSite(after);
    }),
  );
}

/** Archives a site; archiving twice changes nothing. */
export async function archiveSite(db: Db, actor: Actor, id: string): Promise<Site> {
  return db.transaction().execute(async (trx) => {
    const before = await mustReadSite(trx, id);
    if (before.archived_at) return toSite(before);
    const now = nowIso();
    await repo.updateSiteRow(trx, id, { archived_at: now, updated_at: now });
    await recordAudit(trx, actor, {
      action: 'site.archive',
      entity: 'site',
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: now },
    });
    return toSite(await mustReadSite(trx, id));
  });
}

/** Brings a site back, unless its customer is archived or another live site of the customer has its name. */
export async function unarchiveSite(db: Db, actor: Actor, id: string): Promise<Site> {
  const current = await repo.findSite(db, id);
  const guardKey = current ? { partyId: current.party_id, name: current.name } : null;
  return guardSiteName(db, guardKey, id, () =>
    db.transaction().execute(async (trx) => {
      const before = await mustReadSite(trx, id);
      if (!before.archived_at) return toSite(before);
      const party = await repo.findParty(trx, before.party_id);
      if (party?.archived_at) throw fieldError('conflict', 'party_archived', 'partyId');
      await assertSiteNameFree(trx, before.party_id, before.name, id);
      const now = nowIso();
      await repo.updateSiteRow(trx, id, { archived_at: null, updated_at: now });
      await recordAudit(trx, actor, {
        action: 'site.unarchive',
        entity: 'site',
        entityId: id,
        before: { archivedAt: before.archived_at },
        after: { archivedAt: null },
      });
      return toSite(await mustReadSite(trx, id));
    }),
  );
}

/** Deletes a site that nothing uses (modules register their checks); otherwise 409 in_use. */
export async function deleteSite(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await mustReadSite(trx, id);
    await refuseIfUsed(trx, 'site', id);
    await repo.deleteSiteRow(trx, id);
    await recordAudit(trx, actor, {
      action: 'site.delete',
      entity: 'site',
      entityId: id,
      before: toSite(before),
    });
  });
}

// ---------------------------------------------------------------- for other modules (index.ts)

/** What other modules need to know about a party. */
export interface PartySummary {
  id: string;
  kind: PartyKind;
  name: string;
  uic: string | null;
  vatNumber: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  address: string | null;
  isCustomer: boolean;
  isSupplier: boolean;
  archived: boolean;
  anonymised: boolean;
}

function toSummary(r: PartyRow): PartySummary {
  return {
    id: r.id,
    kind: r.kind as PartyKind,
    name: r.name,
    uic: r.uic,
    vatNumber: r.vat_number,
    phone: r.phone,
    email: r.email,
    city: r.city,
    address: r.address,
    isCustomer: Boolean(r.is_customer),
    isSupplier: Boolean(r.is_supplier),
    archived: r.archived_at !== null,
    anonymised: r.anonymised_at !== null,
  };
}

/** The party, or null. */
export async function findPartySummary(db: Executor, id: string): Promise<PartySummary | null> {
  const row = await repo.findParty(db, id);
  return row ? toSummary(row) : null;
}

/** The customer, or 404 not_found. */
export async function getCustomer(db: Executor, id: string): Promise<PartySummary> {
  const row = await repo.findParty(db, id);
  if (!row?.is_customer) throw notFound('party');
  return toSummary(row);
}

/**
 * For a request that names a customer in `field`: 400 unknown_party when there is none, 400 not_a_customer when
 * the party is only a supplier, 409 party_archived when it is archived (or anonymised).
 */
export async function assertCustomerExists(
  db: Executor,
  id: string,
  field = 'customerId',
): Promise<PartySummary> {
  const row = await repo.findParty(db, id);
  if (!row) throw fieldError('invalid', 'unknown_party', field);
  if (!row.is_customer) throw fieldError('invalid', 'not_a_customer', field);
  if (row.archived_at) throw fieldError('conflict', 'party_archived', field);
  return toSummary(row);
}

/** For a request that names a supplier in `field`: as assertCustomerExists, with not_a_supplier. */
export async function assertSupplierExists(
  db: Executor,
  id: string,
  field = 'supplierId',
): Promise<PartySummary> {
  const row = await repo.findParty(db, id);
  if (!row) throw fieldError('invalid', 'unknown_party', field);
  if (!row.is_supplier) throw fieldError('invalid', 'not_a_supplier', field);
  if (row.archived_at) throw fieldError('conflict', 'party_archived', field);
  return toSummary(row);
}

/**
 * The live suppliers by ЕИК, for an import that names a supplier by it: the id of each, or `ambiguous` when two live
 * suppliers share the ЕИК (ЕИК is unique among live parties, so only archived duplicates are left out).
 */
export async function resolveSuppliersByUic(
  db: Executor,
  uics: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  for (const r of await repo.findSuppliersByUic(db, uics))
    if (r.uic && !r.archived_at) out.set(r.uic, { id: r.id, name: r.name });
  return out;
}

/** A party's requisites for a document it receives (INV-03): with the full ЕГН, which the document must carry. */
export interface PartyRequisites extends PartySummary {
  mol: string | null;
  egn: string | null;
  postcode: string | null;
  country: string | null;
}

/** Requisites for invoices and other documents: the billing address if there is one, else the primary address. */
export async function getPartyRequisites(db: Executor, id: string): Promise<PartyRequisites> {
  const state = await mustReadParty(db, id);
  const billing = state.addresses.find((a) => a.label === 'billing') ?? state.addresses[0];
  return {
    ...toSummary(state.row),
    city: billing?.city ?? null,
    address: billing?.address ?? null,
    postcode: billing?.postcode ?? null,
    country: billing?.country ?? null,
    mol: state.row.mol,
    egn: state.row.egn,
  };
}

/** The site, or null. */
export async function findSiteById(db: Executor, id: string): Promise<Site | null> {
  const row = await repo.findSite(db, id);
  return row ? toSite(row) : null;
}

/** For a request that names a site of a customer: 400 unknown_site, or 400 site_not_of_customer. */
export async function assertSiteOfCustomer(
  db: Executor,
  siteId: string,
  partyId: string,
  field = 'siteId',
): Promise<Site> {
  const row = await repo.findSite(db, siteId);
  if (!row) throw fieldError('invalid', 'unknown_site', field);
  if (row.party_id !== partyId) throw fieldError('invalid', 'site_not_of_customer', field);
  return toSite(row);
}

/** Live customers by exact name, for imports that refer to a customer by name: name → ids (more than one: ambiguous). */
export async function resolveCustomerNames(
  db: Executor,
  names: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await repo.findLiveCustomersByNames(db, names))
    out.set(r.name, [...(out.get(r.name) ?? []), r.id]);
  return out;
}

/** Live sites of these customers, for imports that refer to a site by (customer, name): `${partyId}\n${name}` → id. */
export async function resolveSiteNames(
  db: Executor,
  partyIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const s of await repo.findLiveSitesOfParties(db, partyIds)) out.set(`${s.party_id}\n${s.name}`, s.id);
  return out;
}
