export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  /** Dotted path of a leaf value: "bankAccounts.0.iban". */
  path: string;
  kind: DiffKind;
  before?: unknown;
  after?: unknown;
}

const isBranch = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null && Object.keys(v).length > 0;

/** Leaf values by dotted path; empty objects and arrays count as leaves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isBranch(value)) {
    if (prefix || value !== undefined) out.set(prefix, value);
    return out;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The leaves that differ between an audit entry's before and after, in the order they first appear. */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const b = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const a = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const rows: DiffRow[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const inBefore = b.has(path);
    const inAfter = a.has(path);
    if (inBefore && inAfter) {
      if (!same(b.get(path), a.get(path)))
        rows.push({ path, kind: 'changed', before: b.get(path), after: a.get(path) });
    } else if (inAfter) rows.push({ path, kind: 'added', after: a.get(path) });
    else rows.push({ path, kind: 'removed', before: b.get(path) });
  }
  return rows;
}
