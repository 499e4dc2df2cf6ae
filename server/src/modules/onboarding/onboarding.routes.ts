import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { principalOf } from '../../http/context';
import { FirstSteps } from './onboarding.schema';
import { getFirstSteps } from './onboarding.service';

export async function onboardingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/first-steps',
    {
      schema: {
        tags: ['onboarding'],
        summary:
          'What a new company still has to set up, each step ticked from the data, and whether you may do it',
        response: { 200: FirstSteps },
      },
    },
    async (req) => getFirstSteps(db, principalOf(req).role),
  );
}
