import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import { IdParams } from '../../kernel/ids';
import { ListQueryBase, Page, QueryBool } from '../../kernel/list-query';
import { PERSONAL_ID_READERS } from './parties.access';
import { PARTY_CSV, SITE_CSV } from './parties.import';
import {
  AnonymiseBody,
  CreatePartyBody,
  CreateSiteBody,
  Party,
  PartyKind,
  PartyListItem,
  PartyRole,
  PrivacyExport,
  Site,
  UpdatePartyBody,
  UpdateSiteBody,
} from './parties.schema';
import * as parties from './parties.service';

const PartyFilters = {
  q: ListQueryBase.q.describe(
    'Name, ЕИК, VAT number, МОЛ, any phone (in any spelling: "0888 412 635", "+359888412635"), e-mail or ' +
      'contact name; Cyrillic or Latin, any case',
  ),
  sort: ListQueryBase.sort.describe('name | createdAt | city; "-" in front for descending. Default: name'),
  kind: PartyKind.optional(),
  role: PartyRole.optional().describe('customer: is a customer; supplier: is a supplier'),
  archived: QueryBool.optional().describe('true: only archived parties; default: only live ones'),
};
const PartyListQuery = z.strictObject({
  ...PartyFilters,
  page: ListQueryBase.page,
  pageSize: ListQueryBase.pageSize,
});
const PartyExportQuery = z.strictObject(PartyFilters);

const SiteFilters = {
  q: ListQueryBase.q.describe(
    'Site name, city, address, contact person or phone; Cyrillic or Latin, any case',
  ),
  sort: ListQueryBase.sort.describe('name | createdAt | city | customer; "-" in front for descending'),
  archived: QueryBool.optional().describe('true: only archived sites; default: only live ones'),
};
const SiteListQuery = z.strictObject({
  ...SiteFilters,
  partyId: z.string().max(64).optional().describe('Only the sites of this customer'),
  page: ListQueryBase.page,
  pageSize: ListQueryBase.pageSize,
});
const SiteExportQuery = SiteListQuery.omit({ page: true, pageSize: true });
const CustomerSitesQuery = SiteListQuery.omit({ partyId: true });

const NoContent = { 204: z.null() };

function viewOf(req: FastifyRequest): parties.PartyView {
  return { revealPersonalId: PERSONAL_ID_READERS.includes(principalOf(req).role) };
}

export async function partiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['parties'];

  r.get(
    '/api/v1/parties',
    {
      schema: {
        tags,
        summary: 'Customers and suppliers, paged',
        description: 'Live parties unless archived=true. The ЕГН is always masked in lists.',
        querystring: PartyListQuery,
        response: { 200: Page(PartyListItem) },
      },
    },
    async (req) => parties.listParties(db, req.query),
  );

  r.get(
    '/api/v1/parties/export.csv',
    {
      schema: {
        tags,
        summary: 'Parties as CSV (the columns of the customers import, plus id)',
        description:
          'Same filters as the list, no paging. Columns: type,name,uic,vat_number,mol,phone,email,city,address,id.',
        querystring: PartyExportQuery,
      },
    },
    async (req, reply) => {
      const rows = await parties.exportParties(db, req.query);
      return sendCsv(reply, 'parties.csv', PARTY_CSV, rows);
    },
  );

  r.get(
    '/api/v1/parties/:id',
    {
      schema: {
        tags,
        summary: 'One party with its phones, e-mails, addresses and contacts',
        description: 'The ЕГН is shown in full to admin, manager and accountant, masked to the others.',
        params: IdParams,
        response: { 200: Party },
      },
    },
    async (req) => parties.getParty(db, req.params.id, viewOf(req)),
  );

  r.post(
    '/api/v1/parties',
    {
      schema: {
        tags,
        summary: 'Add a customer or supplier',
        description:
          'A company may have ЕИК (check digit validated; 409 duplicate_uic with existingId when a live party ' +
          'has it), VAT number (BG + ЕИК) and МОЛ. A person has none of them (400 not_for_person) and an ЕГН ' +
          'only with wantsInvoices (400 egn_without_invoice).',
        body: CreatePartyBody,
        response: { 201: Party },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await parties.createParty(db, actorOf(req), req.body, viewOf(req))),
  );

  r.patch(
    '/api/v1/parties/:id',
    {
      schema: {
        tags,
        summary: 'Change a party',
        description:
          'Only the fields sent change; phones, emails, addresses or contacts sent replace the whole list. ' +
          'Send egn only to change it. An anonymised party cannot change (409 party_anonymised).',
        params: IdParams,
        body: UpdatePartyBody,
        response: { 200: Party },
      },
    },
    async (req) => parties.updateParty(db, actorOf(req), req.params.id, req.body, viewOf(req)),
  );

  r.post(
    '/api/v1/parties/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a party (it leaves lists and search, its history stays)',
        params: IdParams,
        response: { 200: Party },
      },
    },
    async (req) => parties.archiveParty(db, actorOf(req), req.params.id, viewOf(req)),
  );

  r.post(
    '/api/v1/parties/:id/unarchive',
    {
      schema: {
        tags,
        summary: 'Bring an archived party back',
        description: '409 duplicate_uic when a live party has taken its ЕИК meanwhile.',
        params: IdParams,
        response: { 200: Party },
      },
    },
    async (req) => parties.unarchiveParty(db, actorOf(req), req.params.id, viewOf(req)),
  );

  r.delete(
    '/api/v1/parties/:id',
    {
      schema: {
        tags,
        summary: 'Delete a party that nothing uses',
        description:
          '409 in_use when it has sites (or items, orders, …): `errors` lists each reason, `usages` the counts. ' +
          'Archive it instead.',
        params: IdParams,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await parties.deleteParty(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/parties/:id/privacy-export',
    {
      schema: {
        tags,
        summary: 'Everything held about a party, as JSON (GDPR art. 15 and 20)',
        description: 'The full ЕГН included. The export is recorded in the audit log.',
        params: IdParams,
        response: { 200: PrivacyExport },
      },
    },
    async (req, reply) => {
      const data = await parties.exportPartyData(db, actorOf(req), req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="party-${req.params.id}.json"`)
        .send(data);
    },
  );

  r.post(
    '/api/v1/parties/:id/anonymise',
    {
      schema: {
        tags,
        summary: 'Forget a person (GDPR art. 17); cannot be undone',
        description:
          'Persons only (409 not_a_person). The name becomes "Анонимизиран клиент <id>"; phones, e-mails, ' +
          "addresses, contacts, notes, ЕГН and the sites' details are removed and the party is archived. The " +
          'id stays, so issued documents that reference it stay intact.',
        params: IdParams,
        body: AnonymiseBody,
        response: { 200: Party },
      },
    },
    async (req) => parties.anonymiseParty(db, actorOf(req), req.params.id, viewOf(req)),
  );

  // ------------------------------------------------------------ sites

  const siteTags = ['sites'];

  r.get(
    '/api/v1/customers/:id/sites',
    {
      schema: {
        tags: siteTags,
        summary: "A customer's sites, paged",
        params: IdParams,
        querystring: CustomerSitesQuery,
        response: { 200: Page(Site) },
      },
    },
    async (req) => parties.listCustomerSites(db, req.params.id, req.query),
  );

  r.get(
    '/api/v1/sites',
    {
      schema: {
        tags: siteTags,
        summary: 'Sites (обекти), paged',
        querystring: SiteListQuery,
        response: { 200: Page(Site) },
      },
    },
    async (req) => parties.listSites(db, req.query),
  );

  r.get(
    '/api/v1/sites/export.csv',
    {
      schema: {
        tags: siteTags,
        summary: 'Sites as CSV (the columns of the sites import, plus working_hours and id)',
        description:
          'Same filters as the list, no paging. Columns: customer_name,site_name,city,address,contact_person,' +
          'contact_phone,access_notes,working_hours,id.',
        querystring: SiteExportQuery,
      },
    },
    async (req, reply) => {
      const rows = await parties.exportSites(db, req.query);
      return sendCsv(reply, 'sites.csv', SITE_CSV, rows);
    },
  );

  r.get(
    '/api/v1/sites/:id',
    { schema: { tags: siteTags, summary: 'One site', params: IdParams, response: { 200: Site } } },
    async (req) => parties.getSite(db, req.params.id),
  );

  r.post(
    '/api/v1/sites',
    {
      schema: {
        tags: siteTags,
        summary: 'Add a site to a customer',
        description:
          'partyId must be a live customer (400 unknown_party / not_a_customer, 409 party_archived). The ' +
          "customer's live sites have distinct names (409 duplicate_site with existingId).",
        body: CreateSiteBody,
        response: { 201: Site },
      },
    },
    async (req, reply) => reply.status(201).send(await parties.createSite(db, actorOf(req), req.body)),
  );

  r.patch(
    '/api/v1/sites/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Change a site (it stays with its customer)',
        params: IdParams,
        body: UpdateSiteBody,
        response: { 200: Site },
      },
    },
    async (req) => parties.updateSite(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/sites/:id/archive',
    { schema: { tags: siteTags, summary: 'Archive a site', params: IdParams, response: { 200: Site } } },
    async (req) => parties.archiveSite(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/sites/:id/unarchive',
    {
      schema: {
        tags: siteTags,
        summary: 'Bring an archived site back',
        description:
          '409 party_archived when its customer is archived; 409 duplicate_site when the name is taken.',
        params: IdParams,
        response: { 200: Site },
      },
    },
    async (req) => parties.unarchiveSite(db, actorOf(req), req.params.id),
  );

  r.delete(
    '/api/v1/sites/:id',
    {
      schema: {
        tags: siteTags,
        summary: 'Delete a site that nothing uses',
        description: '409 in_use when items (or other records) use it; archive it instead.',
        params: IdParams,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await parties.deleteSite(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
