import './catalog.links';

export {
  type NormOverrideRule,
  type PriceServiceInput,
  priceService,
  type ServicePrice,
} from './catalog.pricing';
export { countCatalogue } from './catalog.repository';
export { catalogRoutes } from './catalog.routes';
export type { Brand, Category, Model, NormOverride, Part, ServiceQuote, ServiceType } from './catalog.schema';
export { seedCatalogDemo } from './catalog.seed';
export {
  findBrandByCode,
  findCategoryByCode,
  findModelByBrandAndName,
  findModelByBrandCodeAndName,
  findModelsByBrandCodeAndName,
  findPartByBarcode,
  findPartByCode,
  findServiceTypeByCode,
  getBrandById as getBrand,
  getCategoryById as getCategory,
  getModelById as getModel,
  getPartById as getPart,
  getPartsByIds,
  getServiceTypeById as getServiceType,
  modelKey,
  quoteService,
  searchModels,
  searchParts,
} from './catalog.service';
export { type CatalogRenamedHook, registerCatalogRenamedHook } from './catalog.usage';
