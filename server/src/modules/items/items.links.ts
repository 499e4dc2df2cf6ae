/**
 * What the items module tells the modules it builds on, at import time (they never import items): a party, a site
 * or a catalogue model that items use cannot be deleted, and a customer's privacy export lists their items.
 */
import { registerReference, registerUsageCheck } from '../../db/usage';
import { registerCatalogRenamedHook } from '../catalog';
import { registerImportAdapter } from '../imports';
import { registerPartyRenamedHook, registerPrivacyExporter } from '../parties';
import { itemsImport } from './items.import';
import * as repo from './items.repository';
import { reindexItems } from './items.service';

registerUsageCheck('party', async (db, partyId) => {
  const count = await repo.countItemsOfParty(db, partyId);
  return count ? { entity: 'items', code: 'party_has_items', count } : null;
});

registerUsageCheck('site', async (db, siteId) => {
  const count = await repo.countItemsAtSite(db, siteId);
  return count ? { entity: 'items', code: 'site_has_items', count } : null;
});

registerPrivacyExporter('items', async (db, partyId) =>
  (await repo.listOwnerPeriodsOfParty(db, partyId)).map((p) => ({
    itemId: p.item_id,
    serialNumber: p.serial_number,
    brand: p.brand_name,
    model: p.model_name,
    site: p.site_name,
    ownedFrom: p.from_date,
    ownedTo: p.to_date,
    reason: p.reason,
  })),
);

registerReference('catalog_model', {
  table: 'item',
  column: 'model_id',
  usedBy: 'items',
  code: 'model_has_items',
});

// Items are found by their owner's name: a renamed (or anonymised) owner re-indexes their items in the same transaction.
registerPartyRenamedHook(async (db, partyId) => {
  await reindexItems(db, { partyId });
});

// …and by brand and model: a renamed brand or model (or a model moved to another brand) re-indexes its items too.
registerCatalogRenamedHook(async (db, by) => {
  await reindexItems(db, by);
});

// Items can be imported from CSV.
registerImportAdapter(itemsImport);
