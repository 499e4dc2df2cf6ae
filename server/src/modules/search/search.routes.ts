import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResult } from './search.schema';
import { globalSearch } from './search.service';

export async function searchRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Global search: customers, items by serial, parts',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req) => globalSearch(app.deps.db, req.query.q, req.query.limit),
  );
}
