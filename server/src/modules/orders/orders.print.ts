/**
 * The print data of a service order's documents (intake protocol, work report, warranty protocol, warranty card):
 * the order as `getOrder` answers it (header, lines, totals, VAT per rate, warranty records) with the company's
 * requisites and logo, the customer's requisites and the item, read through the company, parties and items modules.
 */

import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { roundHalfAwayFromZero } from '../../kernel/money';
import { getCompanySettings, getLogoDataUrl } from '../company';
import { getItem } from '../items';
import { findSiteById, getPartyRequisites } from '../parties';
import { countOrderPhotos } from './orders.photos';
import type { OrderPrint, OrderPrintLine, OrderPrintSignature } from './orders.print.model';
import * as repo from './orders.repository';
import type { OrderDetail, OrderLine } from './orders.schema';
import { addEvent, createStatusLink, statusPath } from './orders.service';
import { signatureForPrint } from './orders.signature';
import { visitsOfOrder } from './orders.visits';

/** The quantity billed: the used quantity once set, else the planned one. */
const billedMilli = (l: OrderLine) => l.usedQuantityMilli ?? l.quantityMilli;

/** Quantity × the catalogue price, without the discount: the line's value in a warranty claim. */
function listValueCents(l: OrderLine): number {
  return Number(roundHalfAwayFromZero(BigInt(billedMilli(l)) * BigInt(l.listPriceCents), 1000n));
}

function printLine(l: OrderLine): OrderPrintLine {
  return {
    position: l.position,
    kind: l.kind,
    code: l.partCode,
    description: l.description,
    unit: l.unit,
    quantityMilli: billedMilli(l),
    unitPriceCents: l.unitPriceCents,
    listPriceCents: l.listPriceCents,
    discountBp: l.discountBp,
    vatRateBp: l.vatRateBp,
    payer: l.payer,
    payerReason: l.payerReason,
    netCents: l.netCents,
    customerNetCents: l.customerNetCents,
    listValueCents: listValueCents(l),
    fittedSerial: l.fittedSerial,
    removedSerial: l.removedSerial,
    removedDisposition: l.removedDisposition,
    unitCostCents: l.unitCostCents ?? null,
    normMinutes: l.normMinutes,
    actualMinutes: l.actualMinutes,
    technicians: l.technicians.map((t) => ({ name: t.name, shareBp: t.shareBp })),
  };
}

/** The order's signature as the work report prints it, or null when it is not signed. */
async function signatureOf(db: Executor, orderId: string): Promise<OrderPrintSignature | null> {
  const signed = await signatureForPrint(db, orderId);
  if (!signed) return null;
  return {
    imageDataUrl: `data:image/png;base64,${signed.data.toString('base64')}`,
    signerName: signed.signature.signerName,
    signedAt: signed.signature.signedAt,
  };
}

/**
 * The print data of an order read with `getOrder` (its cost fields already stripped for readers who may not see
 * them). `workReport` also reads what only the work report prints: the booked visits and the customer's signature.
 */
export async function orderPrintOf(
  db: Executor,
  order: OrderDetail,
  options: { workReport?: boolean } = {},
): Promise<OrderPrint> {
  const [visits, signature] = options.workReport
    ? await Promise.all([visitsOfOrder(db, order.id), signatureOf(db, order.id)])
    : [[], null];
  const [company, logoDataUrl, customer, item, site, photoCount] = await Promise.all([
    getCompanySettings(db),
    getLogoDataUrl(db),
    getPartyRequisites(db, order.partyId),
    getItem(db, order.itemId),
    order.siteId ? findSiteById(db, order.siteId) : Promise.resolve(null),
    countOrderPhotos(db, order.id),
  ]);
  const lines = [...order.lines].sort((a, b) => a.position - b.position).map(printLine);
  const claim = (payer: OrderPrintLine['payer']) =>
    lines.filter((l) => l.payer === payer).reduce((sum, l) => sum + l.listValueCents, 0);
  const descriptionOfLine = new Map(order.lines.map((l) => [l.id, l.description]));
  return {
    company,
    logoDataUrl,
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      location: order.location,
      receivedAt: order.receivedAt,
      receivedByName: order.receivedByName,
      promisedDate: order.promisedDate,
      complaint: order.complaint,
      accessories: order.accessories,
      conditionNotes: order.conditionNotes,
      photoCount,
      diagnosis: order.diagnosis,
      customerNotes: order.customerNotes,
      technicianName: order.technicianName,
      finishedAt: order.finishedAt,
      deliveredAt: order.deliveredAt,
    },
    customer,
    site: site
      ? { name: site.name, address: [site.city, site.address].filter(Boolean).join(', ') || null }
      : null,
    item: {
      brandName: item.brandName,
      modelName: item.modelName,
      serialNumber: item.serialNumber,
      warrantyEnd: order.manufacturerWarranty.warrantyEnd,
      underWarranty: order.manufacturerWarranty.underWarranty,
      purchaseDate: item.purchaseDate,
      warrantyDocNumber: item.warrantyDocNumber,
    },
    lines,
    totals: {
      customerNetCents: order.totals.netCents,
      customerVatCents: order.totals.vatCents,
      customerTotalCents: order.totals.totalCents,
      vat: order.vatByRate.map((r) => ({
        vatRateBp: r.vatRateBp,
        baseCents: r.baseCents,
        vatCents: r.vatCents,
      })),
      claims: {
        manufacturer_warranty: claim('manufacturer_warranty'),
        shop_warranty: claim('shop_warranty'),
        contract: claim('contract'),
      },
    },
    warrantyRecords: order.warrantyRecords.map((r) => ({
      kind: r.kind,
      description: r.description ?? (r.lineId ? descriptionOfLine.get(r.lineId) : undefined) ?? '',
      serial: r.serial,
      fittedOn: r.fittedOn,
      months: r.months,
      validUntil: r.validUntil,
      status: r.status,
    })),
    visits: visits.map((v) => ({ startAt: v.startAt, endAt: v.endAt, technicians: v.technicians })),
    signature,
  };
}

/**
 * The status link the intake protocol prints (ADR 12). Only the token's hash is kept, so a print shows the active
 * link as a QR code only with its token (the intake answers it once; the desk prints with it). A reprint without it
 * keeps the active link working (a GET never takes away the link the customer already has) and prints no QR code,
 * only that the link given at intake still works; a new link is made only when asked (`renew`, for those who may
 * make links): the old one stops working and the timeline says the protocol was printed with a new link.
 */
export async function intakeStatusLink(
  db: Db,
  actor: Actor,
  orderId: string,
  options: { token: string | null; mayRenew: boolean; renew?: boolean },
): Promise<{ path: string | null; kept: boolean }> {
  const active = await repo.activeLinkOf(db, orderId);
  if (options.token && active) {
    const hash = createHash('sha256').update(options.token).digest('hex');
    if (active.token_hash === hash) return { path: statusPath(options.token), kept: false };
  }
  if (!options.renew || !options.mayRenew)
    return { path: null, kept: active !== undefined && active !== null };
  const link = await createStatusLink(db, actor, orderId);
  await addEvent(db, actor, orderId, 'printed', { details: { document: 'intake', newLink: true } });
  return { path: link.url, kept: false };
}
