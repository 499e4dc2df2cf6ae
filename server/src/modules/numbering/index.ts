export { numberingRoutes } from './numbering.routes';
export { DOC_TYPES, type DocType } from './numbering.schema';
export { createDefaultSeries, listNumberingSeries, type TakenNumber, takeNumber } from './numbering.service';
