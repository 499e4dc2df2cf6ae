/**
 * Finishing and reopening a service order (issue 12, item 7), and the diagnostic fee of a refused repair. The
 * status change (orders.service.ts changeStatus) calls these inside its own transaction, so the stock documents,
 * the warranty records and the status move together or not at all.
 *
 * - finishOrder (in_repair → ready): refuses a serial-tracked part without its fitted serial; posts ONE stock issue
 *   per warehouse used, of the used quantities (used wins over planned; used below planned warns; a line used 0
 *   issues nothing), consuming the lines' reservations and releasing whatever is left; takes the removed parts kept
 *   for a return into their warehouse in one receipt at zero cost; writes one warranty record per fitted part line
 *   and per labour line; stores the documents on the order and the parts' unit costs on the lines.
 * - reopenFinished (ready → in_repair): reverses those documents through the stock module, voids the warranty
 *   records, and holds the used parts again.
 * - applyDiagnosticFee: a refused repair releases the reservations, and with the setting 'charge' adds the
 *   diagnostic service as a labour line the customer pays.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { addMonths, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { milliToUnits } from '../../kernel/quantity';
import { recordAudit } from '../audit';
import { getPartsByIds, getServiceType, type Part } from '../catalog';
import {
  activeReservationsOf,
  documentsOfSource,
  issuePartsForOrder,
  receivePartsForOrder,
  releaseReservation,
  releaseReservationsOf,
  reverseDocumentTx,
  type StockDocument,
} from '../stock';
import { addLineTx, ORDER_SOURCE, reserveLine, targetOf } from './orders.lines';
import * as repo from './orders.lines.repository';
import type { ServiceSettings } from './orders.schema';
import type { ServiceOrderTable, WarrantyRecordTable } from './orders.table';

/** The order row as the status change read it (before the status moved). */
export type OrderRow = Selectable<ServiceOrderTable>;

/** Something the finishing noticed but did not refuse (a part used below what was planned). */
export interface FinishWarning {
  code: 'used_below_planned';
  lineId: string;
  description: string;
  plannedMilli: number;
  usedMilli: number;
  /** The message's parameters (kernel/messages.ts used_below_planned). */
  params: { description: string; used: string; planned: string };
}

export interface FinishResult {
  issueDocumentIds: string[];
  returnsDocumentId: string | null;
  warrantyRecordIds: string[];
  warnings: FinishWarning[];
}

/** The shop's default warranty terms when the settings row is missing. */
const DEFAULT_TERMS = { partWarrantyMonths: 6, labourWarrantyMonths: 3 };

async function warrantyTerms(
  trx: Executor,
): Promise<{ partWarrantyMonths: number; labourWarrantyMonths: number }> {
  const row = await trx
    .selectFrom('service_settings')
    .select(['part_warranty_months', 'labour_warranty_months'])
    .executeTakeFirst();
  return row
    ? { partWarrantyMonths: row.part_warranty_months, labourWarrantyMonths: row.labour_warranty_months }
    : DEFAULT_TERMS;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    out.set(k, [...(out.get(k) ?? []), it]);
  }
  return out;
}

/** Finishes the order in the caller's transaction (see the module comment); a refusal leaves nothing written. */
export async function finishOrder(trx: Executor, actor: Actor, order: OrderRow): Promise<FinishResult> {
  const lines = await repo.linesOfOrder(trx, order.id);
  const parts: Map<string, Part> = await getPartsByIds(
    trx,
    lines.flatMap((l) => (l.part_id ? [l.part_id] : [])),
  );

  // 1. A serial-tracked part is fitted with its serial.
  for (const [i, l] of lines.entries()) {
    if (l.kind !== 'part' || targetOf(l) <= 0) continue;
    if (parts.get(l.part_id ?? '')?.serialTracked && !l.fitted_serial?.trim()) {
      const field = `lines.${i}.fittedSerial`;
      throw new DomainError('conflict', 'serial_required', {
        field,
        params: { field, position: l.position, description: l.description },
        extra: { lineId: l.id },
      });
    }
  }

  const today = todayDate();
  const now = nowIso();
  const warnings: FinishWarning[] = [];
  const partLines = lines.filter((l) => l.kind === 'part' && l.part_id && l.warehouse_id);
  const source = { sourceType: ORDER_SOURCE, sourceId: order.id };

  // 2. The stock issue: one per warehouse used, each line consuming its reservation.
  const issued: StockDocument[] = [];
  const fitted = partLines.filter((l) => targetOf(l) > 0);
  for (const l of partLines) {
    if (l.used_quantity_milli !== null && l.used_quantity_milli < l.quantity_milli)
      warnings.push({
        code: 'used_below_planned',
        lineId: l.id,
        description: l.description,
        plannedMilli: l.quantity_milli,
        usedMilli: l.used_quantity_milli,
        params: {
          description: l.description,
          used: milliToUnits(l.used_quantity_milli),
          planned: milliToUnits(l.quantity_milli),
        },
      });
    if (targetOf(l) <= 0) await releaseReservationsOf(trx, actor, { ...source, sourceLineId: l.id });
  }
  // The order's reservations read once (oldest first), then taken line by line.
  const heldBy = groupBy(await activeReservationsOf(trx, source), (r) => r.sourceLineId ?? '');
  for (const [warehouseId, group] of groupBy(fitted, (l) => l.warehouse_id as string)) {
    const issueLines = [];
    for (const l of group) {
      const [held, ...extra] = heldBy.get(l.id) ?? [];
      // A line holds one reservation; any other is given back first, and the issue takes that stock freely.
      for (const r of extra) await releaseReservation(trx, actor, r.id);
      issueLines.push({
        partId: l.part_id as string,
        quantityMilli: targetOf(l),
        reservationId: held?.id ?? null,
        serialNumbers: l.fitted_serial,
        sourceLineId: l.id,
      });
    }
    issued.push(
      await issuePartsForOrder(trx, actor, {
        warehouseId,
        ...source,
        documentDate: today,
        reason: order.number,
        lines: issueLines,
      }),
    );
  }
  for (const doc of issued)
    for (const dl of doc.lines)
      if (dl.sourceLineId)
        await repo.updateLineRow(trx, dl.sourceLineId, {
          unit_cost_cents: dl.unitCostCents ?? null,
          updated_at: now,
        });
  // Nothing of the order stays held once it is finished.
  await releaseReservationsOf(trx, actor, source);

  // 3. The removed parts kept for a return to the supplier: one receipt at zero cost.
  const returned = fitted.filter((l) => l.removed_disposition === 'to_warehouse' && l.removed_warehouse_id);
  let returnsDocumentId: string | null = null;
  for (const [warehouseId, group] of groupBy(returned, (l) => l.removed_warehouse_id as string)) {
    const doc = await receivePartsForOrder(trx, actor, {
      warehouseId,
      ...source,
      documentDate: today,
      reason: order.number,
      lines: group.map((l) => ({
        partId: l.part_id as string,
        quantityMilli: targetOf(l),
        unitCostCents: 0,
        serialNumbers: l.removed_serial,
        sourceLineId: l.id,
      })),
    });
    returnsDocumentId ??= doc.id;
  }

  // 4. The shop's warranty: one record per fitted part line, one per labour line.
  const terms = await warrantyTerms(trx);
  const records: Insertable<WarrantyRecordTable>[] = [];
  const record = (l: repo.LineRow, kind: 'part' | 'labour', months: number) => {
    if (months <= 0) return;
    records.push({
      id: newId(),
      order_id: order.id,
      line_id: l.id,
      item_id: order.item_id,
      kind,
      part_id: kind === 'part' ? l.part_id : null,
      service_type_id: kind === 'labour' ? l.service_type_id : null,
      serial: kind === 'part' ? l.fitted_serial?.trim() || null : null,
      fitted_on: today,
      months,
      valid_until: addMonths(today, months),
      status: 'active',
      created_at: now,
      updated_at: now,
    });
  };
  for (const l of fitted)
    record(l, 'part', parts.get(l.part_id ?? '')?.warrantyMonths ?? terms.partWarrantyMonths);
  for (const l of lines.filter((x) => x.kind === 'labour' && x.service_type_id)) {
    const service = await getServiceType(trx, l.service_type_id as string);
    const own = service?.shopWarrantyMonths ?? 0;
    record(l, 'labour', own > 0 ? own : terms.labourWarrantyMonths);
  }
  await repo.insertWarranties(trx, records);
  if (records.length)
    await recordAudit(
      trx,
      actor,
      records.map((r) => ({
        action: 'warranty_record.create',
        entity: 'warranty_record',
        entityId: r.id,
        after: r,
      })),
    );

  // 5. The order keeps its documents; the timeline and the audit tell what finishing did.
  const issueDocumentIds = issued.map((d) => d.id);
  await repo.updateOrderRow(trx, order.id, {
    issue_document_id: issueDocumentIds[0] ?? null,
    returns_document_id: returnsDocumentId,
    updated_at: now,
  });
  const details = {
    issueDocuments: issued.map((d) => ({ id: d.id, number: d.number })),
    returnsDocumentId,
    warrantyRecords: records.length,
    warnings,
  };
  await repo.insertEvent(trx, {
    orderId: order.id,
    at: now,
    userId: actor.userId,
    kind: 'finished',
    details,
  });
  await recordAudit(trx, actor, {
    action: 'service_order.finish',
    entity: 'service_order',
    entityId: order.id,
    after: details,
  });
  return { issueDocumentIds, returnsDocumentId, warrantyRecordIds: records.map((r) => r.id), warnings };
}

/**
 * A cancelled order taken back (cancelled → received): each part line holds its stock again, as when it was added
 * (what is free is reserved, the rest waits); cancelling had released it all.
 */
export async function holdPartsAgain(trx: Executor, actor: Actor, order: { id: string }): Promise<void> {
  for (const l of await repo.linesOfOrder(trx, order.id))
    if (l.kind === 'part' && targetOf(l) > 0) await reserveLine(trx, actor, order, l);
}

/**
 * Reopens a finished order in the caller's transaction: its stock documents are reversed (the returns receipt
 * first, then the issues), its warranty records voided, and its used parts held again.
 */
export async function reopenFinished(trx: Executor, actor: Actor, order: OrderRow): Promise<void> {
  const docs = (await documentsOfSource(trx, ORDER_SOURCE, order.id)).filter(
    (d) => d.status === 'posted' && !d.reversalOfId && !d.reversedById,
  );
  const ordered = [...docs.filter((d) => d.type === 'receipt'), ...docs.filter((d) => d.type !== 'receipt')];
  const reversed = [];
  for (const d of ordered) {
    const mirror = await reverseDocumentTx(trx, actor, d.id, { reason: order.number });
    reversed.push({ id: d.id, number: d.number, reversalId: mirror.id, reversalNumber: mirror.number });
  }
  const now = nowIso();
  const records = await repo.activeWarrantiesOfOrder(trx, order.id);
  await repo.voidWarranties(
    trx,
    records.map((r) => r.id),
    now,
  );
  if (records.length)
    await recordAudit(
      trx,
      actor,
      records.map((r) => ({
        action: 'warranty_record.void',
        entity: 'warranty_record',
        entityId: r.id,
        before: { status: 'active' },
        after: { status: 'void' },
      })),
    );
  const lines = await repo.linesOfOrder(trx, order.id);
  for (const l of lines) {
    if (l.kind !== 'part') continue;
    await repo.updateLineRow(trx, l.id, { unit_cost_cents: null, updated_at: now });
    if (targetOf(l) > 0) await reserveLine(trx, actor, order, l);
  }
  await repo.updateOrderRow(trx, order.id, {
    issue_document_id: null,
    returns_document_id: null,
    updated_at: now,
  });
  const details = { reversedDocuments: reversed, voidedWarrantyRecords: records.length };
  await repo.insertEvent(trx, {
    orderId: order.id,
    at: now,
    userId: actor.userId,
    kind: 'reopened',
    details,
  });
  await recordAudit(trx, actor, {
    action: 'service_order.reopen',
    entity: 'service_order',
    entityId: order.id,
    after: details,
  });
}

/**
 * A customer refused the repair after diagnosis: nothing will be fitted, so every reservation of the order is
 * released; with the setting 'charge' the diagnostic service is added as a labour line the customer pays (once).
 */
export async function applyDiagnosticFee(
  trx: Executor,
  actor: Actor,
  order: OrderRow,
  settings: ServiceSettings,
): Promise<void> {
  await releaseReservationsOf(trx, actor, { sourceType: ORDER_SOURCE, sourceId: order.id });
  if (settings.diagnosticFee !== 'charge' || !settings.diagnosticServiceTypeId) return;
  const lines = await repo.linesOfOrder(trx, order.id);
  if (lines.some((l) => l.kind === 'labour' && l.service_type_id === settings.diagnosticServiceTypeId)) {
    // The diagnosis is already on the order: the customer pays it, whoever the default payer was.
    return;
  }
  await addLineTx(
    trx,
    actor,
    order.id,
    {
      kind: 'labour',
      serviceTypeId: settings.diagnosticServiceTypeId,
      quantityMilli: 1000,
      discountBp: 0,
      payer: 'customer',
      priceOverrideReason: null,
      fittedSerial: null,
      removedSerial: null,
      payerReason: 'Отказан ремонт: такса за диагностика / Repair refused: diagnostic fee',
    },
    { closingLine: true },
  );
}
