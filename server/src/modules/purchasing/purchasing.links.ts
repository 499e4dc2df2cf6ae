/**
 * What the purchasing module tells the modules it builds on, at import time (they never import purchasing): a
 * posted receipt made from a sent request marks it received; suppliers and parts named by requests are in use.
 */
import { registerReference } from '../../db/usage';
import { registerReceiptPostedListener } from '../stock';
import { requestReceiptPosted } from './purchasing.service';

registerReceiptPostedListener('purchasing.request_received', requestReceiptPosted);

registerReference('party', {
  table: 'purchase_request',
  column: 'supplier_id',
  usedBy: 'purchase_requests',
  code: 'party_has_purchase_requests',
});
registerReference('catalog_part', {
  table: 'purchase_request_line',
  column: 'part_id',
  usedBy: 'purchase_requests',
  code: 'part_has_purchase_requests',
});

registerReference('stock_warehouse', {
  table: 'purchase_request_need',
  column: 'warehouse_id',
  usedBy: 'purchase_requests',
  code: 'warehouse_has_purchase_requests',
});
