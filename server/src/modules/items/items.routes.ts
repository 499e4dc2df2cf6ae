import type { FastifyInstance } from 'fastify';

export async function itemsRoutes(_app: FastifyInstance) {}
