/**
 * The customers of goods delivery notes: a record in use is not deleted (409 in_use with the reason; archive it instead).
 */
import { registerReference } from '../../db/usage';

registerReference('party', {
  table: 'goods_note',
  column: 'party_id',
  usedBy: 'goods_notes',
  code: 'party_has_goods_notes',
});
