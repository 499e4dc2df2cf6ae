import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { bytesOfDataUrl, normalizeLogo, pngDataUrl } from './company.logo';
import * as repo from './company.repository';
import type { CompanySettings, CompanySettingsInput } from './company.schema';
import type { CompanyTable } from './company.table';
import { ensureInitialVatRates } from './vat-rates.service';

/** The default last day of dual display (EUR-02: 08.08.2025–08.08.2026); a setting, since sources differ (EUR-07). */
export const DUAL_DISPLAY_UNTIL = '2026-08-08';

function notSetUp() {
  return new DomainError('conflict', 'not_set_up');
}

async function toSettings(db: Executor, row: Selectable<CompanyTable>): Promise<CompanySettings> {
  const accounts = await repo.listBankAccounts(db, row.id);
  return {
    id: row.id,
    legalName: row.legal_name,
    uic: row.uic,
    vatNumber: row.vat_number,
    vatRegistered: Boolean(row.vat_registered),
    vatRegisteredFrom: row.vat_registered_from,
    country: row.country,
    city: row.city,
    address: row.address,
    postcode: row.postcode,
    mol: row.mol,
    phone: row.phone,
    email: row.email,
    website: row.website,
    defaultVatRateBp: row.default_vat_rate_bp,
    fiscalDeviceRequired: Boolean(row.fiscal_device_required),
    dualDisplayUntil: String(row.dual_display_until),
    invoiceOtherCurrency: Boolean(row.invoice_other_currency),
    hasLogo: row.logo_data_url !== null,
    lockDate: row.lock_date,
    isDemo: Boolean(row.is_demo),
    bankAccounts: accounts.map((a) => ({
      id: a.id,
      iban: a.iban,
      bic: a.bic,
      bankName: a.bank_name,
      currency: a.currency,
      isDefault: Boolean(a.is_default),
    })),
    updatedAt: row.updated_at,
  };
}

/**
 * The euro display settings in one small read (EUR-02, EUR-03, EUR-07): the last day of dual display on consumer
 * documents, and whether invoices print an informative amount in the other currency. Defaults before set-up.
 */
export async function getEuroDisplay(
  db: Executor,
): Promise<{ dualDisplayUntil: CalendarDate; invoiceOtherCurrency: boolean }> {
  const row = await db
    .selectFrom('company')
    .select(['dual_display_until', 'invoice_other_currency'])
    .executeTakeFirst();
  return {
    dualDisplayUntil: row ? String(row.dual_display_until) : DUAL_DISPLAY_UNTIL,
    invoiceOtherCurrency: Boolean(row?.invoice_other_currency),
  };
}

export async function hasCompany(db: Executor): Promise<boolean> {
  return (await repo.findCompany(db)) !== undefined;
}

/** Whether the installation's company is the demo company (false when there is none yet). */
export async function isDemoCompany(db: Executor): Promise<boolean> {
  return Boolean((await repo.findCompany(db))?.is_demo);
}

export async function getCompanySettings(db: Executor): Promise<CompanySettings> {
  const row = await repo.findCompany(db);
  if (!row) throw notSetUp();
  return toSettings(db, row);
}

/** Whether the company is VAT-registered (null before setup): one column, for the order page's totals. */
export async function companyVatRegistered(db: Executor): Promise<boolean | null> {
  const row = await repo.findCompanyVatRegistered(db);
  return row ? Boolean(row.vat_registered) : null;
}

/**
 * The company that a fresh installation gets: the legal name from setup, the usual Bulgarian defaults; `demo` marks
 * the demo company, whose data is invented and may be wiped whole.
 */
export async function createCompany(
  db: Executor,
  actor: Actor,
  legalName: string,
  options: { demo?: boolean } = {},
): Promise<CompanySettings> {
  const now = nowIso();
  const row: Insertable<CompanyTable> = {
    id: newId(),
    legal_name: legalName,
    uic: null,
    vat_number: null,
    vat_registered: false,
    vat_registered_from: null,
    country: 'BG',
    city: null,
    address: null,
    postcode: null,
    mol: null,
    phone: null,
    email: null,
    website: null,
    default_vat_rate_bp: 2000,
    fiscal_device_required: false,
    // dual_display_until and invoice_other_currency: the columns' defaults (DUAL_DISPLAY_UNTIL, off).
    logo_data_url: null,
    lock_date: null,
    is_demo: options.demo === true,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCompany(db, row);
  await ensureInitialVatRates(db);
  await recordAudit(db, actor, {
    action: 'company.create',
    entity: 'company',
    entityId: row.id,
    after: { legalName, isDemo: options.demo === true },
  });
  return getCompanySettings(db);
}

function rulesOf(input: CompanySettingsInput): void {
  // A VAT-registered company prints its VAT number on every invoice (ЗДДС art. 114), so it must have one.
  if (input.vatRegistered && !input.vatNumber)
    throw new DomainError('invalid', 'required', { field: 'vatNumber', params: { field: 'vatNumber' } });
  if (
    input.vatNumber &&
    input.uic &&
    input.vatNumber.length === 11 &&
    input.vatNumber.slice(2) !== input.uic
  ) {
    throw new DomainError('invalid', 'invalid_vat_number', { field: 'vatNumber' });
  }
}

/** Saves the company's requisites and bank accounts; exactly one bank account is the default when there are any. */
export async function saveCompanySettings(
  db: Db,
  actor: Actor,
  input: CompanySettingsInput,
): Promise<CompanySettings> {
  rulesOf(input);
  return db.transaction().execute(async (trx) => {
    const row = await repo.findCompany(trx);
    if (!row) throw notSetUp();
    const before = await toSettings(trx, row);
    await repo.updateCompanyRow(trx, row.id, {
      legal_name: input.legalName,
      uic: input.uic ?? null,
      vat_number: input.vatNumber ?? null,
      vat_registered: input.vatRegistered,
      vat_registered_from: input.vatRegisteredFrom ?? null,
      country: input.country,
      city: input.city ?? null,
      address: input.address ?? null,
      postcode: input.postcode ?? null,
      mol: input.mol ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      website: input.website ?? null,
      default_vat_rate_bp: input.defaultVatRateBp,
      fiscal_device_required: input.fiscalDeviceRequired,
      ...(input.dualDisplayUntil !== undefined ? { dual_display_until: input.dualDisplayUntil } : {}),
      ...(input.invoiceOtherCurrency !== undefined
        ? { invoice_other_currency: input.invoiceOtherCurrency }
        : {}),
      updated_at: nowIso(),
    });
    const defaultIndex = Math.max(
      0,
      input.bankAccounts.findIndex((a) => a.isDefault),
    );
    await repo.replaceBankAccounts(
      trx,
      row.id,
      input.bankAccounts.map((a, i) => ({
        id: a.id ?? newId(),
        company_id: row.id,
        iban: a.iban,
        bic: a.bic ?? null,
        bank_name: a.bankName ?? null,
        currency: a.currency,
        is_default: i === defaultIndex,
        position: i,
      })),
    );
    const updated = await repo.findCompany(trx);
    if (!updated) throw notSetUp();
    const after = await toSettings(trx, updated);
    await recordAudit(trx, actor, {
      action: 'company.update',
      entity: 'company',
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** The last stored logo read and its PNG, so that printing many documents decodes the logo once. */
let lastLogo: { stored: string; png: Buffer | null } | null = null;

/**
 * The stored logo as PNG bytes, decoded and re-encoded again on the way out, so that a logo stored before uploads
 * were re-encoded (an SVG, a damaged or polyglot file) is never served or printed as it was: it is re-encoded
 * when it is a readable PNG, JPEG or WebP, else left out.
 */
async function storedLogoPng(dataUrl: string | null | undefined): Promise<Buffer | null> {
  if (!dataUrl) return null;
  if (lastLogo?.stored === dataUrl) return lastLogo.png;
  const bytes = bytesOfDataUrl(dataUrl);
  let png: Buffer | null = null;
  if (bytes) {
    try {
      png = await normalizeLogo(bytes);
    } catch {
      png = null;
    }
  }
  lastLogo = { stored: dataUrl, png };
  return png;
}

export async function getLogo(db: Executor): Promise<Buffer | null> {
  return storedLogoPng((await repo.findCompany(db))?.logo_data_url);
}

/** Stores an uploaded logo (a data URL) re-encoded as PNG, or removes it with null. */
export async function setLogo(db: Db, actor: Actor, dataUrl: string | null): Promise<void> {
  let stored: string | null = null;
  if (dataUrl !== null) {
    const bytes = bytesOfDataUrl(dataUrl);
    if (!bytes) throw new DomainError('invalid', 'unsupported_image', { field: 'logo' });
    stored = pngDataUrl(await normalizeLogo(bytes));
  }
  await db.transaction().execute(async (trx) => {
    const row = await repo.findCompany(trx);
    if (!row) throw notSetUp();
    await repo.updateCompanyRow(trx, row.id, { logo_data_url: stored, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: stored ? 'company.logo_set' : 'company.logo_remove',
      entity: 'company',
      entityId: row.id,
      before: { hasLogo: row.logo_data_url !== null },
      after: { hasLogo: stored !== null },
    });
  });
}

/** The logo for printed documents: a PNG data URL, or null when there is none or it cannot be read. */
export async function getLogoDataUrl(db: Executor): Promise<string | null> {
  const png = await getLogo(db);
  return png ? pngDataUrl(png) : null;
}

/** The closed period's last day, or null: posting and reversing on or before it is refused (issue 10, rule 6). */
export async function getLockDate(db: Executor): Promise<CalendarDate | null> {
  // The one column (every posting asks): not the whole company row.
  const row = await db.selectFrom('company').select('lock_date').orderBy('created_at').executeTakeFirst();
  return row?.lock_date ?? null;
}

/** The setting "fiscal device required" (D1, FIS-01): a cash or card sale is refused without a device (ADR 0037). */
export async function isFiscalDeviceRequired(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('company').select('fiscal_device_required').executeTakeFirst();
  return Boolean(row?.fiscal_device_required);
}

/**
 * Closes the books up to a date, or reopens them with null; moving it either way is allowed to whoever may call
 * this, and audited with the date before and after.
 */
export async function setLockDate(
  db: Db,
  actor: Actor,
  lockDate: CalendarDate | null,
): Promise<CalendarDate | null> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findCompany(trx);
    if (!row) throw notSetUp();
    await repo.updateCompanyRow(trx, row.id, { lock_date: lockDate, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: 'company.lock_date',
      entity: 'company',
      entityId: row.id,
      before: { lockDate: row.lock_date },
      after: { lockDate },
    });
    return lockDate;
  });
}
