/**
 * The parties module seen from other modules: customers and suppliers (table `party`) and customers' sites
 * (table `site`). Reference them by id (foreign keys to party.id and site.id are fine); read and check them
 * through these functions, never through the tables.
 */
export { customersImport, sitesImport } from './parties.import';
export type { Party, PartySearchHit, Site } from './parties.schema';
export {
  assertCustomerExists,
  assertSiteOfCustomer,
  assertSupplierExists,
  findPartySummary,
  findSiteById,
  getCustomer,
  getPartyRequisites,
  getSite,
  type PartyAnonymiser,
  type PartyRenamedHook,
  type PartyRequisites,
  type PartySummary,
  type PrivacyExporter,
  registerPartyAnonymiser,
  registerPartyRenamedHook,
  registerPrivacyExporter,
  resolveCustomerNames,
  resolveSiteNames,
  searchParties,
} from './parties.service';
