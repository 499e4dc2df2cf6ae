/**
 * Visit requests (issue 14 item 1, ADR 0031): a customer's site, items of its installed base, the planned services
 * priced in norm minutes by the catalogue (the item's model override applied), the customer's time windows, a
 * priority and a source; the status moves through VISIT_REQUEST_LIFECYCLE. Also the planning settings, the travel
 * time per site and days off.
 */
import type { Db, Executor } from '../../db/database';
import { listOrder } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertEditable, assertTransition, nextStatuses } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { recordAudit } from '../audit';
import { getServiceType, quoteService } from '../catalog';
import { getItem, type Item } from '../items';
import { assertCustomerExists, assertSiteOfCustomer, findSiteById } from '../parties';
import { getTechnician } from '../technicians';
import { VISIT_REQUEST_LIFECYCLE } from './visits.lifecycle';
import * as repo from './visits.repository';
import type {
  Booking,
  CreateVisitRequestBody,
  PatchVisitRequestBody,
  VisitRequestDetail,
  VisitRequestListItem,
  VisitRequestListQuery,
  VisitRequestStatus,
  VisitSettings,
} from './visits.schema';

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

export const DEFAULT_VISIT_SETTINGS: VisitSettings = {
  defaultTravelMinutes: 30,
  defaultVisitMinutes: 60,
  slotStepMinutes: 15,
  updatedAt: null,
};

// ---------------------------------------------------------------- settings, travel

export async function getVisitSettings(db: Executor): Promise<VisitSettings> {
  const row = await repo.findSettings(db);
  if (!row) return { ...DEFAULT_VISIT_SETTINGS };
  return {
    defaultTravelMinutes: row.default_travel_minutes,
    defaultVisitMinutes: row.default_visit_minutes,
    slotStepMinutes: row.slot_step_minutes,
    updatedAt: row.updated_at,
  };
}

export async function updateVisitSettings(
  db: Db,
  actor: Actor,
  body: Partial<Omit<VisitSettings, 'updatedAt'>>,
): Promise<VisitSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getVisitSettings(trx);
    const now = nowIso();
    const columns = {
      default_travel_minutes: body.defaultTravelMinutes ?? before.defaultTravelMinutes,
      default_visit_minutes: body.defaultVisitMinutes ?? before.defaultVisitMinutes,
      slot_step_minutes: body.slotStepMinutes ?? before.slotStepMinutes,
      updated_at: now,
    };
    const row = await repo.findSettings(trx);
    if (row) await trx.updateTable('visit_settings').set(columns).where('id', '=', row.id).execute();
    else
      await trx
        .insertInto('visit_settings')
        .values({ id: newId(), ...columns })
        .execute();
    const after = await getVisitSettings(trx);
    await recordAudit(trx, actor, {
      action: 'visit_settings.update',
      entity: 'visit_settings',
      entityId: row?.id ?? null,
      before,
      after,
    });
    return after;
  });
}

/** The travel time to a site: its own when known, else the settings' default. */
export async function travelMinutesOf(db: Executor, siteId: string): Promise<number> {
  const own = await repo.findSiteTravel(db, siteId);
  return own ? own.travel_minutes : (await getVisitSettings(db)).defaultTravelMinutes;
}

export async function setSiteTravel(db: Db, actor: Actor, siteId: string, minutes: number | null) {
  return db.transaction().execute(async (trx) => {
    if (!(await findSiteById(trx, siteId))) throw notFound('site');
    const before = await repo.findSiteTravel(trx, siteId);
    await trx.deleteFrom('visit_site_travel').where('site_id', '=', siteId).execute();
    if (minutes !== null)
      await trx
        .insertInto('visit_site_travel')
        .values({ site_id: siteId, travel_minutes: minutes, updated_at: nowIso() })
        .execute();
    await recordAudit(trx, actor, {
      action: 'visit_settings.site_travel',
      entity: 'visit_settings',
      entityId: siteId,
      before: { travelMinutes: before?.travel_minutes ?? null },
      after: { travelMinutes: minutes },
    });
    return { siteId, travelMinutes: minutes };
  });
}

// ---------------------------------------------------------------- days off

function toDayOff(r: { id: string; technician_id: string | null; date: string; note: string | null }) {
  return { id: r.id, technicianId: r.technician_id, date: r.date, note: r.note };
}

export async function listDaysOff(
  db: Executor,
  q: { from: string; to: string; technicianId?: string | undefined },
) {
  return (await repo.daysOffIn(db, q.from, q.to, q.technicianId)).map(toDayOff);
}

export async function addDayOff(
  db: Db,
  actor: Actor,
  body: { technicianId?: string | null | undefined; date: string; note?: string | null | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const technicianId = body.technicianId ?? null;
    if (technicianId)
      await getTechnician(trx, technicianId).catch(() => {
        throw bad('unknown_technician', 'technicianId');
      });
    if (await repo.findDayOff(trx, technicianId, body.date))
      throw new DomainError('conflict', 'day_off_exists', { field: 'date', params: { date: body.date } });
    const row = {
      id: newId(),
      technician_id: technicianId,
      date: body.date,
      note: body.note ?? null,
      created_at: nowIso(),
    };
    await trx.insertInto('visit_day_off').values(row).execute();
    await recordAudit(trx, actor, {
      action: 'visit_day_off.create',
      entity: 'visit_day_off',
      entityId: row.id,
      after: toDayOff(row),
    });
    return toDayOff(row);
  });
}

export async function removeDayOff(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('visit_day_off').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('visit_day_off');
    await trx.deleteFrom('visit_day_off').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'visit_day_off.delete',
      entity: 'visit_day_off',
      entityId: id,
      before: toDayOff(row),
    });
  });
}

// ---------------------------------------------------------------- reading requests

function toListItem(r: repo.ListedRow): VisitRequestListItem {
  return {
    id: r.id,
    partyId: r.party_id,
    customerName: r.customer_name,
    siteId: r.site_id,
    siteName: r.site_name,
    siteAddress: [r.site_city, r.site_address].filter(Boolean).join(', ') || null,
    problem: r.problem,
    priority: r.priority,
    status: r.status,
    source: r.source,
    expectedMinutes: r.expected_minutes,
    firstWindowStart: r.first_window_start ? new Date(r.first_window_start).toISOString() : null,
    nextBookingStart: r.next_booking_start ? new Date(r.next_booking_start).toISOString() : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listVisitRequests(
  db: Executor,
  q: VisitRequestListQuery,
): Promise<PageOf<VisitRequestListItem>> {
  const page = await repo.listRequests(
    db,
    {
      status: q.status,
      open: q.open === 'true',
      priority: q.priority,
      partyId: q.partyId,
      siteId: q.siteId,
      q: q.q,
    },
    listOrder(q.sort ?? '-createdAt', repo.REQUEST_SORT_KEYS, 'createdAt'),
    q,
  );
  return { ...page, items: page.items.map(toListItem) };
}

const itemLabel = (i: Item) => `${i.brandName} ${i.modelName}, ${i.serialNumber}`;

/** A request with its items, services, windows and bookings; 404 when there is none. */
export async function getVisitRequest(
  db: Executor,
  id: string,
  readBookings: (db: Executor, rows: repo.BookingViewRow[]) => Promise<Booking[]>,
): Promise<VisitRequestDetail> {
  const row = await repo.findRequest(db, id);
  if (!row) throw notFound('visit_request');
  const items = await Promise.all((await repo.itemsOf(db, id)).map((r) => getItem(db, r.item_id)));
  const services = await repo.servicesOf(db, id);
  const windows = await repo.windowsOf(db, id);
  const normMinutes = services.reduce((s, x) => s + x.norm_minutes, 0);
  return {
    ...toListItem(row),
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    notes: row.notes,
    items: items.map((i) => ({ id: i.id, label: itemLabel(i), categoryCode: i.categoryCode })),
    services: services.map((s) => ({
      serviceTypeId: s.service_type_id,
      code: s.code,
      name: s.name_bg,
      itemId: s.item_id,
      quantityMilli: Number(s.quantity_milli),
      normMinutes: s.norm_minutes,
    })),
    normMinutes,
    travelMinutes: Math.max(0, row.expected_minutes - (normMinutes || 0)),
    windows: windows.map((w) => ({
      start: new Date(w.start_at).toISOString(),
      end: new Date(w.end_at).toISOString(),
    })),
    bookings: await readBookings(db, await repo.bookingsOfRequest(db, id)),
    nextStatuses: [...nextStatuses(VISIT_REQUEST_LIFECYCLE, row.status)],
  };
}

/** The item categories a request's technicians need (their skills): one per item, sorted. */
export async function categoryCodesOf(db: Executor, requestId: string): Promise<string[]> {
  const items = await Promise.all((await repo.itemsOf(db, requestId)).map((r) => getItem(db, r.item_id)));
  return [...new Set(items.map((i) => i.categoryCode))].sort();
}

// ---------------------------------------------------------------- writing requests

interface Content {
  itemIds: string[];
  services: { serviceTypeId: string; itemId?: string | null | undefined; quantityMilli: number }[];
  windows: { start: string; end: string }[];
}

/**
 * Checks the items (each installed at the site: 409 item_not_at_site naming it) and prices the services (norm minutes
 * of the item's model), then replaces the request's items, services and windows. Answers the norm minutes in all.
 */
async function writeContent(trx: Executor, requestId: string, siteId: string, siteName: string, c: Content) {
  const items = new Map<string, Item>();
  for (const [i, itemId] of c.itemIds.entries()) {
    const item = await getItem(trx, itemId).catch(() => {
      throw bad('unknown_item', `itemIds.${i}`);
    });
    if (item.siteId !== siteId)
      throw new DomainError('conflict', 'item_not_at_site', {
        field: `itemIds.${i}`,
        params: { item: itemLabel(item), site: siteName },
        extra: { itemId },
      });
    items.set(itemId, item);
  }
  const now = nowIso();
  const services = [];
  for (const [i, s] of c.services.entries()) {
    const type = await getServiceType(trx, s.serviceTypeId);
    if (!type) throw bad('unknown_service_type', `services.${i}.serviceTypeId`, { code: s.serviceTypeId });
    const item = s.itemId ? items.get(s.itemId) : undefined;
    if (s.itemId && !item) throw bad('service_item_not_in_request', `services.${i}.itemId`);
    const price = await quoteService(trx, type.id, {
      brandId: item?.brandId,
      modelId: item?.modelId,
      quantityMilli: s.quantityMilli,
    });
    services.push({
      id: newId(),
      request_id: requestId,
      service_type_id: type.id,
      item_id: item?.id ?? null,
      quantity_milli: s.quantityMilli,
      norm_minutes: price.totalNormMinutes,
      position: i + 1,
      created_at: now,
    });
  }
  await repo.replaceItems(
    trx,
    requestId,
    [...items.keys()].map((item_id) => ({ id: newId(), request_id: requestId, item_id, created_at: now })),
  );
  await repo.replaceServices(trx, requestId, services);
  await repo.replaceWindows(
    trx,
    requestId,
    c.windows.map((w) => ({ id: newId(), request_id: requestId, start_at: w.start, end_at: w.end })),
  );
  return services.reduce((s, x) => s + x.norm_minutes, 0);
}

/** Norm minutes (or the settings' default visit when no service is planned) plus the site's travel time. */
async function expectedMinutes(trx: Executor, siteId: string, normMinutes: number): Promise<number> {
  const settings = await getVisitSettings(trx);
  return (normMinutes || settings.defaultVisitMinutes) + (await travelMinutesOf(trx, siteId));
}

export async function createVisitRequest(
  db: Db,
  actor: Actor,
  body: CreateVisitRequestBody,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const customer = await assertCustomerExists(trx, body.partyId, 'partyId');
    const site = await assertSiteOfCustomer(trx, body.siteId, body.partyId, 'siteId');
    const id = newId();
    const now = nowIso();
    await repo.insertRequest(trx, {
      id,
      party_id: body.partyId,
      site_id: body.siteId,
      problem: body.problem,
      priority: body.priority,
      status: VISIT_REQUEST_LIFECYCLE.initial,
      source: body.source,
      contact_name: body.contactName ?? null,
      contact_phone: body.contactPhone ?? null,
      notes: body.notes ?? null,
      expected_minutes: 0,
      search_text: toSearchText(
        customer.name,
        site.name,
        site.city,
        site.address,
        body.problem,
        body.contactName,
      ),
      created_by: actor.userId,
      status_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    const norm = await writeContent(trx, id, site.id, site.name, body);
    const expected = await expectedMinutes(trx, site.id, norm);
    await repo.updateRequest(trx, id, { expected_minutes: expected });
    await recordAudit(trx, actor, {
      action: 'visit_request.create',
      entity: 'visit_request',
      entityId: id,
      after: { ...body, expectedMinutes: expected },
    });
    return id;
  });
}

async function lockedRequest(trx: Executor, id: string) {
  const row = await repo.lockRequest(trx, id);
  if (!row) throw notFound('visit_request');
  return row;
}

export async function patchVisitRequest(db: Db, actor: Actor, id: string, body: PatchVisitRequestBody) {
  return db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    assertEditable(VISIT_REQUEST_LIFECYCLE, row.status, { params: { status: row.status } });
    const site = await findSiteById(trx, row.site_id);
    const items = body.itemIds ?? (await repo.itemsOf(trx, id)).map((r) => r.item_id);
    const services =
      body.services ??
      (await repo.servicesOf(trx, id)).map((s) => ({
        serviceTypeId: s.service_type_id,
        itemId: s.item_id,
        quantityMilli: Number(s.quantity_milli),
      }));
    const windows =
      body.windows ??
      (await repo.windowsOf(trx, id)).map((w) => ({
        start: new Date(w.start_at).toISOString(),
        end: new Date(w.end_at).toISOString(),
      }));
    const norm = await writeContent(trx, id, row.site_id, site?.name ?? '', {
      itemIds: items,
      services,
      windows,
    });
    const expected = await expectedMinutes(trx, row.site_id, norm);
    const patch = {
      problem: body.problem ?? row.problem,
      priority: body.priority ?? row.priority,
      contact_name: body.contactName === undefined ? row.contact_name : body.contactName,
      contact_phone: body.contactPhone === undefined ? row.contact_phone : body.contactPhone,
      notes: body.notes === undefined ? row.notes : body.notes,
      expected_minutes: expected,
      updated_at: nowIso(),
    };
    await repo.updateRequest(trx, id, patch);
    await recordAudit(trx, actor, {
      action: 'visit_request.update',
      entity: 'visit_request',
      entityId: id,
      before: { problem: row.problem, priority: row.priority, expectedMinutes: row.expected_minutes },
      after: { ...body, expectedMinutes: expected },
    });
  });
}

/** Moves a request to another status through its lifecycle (audited), in the caller's transaction. */
export async function moveRequestTx(
  trx: Executor,
  actor: Actor,
  row: repo.RequestRow,
  to: VisitRequestStatus,
): Promise<void> {
  if (row.status === to) return;
  assertTransition(VISIT_REQUEST_LIFECYCLE, row.status, to, { params: { from: row.status, to } });
  const now = nowIso();
  await repo.updateRequest(trx, row.id, { status: to, status_changed_at: now, updated_at: now });
  await recordAudit(trx, actor, {
    action: 'visit_request.status',
    entity: 'visit_request',
    entityId: row.id,
    before: { status: row.status },
    after: { status: to },
  });
}

export { lockedRequest };
