/** The search module: one search box over parts, customers and items; it owns no table and reads through their modules. */
export { searchRoutes } from './search.routes';
