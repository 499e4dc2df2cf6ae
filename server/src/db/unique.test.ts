import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { isUniqueViolation } from './unique';

describe('isUniqueViolation', () => {
  it('is false for anything that is not a unique violation', () => {
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })).toBe(false);
  });
});

describe.each(DIALECTS)('isUniqueViolation on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await sql`create table unique_probe (id integer primary key, code text not null)`.execute(t.handle.db);
    await sql`create unique index unique_probe_code_key on unique_probe (code)`.execute(t.handle.db);
    await sql`insert into unique_probe (id, code) values (1, 'A')`.execute(t.handle.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('recognises the violation, and the violated column or index when asked', async () => {
    const error = await sql`insert into unique_probe (id, code) values (2, 'A')`.execute(t.handle.db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'code')).toBe(true);
    expect(isUniqueViolation(error, 'serial_number')).toBe(false);
  });
});
