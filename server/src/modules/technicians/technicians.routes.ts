import type { FastifyInstance } from 'fastify';

export async function technicianRoutes(_app: FastifyInstance) {}
