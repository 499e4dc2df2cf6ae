/** Walks the app's OpenAPI description: every route with its parameters and request body, for tests that try every input. */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** The variant of a union a request would most likely use: an object, else an array, else the first. */
export function concrete(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  const usable = options.filter((o) => o.type !== 'null');
  return concrete(
    usable.find((o) => o.type === 'object') ?? usable.find((o) => o.type === 'array') ?? usable[0] ?? schema,
  );
}

export function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** A small value the schema accepts, so that the only fault in the request is the NUL. */
export function minimalValue(schema: JsonSchema): unknown {
  const s = concrete(schema);
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = minimalValue(s.properties?.[key] ?? {});
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default:
      return s.format === 'date' ? '2026-01-15' : 'x';
  }
}

/** Every path to a string in the schema (array items as index 0), a few levels deep. */
export function stringPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): string[][] {
  const s = concrete(schema);
  const t = typeOf(s);
  if (depth > 4) return [];
  if (t === 'object')
    return Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringPaths(v, [...prefix, k], depth + 1));
  if (t === 'array' && s.items) return stringPaths(s.items, [...prefix, '0'], depth + 1);
  if (t === 'string' || t === undefined) return prefix.length ? [prefix] : [];
  return [];
}

/** Every path to a value of any type (array items as index 0), a few levels deep. */
export function leafPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): string[][] {
  const s = concrete(schema);
  const t = typeOf(s);
  if (depth > 4) return [];
  if (t === 'object' && s.properties)
    return Object.entries(s.properties).flatMap(([k, v]) => leafPaths(v, [...prefix, k], depth + 1));
  if (t === 'array' && s.items) return [prefix, ...leafPaths(s.items, [...prefix, '0'], depth + 1)];
  return prefix.length ? [prefix] : [];
}

/** The schema of the value at the path (array items as index 0), as leafPaths walked it. */
export function schemaAt(schema: JsonSchema, path: string[]): JsonSchema {
  let s = concrete(schema);
  for (const part of path) s = concrete((typeOf(s) === 'array' ? s.items : s.properties?.[part]) ?? {});
  return s;
}

/** A copy of the minimal body with the value put at the path (array items built from their schema). */
export function bodyWith(schema: JsonSchema, path: string[], value: unknown): unknown {
  const s = concrete(schema);
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (typeOf(s) === 'array') return [bodyWith(s.items ?? {}, rest, value)];
  const base = (minimalValue(s) ?? {}) as Record<string, unknown>;
  return { ...base, [head]: bodyWith(s.properties?.[head] ?? {}, rest, value) };
}

export interface ApiRoute {
  key: string;
  method: string;
  pattern: string;
  operation: OpenApiOperation | undefined;
}

/** Every route of the access table with its OpenAPI operation (undefined for a route hidden from the description). */
export function apiRoutes(spec: unknown, keys: string[]): ApiRoute[] {
  const paths = (spec as { paths: Record<string, Record<string, OpenApiOperation>> }).paths;
  return keys.map((key) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const operation = paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    return { key, method, pattern, operation };
  });
}
