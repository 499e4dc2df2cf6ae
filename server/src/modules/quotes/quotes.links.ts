/**
 * What quotes name (a quote may exist without an order): the customer, the item, the parts, services and warehouses of its lines: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'repair_quote',
  column: 'party_id',
  usedBy: 'repair_quotes',
  code: 'party_has_repair_quotes',
});
registerReference('item', {
  table: 'repair_quote',
  column: 'item_id',
  usedBy: 'repair_quotes',
  code: 'item_has_repair_quotes',
});
registerReference('catalog_part', {
  table: 'repair_quote_line',
  column: 'part_id',
  usedBy: 'repair_quotes',
  code: 'part_has_repair_quotes',
});
registerReference('catalog_service_type', {
  table: 'repair_quote_line',
  column: 'service_type_id',
  usedBy: 'repair_quotes',
  code: 'service_type_has_repair_quotes',
});
registerReference('stock_warehouse', {
  table: 'repair_quote_line',
  column: 'warehouse_id',
  usedBy: 'repair_quotes',
  code: 'warehouse_has_repair_quotes',
});
