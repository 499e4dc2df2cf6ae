/**
 * Who pays a new line of a service order: a pure rule on values (the item's warranty as the items module computes
 * it for the intake date, and the shop's warranty records of the item).
 *
 * 1. The item is under the manufacturer's warranty on the intake date → 'manufacturer_warranty' (every line).
 * 2. Else an active shop warranty record of this item covers the line on the intake date: a part line of the same
 *    part, a labour line of the same service type → 'shop_warranty', naming the record (covered_by_warranty_id).
 * 3. Else the customer.
 * A payer other than this default needs a reason (400 payer_reason_required): the override is written to the
 * order's timeline and audited by the caller.
 */
import { DomainError } from '../../kernel/errors';
import type { LinePayer as Payer } from './orders.table';

export type LineKind = 'part' | 'labour' | 'charge';

/** A shop warranty record of the item, as the payer rule reads it. */
export interface ShopWarranty {
  id: string;
  kind: 'part' | 'labour';
  partId: string | null;
  serviceTypeId: string | null;
  fittedOn: string;
  /** The last day covered, inclusive. */
  validUntil: string;
  status: 'active' | 'void';
}

export interface PayerInput {
  kind: LineKind;
  partId?: string | null;
  serviceTypeId?: string | null;
  /** The order's intake date ('YYYY-MM-DD'): the warranty is judged on the day the item was handed in. */
  intakeDate: string;
  /** The items module's answer for the intake date (getItemWarranty(db, itemId, intakeDate)). */
  manufacturerWarranty: { underWarranty: boolean; warrantyEnd: string | null };
  shopWarranties: readonly ShopWarranty[];
}

export interface PayerDecision {
  payer: Payer;
  /** The shop warranty record that made the line shop warranty. */
  coveredByWarrantyId: string | null;
  /** The last day of the warranty that decided it (manufacturer or shop), null for the customer. */
  coveredUntil: string | null;
}

/** The shop warranty record that covers a line on a date: same part or same service type, active, in its term. */
export function coveringShopWarranty(
  line: Pick<PayerInput, 'kind' | 'partId' | 'serviceTypeId'>,
  onDate: string,
  records: readonly ShopWarranty[],
): ShopWarranty | null {
  const covers = (r: ShopWarranty) =>
    r.status === 'active' &&
    r.fittedOn <= onDate &&
    onDate <= r.validUntil &&
    ((line.kind === 'part' && r.kind === 'part' && !!line.partId && r.partId === line.partId) ||
      (line.kind === 'labour' &&
        r.kind === 'labour' &&
        !!line.serviceTypeId &&
        r.serviceTypeId === line.serviceTypeId));
  // The one that lasts longest, so the customer keeps the best cover.
  return (
    records
      .filter(covers)
      .sort((a, b) => b.validUntil.localeCompare(a.validUntil) || a.id.localeCompare(b.id))[0] ?? null
  );
}

/** The default payer of a new line, decided by the item (see the module comment). */
export function defaultPayer(input: PayerInput): PayerDecision {
  if (input.manufacturerWarranty.underWarranty)
    return {
      payer: 'manufacturer_warranty',
      coveredByWarrantyId: null,
      coveredUntil: input.manufacturerWarranty.warrantyEnd,
    };
  const record = coveringShopWarranty(input, input.intakeDate, input.shopWarranties);
  if (record)
    return { payer: 'shop_warranty', coveredByWarrantyId: record.id, coveredUntil: record.validUntil };
  return { payer: 'customer', coveredByWarrantyId: null, coveredUntil: null };
}

export interface ChosenPayer {
  payer: Payer;
  payerReason: string | null;
  coveredByWarrantyId: string | null;
  /** True when the payer differs from the default: the caller writes a 'payer_override' event and audit row. */
  overridden: boolean;
}

/**
 * The payer a line gets: the default, or the one asked for. Asking for another payer than the default needs a
 * reason (400 payer_reason_required on `field`); asking for the default keeps no reason.
 */
export function choosePayer(
  decision: PayerDecision,
  requested: { payer?: Payer | null | undefined; reason?: string | null | undefined },
  field = 'payerReason',
): ChosenPayer {
  const payer = requested.payer ?? decision.payer;
  if (payer === decision.payer)
    return { payer, payerReason: null, coveredByWarrantyId: decision.coveredByWarrantyId, overridden: false };
  const reason = requested.reason?.trim() ?? '';
  if (!reason) throw new DomainError('invalid', 'payer_reason_required', { field, params: { field } });
  return {
    payer,
    payerReason: reason,
    coveredByWarrantyId: payer === 'shop_warranty' ? decision.coveredByWarrantyId : null,
    overridden: true,
  };
}
