import type { Executor } from '../../db/database';
import { searchParts } from '../catalog';
import { searchItems } from '../items';
import { searchParties } from '../parties';
import type { SearchResult } from './search.schema';

/**
 * The one search box: customers by name, phone, UIC or e-mail; items by serial number, model or owner; parts by
 * code, barcode or name. Each source answers its best few matches; later domains (orders by number) add theirs here.
 */
export async function globalSearch(db: Executor, q: string, limit: number): Promise<SearchResult> {
  const customers = await searchParties(db, q, limit);
  const items = await searchItems(db, q, limit);
  const parts = await searchParts(db, q, limit);
  return {
    q,
    customers,
    items,
    parts: parts.map((p) => ({
      id: p.id,
      code: p.code,
      barcode: p.barcode,
      nameBg: p.nameBg,
      nameEn: p.nameEn,
    })),
  };
}
