import { v7 } from 'uuid';
import { z } from 'zod';

/** App-generated UUIDv7: time-ordered, so new rows append to indexes instead of scattering. */
export function newId(): string {
  return v7();
}

/** A record id as sent: 1–64 characters (a path's :id, the catalogue's references). */
export const Id = z.string().min(1).max(64);
/** A record id typed into a body or a filter: trimmed first, then 1–64 characters. */
export const TrimmedId = z.string().trim().min(1).max(64);
/** The `:id` of a route. */
export const IdParams = z.strictObject({ id: Id });
