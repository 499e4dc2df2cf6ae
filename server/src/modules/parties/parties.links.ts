/** What the parties module tells the modules it builds on, at import time (they never import parties). */
import { registerImportAdapter } from '../imports';
import { customersImport, sitesImport } from './parties.import';

// Customers and their sites can be imported from CSV.
registerImportAdapter(customersImport);
registerImportAdapter(sitesImport);
