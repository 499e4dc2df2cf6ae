import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { type AuditAction, type AuditEntity, recordAudit } from '../audit';
import { takeNumber } from './numbering.service';

describe.each(DIALECTS)('document numbering on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('200 concurrent issuers get 200 consecutive numbers: no gap, no duplicate', async () => {
    await t.setup();
    const taken = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          const n = await takeNumber(trx, 'invoice');
          // The number is used by a write in the same transaction, as a real document would be.
          await recordAudit(trx, SYSTEM_ACTOR, {
            // The test's own document, which no module writes.
            action: 'test.issue' as string as AuditAction,
            entity: 'test_doc' as string as AuditEntity,
            entityId: `${i}`,
            after: n,
          });
          return n;
        }),
      ),
    );
    const numbers = taken.map((x) => x.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(taken.find((x) => x.number === 1)?.formatted).toBe('0000000001');
    expect(taken.find((x) => x.number === 200)?.formatted).toBe('0000000200');
  });

  it('a transaction that fails after taking a number leaves no gap', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          const n = await takeNumber(trx, 'stock_receipt');
          if (i % 3 === 0) throw new Error('failed after taking a number');
          return n.number;
        }),
      ),
    );
    const committed = outcomes
      .flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
      .sort((a, b) => a - b);
    expect(committed.length).toBe(40 - 14);
    expect(committed).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
    const next = await t.db.transaction().execute((trx) => takeNumber(trx, 'stock_receipt'));
    expect(next.number).toBe(committed.length + 1);
  });

  it('series are separate: each document kind counts on its own', async () => {
    const quote = await t.db.transaction().execute((trx) => takeNumber(trx, 'quote'));
    expect(quote.number).toBe(1);
  });
});
