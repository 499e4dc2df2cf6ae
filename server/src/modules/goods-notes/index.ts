import './goods-notes.links';

/** The goods delivery notes module seen from other modules (ADR 0024). */
export { GOODS_NOTES_ACCESS } from './goods-notes.access';
export { goodsNotesRoutes } from './goods-notes.routes';
export type { GoodsNote } from './goods-notes.schema';
