/**
 * The customers the invoices, notes and proformas are issued to: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'sales_invoice',
  column: 'party_id',
  usedBy: 'invoices',
  code: 'party_has_invoices',
});
registerReference('party', {
  table: 'sales_proforma',
  column: 'party_id',
  usedBy: 'proformas',
  code: 'party_has_proformas',
});
