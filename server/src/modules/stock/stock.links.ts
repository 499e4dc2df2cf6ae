/**
 * What the stock module tells the modules it builds on, at import time (they never import stock): a part that
 * stock documents, levels or reservations name cannot be deleted, nor a supplier that stock receipts name.
 */
import { registerReference, registerUsageCheck } from '../../db/usage';
import { registerImportAdapter } from '../imports';
import { warehousesImport } from './stock.import';
import * as repo from './stock.repository';

registerUsageCheck('catalog_part', async (db, partId) => {
  const count = await repo.countDocumentsOfPart(db, partId);
  return count ? { entity: 'stock', code: 'part_has_stock', count } : null;
});

registerReference('party', {
  table: 'stock_document',
  column: 'supplier_id',
  usedBy: 'stock_documents',
  code: 'party_has_stock_documents',
});

// Warehouses can be imported from CSV.
registerImportAdapter(warehousesImport);

// A technician's van is a warehouse of theirs.
registerReference('technician', {
  table: 'stock_warehouse',
  column: 'technician_id',
  usedBy: 'stock_warehouses',
  code: 'technician_has_van_warehouse',
});
