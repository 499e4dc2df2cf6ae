/**
 * The onboarding module: the first steps of a new company (requisites, a warehouse, a catalogue, technicians,
 * users, numbering, the first stock receipt), read from the other modules through their index.ts; it owns no table.
 */
export { onboardingRoutes } from './onboarding.routes';
export { getFirstSteps } from './onboarding.service';
