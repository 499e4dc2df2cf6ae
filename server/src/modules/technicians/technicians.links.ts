/**
 * What the technicians module tells the modules it builds on, at import time: a category that is someone's skill
 * stays (catalog), and technicians can be imported from CSV (imports).
 */
import { registerReference } from '../../db/usage';
import { registerImportAdapter } from '../imports';
import { techniciansImport } from './technicians.import';

registerReference('catalog_category', {
  table: 'technician_skill',
  column: 'category_id',
  usedBy: 'technicians',
  code: 'category_has_technicians',
});

// Technicians can be imported from CSV.
registerImportAdapter(techniciansImport);
