import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import { recordRoutes } from '../../http/record-routes';
import { PART_FIELDS } from './catalog.access';
import {
  BRAND_CSV,
  CATEGORY_CSV,
  MODEL_CSV,
  NORM_OVERRIDE_CSV,
  PART_CSV,
  SERVICE_TYPE_CSV,
} from './catalog.csv';
import {
  Brand,
  BrandInput,
  BrandListQuery,
  BrandPatch,
  Category,
  CategoryInput,
  CategoryListQuery,
  CategoryPatch,
  IdParams,
  Model,
  ModelInput,
  ModelListQuery,
  ModelPatch,
  NormOverride,
  NormOverrideInput,
  NormOverridePatch,
  OverrideParams,
  Part,
  PartInput,
  PartListQuery,
  PartPatch,
  ServiceQuote,
  ServiceQuoteQuery,
  ServiceType,
  ServiceTypeInput,
  ServiceTypeListQuery,
  ServiceTypePatch,
} from './catalog.schema';
import * as catalog from './catalog.service';

export async function catalogRoutes(app: FastifyInstance) {
  recordRoutes(app, {
    path: '/api/v1/categories',
    tag: 'catalog: categories',
    noun: 'a product category',
    csvName: 'categories.csv',
    Item: Category,
    Input: CategoryInput,
    Patch: CategoryPatch,
    Query: CategoryListQuery,
    csv: CATEGORY_CSV,
    list: catalog.listCategories,
    exportRows: catalog.exportCategories,
    get: catalog.getCategory,
    create: catalog.createCategory,
    update: catalog.updateCategory,
    setArchived: catalog.setCategoryArchived,
    remove: catalog.deleteCategory,
  });

  recordRoutes(app, {
    path: '/api/v1/brands',
    tag: 'catalog: brands',
    noun: 'a brand',
    csvName: 'brands.csv',
    Item: Brand,
    Input: BrandInput,
    Patch: BrandPatch,
    Query: BrandListQuery,
    csv: BRAND_CSV,
    list: catalog.listBrands,
    exportRows: catalog.exportBrands,
    get: catalog.getBrand,
    create: catalog.createBrand,
    update: catalog.updateBrand,
    setArchived: catalog.setBrandArchived,
    remove: catalog.deleteBrand,
  });

  recordRoutes(app, {
    path: '/api/v1/models',
    tag: 'catalog: models',
    noun: 'a model',
    csvName: 'models.csv',
    Item: Model,
    Input: ModelInput,
    Patch: ModelPatch,
    Query: ModelListQuery,
    csv: MODEL_CSV,
    list: catalog.listModels,
    exportRows: catalog.exportModels,
    get: catalog.getModel,
    create: catalog.createModel,
    update: catalog.updateModel,
    setArchived: catalog.setModelArchived,
    remove: catalog.deleteModel,
  });

  recordRoutes(app, {
    path: '/api/v1/service-types',
    tag: 'catalog: labour and service types',
    noun: 'a labour or service type',
    csvName: 'service_types.csv',
    Item: ServiceType,
    Input: ServiceTypeInput,
    Patch: ServiceTypePatch,
    Query: ServiceTypeListQuery,
    csv: SERVICE_TYPE_CSV,
    list: catalog.listServiceTypes,
    exportRows: catalog.exportServiceTypes,
    get: catalog.getServiceType,
    create: catalog.createServiceType,
    update: catalog.updateServiceType,
    setArchived: catalog.setServiceTypeArchived,
    remove: catalog.deleteServiceType,
  });

  recordRoutes(app, {
    path: '/api/v1/parts',
    tag: 'catalog: parts',
    noun: 'a spare part',
    csvName: 'parts.csv',
    Item: Part,
    Input: PartInput,
    Patch: PartPatch,
    Query: PartListQuery,
    csv: PART_CSV,
    fields: PART_FIELDS,
    list: catalog.listParts,
    exportRows: catalog.exportParts,
    get: catalog.getPart,
    create: catalog.createPart,
    update: catalog.updatePart,
    setArchived: catalog.setPartArchived,
    remove: catalog.deletePart,
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['catalog: labour and service types'];

  r.get(
    '/api/v1/service-types/:id/quote',
    {
      schema: {
        tags,
        summary:
          'Norm minutes and price of this service on this model (or brand), with the overrides applied',
        params: IdParams,
        querystring: ServiceQuoteQuery,
        response: { 200: ServiceQuote },
      },
    },
    async (req) => catalog.quoteService(db, req.params.id, req.query),
  );

  r.get(
    '/api/v1/service-types/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Norm-time overrides of a service for brands and models',
        params: IdParams,
        response: { 200: z.object({ items: z.array(NormOverride) }) },
      },
    },
    async (req) => ({ items: await catalog.listOverrides(db, req.params.id) }),
  );

  r.post(
    '/api/v1/service-types/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Add a norm time (and optionally a price) for a whole brand or one model',
        params: IdParams,
        body: NormOverrideInput,
        response: { 201: NormOverride },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await catalog.createOverride(db, actorOf(req), req.params.id, req.body)),
  );

  r.patch(
    '/api/v1/service-types/:id/overrides/:overrideId',
    {
      schema: {
        tags,
        summary: 'Change the norm time or price of an override',
        params: OverrideParams,
        body: NormOverridePatch,
        response: { 200: NormOverride },
      },
    },
    async (req) => catalog.updateOverride(db, actorOf(req), req.params.id, req.params.overrideId, req.body),
  );

  r.delete(
    '/api/v1/service-types/:id/overrides/:overrideId',
    {
      schema: { tags, summary: 'Remove an override', params: OverrideParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await catalog.deleteOverride(db, actorOf(req), req.params.id, req.params.overrideId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/norm-overrides/export.csv',
    {
      schema: {
        tags,
        summary: 'Every norm-time override as CSV (the norm_overrides.csv columns, plus price_eur)',
      },
    },
    async (_req, reply) =>
      sendCsv(reply, 'norm_overrides.csv', NORM_OVERRIDE_CSV, await catalog.exportOverrides(db)),
  );
}
