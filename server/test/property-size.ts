/**
 * How hard the property tests (fast-check) search: `small` by default, so that `npm test` stays quick; `large` in a
 * nightly-style run (`npm run test:nightly`, or SERVIX_PROPERTY_SIZE=large) for longer sequences and more runs.
 */
export type PropertySize = 'small' | 'large';

function readSize(value: string | undefined): PropertySize {
  const v = (value ?? 'small').trim().toLowerCase();
  if (v === 'small' || v === 'large') return v;
  throw new Error(`SERVIX_PROPERTY_SIZE must be small or large (got "${value}")`);
}

export const PROPERTY_SIZE: PropertySize = readSize(process.env.SERVIX_PROPERTY_SIZE);

/** The value for this run's size: `bySize({ small: 2, large: 50 })`. */
export function bySize<T>(values: Record<PropertySize, T>): T {
  return values[PROPERTY_SIZE];
}
