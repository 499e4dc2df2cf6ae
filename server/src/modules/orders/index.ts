/**
 * The orders module seen from other modules: service orders (issue 12). Other modules read them through these
 * functions; the finishing hooks (orders.finish.ts) and lines belong to this module too.
 */
import './orders.links';
import './orders.warranty';

export { recordAllEarnings } from './orders.earnings.record';
export { earningsRoutes } from './orders.earnings.routes';
export { OPEN_STATUSES, ORDER_LIFECYCLE, ORDER_STATUSES } from './orders.lifecycle';
export {
  addLineTx,
  type Catalogue,
  DEFAULT_CHARGE_VAT_BP,
  type LineChange,
  lineCatalogue,
  lockedOrder,
} from './orders.lines';
export { orderLineRoutes } from './orders.lines.routes';
export { orderPdfRoutes } from './orders.pdf.routes';
export { orderPhotoRoutes } from './orders.photos.routes';
export { ordersRoutes } from './orders.routes';
export type {
  AddLineBody,
  IntakeBody,
  OrderDetail,
  OrderLine,
  OrderStatus,
  PublicOrder,
  ServiceSettings,
} from './orders.schema';
export {
  addEvent,
  changeStatusTx,
  getOrder,
  intakeTx,
  itemLabelOf,
  ORDER_SOURCE,
  type OverdueSource,
  readLines,
  registerOverdueSource,
} from './orders.service';
export { getServiceSettings } from './orders.settings';
export { lineNetCents, orderTotals } from './orders.totals';
export { listWarrantyRecords } from './orders.warranty';
