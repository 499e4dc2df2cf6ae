import { CATALOG_IMPORT_ADAPTERS } from '../catalog';
import { itemsImport } from '../items';
import { customersImport, sitesImport } from '../parties';
import { warehousesImport } from '../stock';
import { techniciansImport } from '../technicians';
import { registerImportAdapter } from './imports.registry';

/** Every entity that can be imported from CSV, with the same columns as its CSV export. */
for (const adapter of [
  ...CATALOG_IMPORT_ADAPTERS,
  customersImport,
  sitesImport,
  itemsImport,
  techniciansImport,
  warehousesImport,
]) {
  registerImportAdapter(adapter as Parameters<typeof registerImportAdapter>[0]);
}
