/**
 * Finishing and reopening a service order — OWNED BY orders-lines (issue 12, item 7). orders-core calls these inside
 * the status change's transaction (orders.service.ts changeStatus); they are no-ops until orders-lines fills them.
 *
 * - finishOrder: in_repair → ready. Posts the stock issue of the used parts and the returns receipt of removed
 *   parts through modules/stock/index.ts, writes the warranty records, sets issue_document_id/returns_document_id
 *   and unit_cost_cents; refuses a serial-tracked part without its serial.
 * - reopenFinished: ready → in_repair. Reverses those documents, voids the warranty records.
 * - applyDiagnosticFee: a refused repair (diagnosing/awaiting_approval → ready with refused: true) adds the
 *   diagnostic fee labour line when the settings say 'charge'.
 */
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { ServiceSettings } from './orders.schema';
import type { ServiceOrderTable } from './orders.table';

/** The order row as the status change read it (before the status moved). */
export type OrderRow = ServiceOrderTable;

// orders-lines: implement.
export async function finishOrder(_trx: Executor, _actor: Actor, _order: OrderRow): Promise<void> {}

// orders-lines: implement.
export async function reopenFinished(_trx: Executor, _actor: Actor, _order: OrderRow): Promise<void> {}

// orders-lines: implement.
export async function applyDiagnosticFee(
  _trx: Executor,
  _actor: Actor,
  _order: OrderRow,
  _settings: ServiceSettings,
): Promise<void> {}
