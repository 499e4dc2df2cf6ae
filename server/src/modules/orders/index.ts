/**
 * The orders module seen from the app and other modules.
 */
export { earningsRoutes } from './orders.earnings.routes';
