/**
 * The customers who paid: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'customer_payment',
  column: 'party_id',
  usedBy: 'payments',
  code: 'party_has_payments',
});
registerReference('party', {
  table: 'customer_refund',
  column: 'party_id',
  usedBy: 'payments',
  code: 'party_has_payments',
});
