import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { lineVatBody, lineVatErrors, lineVatInitial, lineVatOfItem } from './vat-kind-fields';

const t = ((key: string) => key) as unknown as TFunction;
const exempt = { vatRateKind: 'exempt' as const, vatRateBp: 0, vatReason: 'чл. 41 ЗДДС' };
const reduced = { vatRateKind: 'reduced' as const, vatRateBp: 900, vatReason: null };

describe('ADR 0042: a line’s VAT kind in the order and quote line editors', () => {
  it('a new line follows its item’s kind and sends nothing, so the server takes the item’s', () => {
    const fresh = lineVatInitial(undefined, 'bg');
    expect(fresh).toMatchObject({ vatKind: 'standard', chosen: false });
    const ofItem = lineVatOfItem(fresh, exempt, 'bg');
    expect(ofItem).toMatchObject({ vatKind: 'exempt', vatReason: 'чл. 41 ЗДДС', chosen: false });
    expect(lineVatOfItem(ofItem, reduced, 'bg')).toMatchObject({ vatKind: 'reduced', vatReason: '' });
    expect(lineVatBody(ofItem)).toEqual({});
  });

  it('a picked kind stays when the item changes and is sent with its ground', () => {
    const picked = {
      ...lineVatInitial(undefined, 'bg'),
      vatKind: 'zero' as const,
      vatReason: ' чл. 28 ',
      chosen: true,
    };
    expect(lineVatOfItem(picked, reduced, 'bg')).toBe(picked);
    expect(lineVatBody(picked)).toEqual({ vatRateKind: 'zero', vatReason: 'чл. 28' });
    expect(lineVatBody({ ...picked, vatKind: 'standard' })).toEqual({
      vatRateKind: 'standard',
      vatReason: null,
    });
  });

  it('a 0 % or exempt kind without its ground is an error on vatReason; other kinds need none', () => {
    const base = { ...lineVatInitial(exempt, 'en'), chosen: true };
    expect(lineVatErrors({ ...base, vatReason: ' ' }, t)).toEqual({ vatReason: 'validation.required' });
    expect(lineVatErrors(base, t)).toEqual({});
    expect(lineVatErrors({ ...base, vatKind: 'standard', vatReason: '' }, t)).toEqual({});
  });
});
