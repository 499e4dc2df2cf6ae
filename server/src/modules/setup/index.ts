/** The setup module: the first run (company, numbering series, first administrator, optional demo data). */
export { setupRoutes } from './setup.routes';
export { runSetup } from './setup.service';
