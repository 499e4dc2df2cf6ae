/**
 * The customers and the parts of sale receipts: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'sale_receipt',
  column: 'party_id',
  usedBy: 'sale_receipts',
  code: 'party_has_sale_receipts',
});
registerReference('catalog_part', {
  table: 'sale_receipt_line',
  column: 'part_id',
  usedBy: 'sale_receipts',
  code: 'part_has_sale_receipts',
});
