import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import {
  assertEditable,
  assertTransition,
  canTransition,
  DOCUMENT_LIFECYCLE,
  defineLifecycle,
  isFinal,
  nextStatuses,
} from './lifecycle';

function refusal(f: () => void): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('document lifecycle', () => {
  it('moves draft → posted → reversed and nowhere else', () => {
    expect(canTransition(DOCUMENT_LIFECYCLE, 'draft', 'posted')).toBe(true);
    expect(canTransition(DOCUMENT_LIFECYCLE, 'posted', 'reversed')).toBe(true);
    expect(canTransition(DOCUMENT_LIFECYCLE, 'draft', 'reversed')).toBe(false);
    expect(canTransition(DOCUMENT_LIFECYCLE, 'reversed', 'posted')).toBe(false);
    expect(canTransition(DOCUMENT_LIFECYCLE, 'unknown', 'posted')).toBe(false);
    expect(isFinal(DOCUMENT_LIFECYCLE, 'reversed')).toBe(true);
  });

  it('refuses with the codes stock has always answered with', () => {
    const codeOf = (from: string, to: 'posted' | 'reversed') =>
      refusal(() => assertTransition(DOCUMENT_LIFECYCLE, from, to));
    expect([codeOf('posted', 'posted').kind, codeOf('posted', 'posted').code]).toEqual([
      'conflict',
      'document_not_draft',
    ]);
    expect(codeOf('reversed', 'posted').code).toBe('document_not_draft');
    expect(codeOf('draft', 'reversed').code).toBe('document_not_posted');
    expect(codeOf('reversed', 'reversed').code).toBe('already_reversed');
    const e = refusal(() =>
      assertEditable(DOCUMENT_LIFECYCLE, 'posted', { params: { number: '0000000001' } }),
    );
    expect([e.kind, e.code, e.options.params]).toEqual([
      'conflict',
      'document_not_draft',
      { number: '0000000001' },
    ]);
    expect(() => assertEditable(DOCUMENT_LIFECYCLE, 'draft')).not.toThrow();
  });

  it('lets the caller give the facts of each refusal', () => {
    const e = refusal(() =>
      assertTransition(DOCUMENT_LIFECYCLE, 'draft', 'reversed', (code) => ({
        extra: { code, documentId: 'd1' },
      })),
    );
    expect(e.options.extra).toEqual({ code: 'document_not_posted', documentId: 'd1' });
  });
});

describe('a service order state machine on the same functions', () => {
  const ORDER = defineLifecycle({
    initial: 'received',
    transitions: {
      received: ['diagnosed', 'cancelled'],
      diagnosed: ['quoted', 'in_repair', 'cancelled'],
      quoted: ['approved', 'cancelled'],
      approved: ['in_repair', 'cancelled'],
      in_repair: ['ready'],
      ready: ['delivered'],
      delivered: [],
      cancelled: [],
    },
    editable: ['received', 'diagnosed', 'quoted'],
    refusals: { cancelled: 'order_not_cancellable', delivered: { '*': 'order_not_ready' } },
    notEditable: 'order_locked',
  });

  it('walks the happy path and the cancel branches', () => {
    const path = ['received', 'diagnosed', 'quoted', 'approved', 'in_repair', 'ready', 'delivered'] as const;
    for (let i = 1; i < path.length; i++)
      expect(() =>
        assertTransition(ORDER, path[i - 1] as string, path[i] as (typeof path)[number]),
      ).not.toThrow();
    expect(nextStatuses(ORDER, 'diagnosed')).toEqual(['quoted', 'in_repair', 'cancelled']);
    expect(isFinal(ORDER, 'delivered')).toBe(true);
    expect(isFinal(ORDER, 'ready')).toBe(false);
  });

  it('refuses skipped steps and moves out of final statuses, with its own codes', () => {
    const skip = refusal(() => assertTransition(ORDER, 'received', 'approved'));
    expect([skip.kind, skip.code, skip.options.params]).toEqual([
      'conflict',
      'invalid_transition',
      { from: 'received', to: 'approved' },
    ]);
    expect(refusal(() => assertTransition(ORDER, 'in_repair', 'cancelled')).code).toBe(
      'order_not_cancellable',
    );
    expect(refusal(() => assertTransition(ORDER, 'approved', 'delivered')).code).toBe('order_not_ready');
    expect(refusal(() => assertTransition(ORDER, 'delivered', 'received')).code).toBe('invalid_transition');
    expect(refusal(() => assertEditable(ORDER, 'in_repair')).code).toBe('order_locked');
  });

  it('refuses a definition that names a status it does not have', () => {
    expect(() => defineLifecycle({ initial: 'open', transitions: { open: ['shut' as 'open'] } })).toThrow(
      /unknown statuses: shut/,
    );
  });
});
