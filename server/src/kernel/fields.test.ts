import { describe, expect, it } from 'vitest';
import { type FieldRule, visibleFor } from './fields';

const RULE = {
  cost: { roles: ['admin', 'storekeeper'], keys: ['costCents', 'valueCents'] },
  pay: { roles: ['admin'], keys: ['pay'] },
} as const satisfies FieldRule;

const DOC = {
  id: 'd-1',
  valueCents: 100,
  lines: [{ qty: 1, costCents: 5, valueCents: 5, nested: { valueCents: 1, keep: true } }],
  pay: { rateCents: 1 },
  at: new Date(0),
  none: null,
};

describe('visibleFor: one view of an entity’s confidential fields per role', () => {
  it('leaves the keys of the hidden groups out at any depth, and keeps the rest as it was', () => {
    const seen = visibleFor('storekeeper', RULE);
    expect(seen.sees('cost')).toBe(true);
    expect(seen.sees('pay')).toBe(false);
    const stripped = seen.strip(DOC);
    expect(stripped).toEqual({ ...DOC, pay: undefined });
    expect('pay' in stripped).toBe(false);

    const none = visibleFor('technician', RULE).strip(DOC);
    expect(none).toEqual({ id: 'd-1', lines: [{ qty: 1, nested: { keep: true } }], at: DOC.at, none: null });
    expect(JSON.stringify(none)).not.toMatch(/Cents|pay/);
    // The input is untouched; class instances (a Date) are kept as they are.
    expect(DOC.lines[0]?.costCents).toBe(5);
    expect(none.at).toBe(DOC.at);
  });

  it('gives everything to a role that sees every group, and nothing confidential to no role', () => {
    expect(visibleFor('admin', RULE).strip(DOC)).toBe(DOC);
    expect(visibleFor(null, RULE).sees('cost')).toBe(false);
  });

  it('cuts the CSV columns of the hidden groups, and the sorts by a hidden key', () => {
    const columns = [
      { header: 'id', value: (r: typeof DOC) => r.id },
      { header: 'value_eur', group: 'cost' as const, value: (r: typeof DOC) => r.valueCents },
    ];
    expect(
      visibleFor('reception', RULE)
        .columns(columns)
        .map((c) => c.header),
    ).toEqual(['id']);
    const all = visibleFor('admin', RULE).columns(columns);
    expect(all.map((c) => c.header)).toEqual(['id', 'value_eur']);
    expect('group' in (all[1] ?? {})).toBe(false);

    const reception = visibleFor('reception', RULE);
    expect(reception.sort('-valueCents')).toBeUndefined();
    expect(reception.sort('valueCents')).toBeUndefined();
    expect(reception.sort('-documentDate')).toBe('-documentDate');
    expect(reception.sort(undefined)).toBeUndefined();
    expect(visibleFor('admin', RULE).sort('-valueCents')).toBe('-valueCents');
  });
});
