/**
 * The service orders API's shapes (issue 12): the order header and detail with its lines, totals and VAT per rate,
 * the intake body, the list, the board, the timeline, the settings and the public status page. Lines have the shape
 * repair quotes will share.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { MAX_NORM_MINUTES, MAX_QUANTITY_MILLI, MAX_UNIT_CENTS } from '../../kernel/limits';
import { ListQueryBase, Page, QueryBool } from '../../kernel/list-query';
import { VatRateKind } from '../../kernel/vat-rate-kinds';
import { BgVatNumber, Uic } from '../company/company.schema';
import { Email, PartyKind, Phone } from '../parties/parties.schema';
import { WarrantyEarningsRule } from './orders.earnings.schema';
import { ORDER_STATUSES } from './orders.lifecycle';

const Id = TrimmedId;
const code = (c: string) => ({ params: { code: c } });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const OrderLocation = z.enum(['shop', 'on_site']);
export type OrderLocation = z.infer<typeof OrderLocation>;
export const LineKind = z.enum(['part', 'labour', 'charge']);
export type LineKind = z.infer<typeof LineKind>;
export const LINE_PAYERS = ['customer', 'manufacturer_warranty', 'shop_warranty', 'contract'] as const;
export const LinePayer = z.enum(LINE_PAYERS);
export type LinePayer = z.infer<typeof LinePayer>;
export const RemovedDisposition = z.enum(['returned', 'scrapped', 'to_warehouse']);
export type RemovedDisposition = z.infer<typeof RemovedDisposition>;
export const ReservationState = z
  .enum(['reserved', 'partly', 'waiting', 'none'])
  .describe('Part lines: reserved in full, partly, or waiting for stock; none for labour and charges');
export type ReservationState = z.infer<typeof ReservationState>;
export const DiagnosticFee = z.enum(['charge', 'none']);
export const OverduePolicy = z.enum(['warn', 'refuse']);
export type OverduePolicy = z.infer<typeof OverduePolicy>;
export const EVENT_KINDS = [
  'created',
  'status',
  'changed',
  'note',
  'line_added',
  'line_changed',
  'line_removed',
  'payer_override',
  'finished',
  'reopened',
  'printed',
  'link_created',
  'link_revoked',
  'parts_arrived',
  'quote',
] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

// ---------------------------------------------------------------- lines

export const LineTechnician = z.object({
  technicianId: z.string(),
  name: z.string(),
  shareBp: z.number().int().describe('Share of the line in basis points; a line’s shares sum to 10000'),
});
export type LineTechnician = z.infer<typeof LineTechnician>;

export const OrderLine = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: LineKind,
  partId: z.string().nullable(),
  partCode: z.string().nullable(),
  serialTracked: z.boolean().describe('Part lines: the fitted serial is required at finishing'),
  serviceTypeId: z.string().nullable(),
  description: z.string(),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  quantityMilli: z.number().int().describe('Planned quantity in thousandths'),
  usedQuantityMilli: z.number().int().nullable().describe('Used quantity; null until set (planned is used)'),
  unit: z.string(),
  unitPriceCents: z.number().int().describe('Without VAT'),
  listPriceCents: z.number().int().describe('The catalogue price before an override'),
  priceOverrideReason: z.string().nullable(),
  discountBp: z.number().int(),
  vatRateBp: z
    .number()
    .int()
    .describe('The rate of the line’s kind valid today (ADR 0042), or its explicit rate'),
  vatRateKind: VatRateKind.nullable().describe('Null: an explicit rate (vatRateBp)'),
  vatReason: z.string().nullable(),
  payer: LinePayer,
  payerReason: z.string().nullable(),
  coveredByWarrantyId: z.string().nullable(),
  netCents: z.number().int().describe('round(quantity × price × (1 − discount)): the line’s list value'),
  customerNetCents: z
    .number()
    .int()
    .describe('What the customer pays net: netCents, or 0 when not the payer'),
  reservationState: ReservationState,
  reservedMilli: z.number().int().describe('Quantity reserved now (active reservations of the line)'),
  technicians: z.array(LineTechnician),
  normMinutes: z.number().int().nullable(),
  actualMinutes: z.number().int().nullable(),
  fittedSerial: z.string().nullable(),
  removedSerial: z.string().nullable(),
  removedDisposition: RemovedDisposition.nullable(),
  removedWarehouseId: z.string().nullable(),
  unitCostCents: z.number().int().nullable().optional().describe('Set at finishing; valuation roles only'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderLine = z.infer<typeof OrderLine>;

// ---------------------------------------------------------------- totals

export const VatByRate = z.object({
  vatRateBp: z.number().int(),
  vatExempt: z.boolean(),
  baseCents: z.number().int(),
  vatCents: z.number().int(),
});
export type VatByRate = z.infer<typeof VatByRate>;

export const OrderTotals = z.object({
  listNetCents: z.number().int().describe('Sum of every line’s net value, whoever pays'),
  netCents: z.number().int().describe('What the customer pays, without VAT'),
  vatCents: z.number().int(),
  totalCents: z.number().int().describe('netCents + vatCents'),
  partsNetCents: z.number().int(),
  labourNetCents: z.number().int(),
  chargesNetCents: z.number().int(),
  warrantyNetCents: z.number().int().describe('List value of the lines the customer does not pay'),
});
export type OrderTotals = z.infer<typeof OrderTotals>;

// ---------------------------------------------------------------- order

export const ManufacturerWarranty = z.object({
  underWarranty: z.boolean(),
  warrantyEnd: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
});
export type ManufacturerWarranty = z.infer<typeof ManufacturerWarranty>;

export const WarrantyRecord = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  lineId: z.string().nullable(),
  itemId: z.string(),
  kind: z.enum(['part', 'labour']),
  partId: z.string().nullable(),
  serviceTypeId: z.string().nullable(),
  description: z.string().nullable(),
  serial: z.string().nullable(),
  fittedOn: z.string(),
  months: z.number().int(),
  validUntil: z.string(),
  status: z.enum(['active', 'void']),
});
export type WarrantyRecord = z.infer<typeof WarrantyRecord>;

/** The order as lists, the board and the header of its page show it. */
export const OrderHeader = z.object({
  id: z.string(),
  number: z.string(),
  status: OrderStatus,
  statusChangedAt: z.string(),
  overdue: z.boolean().describe('Longer in its status than the settings’ limit for it'),
  location: OrderLocation,
  partyId: z.string(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  itemId: z.string(),
  itemLabel: z.string().describe('Brand model, serial'),
  serialNumber: z.string(),
  modelId: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  complaint: z.string(),
  accessories: z.array(z.string()),
  conditionNotes: z.string().nullable(),
  receivedBy: z.string().nullable(),
  receivedByName: z.string().nullable(),
  receivedAt: z.string(),
  promisedDate: z.string().nullable(),
  diagnosis: z.string().nullable(),
  internalNotes: z.string().nullable(),
  customerNotes: z.string().nullable(),
  technicianId: z.string().nullable(),
  technicianName: z.string().nullable(),
  partsArrivedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  billedById: z.string().nullable().describe('The closing document that billed the order (any kind)'),
  billedByKind: z.enum(['invoice', 'sale_receipt', 'goods_note']).nullable(),
  deliveredWithoutDocumentReason: z
    .string()
    .nullable()
    .describe('Why it was delivered with something to pay and no closing document'),
  refusedRepair: z.boolean(),
  issueDocumentId: z.string().nullable(),
  returnsDocumentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderHeader = z.infer<typeof OrderHeader>;

export const OrderDocument = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  number: z.string().nullable(),
  documentDate: z.string(),
});
export type OrderDocument = z.infer<typeof OrderDocument>;

export const OrderDetail = OrderHeader.extend({
  lines: z.array(OrderLine),
  totals: OrderTotals,
  vatByRate: z.array(VatByRate),
  nextStatuses: z.array(OrderStatus).describe('The statuses this order may move to now'),
  editable: z.boolean().describe('Lines and notes may still change'),
  manufacturerWarranty: ManufacturerWarranty,
  warrantyRecords: z.array(WarrantyRecord).describe('The shop warranties this order gave'),
  documents: z.array(OrderDocument).describe('Stock documents made for this order'),
  hasStatusLink: z.boolean(),
  finishWarnings: z
    .array(
      z.object({
        code: z.literal('used_below_planned'),
        lineId: z.string(),
        description: z.string(),
        plannedMilli: z.number().int(),
        usedMilli: z.number().int(),
        params: z.record(z.string(), z.string()).describe('The parameters of the message of the code'),
      }),
    )
    .optional()
    .describe('Only in the answer of finishing (in repair → ready): the parts used below what was planned'),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

// ---------------------------------------------------------------- intake

/** A customer created with the order: the fields the desk asks (a person by default); the rules of POST /parties. */
export const NewCustomer = z.strictObject({
  kind: PartyKind.default('person'),
  name: z.string().trim().min(1).max(200),
  phone: Phone.nullish().describe('The primary phone'),
  email: Email.nullish(),
  uic: Uic.nullish().describe('ЕИК, companies only'),
  vatNumber: BgVatNumber.nullish(),
  city: optionalText(100),
  address: optionalText(300),
});
export type NewCustomer = z.infer<typeof NewCustomer>;

export const IntakeBody = z
  .strictObject({
    partyId: Id.nullish().describe('An existing customer; or newCustomer'),
    newCustomer: NewCustomer.nullish(),
    itemId: Id.nullish().describe('An existing item; or serialNumber + modelId'),
    serialNumber: z.string().trim().min(1).max(100).nullish(),
    modelId: Id.nullish().describe('With serialNumber: an unknown serial creates the item of this model'),
    purchaseDate: IsoDate.nullish().describe('A new item: its purchase date (manufacturer’s warranty)'),
    complaint: z.string().trim().min(1).max(4000),
    accessories: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    conditionNotes: optionalText(4000),
    promisedDate: IsoDate.nullish(),
    location: OrderLocation.default('shop'),
    siteId: Id.nullish(),
    technicianId: Id.nullish(),
    customerNotes: optionalText(4000),
  })
  .refine((b) => Boolean(b.partyId) !== Boolean(b.newCustomer), {
    path: ['partyId'],
    params: { code: 'customer_required' },
  })
  .refine((b) => Boolean(b.itemId) || Boolean(b.serialNumber), {
    path: ['itemId'],
    params: { code: 'item_required' },
  });
export type IntakeBody = z.infer<typeof IntakeBody>;

export const OverdueCheck = z.object({
  overdueCents: z.number().int().describe('The customer’s overdue invoices (0 until the sales issue)'),
  policy: OverduePolicy,
  refused: z.boolean(),
});

export const IntakeAnswer = OrderDetail.extend({
  statusLink: z
    .object({ token: z.string(), url: z.string() })
    .describe('The public status link, answered once: only its hash is kept'),
  overdueCustomer: OverdueCheck,
  itemCreated: z.boolean(),
  customerCreated: z.boolean(),
});
export type IntakeAnswer = z.infer<typeof IntakeAnswer>;

export const IntakeCheckQuery = z.strictObject({
  partyId: Id.optional(),
  itemId: Id.optional(),
  serial: z.string().trim().min(1).max(100).optional(),
  modelId: Id.optional(),
});
export type IntakeCheckQuery = z.infer<typeof IntakeCheckQuery>;

export const IntakeCheck = z.object({
  itemId: z.string().nullable().describe('The item found (by id or serial), null when unknown'),
  itemLabel: z.string().nullable(),
  ownerPartyId: z.string().nullable(),
  warranty: ManufacturerWarranty.nullable().describe(
    'The manufacturer’s warranty of the item; null: no item',
  ),
  shopWarranty: z.array(WarrantyRecord).describe('Active shop warranty records of the item'),
  openOrders: z.array(z.object({ id: z.string(), number: z.string(), status: OrderStatus })),
  overdueCents: z.number().int(),
  overduePolicy: OverduePolicy,
});
export type IntakeCheck = z.infer<typeof IntakeCheck>;

// ---------------------------------------------------------------- changes

export const PatchOrderBody = z.strictObject({
  diagnosis: optionalText(8000),
  internalNotes: optionalText(8000),
  customerNotes: optionalText(4000),
  conditionNotes: optionalText(4000),
  promisedDate: IsoDate.nullish(),
  technicianId: Id.nullish(),
  accessories: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  complaint: z.string().trim().min(1).max(4000).optional(),
});
export type PatchOrderBody = z.infer<typeof PatchOrderBody>;

export const StatusBody = z.strictObject({
  to: OrderStatus,
  reason: optionalText(1000).describe(
    'Required to cancel; to deliver an order with something to pay and no closing document (ADR 0024)',
  ),
  refused: z
    .boolean()
    .optional()
    .describe('diagnosing/awaiting_approval → ready: the customer refused the repair'),
});
export type StatusBody = z.infer<typeof StatusBody>;

// ---------------------------------------------------------------- lines input (orders-lines fills in the routes)

export const LineTechnicianInput = z.strictObject({
  technicianId: Id,
  shareBp: z.number().int().min(1).max(10_000),
});

export const AddLineBody = z.strictObject({
  kind: LineKind,
  partId: Id.nullish(),
  serviceTypeId: Id.nullish(),
  description: z.string().trim().min(1).max(500).nullish(),
  warehouseId: Id.nullish(),
  quantityMilli: z.number().int().min(1).max(MAX_QUANTITY_MILLI),
  unitPriceCents: z.number().int().min(0).max(MAX_UNIT_CENTS).nullish(),
  priceOverrideReason: optionalText(500),
  discountBp: z.number().int().min(0).max(10_000).default(0),
  vatRateBp: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .nullish()
    .describe(
      'An explicit rate, as before ADR 0042 (read as the kind whose rate it is today); prefer vatRateKind',
    ),
  vatRateKind: VatRateKind.nullish().describe(
    'ADR 0042: the kind of VAT rate; omitted, the catalogue item’s (a charge: standard). The invoice, receipt or goods note takes the kind’s rate on its tax event date',
  ),
  vatReason: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .describe('The legal ground of a 0 % or exempt kind (INV-09); omitted, the item’s'),
  payer: LinePayer.nullish(),
  payerReason: optionalText(500),
  normMinutes: z.number().int().min(0).max(MAX_NORM_MINUTES).nullish(),
  actualMinutes: z.number().int().min(0).max(MAX_NORM_MINUTES).nullish(),
  technicians: z.array(LineTechnicianInput).max(20).optional(),
  fittedSerial: optionalText(100),
  removedSerial: optionalText(100),
  removedDisposition: RemovedDisposition.nullish(),
  removedWarehouseId: Id.nullish(),
});
export type AddLineBody = z.infer<typeof AddLineBody>;

export const PatchLineBody = AddLineBody.omit({ kind: true })
  .extend({ usedQuantityMilli: z.number().int().min(0).max(MAX_QUANTITY_MILLI).nullish() })
  .partial();
export type PatchLineBody = z.infer<typeof PatchLineBody>;

// ---------------------------------------------------------------- lists

export const ORDER_SORTS = ['number', 'receivedAt', 'statusChangedAt', 'promisedDate', 'status'] as const;

/** A status filter: repeated (?status=a&status=b) or comma-separated. */
const StatusFilter = z
  .union([z.string().max(400), z.array(z.string().max(40)).max(ORDER_STATUSES.length)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
  .pipe(z.array(OrderStatus).max(ORDER_STATUSES.length));

export const OrderListQuery = z.strictObject({
  ...ListQueryBase,
  status: StatusFilter.optional(),
  open: QueryBool.optional().describe('Only orders not delivered nor cancelled'),
  technicianId: Id.optional(),
  partyId: Id.optional(),
  itemId: Id.optional(),
  overdue: QueryBool.optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

export const OrderListItem = z.object({
  id: z.string(),
  number: z.string(),
  status: OrderStatus,
  statusChangedAt: z.string(),
  overdue: z.boolean(),
  location: OrderLocation,
  partyId: z.string(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  itemId: z.string(),
  itemLabel: z.string(),
  serialNumber: z.string(),
  complaint: z.string(),
  technicianId: z.string().nullable(),
  technicianName: z.string().nullable(),
  receivedAt: z.string(),
  promisedDate: z.string().nullable(),
  partsArrivedAt: z.string().nullable(),
});
export type OrderListItem = z.infer<typeof OrderListItem>;
export const OrderPage = Page(OrderListItem);

/** What a card on the board shows (the list item without the customer's phone, complaint and ids). */
export const BoardCard = OrderListItem.pick({
  id: true,
  number: true,
  status: true,
  statusChangedAt: true,
  overdue: true,
  location: true,
  customerName: true,
  itemLabel: true,
  technicianName: true,
  promisedDate: true,
  partsArrivedAt: true,
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardColumn = z.object({
  status: OrderStatus,
  count: z.number().int(),
  overdueCount: z.number().int(),
  since: z
    .string()
    .nullable()
    .describe(
      'Delivered and cancelled: only the orders that entered the status since this instant; open: null',
    ),
  cards: z
    .array(BoardCard)
    .describe(
      'The first 30: open statuses the longest waiting first, delivered and cancelled the latest first',
    ),
});
export const Board = z.object({
  columns: z.array(BoardColumn),
  closedDays: z.number().int().describe('How many recent days the delivered and cancelled columns show'),
  transitions: z.record(z.string(), z.array(OrderStatus)).describe('The allowed moves: from → to[]'),
});
export type Board = z.infer<typeof Board>;
export const BoardQuery = z.strictObject({
  technicianId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});

// ---------------------------------------------------------------- timeline

export const TimelineEvent = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  kind: z.string(),
  fromStatus: OrderStatus.nullable(),
  toStatus: OrderStatus.nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

// ---------------------------------------------------------------- settings

export const StatusLimits = z
  .partialRecord(
    OrderStatus,
    z
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .nullable(),
  )
  .describe('Hours an order may stay in each status; missing or null: no limit');
export type StatusLimits = z.infer<typeof StatusLimits>;

export const ServiceSettings = z.object({
  statusLimits: z.record(z.string(), z.number().int().nullable()),
  diagnosticFee: DiagnosticFee,
  diagnosticServiceTypeId: z.string().nullable(),
  overdueCustomers: OverduePolicy,
  partWarrantyMonths: z.number().int(),
  labourWarrantyMonths: z.number().int(),
  earningsWarrantyRule: WarrantyEarningsRule.describe(
    'Warranty and contract labour lines in the technicians’ earnings: paid, counted for hours only, or left out',
  ),
  keepPhotoLocation: z
    .boolean()
    .describe('Keep the GPS position of an order’s photos (shown as a map link); off (default): stripped'),
  updatedAt: z.string().nullable(),
});
export type ServiceSettings = z.infer<typeof ServiceSettings>;

export const ServiceSettingsBody = z
  .strictObject({
    statusLimits: StatusLimits,
    diagnosticFee: DiagnosticFee,
    diagnosticServiceTypeId: Id.nullish(),
    overdueCustomers: OverduePolicy,
    partWarrantyMonths: z.number().int().min(0).max(240),
    labourWarrantyMonths: z.number().int().min(0).max(240),
    earningsWarrantyRule: WarrantyEarningsRule,
    keepPhotoLocation: z.boolean(),
  })
  .partial()
  .refine((b) => b.diagnosticFee !== 'charge' || b.diagnosticServiceTypeId !== null, {
    path: ['diagnosticServiceTypeId'],
    params: code('required'),
  });
export type ServiceSettingsBody = z.infer<typeof ServiceSettingsBody>;

// ---------------------------------------------------------------- public status page

export const StatusLinkAnswer = z.object({
  token: z.string(),
  url: z.string().describe('Path of the public page: /s/<token>'),
});
export type StatusLinkAnswer = z.infer<typeof StatusLinkAnswer>;

export const PublicOrderParams = z.strictObject({ token: z.string().min(1).max(100) });
export const PublicOrder = z.object({
  number: z.string(),
  status: OrderStatus,
  statusChangedAt: z.string(),
  promisedDate: z.string().nullable(),
  customerNotes: z.string().nullable(),
  itemLabel: z.string(),
  companyName: z.string(),
});
export type PublicOrder = z.infer<typeof PublicOrder>;

export const LineParams = z.strictObject({
  id: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
});

// ---------------------------------------------------------------- line answers and warranty records (orders-lines)

/** What the line routes answer: the whole order as its page shows it, and the line touched. */
export const LineAnswer = OrderDetail.extend({
  lineId: z.string().nullable().describe('The line added or changed; null after a removal'),
});
export type LineAnswer = z.infer<typeof LineAnswer>;

export const WarrantyRecordQuery = z.strictObject({
  itemId: Id.optional().describe('The warranty records of this item'),
  serial: z.string().trim().min(1).max(100).optional().describe('The records of a fitted part by its serial'),
});
export type WarrantyRecordQuery = z.infer<typeof WarrantyRecordQuery>;

export const WarrantyRecordList = z.object({ items: z.array(WarrantyRecord) });
export type WarrantyRecordList = z.infer<typeof WarrantyRecordList>;
