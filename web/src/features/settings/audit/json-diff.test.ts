import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff';

describe('diffJson', () => {
  it('lists only the leaves that changed, with nested paths', () => {
    const before = { legalName: 'А ЕООД', uic: null, bankAccounts: [{ iban: 'BG1', bic: 'X' }] };
    const after = { legalName: 'А ЕООД', uic: '131468980', bankAccounts: [{ iban: 'BG2', bic: 'X' }] };
    expect(diffJson(before, after)).toEqual([
      { path: 'uic', kind: 'changed', before: null, after: '131468980' },
      { path: 'bankAccounts.0.iban', kind: 'changed', before: 'BG1', after: 'BG2' },
    ]);
  });

  it('shows a created record as added values and a removed one as removed values', () => {
    expect(diffJson(null, { name: 'Ключ' })).toEqual([{ path: 'name', kind: 'added', after: 'Ключ' }]);
    expect(diffJson({ name: 'Ключ' }, null)).toEqual([{ path: 'name', kind: 'removed', before: 'Ключ' }]);
  });

  it('treats an emptied list as a change of its elements', () => {
    expect(diffJson({ list: [1] }, { list: [] })).toEqual([
      { path: 'list.0', kind: 'removed', before: 1 },
      { path: 'list', kind: 'added', after: [] },
    ]);
  });
});
