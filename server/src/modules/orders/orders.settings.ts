/**
 * The service settings (one row, defaults while there is none) and the status time limits they set: an order is
 * overdue when it has stayed in its status longer than the limit for that status (delivered and cancelled never).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { OPEN_STATUSES } from './orders.lifecycle';
import * as repo from './orders.repository';
import type { OrderStatus, ServiceSettings, ServiceSettingsBody } from './orders.schema';

/** Hours an order may stay in each status by default: a day to start, two to diagnose, two weeks for parts. */
export const DEFAULT_STATUS_LIMITS: Readonly<Record<string, number>> = {
  received: 24,
  diagnosing: 48,
  awaiting_approval: 72,
  awaiting_parts: 336,
  in_repair: 72,
  ready: 168,
};

export const DEFAULT_SETTINGS: ServiceSettings = {
  statusLimits: { ...DEFAULT_STATUS_LIMITS },
  diagnosticFee: 'none',
  diagnosticServiceTypeId: null,
  overdueCustomers: 'warn',
  partWarrantyMonths: 6,
  labourWarrantyMonths: 3,
  earningsWarrantyRule: 'pay',
  keepPhotoLocation: false,
  updatedAt: null,
};

function parseLimits(json: string): Record<string, number | null> {
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== 'object') return {};
    const out: Record<string, number | null> = {};
    for (const s of OPEN_STATUSES) {
      const h = (v as Record<string, unknown>)[s];
      if (typeof h === 'number' && Number.isInteger(h) && h >= 0) out[s] = h;
      else if (h === null) out[s] = null;
    }
    return out;
  } catch {
    return {};
  }
}

/** The settings as they are now: the row, or the defaults when nobody saved any yet. */
export async function getServiceSettings(db: Executor): Promise<ServiceSettings> {
  const row = await repo.findSettings(db);
  if (!row) return { ...DEFAULT_SETTINGS, statusLimits: { ...DEFAULT_STATUS_LIMITS } };
  return {
    statusLimits: parseLimits(row.status_limits),
    diagnosticFee: row.diagnostic_fee,
    diagnosticServiceTypeId: row.diagnostic_service_type_id,
    overdueCustomers: row.overdue_customers,
    partWarrantyMonths: row.part_warranty_months,
    labourWarrantyMonths: row.labour_warranty_months,
    earningsWarrantyRule: row.earnings_warranty_rule,
    keepPhotoLocation: Boolean(row.keep_photo_location),
    updatedAt: row.updated_at,
  };
}

/**
 * Saves the settings (only the fields sent change; statusLimits merges by status, null removes a limit). Charging a
 * diagnostic fee needs its service type (400 required). Audited as service_settings.update.
 */
export async function updateServiceSettings(
  trx: Executor,
  actor: Actor,
  body: ServiceSettingsBody,
  assertServiceType: (db: Executor, id: string) => Promise<void>,
): Promise<ServiceSettings> {
  const before = await getServiceSettings(trx);
  const limits: Record<string, number | null> = { ...before.statusLimits };
  for (const [status, hours] of Object.entries(body.statusLimits ?? {})) {
    if (!(OPEN_STATUSES as readonly string[]).includes(status))
      throw new DomainError('invalid', 'status_without_limit', {
        field: `statusLimits.${status}`,
        params: { status },
      });
    limits[status] = hours ?? null;
  }
  const next = {
    diagnosticFee: body.diagnosticFee ?? before.diagnosticFee,
    diagnosticServiceTypeId:
      body.diagnosticServiceTypeId === undefined
        ? before.diagnosticServiceTypeId
        : body.diagnosticServiceTypeId,
    overdueCustomers: body.overdueCustomers ?? before.overdueCustomers,
    partWarrantyMonths: body.partWarrantyMonths ?? before.partWarrantyMonths,
    labourWarrantyMonths: body.labourWarrantyMonths ?? before.labourWarrantyMonths,
    earningsWarrantyRule: body.earningsWarrantyRule ?? before.earningsWarrantyRule,
    keepPhotoLocation: body.keepPhotoLocation ?? before.keepPhotoLocation,
  };
  if (next.diagnosticFee === 'charge' && !next.diagnosticServiceTypeId)
    throw new DomainError('invalid', 'required', {
      field: 'diagnosticServiceTypeId',
      params: { field: 'diagnosticServiceTypeId' },
    });
  if (next.diagnosticServiceTypeId && next.diagnosticServiceTypeId !== before.diagnosticServiceTypeId)
    await assertServiceType(trx, next.diagnosticServiceTypeId);
  const now = nowIso();
  const columns = {
    status_limits: JSON.stringify(limits),
    diagnostic_fee: next.diagnosticFee,
    diagnostic_service_type_id: next.diagnosticServiceTypeId,
    overdue_customers: next.overdueCustomers,
    part_warranty_months: next.partWarrantyMonths,
    labour_warranty_months: next.labourWarrantyMonths,
    earnings_warranty_rule: next.earningsWarrantyRule,
    keep_photo_location: next.keepPhotoLocation,
    updated_at: now,
  };
  const row = await repo.findSettings(trx);
  if (row) await repo.updateSettingsRow(trx, row.id, columns);
  else await repo.insertSettings(trx, { id: newId(), ...columns });
  const after = await getServiceSettings(trx);
  await recordAudit(trx, actor, {
    action: 'service_settings.update',
    entity: 'service_settings',
    entityId: row?.id ?? null,
    before,
    after,
  });
  return after;
}

/** The limit in hours of a status, or null when it has none (delivered and cancelled never run late). */
export function limitOf(settings: Pick<ServiceSettings, 'statusLimits'>, status: string): number | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return null;
  const h = settings.statusLimits[status];
  return typeof h === 'number' ? h : null;
}

/** Is an order in `status` since `changedAt` overdue at `now`? */
export function isOverdue(
  settings: Pick<ServiceSettings, 'statusLimits'>,
  status: string,
  changedAt: string,
  now: Date = new Date(),
): boolean {
  const hours = limitOf(settings, status);
  if (hours === null) return false;
  return now.getTime() - new Date(changedAt).getTime() > hours * 3_600_000;
}

/** The same test in SQL, for filtering and counting lists: status_changed_at before now − limit of its status. */
export function overdueCondition(
  settings: Pick<ServiceSettings, 'statusLimits'>,
  now: Date = new Date(),
): RawBuilder<boolean> {
  const terms = (OPEN_STATUSES as readonly OrderStatus[]).flatMap((status) => {
    const hours = limitOf(settings, status);
    if (hours === null) return [];
    const cutoff = new Date(now.getTime() - hours * 3_600_000).toISOString();
    return [sql`(service_order.status = ${status} and service_order.status_changed_at < ${cutoff})`];
  });
  return terms.length ? sql<boolean>`(${sql.join(terms, sql` or `)})` : sql<boolean>`(1 = 0)`;
}
