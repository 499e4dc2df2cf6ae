/**
 * The parties module seen from other modules: customers and suppliers (table `party`) and customers' sites
 * (table `site`). Reference them by id (foreign keys to party.id and site.id are fine); check and read them
 * through these functions, never write their tables. A list may join party.name or site.name for display
 * (docs/adr/0009-module-boundaries.md).
 */
import './parties.links';

export { PARTY_RULES } from './parties.access';
export { partiesRoutes } from './parties.routes';
export type { Party, PartySearchHit, Site } from './parties.schema';
export { seedPartiesDemo } from './parties.seed';
export {
  assertCustomerExists,
  assertSiteOfCustomer,
  assertSupplierExists,
  createCustomerIn,
  draftFromCreate,
  findPartySummary,
  findSiteById,
  getCustomer,
  getPartyRequisites,
  getSite,
  insertPartyDrafts,
  listParties,
  type PartyAnonymiser,
  type PartyPhoneChangedHook,
  type PartyRenamedHook,
  type PartyRequisites,
  type PartySummary,
  type PrivacyExporter,
  registerPartyAnonymiser,
  registerPartyPhoneChangedHook,
  registerPartyRenamedHook,
  registerPrivacyExporter,
  resolveCustomerNames,
  resolveSiteNames,
  resolveSuppliersByUic,
  searchParties,
} from './parties.service';
