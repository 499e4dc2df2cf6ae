/**
 * The shop's warranty records (written by finishing an order, voided by reopening it): the list by item or by
 * serial, and the fitted parts in the item's history (registered with the items module at import time).
 */
import type { Executor } from '../../db/database';
import { DomainError } from '../../kernel/errors';
import { type ItemEvent, registerItemHistorySource } from '../items';
import * as repo from './orders.lines.repository';
import type { WarrantyRecord } from './orders.schema';

function toWarrantyRecord(r: repo.WarrantyListRow): WarrantyRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    lineId: r.line_id,
    itemId: r.item_id,
    kind: r.kind,
    partId: r.part_id,
    serviceTypeId: r.service_type_id,
    description: r.description,
    serial: r.serial,
    fittedOn: r.fitted_on,
    months: r.months,
    validUntil: r.valid_until,
    status: r.status,
  };
}

/** The warranty records of an item, or of a fitted part's serial (across items and owners), newest first. */
export async function listWarrantyRecords(
  db: Executor,
  q: { itemId?: string | undefined; serial?: string | undefined },
): Promise<WarrantyRecord[]> {
  if (!q.itemId && !q.serial)
    throw new DomainError('invalid', 'required', { field: 'itemId', params: { field: 'itemId' } });
  return (await repo.listWarranties(db, { itemId: q.itemId, serial: q.serial })).map(toWarrantyRecord);
}

/** The fitted parts and the repairs' labour warranties of an item, as events of its history. */
export async function warrantyHistoryOf(db: Executor, itemId: string): Promise<ItemEvent[]> {
  const rows = await db
    .selectFrom('warranty_record')
    .innerJoin('service_order', 'service_order.id', 'warranty_record.order_id')
    .leftJoin('service_order_line', 'service_order_line.id', 'warranty_record.line_id')
    .select([
      'warranty_record.id',
      'warranty_record.kind',
      'warranty_record.serial',
      'warranty_record.fitted_on',
      'warranty_record.valid_until',
      'warranty_record.status',
      'service_order.number',
      'service_order.party_id',
      'service_order_line.description',
    ])
    .where('warranty_record.item_id', '=', itemId)
    .where('warranty_record.kind', '=', 'part')
    .orderBy('warranty_record.fitted_on', 'desc')
    .execute();
  return rows.map((r) => ({
    source: 'warranty_record',
    id: r.id,
    date: r.fitted_on,
    title: `${r.number}: ${r.description ?? ''}`.trim(),
    detail: [r.serial ? `S/N ${r.serial}` : null, `→ ${r.valid_until}`, r.status === 'void' ? '✕' : null]
      .filter(Boolean)
      .join(' · '),
    partyId: r.party_id,
  }));
}

registerItemHistorySource('warranty_record', warrantyHistoryOf);
