import { visibleFor } from '@servix/server/http/fields';
import { STOCK_FIELDS } from '@servix/server/modules/stock/stock.access';
import { TECHNICIAN_FIELDS } from '@servix/server/modules/technicians/technicians.access';
import { useSession } from './session';

/**
 * The server's own field rules decide which confidential figures a screen shows: the API leaves them out for the
 * other roles, and the screens leave out their columns, card fields and totals instead of showing blanks.
 */
export function useSeesStockCosts(): boolean {
  const { user } = useSession();
  return visibleFor(user.role, STOCK_FIELDS).sees('cost');
}

/** True when the signed-in user may see what technicians are paid (TECHNICIAN_FIELDS). */
export function useSeesPay(): boolean {
  const { user } = useSession();
  return visibleFor(user.role, TECHNICIAN_FIELDS).sees('pay');
}
