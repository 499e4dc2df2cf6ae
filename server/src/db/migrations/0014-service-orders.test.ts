import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../test/database-before';
import { DIALECTS } from '../../../test/harness';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { createCompany } from '../../modules/company';
import { migrateToLatest } from '../migrate';

describe.each(DIALECTS)('migration 0014-service-orders on %s', (dialect) => {
  it('an installation set up before it gets the default service order series; a new one gets it at setup', async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0014-service-orders');
    try {
      await createCompany(handle.db, SYSTEM_ACTOR, 'Стара Фирма ООД');
      await migrateToLatest(handle, file);
      const series = await handle.db
        .selectFrom('numbering_series')
        .select(['code', 'next_number'])
        .where('doc_type', '=', 'service_order')
        .where('is_default', '=', true)
        .execute();
      expect(series).toEqual([{ code: 'MAIN', next_number: 1 }]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});
