/**
 * Field-level confidentiality: some fields of an entity (a technician's pay, the cost of stock) are for some roles
 * only. The API leaves them out for everyone else — absent from the JSON, no column in the CSV, no column or total
 * in the PDF — so a screen cannot show what the server never sent. Every path (route, export, print, report) asks
 * the same view made here from the entity's rule (declared once in the module's *.access.ts).
 */
import type { Role } from './access';
import type { CsvColumn } from './csv-cell';

/** A group of confidential fields: who may see them, and the JSON keys that carry them (at any depth). */
export interface FieldGroup {
  readonly roles: readonly Role[];
  readonly keys: readonly string[];
}

/** An entity's confidential field groups by name: `{ pay: { roles: ROLE_GROUPS.payViewers, keys: [...] } }`. */
export type FieldRule<G extends string = string> = Readonly<Record<G, FieldGroup>>;

/** A CSV column that belongs to a confidential group: left out for the roles that may not see the group. */
export type GuardedCsvColumn<T, G extends string = string> = CsvColumn<T> & { group?: G };

/** What one role may see of an entity: ask it, strip a value with it, cut CSV columns and sort keys with it. */
export interface FieldView<G extends string> {
  /** True when the role may see the fields of this group. */
  sees(group: G): boolean;
  /** The value without the keys of the groups the role may not see, at any depth (a copy; the input is untouched). */
  strip<T>(value: T): T;
  /** The CSV columns without those of the groups the role may not see (the header row has no such column). */
  columns<T>(columns: readonly GuardedCsvColumn<T, G>[]): CsvColumn<T>[];
  /** A list's sort ("name" / "-name"), or undefined (the default order) when it sorts by a hidden field. */
  sort(sort: string | undefined): string | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function stripKeys(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => stripKeys(v, hidden));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!hidden.has(k)) out[k] = stripKeys(v, hidden);
  return out;
}

/** The view of an entity's confidential fields for a role (null: not signed in, sees none of them). */
export function visibleFor<G extends string>(role: Role | null, rule: FieldRule<G>): FieldView<G> {
  const groups = Object.entries(rule) as [G, FieldGroup][];
  const seen = new Set<G>(groups.filter(([, g]) => role !== null && g.roles.includes(role)).map(([n]) => n));
  const hidden = new Set<string>(groups.filter(([n]) => !seen.has(n)).flatMap(([, g]) => g.keys));
  return {
    sees: (group) => seen.has(group),
    strip: <T>(value: T) => (hidden.size === 0 ? value : (stripKeys(value, hidden) as T)),
    columns: <T>(columns: readonly GuardedCsvColumn<T, G>[]) =>
      columns.filter((c) => c.group === undefined || seen.has(c.group)).map(({ group: _g, ...c }) => c),
    sort: (sort) => {
      const key = sort?.startsWith('-') ? sort.slice(1) : sort;
      return key !== undefined && hidden.has(key) ? undefined : sort;
    },
  };
}
