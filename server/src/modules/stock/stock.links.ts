/**
 * What the stock module tells the modules it builds on, at import time (they never import stock): a part that
 * stock documents, levels or reservations name cannot be deleted, nor a supplier that stock receipts name.
 */
import { registerCatalogUsageCheck } from '../catalog';
import { registerImportAdapter } from '../imports';
import { registerPartyUsageCheck } from '../parties';
import { warehousesImport } from './stock.import';
import * as repo from './stock.repository';

registerCatalogUsageCheck('part', async (db, partId) => {
  const count = await repo.countDocumentsOfPart(db, partId);
  return count ? { entity: 'stock', code: 'part_has_stock', count } : null;
});

registerPartyUsageCheck(async (db, partyId) => {
  const count = await repo.countDocumentsOfSupplier(db, partyId);
  return count ? { entity: 'stock_documents', code: 'party_has_stock_documents', count } : null;
});

// Warehouses can be imported from CSV.
registerImportAdapter(warehousesImport);
