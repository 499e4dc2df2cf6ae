/**
 * The customers the invoices and notes are issued to: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'sales_invoice',
  column: 'party_id',
  usedBy: 'invoices',
  code: 'party_has_invoices',
});
