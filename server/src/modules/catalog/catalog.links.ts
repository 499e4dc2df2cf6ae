/** What the catalog module tells the modules it builds on, at import time (they never import catalog). */
import { registerImportAdapter } from '../imports';
import { CATALOG_IMPORT_ADAPTERS } from './catalog.import';

// Categories, brands, models, service types, norm overrides and parts can be imported from CSV.
for (const adapter of CATALOG_IMPORT_ADAPTERS) {
  registerImportAdapter(adapter as Parameters<typeof registerImportAdapter>[0]);
}
