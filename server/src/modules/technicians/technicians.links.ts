/** What the technicians module tells the catalogue at import time: a category that is someone's skill stays. */
import { registerCatalogUsageCheck } from '../catalog';
import { countTechniciansWithSkill } from './technicians.repository';

registerCatalogUsageCheck('category', async (db, categoryId) => {
  const count = await countTechniciansWithSkill(db, categoryId);
  return count ? { entity: 'technicians', code: 'category_has_technicians', count } : null;
});
