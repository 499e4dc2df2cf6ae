/** What the technicians module tells the catalogue at import time: a category that is someone's skill stays. */
import { registerReference } from '../../db/usage';

registerReference('catalog_category', {
  table: 'technician_skill',
  column: 'category_id',
  usedBy: 'technicians',
  code: 'category_has_technicians',
});
