/**
 * Everything a printed stock document needs (STK-01..06), so the PDF layer only lays it out: the company's and the
 * supplier's requisites, the warehouses with their МОЛ, the lines with code, name, unit, quantity, unit cost and
 * value, the totals, and who signs.
 */
import type { Executor } from '../../db/database';
import { documentPrintHeader } from '../../db/document-lifecycle';
import { type CompanySettings, getCompanySettings } from '../company';
import { getPartyRequisites, type PartyRequisites } from '../parties';
import * as repo from './stock.repository';
import type { StockDocument, StockDocumentType, Warehouse } from './stock.schema';
import { getDocument, STOCK_DOCUMENT } from './stock.service';
import { toWarehouse } from './stock.warehouses';

/** Bulgarian titles of the printed documents (the PDF may translate them). */
export const DOCUMENT_TITLES: Record<StockDocumentType, { bg: string; en: string }> = {
  receipt: { bg: 'Складова разписка', en: 'Stock receipt' },
  issue: { bg: 'Искане за материали (стокова разписка)', en: 'Goods issue note' },
  transfer: { bg: 'Протокол за прехвърляне между складове', en: 'Warehouse transfer note' },
  writeoff: { bg: 'Протокол за бракуване', en: 'Write-off protocol' },
  count: { bg: 'Инвентаризационен опис', en: 'Stock count sheet' },
};

export type SignatureRole =
  | 'delivered_by'
  | 'received_by'
  | 'issued_by'
  | 'mol'
  | 'commission_chair'
  | 'commission_member'
  | 'approved_by'
  | 'compiled_by';

export interface Signature {
  role: SignatureRole;
  /** The printed name under the line; null leaves it blank to fill in by hand. */
  name: string | null;
}

export interface StockDocumentPrint {
  title: { bg: string; en: string };
  /** A reversal prints as "СТОРНО" of the document it reverses. */
  reversalOf: { id: string; number: string | null; documentDate: string } | null;
  document: StockDocument;
  company: Pick<
    CompanySettings,
    'legalName' | 'uic' | 'vatNumber' | 'city' | 'address' | 'postcode' | 'mol' | 'phone' | 'email'
  >;
  supplier: PartyRequisites | null;
  warehouse: Warehouse;
  toWarehouse: Warehouse | null;
  totals: {
    quantityMilli: number;
    /** Receipts: quantity × unit price without landed costs. */
    goodsValueCents: number;
    landedCostCents: number;
    valueCents: number;
    /** Counts: the value of surpluses and of shortages. */
    gainsValueCents: number;
    lossesValueCents: number;
  };
  signatures: Signature[];
  compiledBy: string | null;
}

function signaturesOf(
  type: StockDocumentType,
  warehouse: Warehouse,
  toWarehouse: Warehouse | null,
  company: CompanySettings,
  compiledBy: string | null,
): Signature[] {
  const compiled: Signature = { role: 'compiled_by', name: compiledBy };
  switch (type) {
    case 'receipt':
      return [
        { role: 'delivered_by', name: null },
        { role: 'received_by', name: warehouse.molName },
        compiled,
      ];
    case 'issue':
      return [{ role: 'issued_by', name: warehouse.molName }, { role: 'received_by', name: null }, compiled];
    case 'transfer':
      return [
        { role: 'issued_by', name: warehouse.molName },
        { role: 'received_by', name: toWarehouse?.molName ?? null },
        compiled,
      ];
    case 'writeoff':
      // Drawn up by a commission appointed by the manager's order (STK-05).
      return [
        { role: 'commission_chair', name: null },
        { role: 'commission_member', name: null },
        { role: 'commission_member', name: null },
        { role: 'mol', name: warehouse.molName },
        { role: 'approved_by', name: company.mol },
      ];
    case 'count':
      return [
        { role: 'commission_chair', name: null },
        { role: 'commission_member', name: null },
        { role: 'mol', name: warehouse.molName },
        compiled,
      ];
  }
}

/** The print data of a stock document (drafts too: the PDF marks them as drafts); 404 when there is none. */
export async function getStockDocument(db: Executor, id: string): Promise<StockDocumentPrint> {
  const document = await getDocument(db, id);
  const company = await getCompanySettings(db);
  const warehouseRow = await repo.findWarehouse(db, document.warehouseId);
  const toRow = document.toWarehouseId ? await repo.findWarehouse(db, document.toWarehouseId) : undefined;
  if (!warehouseRow) throw new Error(`Warehouse ${document.warehouseId} of document ${id} is missing`);
  const warehouse = toWarehouse(warehouseRow);
  const toWh = toRow ? toWarehouse(toRow) : null;
  const supplier = document.supplierId ? await getPartyRequisites(db, document.supplierId) : null;
  // Number, dates, who drafted and posted it, and what it reverses: the same on every kind of document.
  const header = await documentPrintHeader(db, STOCK_DOCUMENT, id);
  const compiledBy = header?.compiledByName ?? null;

  let quantity = 0;
  let goods = 0;
  let gains = 0;
  let losses = 0;
  for (const l of document.lines) {
    quantity += l.quantityMilli ?? l.countedMilli ?? 0;
    if (document.type === 'receipt') goods += (l.valueCents ?? 0) - (l.landedCostCents ?? 0);
    if (document.type === 'count') {
      if ((l.valueCents ?? 0) > 0) gains += l.valueCents ?? 0;
      else losses -= l.valueCents ?? 0;
    }
  }
  return {
    title: DOCUMENT_TITLES[document.type],
    reversalOf: header?.reversalOf ?? null,
    document,
    company: {
      legalName: company.legalName,
      uic: company.uic,
      vatNumber: company.vatNumber,
      city: company.city,
      address: company.address,
      postcode: company.postcode,
      mol: company.mol,
      phone: company.phone,
      email: company.email,
    },
    supplier,
    warehouse,
    toWarehouse: toWh,
    totals: {
      quantityMilli: quantity,
      goodsValueCents: goods,
      landedCostCents: document.type === 'receipt' ? (document.landedCostCents ?? 0) : 0,
      valueCents: document.totalValueCents ?? 0,
      gainsValueCents: gains,
      lossesValueCents: losses,
    },
    signatures: signaturesOf(document.type, warehouse, toWh, company, compiledBy),
    compiledBy,
  };
}
