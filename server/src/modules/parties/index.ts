/**
 * The parties module seen from other modules: customers and suppliers (table `party`) and customers' sites
 * (table `site`). Reference them by id (foreign keys to party.id and site.id are fine); read and check them
 * through these functions, never through the tables.
 */
import './parties.links';

export { customersImport, sitesImport } from './parties.import';
export { partiesRoutes } from './parties.routes';
export type { Party, PartySearchHit, Site } from './parties.schema';
export { seedPartiesDemo } from './parties.seed';
export {
  assertCustomerExists,
  assertSiteOfCustomer,
  assertSupplierExists,
  draftFromCreate,
  findPartySummary,
  findSiteById,
  getCustomer,
  getPartyRequisites,
  getSite,
  insertPartyDrafts,
  listParties,
  type PartyAnonymiser,
  type PartyRenamedHook,
  type PartyRequisites,
  type PartySummary,
  type PartyUsageCheck,
  type PrivacyExporter,
  registerPartyAnonymiser,
  registerPartyRenamedHook,
  registerPartyUsageCheck,
  registerPrivacyExporter,
  registerSiteUsageCheck,
  resolveCustomerNames,
  resolveSiteNames,
  type SiteUsageCheck,
  searchParties,
  type Usage,
} from './parties.service';
