/**
 * Sale receipts (касова бележка, issue 13 items 3 and 4; ADR 0022): a receipt from a service order's lines the
 * customer pays, in one transaction with its number, its УНП (FIS-05), the payment into the cash desk and the order's
 * billing mark (once only, whatever the document); then printed on the fiscal device (ADR 0017), its four fields
 * kept (FIS-01), or marked not fiscalised when there is no device. A storno (FIS-02) prints the reversal with the
 * original's fields and reason, reverses the payment and frees the order for another document.
 */
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { recordAudit } from '../audit';
import { getPart } from '../catalog';
import { getLockDate } from '../company';
import {
  type FiscalPayment,
  type FiscalSaleLine,
  fiscalCurrencyOn,
  fiscalTaxGroupOf,
  nextUniqueSaleNumber,
  printSaleReceipt,
  printStornoReceipt,
} from '../fiscal';
import { recordCustomerPayment, reverseMovementIn } from '../money';
import { takeNumber } from '../numbering';
import { clearOrderBilled, lockBillableOrder, markOrderBilled, readLines } from '../orders';
import { assertCustomerExists } from '../parties';
import { documentsOfSource, issuePartsForOrder, reverseDocumentTx } from '../stock';
import * as repo from './receipts.repository';
import { receiptLineAmounts } from './receipts.rules';
import type {
  CounterSaleBody,
  ReceiptFilter,
  ReceiptFromOrderBody,
  ReceiptListQuery,
  SaleReceipt,
  SaleReceiptListItem,
  StornoBody,
} from './receipts.schema';

/** The stock documents of an over-the-counter sale name the receipt as their source (ADR 0026). */
export const COUNTER_SALE_SOURCE = 'sale_receipt';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findReceipt>>>;
type LineRow = Awaited<ReturnType<typeof repo.linesOf>>[number];

function toListItem(r: Row): SaleReceiptListItem {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    documentDate: String(r.document_date),
    currency: r.currency,
    partyId: r.party_id,
    partyName: r.party_name ?? null,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    method: r.payment_method,
    accountId: r.account_id,
    movementId: r.movement_id,
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    uniqueSaleNumber: r.unique_sale_number,
    fiscalised: Boolean(r.fiscalised),
    fiscalStatus: r.fiscal_status,
    fiscalErrorCode: r.fiscal_error_code,
    fiscalTaskId: r.fiscal_task_id,
    receiptNumber: r.receipt_number,
    receiptDateTime: r.receipt_date_time,
    fiscalMemorySerialNumber: r.fiscal_memory_serial_number,
    stornoReason: r.storno_reason as SaleReceipt['stornoReason'],
    stornoReceiptNumber: r.storno_receipt_number,
    stornoReceiptDateTime: r.storno_receipt_date_time,
    reversedAt: r.reversed_at ? String(r.reversed_at) : null,
    createdAt: String(r.created_at),
  };
}

function toReceipt(r: Row, lines: LineRow[], stockIssues: SaleReceipt['stockIssues']): SaleReceipt {
  return {
    ...toListItem(r),
    stockIssues,
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unit: l.unit,
      unitPriceCents: Number(l.unit_price_cents),
      discountBp: l.discount_bp,
      vatRateBp: l.vat_rate_bp,
      netCents: Number(l.net_cents),
      vatCents: Number(l.vat_cents),
      totalCents: Number(l.total_cents),
      partId: l.part_id,
    })),
  };
}

export async function getReceipt(db: Executor, id: string): Promise<SaleReceipt> {
  const row = await repo.findReceipt(db, id);
  if (!row) throw notFound('sale_receipt');
  const issues = row.order_id ? [] : await documentsOfSource(db, COUNTER_SALE_SOURCE, id);
  return toReceipt(
    row,
    await repo.linesOf(db, id),
    issues.map((d) => ({ id: d.id, number: d.number, status: d.status, reversal: d.reversalOfId !== null })),
  );
}

/** Sale receipts, newest first: by status, fiscal state, method, source (order or counter), customer and dates. */
export async function listReceipts(db: Executor, q: ReceiptListQuery): Promise<PageOf<SaleReceiptListItem>> {
  const page = await repo.listReceipts(db, q);
  return { ...page, items: page.items.map(toListItem) };
}

/** Every receipt the filter matches, for the CSV export. */
export async function exportReceipts(db: Executor, q: ReceiptFilter): Promise<SaleReceiptListItem[]> {
  return (await repo.allReceipts(db, q)).map(toListItem);
}

async function assertPeriodOpen(trx: Executor, date: string): Promise<void> {
  const lockDate = await getLockDate(trx);
  if (lockDate !== null && date <= lockDate)
    throw new DomainError('conflict', 'period_closed', {
      field: 'documentDate',
      params: { date: lockDate },
      extra: { lockDate },
    });
}

/** What the device is given for a receipt: its lines with VAT and their tax groups, and the one payment. */
async function fiscalPartsOf(db: Executor, receipt: SaleReceipt) {
  const lines: FiscalSaleLine[] = [];
  for (const l of receipt.lines) {
    const a = receiptLineAmounts(l);
    lines.push({
      text: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceCents: a.unitGrossCents,
      ...(a.discountCents ? { discountCents: a.discountCents } : {}),
      taxGroup: await fiscalTaxGroupOf(db, l.vatRateBp),
    });
  }
  const payments: FiscalPayment[] = [{ type: receipt.method, amountCents: receipt.totalCents }];
  const footer = receipt.orderNumber ? [`Поръчка ${receipt.orderNumber}`] : [];
  return { lines, payments, footer };
}

/**
 * Closes a ready or delivered order with a sale receipt: the customer's lines (warranty and contract lines stay off
 * it), paid in cash or by card into the account, the order marked billed — all in one transaction, so a second
 * document of any kind is 409 order_already_billed. Then it is printed (see printReceipt).
 */
export async function receiptFromOrder(
  db: Db,
  actor: Actor,
  body: ReceiptFromOrderBody,
): Promise<SaleReceipt> {
  const id = await db.transaction().execute(async (trx) => {
    const date = body.documentDate ?? todayDate();
    await assertPeriodOpen(trx, date);
    const order = await lockBillableOrder(trx, body.orderId);
    const lines = (await readLines(trx, order.id)).filter(
      (l) => l.payer === 'customer' && (l.usedQuantityMilli ?? l.quantityMilli) > 0,
    );
    if (!lines.length)
      throw new DomainError('conflict', 'order_nothing_to_bill', {
        field: 'orderId',
        params: { number: order.number },
      });
    const currency = await fiscalCurrencyOn(trx, date);
    const amounts = lines.map((l) =>
      receiptLineAmounts({
        quantityMilli: l.usedQuantityMilli ?? l.quantityMilli,
        unitPriceCents: l.unitPriceCents,
        discountBp: l.discountBp,
        vatRateBp: l.vatRateBp,
      }),
    );
    const total = amounts.reduce((s, a) => s + a.totalCents, 0);
    const net = amounts.reduce((s, a) => s + a.netCents, 0);
    if (total <= 0)
      throw new DomainError('conflict', 'order_nothing_to_bill', {
        field: 'orderId',
        params: { number: order.number },
      });
    const taken = await takeNumber(trx, 'sale_receipt');
    const uniqueSaleNumber = await nextUniqueSaleNumber(trx);
    const movement = await recordCustomerPayment(trx, actor, {
      accountId: body.accountId,
      date,
      amountCents: total,
      partyId: order.partyId,
      reason: `Касова бележка ${taken.formatted}`,
    });
    const id = newId();
    await repo.insertReceipt(trx, {
      id,
      series_id: taken.seriesId,
      number: taken.formatted,
      status: 'issued',
      document_date: date,
      currency,
      party_id: order.partyId,
      order_id: order.id,
      payment_method: body.method,
      account_id: body.accountId,
      movement_id: movement.id,
      net_cents: net,
      vat_cents: total - net,
      total_cents: total,
      unique_sale_number: uniqueSaleNumber,
      fiscalised: false,
      fiscal_status: 'printing',
      fiscal_error_code: null,
      fiscal_task_id: null,
      receipt_number: null,
      receipt_date_time: null,
      fiscal_memory_serial_number: null,
      storno_reason: null,
      storno_receipt_number: null,
      storno_receipt_date_time: null,
      reversed_at: null,
      reversed_by: null,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    await repo.insertLines(
      trx,
      lines.map((l, i) => {
        const a = amounts[i] as (typeof amounts)[number];
        return {
          id: newId(),
          receipt_id: id,
          position: i + 1,
          description: l.description,
          quantity_milli: l.usedQuantityMilli ?? l.quantityMilli,
          unit: l.unit,
          unit_price_cents: l.unitPriceCents,
          discount_bp: l.discountBp,
          vat_rate_bp: l.vatRateBp,
          net_cents: a.netCents,
          vat_cents: a.vatCents,
          total_cents: a.totalCents,
          order_line_id: l.id,
          part_id: null,
        };
      }),
    );
    await markOrderBilled(trx, order.id, id, 'sale_receipt');
    await recordAudit(trx, actor, {
      action: 'sale_receipt.create',
      entity: 'sale_receipt',
      entityId: id,
      after: {
        number: taken.formatted,
        order: order.number,
        uniqueSaleNumber,
        method: body.method,
        movement: movement.number,
        totalCents: total,
        currency,
      },
    });
    return id;
  });
  return printReceipt(db, actor, id);
}

/**
 * Sells parts over the counter without an order (ADR 0026): each part at its sale price unless another is given,
 * with its VAT rate and unit; in one transaction the receipt's number and УНП, the payment into the account, the
 * lines, and the stock issue from the warehouse (the stock module's own document, its source the receipt). A part
 * short of free stock (on hand less reserved) is 409 insufficient_stock and nothing is written: no receipt, no issue,
 * no number used. Then it is printed as any receipt is (printReceipt).
 */
export async function counterSale(db: Db, actor: Actor, body: CounterSaleBody): Promise<SaleReceipt> {
  const id = await db.transaction().execute(async (trx) => {
    const date = body.documentDate ?? todayDate();
    await assertPeriodOpen(trx, date);
    if (body.partyId) await assertCustomerExists(trx, body.partyId, 'partyId');
    const lines = [];
    for (const [i, l] of body.lines.entries()) {
      const field = `lines.${i}.partId`;
      const part = await getPart(trx, l.partId);
      if (!part) throw new DomainError('invalid', 'unknown_part', { field });
      if (part.archived)
        throw new DomainError('invalid', 'part_archived', { field, params: { code: part.code } });
      const priced = {
        quantityMilli: l.quantityMilli,
        unitPriceCents: l.unitPriceCents ?? part.salePriceCents,
        discountBp: l.discountBp ?? 0,
        vatRateBp: part.vatRateBp,
      };
      lines.push({ part, input: l, priced, amounts: receiptLineAmounts(priced) });
    }
    const total = lines.reduce((sum, l) => sum + l.amounts.totalCents, 0);
    const net = lines.reduce((sum, l) => sum + l.amounts.netCents, 0);
    if (total <= 0) throw new DomainError('invalid', 'receipt_total_zero', { field: 'lines' });
    const currency = await fiscalCurrencyOn(trx, date);
    const taken = await takeNumber(trx, 'sale_receipt');
    const uniqueSaleNumber = await nextUniqueSaleNumber(trx);
    const movement = await recordCustomerPayment(trx, actor, {
      accountId: body.accountId,
      date,
      amountCents: total,
      partyId: body.partyId ?? null,
      reason: `Касова бележка ${taken.formatted}`,
    });
    const id = newId();
    await repo.insertReceipt(trx, {
      id,
      series_id: taken.seriesId,
      number: taken.formatted,
      status: 'issued',
      document_date: date,
      currency,
      party_id: body.partyId ?? null,
      order_id: null,
      payment_method: body.method,
      account_id: body.accountId,
      movement_id: movement.id,
      net_cents: net,
      vat_cents: total - net,
      total_cents: total,
      unique_sale_number: uniqueSaleNumber,
      fiscalised: false,
      fiscal_status: 'printing',
      fiscal_error_code: null,
      fiscal_task_id: null,
      receipt_number: null,
      receipt_date_time: null,
      fiscal_memory_serial_number: null,
      storno_reason: null,
      storno_receipt_number: null,
      storno_receipt_date_time: null,
      reversed_at: null,
      reversed_by: null,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    const rows = lines.map((l, i) => ({
      id: newId(),
      receipt_id: id,
      position: i + 1,
      description: l.part.nameBg,
      quantity_milli: l.priced.quantityMilli,
      unit: l.part.unit,
      unit_price_cents: l.priced.unitPriceCents,
      discount_bp: l.priced.discountBp,
      vat_rate_bp: l.priced.vatRateBp,
      net_cents: l.amounts.netCents,
      vat_cents: l.amounts.vatCents,
      total_cents: l.amounts.totalCents,
      order_line_id: null,
      part_id: l.part.id,
    }));
    await repo.insertLines(trx, rows);
    const issue = await issuePartsForOrder(trx, actor, {
      warehouseId: body.warehouseId,
      sourceType: COUNTER_SALE_SOURCE,
      sourceId: id,
      documentDate: date,
      reason: `Касова бележка ${taken.formatted}`,
      lines: lines.map((l, i) => ({
        partId: l.part.id,
        quantityMilli: l.priced.quantityMilli,
        serialNumbers: l.input.serialNumbers ?? null,
        sourceLineId: rows[i]?.id ?? null,
      })),
    });
    await recordAudit(trx, actor, {
      action: 'sale_receipt.counter_sale',
      entity: 'sale_receipt',
      entityId: id,
      after: {
        number: taken.formatted,
        uniqueSaleNumber,
        method: body.method,
        movement: movement.number,
        stockIssue: issue.number,
        totalCents: total,
        currency,
        lines: lines.map((l) => ({ part: l.part.code, quantityMilli: l.priced.quantityMilli })),
      },
    });
    return id;
  });
  return printReceipt(db, actor, id);
}

/**
 * Prints an issued receipt on the fiscal device with its УНП and keeps the four fields (FIS-01, FP-02); with no
 * device it is marked not fiscalised (ADR 0017). A device error is kept on the receipt (failed, with its code; a
 * pending or lost task stays printing with its task id) and the receipt is answered as it is: it is final only
 * once printed, and this is called again to print it (the same УНП, so the device never prints it twice).
 */
export async function printReceipt(db: Db, actor: Actor, id: string): Promise<SaleReceipt> {
  const receipt = await getReceipt(db, id);
  if (receipt.status !== 'issued')
    throw new DomainError('conflict', 'receipt_not_issued', { params: { number: receipt.number } });
  if (receipt.fiscalStatus === 'printed' || receipt.fiscalStatus === 'no_device') return receipt;
  const parts = await fiscalPartsOf(db, receipt);
  let columns: Parameters<typeof repo.updateReceipt>[2];
  try {
    const result = await printSaleReceipt(db, actor, {
      uniqueSaleNumber: receipt.uniqueSaleNumber,
      currency: receipt.currency as 'BGN' | 'EUR',
      ...parts,
    });
    columns = {
      fiscalised: result.fiscalised,
      fiscal_status: result.fiscalised ? 'printed' : 'no_device',
      fiscal_error_code: null,
      fiscal_task_id: result.taskId,
      receipt_number: result.receiptNumber,
      receipt_date_time: result.receiptDateTime,
      fiscal_memory_serial_number: result.fiscalMemorySerialNumber,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const taskId = (error.options.extra as { taskId?: string } | undefined)?.taskId ?? null;
    const pending = error.code === 'fiscal_task_pending' || error.code === 'fiscal_task_unknown';
    columns = {
      fiscal_status: pending ? 'printing' : 'failed',
      fiscal_error_code: error.code,
      fiscal_task_id: taskId,
    };
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateReceipt(trx, id, columns);
    await recordAudit(trx, actor, {
      action: 'sale_receipt.print',
      entity: 'sale_receipt',
      entityId: id,
      after: {
        number: receipt.number,
        uniqueSaleNumber: receipt.uniqueSaleNumber,
        fiscalStatus: columns.fiscal_status,
        ...(columns.receipt_number ? { receiptNumber: columns.receipt_number } : {}),
        ...(columns.fiscal_error_code ? { errorCode: columns.fiscal_error_code } : {}),
      },
    });
  });
  return getReceipt(db, id);
}

/**
 * Reverses a receipt (сторно, FIS-02, FP-05) with its reason: a printed one is reversed on the device first (the
 * original's УНП, number, date and fiscal memory); then, in one transaction, the payment is reversed in the cash desk
 * and the order freed to be closed by another document. A second storno is 409 receipt_not_issued.
 */
export async function stornoReceipt(
  db: Db,
  actor: Actor,
  id: string,
  body: StornoBody,
): Promise<SaleReceipt> {
  const receipt = await getReceipt(db, id);
  if (receipt.status !== 'issued')
    throw new DomainError('conflict', 'receipt_not_issued', { params: { number: receipt.number } });
  let storno: { receiptNumber: string | null; receiptDateTime: string | null } = {
    receiptNumber: null,
    receiptDateTime: null,
  };
  if (
    receipt.fiscalStatus === 'printed' &&
    receipt.receiptNumber &&
    receipt.receiptDateTime &&
    receipt.fiscalMemorySerialNumber
  ) {
    const parts = await fiscalPartsOf(db, receipt);
    storno = await printStornoReceipt(db, actor, {
      uniqueSaleNumber: receipt.uniqueSaleNumber,
      currency: receipt.currency as 'BGN' | 'EUR',
      ...parts,
      reason: body.reason,
      original: {
        receiptNumber: receipt.receiptNumber,
        receiptDateTime: receipt.receiptDateTime,
        fiscalMemorySerialNumber: receipt.fiscalMemorySerialNumber,
      },
    });
  }
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockReceipt(trx, id);
    if (row?.status !== 'issued')
      throw new DomainError('conflict', 'receipt_not_issued', { params: { number: receipt.number } });
    const date = [todayDate(), receipt.documentDate].sort()[1];
    await reverseMovementIn(trx, actor, row.movement_id, {
      reason: `Сторно на касова бележка ${receipt.number}`,
      date,
    });
    if (row.order_id) await clearOrderBilled(trx, row.order_id, id);
    else {
      // A counter sale's parts come back into the warehouse they left.
      const issues = (await documentsOfSource(trx, COUNTER_SALE_SOURCE, id)).filter(
        (d) => d.status === 'posted' && !d.reversalOfId && !d.reversedById,
      );
      for (const d of issues)
        await reverseDocumentTx(trx, actor, d.id, { reason: `Сторно на касова бележка ${receipt.number}` });
    }
    await repo.updateReceipt(trx, id, {
      status: 'reversed',
      storno_reason: body.reason,
      storno_receipt_number: storno.receiptNumber,
      storno_receipt_date_time: storno.receiptDateTime,
      reversed_at: nowIso(),
      reversed_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'sale_receipt.storno',
      entity: 'sale_receipt',
      entityId: id,
      before: { status: 'issued' },
      after: { status: 'reversed', reason: body.reason, stornoReceiptNumber: storno.receiptNumber },
    });
  });
  return getReceipt(db, id);
}
