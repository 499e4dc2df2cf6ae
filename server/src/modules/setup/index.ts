/** The setup module: the first run (the owner's company or the demo company, first administrator) and leaving the demo. */
export { setupRoutes } from './setup.routes';
export { DEMO_COMPANY_NAME, DEMO_PASSWORD } from './setup.schema';
export { leaveDemo, runSetup } from './setup.service';
