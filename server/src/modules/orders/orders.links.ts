/**
 * What the orders module tells the modules it builds on, at import time (they never import orders): records that
 * orders name cannot be deleted, and every repair shows in its item's history.
 */
import { registerReference } from '../../db/usage';
import { registerCatalogRenamedHook } from '../catalog';
import { registerItemChangedHook, registerItemHistorySource } from '../items';
import { registerPartyAnonymiser, registerPartyPhoneChangedHook, registerPartyRenamedHook } from '../parties';
import { registerBeforeReceiptPostListener, registerReceiptPostedListener } from '../stock';
import { lockOrdersWaitingFor, serveWaitingLines } from './orders.arrivals';
import { orderHistoryOfItem } from './orders.history';
import { reindexOrders, reindexOrdersOfParty } from './orders.service';

registerReference('party', {
  table: 'service_order',
  column: 'party_id',
  usedBy: 'service_orders',
  code: 'party_has_service_orders',
});
registerReference('item', {
  table: 'service_order',
  column: 'item_id',
  usedBy: 'service_orders',
  code: 'item_has_service_orders',
});
registerReference('site', {
  table: 'service_order',
  column: 'site_id',
  usedBy: 'service_orders',
  code: 'site_has_service_orders',
});
registerReference('technician', {
  table: 'service_order',
  column: 'technician_id',
  usedBy: 'service_orders',
  code: 'technician_has_service_orders',
});
registerReference('catalog_part', {
  table: 'service_order_line',
  column: 'part_id',
  usedBy: 'service_orders',
  code: 'part_has_service_orders',
});
registerReference('catalog_service_type', {
  table: 'service_order_line',
  column: 'service_type_id',
  usedBy: 'service_orders',
  code: 'service_type_has_service_orders',
});

registerItemHistorySource('service_order', orderHistoryOfItem);

// The customer's name and phone, the item's serial, model and brand are copied into the orders' search column: keep
// it current, and forget the customer with them.
registerPartyRenamedHook(reindexOrdersOfParty);
registerPartyPhoneChangedHook(reindexOrdersOfParty);
registerPartyAnonymiser(reindexOrdersOfParty);
registerItemChangedHook((db, itemId) => reindexOrders(db, { itemId }));
registerCatalogRenamedHook((db, by) => reindexOrders(db, by));

// Every posted receipt serves the part lines waiting for its parts, oldest order first (ADR 0014).
registerBeforeReceiptPostListener('orders.lock_waiting_orders', lockOrdersWaitingFor);
registerReceiptPostedListener('orders.serve_waiting_lines', serveWaitingLines);

// The other technicians of a line, the diagnostic service of the settings, the warehouses of part lines.
registerReference('technician', {
  table: 'service_order_line_technician',
  column: 'technician_id',
  usedBy: 'service_orders',
  code: 'technician_has_service_orders',
});
registerReference('catalog_service_type', {
  table: 'service_settings',
  column: 'diagnostic_service_type_id',
  usedBy: 'service_settings',
  code: 'service_type_is_diagnostic',
});
registerReference('stock_warehouse', {
  table: 'service_order_line',
  column: 'warehouse_id',
  usedBy: 'service_orders',
  code: 'warehouse_has_service_orders',
});
registerReference('stock_warehouse', {
  table: 'service_order_line',
  column: 'removed_warehouse_id',
  usedBy: 'service_orders',
  code: 'warehouse_has_service_orders',
});
