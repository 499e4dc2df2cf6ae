/** The catalogue section's screens: one download, the first time any of them opens. */
export { BrandsPage } from './brands-page';
export { CategoriesPage } from './categories-page';
export { ModelsPage } from './models-page';
export { PartsPage } from './parts-page';
export { ServiceTypePage } from './service-type-page';
export { ServiceTypesPage } from './service-types-page';
