export { numberingRoutes } from './numbering.routes';
export { DOC_TYPES, type DocType } from './numbering.schema';
export { createDefaultSeries, type TakenNumber, takeNumber } from './numbering.service';
