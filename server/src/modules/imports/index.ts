/**
 * The imports module seen from the rest of the server: CSV import of any entity, previewed and then run as a job
 * (table import_job). A module makes an entity importable by registering its ImportAdapter from its links file;
 * imports never imports the entity modules.
 */
export { decodeCsvUpload, parseCsvInSlices } from './imports.csv';
export { importAdapters, registerImportAdapter } from './imports.registry';
export { importsRoutes } from './imports.routes';
export { countFinishedImports } from './imports.service';
export { type ImportAdapter, importIssueCode, type RowError } from './imports.types';
