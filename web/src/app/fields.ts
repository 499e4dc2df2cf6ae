import { type FieldRule, visibleFor } from '@servix/server/kernel/fields';
import { PART_FIELDS } from '@servix/server/modules/catalog/catalog.access';
import { STOCK_FIELDS } from '@servix/server/modules/stock/stock.access';
import { TECHNICIAN_FIELDS } from '@servix/server/modules/technicians/technicians.access';
import { useSession } from './session';

/**
 * The server's own field rules decide which confidential figures a screen shows: the API leaves them out for the
 * other roles, and the screens leave out their columns, card fields and totals instead of showing blanks.
 */
export function useSees<G extends string>(rule: FieldRule<G>, group: G): boolean {
  const { user } = useSession();
  return visibleFor(user.role, rule).sees(group);
}

/** True when the signed-in user sees the stock's costs and values (STOCK_FIELDS). */
export const useSeesStockCosts = () => useSees(STOCK_FIELDS, 'cost');

/** True when the signed-in user sees a spare part's typical cost (PART_FIELDS). */
export const useSeesPartCosts = () => useSees(PART_FIELDS, 'cost');

/** True when the signed-in user may see what technicians are paid (TECHNICIAN_FIELDS). */
export const useSeesPay = () => useSees(TECHNICIAN_FIELDS, 'pay');
