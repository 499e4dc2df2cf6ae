/**
 * What the technicians module tells the modules it builds on, at import time: a category that is someone's skill
 * stays (catalog), and technicians can be imported from CSV (imports).
 */
import { registerCatalogUsageCheck } from '../catalog';
import { registerImportAdapter } from '../imports';
import { techniciansImport } from './technicians.import';
import { countTechniciansWithSkill } from './technicians.repository';

registerCatalogUsageCheck('category', async (db, categoryId) => {
  const count = await countTechniciansWithSkill(db, categoryId);
  return count ? { entity: 'technicians', code: 'category_has_technicians', count } : null;
});

// Technicians can be imported from CSV.
registerImportAdapter(techniciansImport);
