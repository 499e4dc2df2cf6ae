/**
 * Sale receipts (касова бележка, issue 13 items 3 and 4; ADR 0022): a receipt from a service order's lines the
 * customer pays, in one transaction with its number, its УНП (FIS-05), the payment into the cash desk and the order's
 * billing mark (once only, whatever the document); then printed on the fiscal device (ADR 0017), its four fields
 * kept (FIS-01), or marked not fiscalised when there is no device. A storno (FIS-02) prints the reversal with the
 * original's fields and reason, reverses the payment and frees the order for another document.
 */
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { type DocumentKind, lockDocument, postDraft, refusalDetails } from '../../db/document-lifecycle';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { dualTotalOf } from '../../kernel/eur';
import { newId } from '../../kernel/ids';
import { assertTransition, documentLifecycle } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { message } from '../../kernel/messages';
import { mulDivRound } from '../../kernel/money';
import { toSearchText } from '../../kernel/search-text';
import { type AuditAction, type AuditChange, type AuditEntity, recordAudit } from '../audit';
import { getPart } from '../catalog';
import { getEuroDisplay, getLockDate, isFiscalDeviceRequired, rateOfKind, vatRatesOn } from '../company';
import {
  assertFiscalSaleAllowed,
  type FiscalPayment,
  type FiscalReceiptResult,
  type FiscalSaleLine,
  fiscalCurrencyOn,
  fiscalTaxGroupOf,
  nextUniqueSaleNumber,
  printSaleReceipt,
  printStornoReceipt,
  salePlacementOf,
} from '../fiscal';
import { recordCustomerPayment, reverseMovementIn } from '../money';
import { takeNumber } from '../numbering';
import { clearOrderBilled, linesToBill, lockBillableOrder, markOrderBilled } from '../orders';
import { assertCustomerExists } from '../parties';
import { documentsOfSource, issuePartsForOrder, reverseDocumentTx } from '../stock';
import * as repo from './receipts.repository';
import { receiptLineAmounts, stornoShares } from './receipts.rules';
import type {
  CounterSaleBody,
  ReceiptFilter,
  ReceiptFromOrderBody,
  ReceiptListQuery,
  SaleReceipt,
  SaleReceiptListItem,
  SaleReceiptStorno,
  StornoBody,
} from './receipts.schema';
import type { SaleReceiptLineTable } from './receipts.table';

/** The stock documents of an over-the-counter sale name the receipt as their source (ADR 0026). */
export const COUNTER_SALE_SOURCE = 'sale_receipt';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findReceipt>>>;
type LineRow = Awaited<ReturnType<typeof repo.linesOf>>[number];

/**
 * A receipt's lifecycle: the shared document lifecycle's statuses (ADR 8), read as draft → issued → reversed (a
 * storno). Drafted and posted in one transaction; a storno of anything but an issued receipt is receipt_not_issued.
 */
const RECEIPT_LIFECYCLE = documentLifecycle({
  notPosted: 'receipt_not_issued',
  alreadyReversed: 'receipt_not_issued',
});

/** A stored fiscal error code in words, in both languages (the screen shows the user's), never the bare code. */
export function fiscalErrorText(code: string | null): { bg: string; en: string } | null {
  return code ? { bg: message(code, 'bg'), en: message(code, 'en') } : null;
}

/** The API's name of a stored status. */
const API_STATUS = { draft: 'issued', posted: 'issued', reversed: 'reversed' } as const;

/**
 * The sale receipt as a kind of numbered document (ADR 8): numbered last in the receipt series; a storno turns it
 * reversed without a mirror (the fiscal device prints the storno, FIS-02).
 */
export const RECEIPT_KIND: DocumentKind<repo.ReceiptHeaderRow> = {
  table: 'sale_receipt',
  entity: 'sale_receipt' satisfies AuditEntity,
  actions: { post: 'sale_receipt.create', reverse: 'sale_receipt.storno' } satisfies Record<
    string,
    AuditAction
  >,
  lifecycle: RECEIPT_LIFECYCLE,
  takeNumber: (trx) => takeNumber(trx, 'sale_receipt'),
  audit: (trx, actor, changes) => recordAudit(trx, actor, changes as AuditChange[]),
  lockDate: getLockDate,
};
/** An over-the-counter sale is a receipt of the same kind, audited as such. */
const COUNTER_SALE_KIND: DocumentKind<repo.ReceiptHeaderRow> = {
  ...RECEIPT_KIND,
  actions: { ...RECEIPT_KIND.actions, post: 'sale_receipt.counter_sale' satisfies AuditAction },
};

/** Refuses (409 receipt_not_issued) anything but an issued receipt: a storno of a storno. */
function assertIssued(row: repo.ReceiptHeaderRow): void {
  assertTransition(RECEIPT_LIFECYCLE, row.status, 'reversed', refusalDetails(row));
}

function toListItem(r: Row): SaleReceiptListItem {
  return {
    id: r.id,
    number: r.number ?? '',
    status: API_STATUS[r.status],
    documentDate: String(r.document_date),
    currency: r.currency,
    partyId: r.party_id,
    partyName: r.party_name ?? null,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    paymentId: r.payment_id,
    method: r.payment_method,
    accountId: r.account_id,
    // Recorded as the receipt is posted: only a draft inside its own transaction has none.
    movementId: r.movement_id ?? '',
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    uniqueSaleNumber: r.unique_sale_number,
    discountCents: Number(r.discount_cents ?? 0),
    siteId: r.site_id,
    siteName: r.site_name ?? null,
    siteCode: r.site_code ?? null,
    workstationId: r.workstation_id,
    workstationName: r.workstation_name ?? null,
    deviceId: r.device_id,
    deviceName: r.device_name ?? null,
    operatorName: r.operator_name ?? null,
    invoiceNumbers: r.invoice_numbers,
    fiscalised: Boolean(r.fiscalised),
    fiscalStatus: r.fiscal_status,
    fiscalErrorCode: r.fiscal_error_code,
    fiscalErrorText: fiscalErrorText(r.fiscal_error_code),
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

function toReceipt(
  r: Row,
  lines: LineRow[],
  stockIssues: SaleReceipt['stockIssues'],
  stornos: SaleReceiptStorno[],
): SaleReceipt {
  return {
    ...toListItem(r),
    stockIssues,
    stornos,
    stornoableCents:
      r.status === 'posted' && r.payment_id
        ? Number(r.total_cents) - stornos.reduce((s, x) => s + (x.refundUndone ? 0 : x.totalCents), 0)
        : 0,
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
  const receipt = toReceipt(
    row,
    await repo.linesOf(db, id),
    issues.map((d) => ({ id: d.id, number: d.number, status: d.status, reversal: d.reversalOfId !== null })),
    row.payment_id ? await toStornos(db, await repo.stornosWhere(db, { receiptId: id })) : [],
  );
  const { dualDisplayUntil } = await getEuroDisplay(db);
  return {
    ...receipt,
    dualTotal: dualTotalOf(receipt.documentDate, receipt.currency, receipt.totalCents, dualDisplayUntil),
  };
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

/** What the device is given for a receipt: its lines with VAT and their tax groups, and the one payment. */
async function fiscalPartsOf(db: Executor, receipt: SaleReceipt) {
  const lines: FiscalSaleLine[] = [];
  for (const l of receipt.lines) {
    // A payment's line (ADR 0037) is an amount paid with VAT: printed as it is, one piece.
    const a = receipt.paymentId ? { unitGrossCents: l.totalCents, discountCents: 0 } : receiptLineAmounts(l);
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
 * FIS-01, D1 (ADR 0037): with "fiscal device required" on, no cash or card sale without a device set up; the device
 * is the one of the actor's workstation (ADR 0041), which must be active.
 */
async function assertSaleAllowed(trx: Executor, actor: Actor): Promise<void> {
  const { deviceId } = await salePlacementOf(trx, actor);
  await assertFiscalSaleAllowed(trx, await isFiscalDeviceRequired(trx), deviceId);
}

/** A receipt's line as written: its price and amounts; its id, receipt and position are given on insert. */
type ReceiptLine = Omit<Insertable<SaleReceiptLineTable>, 'id' | 'receipt_id' | 'position'>;

interface PaidReceipt {
  date: string;
  partyId: string | null;
  orderId: string | null;
  method: 'cash' | 'card';
  accountId: string;
  lines: ReceiptLine[];
  /** A customer payment's receipt (ADR 0037): the payment and its money movement, already written; no other. */
  payment?: { id: string; movementId: string };
  /** A payment's receipt: the invoices it paid, for the mandatory reports. */
  invoiceNumbers?: string[];
  /** What the audit row keeps besides the number, the УНП, the method, the payment, the total and the currency. */
  audit: Record<string, unknown>;
  /** The kind's own work that names the number (a counter sale's stock issue); its answer joins the audit row. */
  numbered?: (receipt: { id: string; number: string; lineIds: string[] }) => Promise<Record<string, unknown>>;
}

/**
 * Writes a paid receipt in the caller's transaction, the one way for an order's receipt and a counter sale (ADR 8):
 * drafted with its lines and its УНП (FIS-05), posted through the shared lifecycle (a closed period is refused, the
 * number taken last), then paid into the account with a reason citing the number. Returns its id.
 */
async function insertPaidReceipt(
  trx: Executor,
  actor: Actor,
  kind: DocumentKind<repo.ReceiptHeaderRow>,
  input: PaidReceipt,
): Promise<string> {
  await assertSaleAllowed(trx, actor);
  const placement = await salePlacementOf(trx, actor);
  const total = input.lines.reduce((sum, l) => sum + Number(l.total_cents), 0);
  const net = input.lines.reduce((sum, l) => sum + Number(l.net_cents), 0);
  const currency = await fiscalCurrencyOn(trx, input.date);
  // The УНП of the workstation's device: its own ФУ number and sequence (FIS-05, ADR 0041).
  const uniqueSaleNumber = await nextUniqueSaleNumber(trx, placement.deviceId);
  const id = newId();
  const now = nowIso();
  await repo.insertReceipt(trx, {
    id,
    series_id: null,
    number: null,
    status: 'draft',
    document_date: input.date,
    currency,
    party_id: input.partyId,
    order_id: input.orderId,
    payment_id: input.payment?.id ?? null,
    payment_method: input.method,
    account_id: input.accountId,
    movement_id: input.payment?.movementId ?? null,
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
    reversal_of_id: null,
    reversed_by_id: null,
    posted_at: null,
    posted_by: null,
    created_by: actor.userId,
    site_id: placement.siteId,
    workstation_id: placement.workstationId,
    device_id: placement.deviceId,
    invoice_numbers: input.invoiceNumbers?.length ? input.invoiceNumbers.join(', ') : null,
    search_text: toSearchText(uniqueSaleNumber),
    created_at: now,
    updated_at: now,
  });
  const rows = input.lines.map((l, i) => ({ ...l, id: newId(), receipt_id: id, position: i + 1 }));
  await repo.insertLines(trx, rows);
  await postDraft(trx, kind, actor, id, async () => ({
    at: now,
    audit: {
      ...input.audit,
      uniqueSaleNumber,
      method: input.method,
      totalCents: total,
      currency,
      ...(placement.workstationId
        ? { workstationId: placement.workstationId, deviceId: placement.deviceId }
        : {}),
    },
    numbered: async (number) => {
      if (input.payment) return { ...(await input.numbered?.({ id, number, lineIds: [] })) };
      const movement = await recordCustomerPayment(trx, actor, {
        accountId: input.accountId,
        date: input.date,
        amountCents: total,
        partyId: input.partyId,
        reason: `Касова бележка ${number}`,
      });
      await repo.updateReceipt(trx, id, { movement_id: movement.id });
      const more = await input.numbered?.({ id, number, lineIds: rows.map((r) => r.id) });
      return { movement: movement.number, ...more };
    },
  }));
  return id;
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
    await assertSaleAllowed(trx, actor);
    const date = body.documentDate ?? todayDate();
    const order = await lockBillableOrder(trx, body.orderId);
    const lines = await linesToBill(trx, order);
    // ADR 0042: a line of a kind takes the kind's rate valid on the receipt's date (its tax event).
    const rates = await vatRatesOn(trx, date);
    const rows = lines.map((l): ReceiptLine => {
      const quantityMilli = l.usedQuantityMilli ?? l.quantityMilli;
      const vatRateBp = rateOfKind(rates, l.vatRateKind, l.vatRateBp);
      const a = receiptLineAmounts({
        quantityMilli,
        unitPriceCents: l.unitPriceCents,
        discountBp: l.discountBp,
        vatRateBp,
      });
      return {
        description: l.description,
        quantity_milli: quantityMilli,
        unit: l.unit,
        unit_price_cents: l.unitPriceCents,
        discount_bp: l.discountBp,
        vat_rate_bp: vatRateBp,
        net_cents: a.netCents,
        vat_cents: a.vatCents,
        total_cents: a.totalCents,
        order_line_id: l.id,
        part_id: null,
      };
    });
    if (rows.reduce((s, r) => s + Number(r.total_cents), 0) <= 0)
      throw new DomainError('conflict', 'order_nothing_to_bill', {
        field: 'orderId',
        params: { number: order.number },
      });
    const id = await insertPaidReceipt(trx, actor, RECEIPT_KIND, {
      date,
      partyId: order.partyId,
      orderId: order.id,
      method: body.method,
      accountId: body.accountId,
      lines: rows,
      audit: { order: order.number },
    });
    await markOrderBilled(trx, order.id, id, 'sale_receipt');
    return id;
  });
  return printReceipt(db, actor, id);
}

/** A line of a payment's receipt: an amount paid with VAT at one rate (ADR 0037). */
export interface PaymentReceiptLine {
  description: string;
  vatRateBp: number;
  totalCents: number;
}

/**
 * The fiscal receipt of a customer payment in cash or by card (FIS-01, ADR 0037), written in the payment's
 * transaction: its lines are what the payment paid (each invoice by its VAT rates, the advance), its number and УНП
 * taken, and it shares the payment's money movement, so the cash desk counts the money once. The caller prints it
 * after the commit (printReceipt). With "fiscal device required" on and no device: 409 fiscal_device_required.
 */
export async function paymentReceiptIn(
  trx: Executor,
  actor: Actor,
  input: {
    paymentId: string;
    paymentNumber: string;
    movementId: string;
    date: string;
    partyId: string;
    method: 'cash' | 'card';
    accountId: string;
    lines: PaymentReceiptLine[];
    /** The invoices (and debit notes) the payment paid, by number. */
    invoiceNumbers?: string[];
  },
): Promise<string> {
  return insertPaidReceipt(trx, actor, RECEIPT_KIND, {
    date: input.date,
    partyId: input.partyId,
    orderId: null,
    method: input.method,
    accountId: input.accountId,
    payment: { id: input.paymentId, movementId: input.movementId },
    invoiceNumbers: input.invoiceNumbers,
    lines: input.lines.map((l) => {
      const net = mulDivRound(l.totalCents, 10_000, 10_000 + l.vatRateBp);
      return {
        description: l.description,
        quantity_milli: 1000,
        unit: 'бр.',
        unit_price_cents: net,
        discount_bp: 0,
        vat_rate_bp: l.vatRateBp,
        net_cents: net,
        vat_cents: l.totalCents - net,
        total_cents: l.totalCents,
        order_line_id: null,
        part_id: null,
      };
    }),
    audit: { payment: input.paymentNumber },
  });
}

/** The receipt of a customer payment (ADR 0037), or null: a bank transfer, or a payment recorded before it. */
export async function receiptOfPayment(db: Executor, paymentId: string): Promise<SaleReceipt | null> {
  const id = await repo.receiptIdOfPayment(db, paymentId);
  return id ? getReceipt(db, id) : null;
}

/**
 * Each part sold over the counter, priced: its sale price unless another is given, the rate of its kind valid on
 * the sale's date (ADR 0042; an explicit rate as it is), and its unit.
 */
async function pricedParts(trx: Executor, given: CounterSaleBody['lines'], date: string) {
  const rates = await vatRatesOn(trx, date);
  const lines = [];
  for (const [i, l] of given.entries()) {
    const field = `lines.${i}.partId`;
    const part = await getPart(trx, l.partId);
    if (!part) throw new DomainError('invalid', 'unknown_part', { field });
    if (part.archived)
      throw new DomainError('invalid', 'part_archived', { field, params: { code: part.code } });
    const priced = {
      quantityMilli: l.quantityMilli,
      unitPriceCents: l.unitPriceCents ?? part.salePriceCents,
      discountBp: l.discountBp ?? 0,
      vatRateBp: rateOfKind(rates, part.vatRateKind, part.vatRateBp),
    };
    lines.push({ part, input: l, priced, amounts: receiptLineAmounts(priced) });
  }
  return lines;
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
    await assertSaleAllowed(trx, actor);
    const date = body.documentDate ?? todayDate();
    if (body.partyId) await assertCustomerExists(trx, body.partyId, 'partyId');
    const lines = await pricedParts(trx, body.lines, date);
    if (lines.reduce((sum, l) => sum + l.amounts.totalCents, 0) <= 0)
      throw new DomainError('invalid', 'receipt_total_zero', { field: 'lines' });
    return insertPaidReceipt(trx, actor, COUNTER_SALE_KIND, {
      date,
      partyId: body.partyId ?? null,
      orderId: null,
      method: body.method,
      accountId: body.accountId,
      lines: lines.map((l) => ({
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
      })),
      audit: { lines: lines.map((l) => ({ part: l.part.code, quantityMilli: l.priced.quantityMilli })) },
      // The parts leave the warehouse in the same transaction: short of free stock, nothing is written.
      numbered: async (receipt) => {
        const issue = await issuePartsForOrder(trx, actor, {
          warehouseId: body.warehouseId,
          sourceType: COUNTER_SALE_SOURCE,
          sourceId: receipt.id,
          documentDate: date,
          reason: `Касова бележка ${receipt.number}`,
          lines: lines.map((l, i) => ({
            partId: l.part.id,
            quantityMilli: l.priced.quantityMilli,
            serialNumbers: l.input.serialNumbers ?? null,
            sourceLineId: receipt.lineIds[i] ?? null,
          })),
        });
        return { stockIssue: issue.number };
      },
    });
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
    // On the device it was numbered for (ADR 0041): its УНП carries that device's ФУ number.
    const result = await printSaleReceipt(
      db,
      actor,
      {
        uniqueSaleNumber: receipt.uniqueSaleNumber,
        currency: receipt.currency as 'BGN' | 'EUR',
        ...parts,
      },
      receipt.deviceId,
    );
    columns = printedColumns(result);
  } catch (error) {
    columns = failedPrintColumns(error);
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
  const found = await repo.findReceipt(db, id);
  if (!found) throw notFound('sale_receipt');
  assertIssued(found);
  // A payment's receipt is not reversed alone: the payment and its allocations stand on its movement (ADR 0037).
  if (found.payment_id)
    throw new DomainError('conflict', 'receipt_of_payment', { params: { number: found.number ?? '—' } });
  const receipt = await getReceipt(db, id);
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
    storno = await printStornoReceipt(
      db,
      actor,
      {
        uniqueSaleNumber: receipt.uniqueSaleNumber,
        currency: receipt.currency as 'BGN' | 'EUR',
        ...parts,
        reason: body.reason,
        original: {
          receiptNumber: receipt.receiptNumber,
          receiptDateTime: receipt.receiptDateTime,
          fiscalMemorySerialNumber: receipt.fiscalMemorySerialNumber,
        },
      },
      receipt.deviceId,
    );
  }
  await db.transaction().execute(async (trx) => {
    const row = await lockDocument(trx, RECEIPT_KIND, id);
    assertIssued(row);
    if (!row.movement_id) throw notFound('money_movement');
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
    const now = nowIso();
    const changed = await repo.markReversed(trx, id, {
      storno_reason: body.reason,
      storno_receipt_number: storno.receiptNumber,
      storno_receipt_date_time: storno.receiptDateTime,
      reversed_at: now,
      reversed_by: actor.userId,
      updated_at: now,
    });
    if (changed !== 1)
      throw new DomainError('conflict', 'receipt_not_issued', refusalDetails(row)('receipt_not_issued'));
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

// ---------------------------------------------------------------- a refund's storno of a payment's receipt (ADR 0040)

async function toStornos(db: Executor, rows: repo.StornoRow[]): Promise<SaleReceiptStorno[]> {
  const lines = await repo.stornoLinesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    receiptId: r.receipt_id,
    receiptNumber: r.original_number ?? '',
    refundId: r.refund_id,
    refundUndone: r.refund_undone_at !== null,
    reason: r.reason,
    method: r.payment_method,
    currency: r.currency,
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    uniqueSaleNumber: r.unique_sale_number,
    fiscalised: Boolean(r.fiscalised),
    fiscalStatus: r.fiscal_status,
    fiscalErrorCode: r.fiscal_error_code,
    fiscalErrorText: fiscalErrorText(r.fiscal_error_code),
    stornoReceiptNumber: r.receipt_number,
    stornoReceiptDateTime: r.receipt_date_time,
    fiscalMemorySerialNumber: r.fiscal_memory_serial_number,
    original: {
      receiptNumber: r.original_receipt_number,
      receiptDateTime: r.original_receipt_date_time,
      fiscalMemorySerialNumber: r.original_fiscal_memory_serial_number,
    },
    lines: lines
      .filter((l) => l.storno_id === r.id)
      .map((l) => ({
        position: l.position,
        description: l.description,
        vatRateBp: l.vat_rate_bp,
        totalCents: Number(l.total_cents),
      })),
    createdAt: String(r.created_at),
  }));
}

export async function getStorno(db: Executor, id: string): Promise<SaleReceiptStorno> {
  const row = await repo.findStorno(db, id);
  if (!row) throw notFound('sale_receipt_storno');
  return (await toStornos(db, [row]))[0] as SaleReceiptStorno;
}

/** The stornos refunds printed, by refund (ADR 0040). */
export async function stornosOfRefunds(db: Executor, refundIds: string[]): Promise<SaleReceiptStorno[]> {
  return toStornos(db, await repo.stornosWhere(db, { refundIds }));
}

/** A customer's payments' receipts with something left to storno, newest first (the refund dialog's choice). */
export async function stornoableReceiptsOf(db: Executor, partyId: string) {
  return (await repo.stornoableReceiptsOf(db, partyId)).map((r) => ({
    id: r.id,
    number: r.number ?? '',
    paymentId: r.payment_id as string,
    date: String(r.document_date),
    method: r.payment_method,
    fiscalStatus: r.fiscal_status,
    currency: r.currency,
    totalCents: Number(r.total_cents),
    leftCents: Number(r.left_cents),
  }));
}

/** The fiscal columns of a receipt or storno the device printed (or, with no device, recorded no_device). */
function printedColumns(result: FiscalReceiptResult & { taskId: string | null }) {
  return {
    fiscalised: result.fiscalised,
    fiscal_status: result.fiscalised ? ('printed' as const) : ('no_device' as const),
    fiscal_error_code: null,
    fiscal_task_id: result.taskId,
    receipt_number: result.receiptNumber,
    receipt_date_time: result.receiptDateTime,
    fiscal_memory_serial_number: result.fiscalMemorySerialNumber,
  };
}

/** The fiscal columns after a device error: printing while its task may still finish, else failed with its code. */
function failedPrintColumns(error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  const taskId = (error.options.extra as { taskId?: string } | undefined)?.taskId ?? null;
  const pending = error.code === 'fiscal_task_pending' || error.code === 'fiscal_task_unknown';
  return {
    fiscal_status: pending ? ('printing' as const) : ('failed' as const),
    fiscal_error_code: error.code,
    fiscal_task_id: taskId,
  };
}

const stornoError = (kind: 'invalid' | 'conflict', code: string, field: string, params = {}) =>
  new DomainError(kind, code, { field, params: { field, ...params } });

/**
 * A storno of a customer payment's receipt for money paid back (FIS-02, FP-05; ADR 0040), written in the refund's
 * transaction (the caller's): the receipt's row locked, at most what it sold less its earlier stornos (409
 * storno_exceeds_receipt, field given), shared over its lines by what is left of each, with the original's УНП.
 * The caller prints it after the commit (printStorno). Refusals name `field`: 400 unknown_sale_receipt; 409
 * storno_receipt_not_payment, storno_receipt_other_customer, receipt_not_issued, storno_currency_differs. With
 * "fiscal device required" on and no device: 409 fiscal_device_required.
 */
export async function paymentReceiptStornoIn(
  trx: Executor,
  actor: Actor,
  input: {
    receiptId: string;
    refundId: string;
    refundNumber: string;
    reason: StornoBody['reason'];
    method: 'cash' | 'card';
    amountCents: number;
    currency: string;
    partyId: string;
    field: string;
  },
): Promise<string> {
  const row = await repo.lockReceipt(trx, input.receiptId);
  if (!row) throw stornoError('invalid', 'unknown_sale_receipt', input.field);
  // The storno goes to the device the receipt was numbered on (ADR 0041), whichever workstation pays back.
  await assertFiscalSaleAllowed(trx, await isFiscalDeviceRequired(trx), row.device_id);
  const number = row.number ?? '—';
  if (!row.payment_id) throw stornoError('conflict', 'storno_receipt_not_payment', input.field, { number });
  if (row.party_id !== input.partyId)
    throw stornoError('conflict', 'storno_receipt_other_customer', input.field, { number });
  if (row.status !== 'posted') throw stornoError('conflict', 'receipt_not_issued', input.field, { number });
  if (row.currency !== input.currency)
    throw stornoError('conflict', 'storno_currency_differs', input.field, { number, currency: row.currency });
  const lines = await repo.linesOf(trx, row.id);
  const done = await repo.stornoedByPosition(trx, row.id);
  const left = lines.map((l) => ({
    line: l,
    leftCents: Number(l.total_cents) - (done.get(l.position) ?? 0),
  }));
  const leftCents = left.reduce((s, l) => s + Math.max(0, l.leftCents), 0);
  if (input.amountCents > leftCents)
    throw stornoError('conflict', 'storno_exceeds_receipt', input.field, {
      number,
      left: (leftCents / 100).toFixed(2),
    });
  const shares = stornoShares(
    left.map((l) => ({ position: l.line.position, leftCents: l.leftCents })),
    input.amountCents,
  );
  const id = newId();
  const now = nowIso();
  const stornoLines = shares.map((sh) => {
    const line = lines.find((l) => l.position === sh.position) as LineRow;
    const net = mulDivRound(sh.totalCents, 10_000, 10_000 + line.vat_rate_bp);
    return {
      id: newId(),
      storno_id: id,
      position: sh.position,
      description: line.description,
      vat_rate_bp: line.vat_rate_bp,
      net_cents: net,
      vat_cents: sh.totalCents - net,
      total_cents: sh.totalCents,
    };
  });
  const net = stornoLines.reduce((s, l) => s + l.net_cents, 0);
  await repo.insertStorno(trx, {
    id,
    receipt_id: row.id,
    refund_id: input.refundId,
    reason: input.reason,
    payment_method: input.method,
    currency: row.currency,
    net_cents: net,
    vat_cents: input.amountCents - net,
    total_cents: input.amountCents,
    unique_sale_number: row.unique_sale_number,
    fiscalised: false,
    fiscal_status: 'printing',
    fiscal_error_code: null,
    fiscal_task_id: null,
    receipt_number: null,
    receipt_date_time: null,
    fiscal_memory_serial_number: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await repo.insertStornoLines(trx, stornoLines);
  await recordAudit(trx, actor, {
    action: 'sale_receipt.refund_storno',
    entity: 'sale_receipt',
    entityId: row.id,
    after: {
      number,
      uniqueSaleNumber: row.unique_sale_number,
      refund: input.refundNumber,
      reason: input.reason,
      method: input.method,
      totalCents: input.amountCents,
      leftCents: leftCents - input.amountCents,
      original: {
        receiptNumber: row.receipt_number,
        receiptDateTime: row.receipt_date_time,
        fiscalMemorySerialNumber: row.fiscal_memory_serial_number,
      },
    },
  });
  return id;
}

/**
 * Prints a refund's storno on the fiscal device (FIS-02, FP-05): the original's УНП, number, date-time and fiscal
 * memory, the reason, what is stornoed of each line, paid back by the refund's method. Called after the refund's
 * commit and again by "print again" (POST /sale-receipt-stornos/:id/print): printed or no_device answers as it is
 * (never printed twice); a device error leaves it failed (printing for a lost task) with its code. The original not
 * printed yet: failed with storno_original_not_printed (print the original first); the original recorded with no
 * device: no_device. The device's clock does not hold a storno back (ADR 0037).
 */
export async function printStorno(db: Db, actor: Actor, id: string): Promise<SaleReceiptStorno> {
  const storno = await getStorno(db, id);
  if (storno.fiscalStatus === 'printed' || storno.fiscalStatus === 'no_device') return storno;
  const original = await getReceipt(db, storno.receiptId);
  let columns: Parameters<typeof repo.updateStorno>[2];
  const o = storno.original;
  if (original.fiscalStatus === 'no_device') {
    columns = { fiscal_status: 'no_device', fiscal_error_code: null, fiscalised: false };
  } else if (
    original.fiscalStatus !== 'printed' ||
    !o.receiptNumber ||
    !o.receiptDateTime ||
    !o.fiscalMemorySerialNumber
  ) {
    columns = { fiscal_status: 'failed', fiscal_error_code: 'storno_original_not_printed' };
  } else {
    try {
      const lines: FiscalSaleLine[] = [];
      for (const l of storno.lines)
        lines.push({
          text: l.description,
          quantityMilli: 1000,
          unitPriceCents: l.totalCents,
          taxGroup: await fiscalTaxGroupOf(db, l.vatRateBp),
        });
      const result = await printStornoReceipt(
        db,
        actor,
        {
          uniqueSaleNumber: storno.uniqueSaleNumber,
          currency: storno.currency as 'BGN' | 'EUR',
          lines,
          payments: [{ type: storno.method, amountCents: storno.totalCents }],
          footer: [`Бележка ${storno.receiptNumber}`],
          reason: storno.reason,
          original: {
            receiptNumber: o.receiptNumber,
            receiptDateTime: o.receiptDateTime,
            fiscalMemorySerialNumber: o.fiscalMemorySerialNumber,
          },
        },
        original.deviceId,
      );
      columns = printedColumns(result);
    } catch (error) {
      columns = failedPrintColumns(error);
    }
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateStorno(trx, id, { ...columns, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: 'sale_receipt.storno_print',
      entity: 'sale_receipt',
      entityId: storno.receiptId,
      after: {
        number: storno.receiptNumber,
        uniqueSaleNumber: storno.uniqueSaleNumber,
        fiscalStatus: columns.fiscal_status,
        ...(columns.receipt_number ? { stornoReceiptNumber: columns.receipt_number } : {}),
        ...(columns.fiscal_error_code ? { errorCode: columns.fiscal_error_code } : {}),
      },
    });
  });
  return getStorno(db, id);
}
