import { v7 } from 'uuid';

/** App-generated UUIDv7: time-ordered, so new rows append to indexes instead of scattering. */
export function newId(): string {
  return v7();
}
