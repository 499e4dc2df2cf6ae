// Tables of the catalog module (filled in by its migration in db/migrations/).
// biome-ignore lint/complexity/noBannedTypes: filled in as the module grows
export type CatalogTables = {};
