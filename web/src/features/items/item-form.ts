import { todayDate } from '@servix/server/kernel/calendar';
import { CreateItemBody, type Item, type UpdateItemBody } from '@servix/server/modules/items/items.schema';
import { type WarrantyStatus, warrantyStatus } from '@servix/server/modules/items/items.warranty';

/** The item form as typed: '' is "not set"; dates are 'YYYY-MM-DD' or null. */
export interface ItemFormValues {
  partyId: string | null;
  siteId: string | null;
  modelId: string | null;
  serialNumber: string;
  purchaseDate: string | null;
  seller: string;
  warrantyDocNumber: string;
  /** Empty: the model's default. */
  warrantyMonths: number | string;
  warrantyEnd: string | null;
  notes: string;
}

export function newItemValues(
  prefill: { partyId?: string | null; siteId?: string | null } = {},
): ItemFormValues {
  return {
    partyId: prefill.partyId ?? null,
    siteId: prefill.siteId ?? null,
    modelId: null,
    serialNumber: '',
    purchaseDate: null,
    seller: '',
    warrantyDocNumber: '',
    warrantyMonths: '',
    warrantyEnd: null,
    notes: '',
  };
}

export function toItemValues(i: Item): ItemFormValues {
  return {
    partyId: i.partyId,
    siteId: i.siteId,
    modelId: i.modelId,
    serialNumber: i.serialNumber,
    purchaseDate: i.purchaseDate,
    seller: i.seller ?? '',
    warrantyDocNumber: i.warrantyDocNumber ?? '',
    warrantyMonths: i.warrantyMonths ?? '',
    warrantyEnd: i.warrantyEnd,
    notes: i.notes ?? '',
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

/** Whole months as typed; '' is null (the model's default); anything else goes as typed for the server to judge. */
export function monthsOf(v: number | string): number | null {
  if (v === '' || v === null) return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : Number.NaN;
}

export function toCreateBody(v: ItemFormValues): CreateItemBody {
  return {
    partyId: v.partyId ?? '',
    siteId: v.siteId,
    modelId: v.modelId ?? '',
    serialNumber: v.serialNumber,
    purchaseDate: v.purchaseDate,
    seller: text(v.seller),
    warrantyDocNumber: text(v.warrantyDocNumber),
    warrantyMonths: monthsOf(v.warrantyMonths),
    warrantyEnd: v.warrantyEnd,
    notes: text(v.notes),
  };
}

/** The owner does not change here (a transfer does): the rest is sent whole. */
export function toUpdateBody(v: ItemFormValues): UpdateItemBody {
  const { partyId: _, ...rest } = toCreateBody(v);
  return rest;
}

export const ITEM_FIELDS = [
  'partyId',
  'siteId',
  'modelId',
  'serialNumber',
  'purchaseDate',
  'seller',
  'warrantyDocNumber',
  'warrantyMonths',
  'warrantyEnd',
  'notes',
] as const;

/** The warranty the values give today, by the server's own rule, as a preview before saving. */
export function previewWarranty(v: ItemFormValues, modelDefaultMonths: number | null): WarrantyStatus | null {
  const months = monthsOf(v.warrantyMonths);
  if (months !== null && (!Number.isInteger(months) || months < 0)) return null;
  try {
    return warrantyStatus(
      {
        purchaseDate: v.purchaseDate,
        warrantyMonths: months ?? modelDefaultMonths,
        warrantyEnd: v.warrantyEnd,
      },
      todayDate(),
    );
  } catch {
    return null;
  }
}

export { CreateItemBody };
