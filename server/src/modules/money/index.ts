import './money.links';

/** The money module seen from other modules: cash desks and bank accounts and their movements (ADR 0018). */
export { moneyRoutes } from './money.routes';
export type { MoneyAccount, Movement } from './money.schema';
export {
  getAccount,
  getMovement,
  recordCustomerPayment,
  recordCustomerRefund,
  reverseMovementIn,
} from './money.service';
