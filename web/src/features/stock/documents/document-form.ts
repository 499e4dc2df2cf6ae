/**
 * A stock document as the editor holds it (text as typed) and the request body the server takes (integer
 * thousandths and cents). Which fields a document shows depends on its type, and only those are sent.
 */
import { lineAmount } from '@servix/server/kernel/money';
import type {
  CreateDocumentBody,
  StockDocument,
  StockDocumentType,
  UpdateDocumentBody,
} from '@servix/server/modules/stock/stock.schema';
import type { z } from 'zod';
import type { Locale } from '../../../i18n';
import type { FieldOf } from '../../../ui/forms';
import { lineInputOf, sentRows } from '../../../ui/lines-editor';
import {
  centsToText,
  milliToText,
  textToCents,
  groupedTextToMilli as textToMilli,
} from '../../../ui/typed-values';

export interface LineValues {
  /** A stable React key for the row (the server's line id once saved). */
  key: string;
  partId: string | null;
  /** "CODE — name (unit)", shown by the picker before the parts are searched. */
  partLabel: string;
  unit: string;
  quantity: string;
  counted: string;
  unitCost: string;
  serialNumbers: string;
}

export interface DocumentValues {
  documentDate: string | null;
  warehouseId: string | null;
  toWarehouseId: string | null;
  supplierId: string | null;
  supplierName: string;
  supplierDocNumber: string;
  supplierDocDate: string | null;
  reason: string;
  landedCost: string;
  notes: string;
  lines: LineValues[];
}

/** Which header fields each type has. */
export const HAS = {
  toWarehouse: (type: StockDocumentType) => type === 'transfer',
  supplier: (type: StockDocumentType) => type === 'receipt',
  reason: (type: StockDocumentType) => type === 'issue' || type === 'writeoff' || type === 'count',
  reasonRequired: (type: StockDocumentType) => type === 'issue' || type === 'writeoff',
  unitCost: (type: StockDocumentType) => type === 'receipt',
  counted: (type: StockDocumentType) => type === 'count',
};

let nextKey = 0;
export const newLineKey = () => `new-${++nextKey}`;

export function emptyLine(): LineValues {
  return {
    key: newLineKey(),
    partId: null,
    partLabel: '',
    unit: '',
    quantity: '',
    counted: '',
    unitCost: '',
    serialNumbers: '',
  };
}

export function newDocumentValues(warehouseId: string | null = null): DocumentValues {
  return {
    documentDate: null,
    warehouseId,
    toWarehouseId: null,
    supplierId: null,
    supplierName: '',
    supplierDocNumber: '',
    supplierDocDate: null,
    reason: '',
    landedCost: '',
    notes: '',
    lines: [emptyLine()],
  };
}

export const partLabel = (p: { code: string; name: string }) => `${p.code} — ${p.name}`;

/** A saved draft back into the editor. */
export function toDocumentValues(doc: StockDocument, locale: Locale): DocumentValues {
  return {
    documentDate: doc.documentDate,
    warehouseId: doc.warehouseId,
    toWarehouseId: doc.toWarehouseId,
    supplierId: doc.supplierId,
    supplierName: doc.supplierName ?? '',
    supplierDocNumber: doc.supplierDocNumber ?? '',
    supplierDocDate: doc.supplierDocDate,
    reason: doc.reason ?? '',
    landedCost: doc.landedCostCents ? centsToText(doc.landedCostCents, locale) : '',
    notes: doc.notes ?? '',
    lines: doc.lines.map((l) => ({
      key: l.id,
      partId: l.partId,
      partLabel: partLabel({ code: l.partCode, name: l.partName }),
      unit: l.unit,
      quantity: l.quantityMilli === null ? '' : milliToText(l.quantityMilli, locale),
      counted: l.countedMilli === null ? '' : milliToText(l.countedMilli, locale),
      unitCost:
        l.unitCostCents === null || l.unitCostCents === undefined ? '' : centsToText(l.unitCostCents, locale),
      serialNumbers: l.serialNumbers ?? '',
    })),
  };
}

const blank = (s: string) => s.trim() === '';
/** A row with no part and no quantity is not sent (a new document starts with one). */
export const isEmptyLine = (l: LineValues) => l.partId === null && blank(l.quantity) && blank(l.counted);
const text = (s: string) => (blank(s) ? null : s.trim());
/** clientErrors stops a send with untyped numbers first; should one slip through, -1 makes the server name it. */
const milliOrInvalid = (s: string) => {
  const n = textToMilli(s);
  return Number.isNaN(n) ? -1 : n;
};
const centsOrInvalid = (s: string) => {
  const n = textToCents(s);
  return Number.isNaN(n) ? -1 : n;
};

/** The body of a create or a whole-draft update: only the fields the type has, empty rows left out. */
export function toUpdateBody(type: StockDocumentType, v: DocumentValues): z.input<typeof UpdateDocumentBody> {
  const lines = v.lines
    .filter((l) => !isEmptyLine(l))
    .map((l) => ({
      partId: l.partId ?? '',
      ...(HAS.counted(type)
        ? { countedMilli: blank(l.counted) ? undefined : milliOrInvalid(l.counted) }
        : { quantityMilli: blank(l.quantity) ? undefined : milliOrInvalid(l.quantity) }),
      ...(HAS.unitCost(type)
        ? { unitCostCents: blank(l.unitCost) ? undefined : centsOrInvalid(l.unitCost) }
        : {}),
      serialNumbers: text(l.serialNumbers),
    }));
  return {
    documentDate: v.documentDate ?? undefined,
    warehouseId: v.warehouseId ?? '',
    ...(HAS.toWarehouse(type) ? { toWarehouseId: v.toWarehouseId } : {}),
    ...(HAS.supplier(type)
      ? {
          supplierId: v.supplierId,
          supplierDocNumber: text(v.supplierDocNumber),
          supplierDocDate: v.supplierDocDate,
          landedCostCents: blank(v.landedCost) ? null : centsOrInvalid(v.landedCost),
        }
      : {}),
    ...(HAS.reason(type) ? { reason: text(v.reason) } : {}),
    notes: text(v.notes),
    lines,
  };
}

export function toCreateBody(type: StockDocumentType, v: DocumentValues): z.input<typeof CreateDocumentBody> {
  return { type, ...toUpdateBody(type, v) };
}

/** Problems the editor can tell before asking the server, keyed by the editor's inputs. */
export function clientErrors(
  type: StockDocumentType,
  v: DocumentValues,
  messages: { required: string; quantity: string; amount: string; sameWarehouse: string; noLines: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.warehouseId) errors.warehouseId = messages.required;
  if (HAS.toWarehouse(type)) {
    if (!v.toWarehouseId) errors.toWarehouseId = messages.required;
    else if (v.toWarehouseId === v.warehouseId) errors.toWarehouseId = messages.sameWarehouse;
  }
  if (HAS.reasonRequired(type) && blank(v.reason)) errors.reason = messages.required;
  if (HAS.supplier(type) && !blank(v.landedCost) && !(textToCents(v.landedCost) >= 0))
    errors.landedCost = messages.amount;
  let filled = 0;
  v.lines.forEach((l, i) => {
    if (isEmptyLine(l)) return;
    filled++;
    if (!l.partId) errors[`lines.${i}.partId`] = messages.required;
    if (HAS.counted(type)) {
      if (blank(l.counted)) errors[`lines.${i}.counted`] = messages.required;
      else if (!(textToMilli(l.counted) >= 0)) errors[`lines.${i}.counted`] = messages.quantity;
    } else if (blank(l.quantity)) errors[`lines.${i}.quantity`] = messages.required;
    else if (!(textToMilli(l.quantity) > 0)) errors[`lines.${i}.quantity`] = messages.quantity;
    if (HAS.unitCost(type)) {
      if (blank(l.unitCost)) errors[`lines.${i}.unitCost`] = messages.required;
      else if (!(textToCents(l.unitCost) >= 0)) errors[`lines.${i}.unitCost`] = messages.amount;
    }
  });
  if (filled === 0) errors.lines = messages.noLines;
  return errors;
}

const RENAMED: Record<string, string> = { landedCostCents: 'landedCost' };
/** The input of each server field of a line. */
const LINE_INPUTS = {
  partId: 'partId',
  quantityMilli: 'quantity',
  countedMilli: 'counted',
  unitCostCents: 'unitCost',
  serialNumbers: 'serialNumbers',
};
const HEADER_INPUTS = [
  'documentDate',
  'warehouseId',
  'toWarehouseId',
  'supplierId',
  'supplierDocNumber',
  'supplierDocDate',
  'reason',
  'landedCost',
  'notes',
];

/**
 * Server field paths to the editor's inputs: "lines.2.quantityMilli" → "lines.5.quantity" when empty rows
 * were left out before it (the server's line i is editor row sentIndexes[i]).
 */
export function documentFieldOf(sentIndexes: readonly number[]): FieldOf {
  return (field) => {
    const line = lineInputOf(field, sentIndexes, LINE_INPUTS);
    if (line !== undefined) return line;
    const input = RENAMED[field] ?? field;
    return HEADER_INPUTS.includes(input) ? input : null;
  };
}

/** The editor rows that are sent (not empty), in order: the server's line i is editor row sentIndexes[i]. */
export function sentLineIndexes(v: DocumentValues): number[] {
  return sentRows(v.lines, isEmptyLine);
}

/** A receipt line's value as typed (quantity × unit cost, rounded half away from zero); null until both parse. */
export function typedLineValue(l: LineValues): number | null {
  const q = textToMilli(l.quantity);
  const c = textToCents(l.unitCost);
  if (!(q > 0) || !(c >= 0)) return null;
  return lineAmount(q, c);
}

export interface ScannedPart {
  id: string;
  label: string;
  unit: string;
  typicalCostCents: number | null;
}

/**
 * A scanned part: one more unit on its line (the counted quantity on a count), or a new line of one unit, in the
 * first empty row if there is one; a receipt's new line starts at the part's typical cost.
 */
export function addScanned(
  type: StockDocumentType,
  v: DocumentValues,
  part: ScannedPart,
  locale: Locale,
): DocumentValues {
  const field = HAS.counted(type) ? 'counted' : 'quantity';
  const plusOne = (text: string) => {
    const milli = textToMilli(text);
    return milliToText((Number.isNaN(milli) ? 0 : milli) + 1000, locale);
  };
  const existing = v.lines.findIndex((l) => l.partId === part.id);
  if (existing >= 0)
    return {
      ...v,
      lines: v.lines.map((l, i) => (i === existing ? { ...l, [field]: plusOne(l[field]) } : l)),
    };
  const line: LineValues = {
    ...emptyLine(),
    partId: part.id,
    partLabel: part.label,
    unit: part.unit,
    [field]: milliToText(1000, locale),
    unitCost:
      HAS.unitCost(type) && part.typicalCostCents !== null ? centsToText(part.typicalCostCents, locale) : '',
  };
  const empty = v.lines.findIndex(isEmptyLine);
  return {
    ...v,
    lines:
      empty >= 0 ? v.lines.map((l, i) => (i === empty ? { ...line, key: l.key } : l)) : [...v.lines, line],
  };
}
