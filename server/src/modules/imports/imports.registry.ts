import type { ImportAdapter } from './imports.types';

const adapters = new Map<string, ImportAdapter<unknown>>();

/** Makes an entity importable at /api/v1/imports/<entity>. */
export function registerImportAdapter<Row>(adapter: ImportAdapter<Row>): void {
  adapters.set(adapter.entity, adapter as ImportAdapter<unknown>);
}

export function importAdapter(entity: string): ImportAdapter<unknown> | undefined {
  return adapters.get(entity);
}

/** Every importable entity with the columns its file may have (export order) and those it must have. */
export function importEntities(): { entity: string; columns: string[]; requiredColumns: string[] }[] {
  return [...adapters.values()]
    .map((a) => ({ entity: a.entity, columns: [...a.columns], requiredColumns: [...a.requiredColumns] }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}
