/**
 * The print model of a service order: everything its four documents need (intake protocol, work report, warranty
 * protocol, warranty card), so the PDF layer only lays it out. orders.print.ts fills it from the order, the company,
 * the customer and the item; the tests can build one by hand.
 */
import type { CompanySettings } from '../company';
import type { PartyRequisites } from '../parties';

/** The printed documents of a service order, as the route names them. */
export const ORDER_DOCUMENTS = ['intake', 'work-report', 'warranty-protocol', 'warranty-card'] as const;
export type OrderDocumentKind = (typeof ORDER_DOCUMENTS)[number];

export type PrintPayer = 'customer' | 'manufacturer_warranty' | 'shop_warranty' | 'contract';

export interface OrderPrintLine {
  position: number;
  kind: 'part' | 'labour' | 'charge';
  /** The part's code or the service type's code, when there is one. */
  code: string | null;
  description: string;
  unit: string | null;
  /** The quantity billed: the used quantity once set, else the planned one. */
  quantityMilli: number;
  unitPriceCents: number;
  /** The catalogue price before an override: the value of a warranty line in the claim. */
  listPriceCents: number | null;
  discountBp: number;
  vatRateBp: number;
  payer: PrintPayer;
  payerReason: string | null;
  /** Net of the line (after the discount) at its own price. */
  netCents: number;
  /** What the customer pays for the line without VAT: 0 when someone else pays. */
  customerNetCents: number;
  /** The line at its list price: what a warranty line is worth in the claim. */
  listValueCents: number;
  fittedSerial: string | null;
  removedSerial: string | null;
  removedDisposition: 'returned' | 'scrapped' | 'to_warehouse' | null;
  /** Unit cost from the stock issue at finishing; null before. */
  unitCostCents: number | null;
  normMinutes: number | null;
  actualMinutes: number | null;
  technicians: { name: string; shareBp: number }[];
}

export interface OrderPrintWarranty {
  kind: 'part' | 'labour';
  description: string;
  serial: string | null;
  fittedOn: string;
  months: number;
  validUntil: string;
  status: 'active' | 'void';
}

export interface OrderPrintVatRate {
  vatRateBp: number;
  baseCents: number;
  vatCents: number;
}

export interface OrderPrint {
  company: CompanySettings;
  logoDataUrl: string | null;
  order: {
    id: string;
    number: string;
    status: string;
    location: 'shop' | 'on_site';
    /** Instant (ISO UTC). */
    receivedAt: string;
    receivedByName: string | null;
    promisedDate: string | null;
    complaint: string;
    accessories: string[];
    conditionNotes: string | null;
    /** Photos taken of the item (at intake or later), kept with the order. */
    photoCount: number;
    diagnosis: string | null;
    customerNotes: string | null;
    technicianName: string | null;
    finishedAt: string | null;
    deliveredAt: string | null;
  };
  customer: PartyRequisites;
  site: { name: string; address: string | null } | null;
  item: {
    brandName: string;
    modelName: string;
    serialNumber: string;
    /** Manufacturer's warranty end as of the intake, when known. */
    warrantyEnd: string | null;
    underWarranty: boolean;
    purchaseDate: string | null;
    warrantyDocNumber: string | null;
  };
  lines: OrderPrintLine[];
  totals: {
    customerNetCents: number;
    customerVatCents: number;
    customerTotalCents: number;
    vat: OrderPrintVatRate[];
    /** The list value of the lines each warranty payer covers. */
    claims: Record<Exclude<PrintPayer, 'customer'>, number>;
  };
  warrantyRecords: OrderPrintWarranty[];
  /** The visits and work blocks booked for the order (the visits module's schedule), earliest first. */
  visits: OrderPrintVisit[];
  /** The customer's signature drawn on the screen (the work report prints it); null when not signed. */
  signature: OrderPrintSignature | null;
}

export interface OrderPrintVisit {
  /** Instants (ISO UTC). */
  startAt: string;
  endAt: string;
  technicians: string[];
}

export interface OrderPrintSignature {
  /** A data URL of the stored PNG. */
  imageDataUrl: string;
  signerName: string;
  /** Instant (ISO UTC). */
  signedAt: string;
}
