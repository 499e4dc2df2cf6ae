import type { FastifyInstance } from 'fastify';

export async function partiesRoutes(_app: FastifyInstance) {}
