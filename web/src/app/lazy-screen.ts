import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A screen whose code is downloaded the first time it is shown, so the sign-in screen does not wait for it.
 * `load` is the section's module: every screen of a section shares one download.
 */
export function lazyScreen<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
