/** What the catalog module tells the modules it builds on, at import time (they never import catalog). */
import { registerReference } from '../../db/usage';
import { registerImportAdapter } from '../imports';
import { CATALOG_IMPORT_ADAPTERS } from './catalog.import';

// Categories, brands, models, service types, norm overrides and parts can be imported from CSV.
for (const adapter of CATALOG_IMPORT_ADAPTERS) {
  registerImportAdapter(adapter as Parameters<typeof registerImportAdapter>[0]);
}

// A supplier chosen as a part's preferred supplier (purchase requests) cannot be deleted while it is.
registerReference('party', {
  table: 'catalog_part',
  column: 'preferred_supplier_id',
  usedBy: 'parts',
  code: 'party_is_preferred_supplier',
});
