import type { ImportAdapter } from './imports.types';

const adapters = new Map<string, ImportAdapter<unknown>>();

/** Makes an entity importable at /api/v1/imports/<entity>. */
export function registerImportAdapter<Row>(adapter: ImportAdapter<Row>): void {
  adapters.set(adapter.entity, adapter as ImportAdapter<unknown>);
}

export function importAdapter(entity: string): ImportAdapter<unknown> | undefined {
  return adapters.get(entity);
}

/** Every registered adapter. */
export function importAdapters(): ImportAdapter<unknown>[] {
  return [...adapters.values()];
}
