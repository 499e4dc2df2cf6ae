import { z } from 'zod';
import { ItemSearchHit } from '../items/items.schema';
import { PartySearchHit } from '../parties/parties.schema';

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const PartHit = z.object({
  id: z.string(),
  code: z.string(),
  barcode: z.string().nullable(),
  nameBg: z.string(),
  nameEn: z.string().nullable(),
});

export const SearchResult = z.object({
  q: z.string(),
  customers: z.array(PartySearchHit),
  items: z.array(ItemSearchHit),
  parts: z.array(PartHit),
});
export type SearchResult = z.infer<typeof SearchResult>;
