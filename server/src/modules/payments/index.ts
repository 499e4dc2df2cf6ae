import './payments.links';

/** The payments module seen from other modules: customer payments and receivables (ADR 0020). */
export { paymentsRoutes } from './payments.routes';
export type { Payment } from './payments.schema';
export { paymentStateOf } from './payments.service';
