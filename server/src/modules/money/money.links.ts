/**
 * The parties named on cash and bank movements: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'money_movement',
  column: 'party_id',
  usedBy: 'money_movements',
  code: 'party_has_money_movements',
});
