import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import {
  MAX_AMOUNT_CENTS,
  MAX_LEVEL_MILLI,
  MAX_LINES,
  MAX_QUANTITY_MILLI,
  MAX_UNIT_CENTS,
} from '../../kernel/limits';

const code = (c: string) => ({ params: { code: c } });
const Id = TrimmedId;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

/** Upper bound of a line's quantity: 100,000 units, in thousandths (kernel/limits.ts). */
export const MAX_STOCK_MILLI = MAX_QUANTITY_MILLI;
/** Upper bound of a unit cost: 100,000 euro (kernel/limits.ts). */
export const MAX_STOCK_CENTS = MAX_UNIT_CENTS;

export const WAREHOUSE_KINDS = ['store', 'van'] as const;
export const WarehouseKind = z.enum(WAREHOUSE_KINDS);
export type WarehouseKind = z.infer<typeof WarehouseKind>;

export const DOCUMENT_TYPES = ['receipt', 'issue', 'transfer', 'writeoff', 'count'] as const;
export const StockDocumentType = z.enum(DOCUMENT_TYPES);
export type StockDocumentType = z.infer<typeof StockDocumentType>;

export const DOCUMENT_STATUSES = ['draft', 'posted', 'reversed'] as const;
export const StockDocumentStatus = z.enum(DOCUMENT_STATUSES);
export type StockDocumentStatus = z.infer<typeof StockDocumentStatus>;

export const RESERVATION_STATUSES = ['active', 'released', 'consumed'] as const;
export const ReservationStatus = z.enum(RESERVATION_STATUSES);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

/** Warehouse codes: upper-case ASCII letters, digits and . _ - (lower case is upper-cased). */
export const WarehouseCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-Z0-9][A-Z0-9_.-]*$/.test(s), code('invalid_code'));

// ---------------------------------------------------------------- warehouses

export const Warehouse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: WarehouseKind,
  technicianId: z.string().nullable().describe("A van's technician"),
  technicianName: z.string().nullable(),
  molName: z
    .string()
    .nullable()
    .describe('The accountable person (МОЛ) who signs its documents: as set, else the van’s technician'),
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Warehouse = z.infer<typeof Warehouse>;

export const CreateWarehouseBody = z
  .strictObject({
    code: WarehouseCode,
    name: z.string().trim().min(1).max(200),
    kind: WarehouseKind.default('store'),
    technicianId: Id.nullish().describe(
      'Required for a van, not allowed for a store; one van per technician',
    ),
    molName: optionalText(200),
  })
  .superRefine((w, ctx) => {
    if (w.kind === 'van' && !w.technicianId)
      ctx.addIssue({
        code: 'custom',
        path: ['technicianId'],
        params: { code: 'required' },
        message: 'required',
      });
    if (w.kind === 'store' && w.technicianId)
      ctx.addIssue({
        code: 'custom',
        path: ['technicianId'],
        params: { code: 'not_for_store' },
        message: 'a store has no technician',
      });
  });
export type CreateWarehouseBody = z.infer<typeof CreateWarehouseBody>;

/** The kind never changes; a van can move to another technician. */
export const UpdateWarehouseBody = z.strictObject({
  code: WarehouseCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  technicianId: Id.optional().describe('Vans only'),
  molName: optionalText(200),
});
export type UpdateWarehouseBody = z.infer<typeof UpdateWarehouseBody>;

// ---------------------------------------------------------------- documents

const Quantity = z.number().int().positive().max(MAX_STOCK_MILLI);

export const DocumentLineInput = z.strictObject({
  partId: Id,
  quantityMilli: Quantity.optional().describe('Thousandths of the unit, > 0; every type but count'),
  countedMilli: z
    .number()
    .int()
    .min(0)
    .max(MAX_LEVEL_MILLI)
    .optional()
    .describe('Counts only: the quantity found on the shelf, ≥ 0'),
  unitCostCents: z
    .number()
    .int()
    .min(0)
    .max(MAX_STOCK_CENTS)
    .optional()
    .describe('Receipts only: the supplier’s unit price without VAT; other types move at the average cost'),
  serialNumbers: optionalText(2000),
});
export type DocumentLineInput = z.infer<typeof DocumentLineInput>;

const DocumentFields = {
  documentDate: IsoDate.optional().describe('Default: today (Europe/Sofia); never in the future'),
  warehouseId: Id.describe('Where the stock comes in or goes out (transfers: from)'),
  toWarehouseId: Id.nullish().describe('Transfers only: the receiving warehouse, not the same one'),
  supplierId: Id.nullish().describe('Receipts only: the supplier (required to post)'),
  supplierDocNumber: optionalText(50).describe('Receipts: the supplier’s invoice or delivery note number'),
  supplierDocDate: IsoDate.nullish(),
  reason: optionalText(500).describe('Required for write-offs and manual issues'),
  landedCostCents: z
    .number()
    .int()
    .min(0)
    .max(MAX_AMOUNT_CENTS)
    .nullish()
    .describe('Receipts only: transport, customs… allocated to the lines by value'),
  notes: optionalText(2000),
  lines: z.array(DocumentLineInput).max(MAX_LINES).default([]),
};

export const CreateDocumentBody = z.strictObject({ type: StockDocumentType, ...DocumentFields });
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

/** Replaces the whole draft (header and lines); the type never changes. */
export const UpdateDocumentBody = z.strictObject(DocumentFields);
export type UpdateDocumentBody = z.infer<typeof UpdateDocumentBody>;

export const ReverseDocumentBody = z.strictObject({
  documentDate: IsoDate.optional().describe(
    "Default: the reversed document's own date (it is cancelled as if never posted); a later date undoes it on that date",
  ),
  reason: optionalText(500),
});
export type ReverseDocumentBody = z.infer<typeof ReverseDocumentBody>;

/**
 * A cost or a value in cents: only for the roles that may see the valuation (STOCK_FIELDS in stock.access.ts); the
 * key is left out of the answer for every other role.
 */
const CostCents = z.number().int().optional();
const CostCentsOrNull = z.number().int().nullable().optional();

export const StockDocumentLine = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  unit: z.string(),
  quantityMilli: z.number().int().nullable(),
  countedMilli: z.number().int().nullable(),
  bookMilli: z.number().int().nullable().describe('Counts: on the books when posted'),
  differenceMilli: z.number().int().nullable().describe('Counts: counted − book, once posted'),
  unitCostCents: CostCentsOrNull,
  landedCostCents: CostCents,
  valueCents: CostCentsOrNull.describe('Once posted (receipts: also in drafts); counts: signed'),
  serialNumbers: z.string().nullable(),
  reservationId: z.string().nullable(),
  sourceLineId: z.string().nullable(),
});
export type StockDocumentLine = z.infer<typeof StockDocumentLine>;

const DocumentCore = {
  id: z.string(),
  type: StockDocumentType,
  status: StockDocumentStatus,
  number: z.string().nullable().describe('Taken at posting: drafts have none'),
  documentDate: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  toWarehouseId: z.string().nullable(),
  toWarehouseCode: z.string().nullable(),
  toWarehouseName: z.string().nullable(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  supplierDocNumber: z.string().nullable(),
  supplierDocDate: z.string().nullable(),
  reason: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  landedCostCents: CostCents,
  totalValueCents: CostCents,
  notes: z.string().nullable(),
  reversalOfId: z.string().nullable(),
  reversedById: z.string().nullable(),
  postedAt: z.string().nullable(),
  postedBy: z.string().nullable().describe('The user who posted it'),
  postedByName: z.string().nullable(),
  createdBy: z.string().nullable().describe('The user who drafted it'),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const StockDocumentListItem = z.object({ ...DocumentCore, lineCount: z.number().int() });
export type StockDocumentListItem = z.infer<typeof StockDocumentListItem>;

export const StockDocument = z.object({ ...DocumentCore, lines: z.array(StockDocumentLine) });
export type StockDocument = z.infer<typeof StockDocument>;

// ---------------------------------------------------------------- levels, card, low stock, valuation

export const StockLevel = z.object({
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  unit: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  warehouseKind: WarehouseKind,
  onHandMilli: z.number().int(),
  reservedMilli: z.number().int(),
  availableMilli: z.number().int(),
  avgCostCents: CostCents,
  valueCents: CostCents,
  minStockMilli: z.number().int(),
});
export type StockLevel = z.infer<typeof StockLevel>;

export const StockAvailability = z.object({
  partId: z.string(),
  warehouseId: z.string(),
  date: z.string(),
  onHandMilli: z.number().int().describe('On hand at the end of the date'),
  reservedMilli: z.number().int().describe('Reserved now'),
  availableMilli: z
    .number()
    .int()
    .describe(
      'What a document of the date may take: the lowest balance from the end of that day on, less reserved',
    ),
  limitedOn: z.string().nullable().describe('The later date whose balance sets availableMilli, if any'),
});
export type StockAvailability = z.infer<typeof StockAvailability>;

export const PartCardMovement = z.object({
  id: z.string(),
  at: z.string(),
  date: z.string(),
  documentId: z.string(),
  documentType: StockDocumentType,
  documentNumber: z.string(),
  isReversal: z.boolean(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  quantityMilli: z.number().int(),
  unitCostCents: CostCents,
  valueCents: CostCents,
  balanceMilli: z.number().int().describe('Running on hand over the movements shown'),
  balanceValueCents: CostCents,
});
export type PartCardMovement = z.infer<typeof PartCardMovement>;

export const PartCard = z.object({
  part: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    minStockMilli: z.number().int(),
    typicalCostCents: CostCentsOrNull,
  }),
  levels: z.array(StockLevel).describe('Per warehouse: on hand, reserved, average cost, value'),
  openingMilli: z.number().int().describe('On hand before `from` (0 without it)'),
  openingValueCents: CostCents,
  movements: z.array(PartCardMovement),
});
export type PartCard = z.infer<typeof PartCard>;

export const LowStockPart = z.object({
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  unit: z.string(),
  minStockMilli: z.number().int(),
  onHandMilli: z.number().int(),
  reservedMilli: z.number().int(),
  availableMilli: z.number().int().describe('Over all warehouses and vans'),
  suggestedMilli: z.number().int().describe('2 × minimum − available, rounded up to whole units'),
  lastUnitCostCents: CostCentsOrNull,
  lastReceiptDate: z.string().nullable(),
});
export type LowStockPart = z.infer<typeof LowStockPart>;

export const LowStockGroup = z.object({
  supplierId: z
    .string()
    .nullable()
    .describe('The last supplier that delivered the parts; null: never received'),
  supplierName: z.string().nullable(),
  parts: z.array(LowStockPart),
});
export type LowStockGroup = z.infer<typeof LowStockGroup>;

export const LowStock = z.object({ groups: z.array(LowStockGroup), partCount: z.number().int() });
export type LowStock = z.infer<typeof LowStock>;

export const ValuationLine = z.object({
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  unit: z.string(),
  quantityMilli: z.number().int(),
  valueCents: z.number().int(),
});
export type ValuationLine = z.infer<typeof ValuationLine>;

export const Valuation = z.object({
  date: z.string(),
  totalValueCents: z.number().int(),
  warehouses: z.array(
    z.object({
      warehouseId: z.string(),
      warehouseCode: z.string(),
      warehouseName: z.string(),
      valueCents: z.number().int(),
      parts: z.array(ValuationLine),
    }),
  ),
});
export type Valuation = z.infer<typeof Valuation>;

export const Reservation = z.object({
  id: z.string(),
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  quantityMilli: z.number().int(),
  sourceType: z.string(),
  sourceId: z.string(),
  sourceLineId: z.string().nullable(),
  status: ReservationStatus,
  consumedByDocumentId: z.string().nullable(),
  releasedAt: z.string().nullable(),
  consumedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Reservation = z.infer<typeof Reservation>;

export const LevelMismatch = z.object({
  partId: z.string(),
  warehouseId: z.string(),
  field: z.enum(['onHandMilli', 'reservedMilli', 'valueCents', 'avgCostCents']),
  stored: z.number().int(),
  expected: z.number().int().describe('From the ledger (reserved: from active reservations)'),
});
export type LevelMismatch = z.infer<typeof LevelMismatch>;

export const LevelCheck = z.object({
  consistent: z.boolean(),
  levelCount: z.number().int(),
  movementCount: z.number().int(),
  mismatches: z.array(LevelMismatch),
});
export type LevelCheck = z.infer<typeof LevelCheck>;
