import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../test/database-before';
import { DIALECTS } from '../../../test/harness';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import { createCompany } from '../../modules/company';
import { createCustomerIn } from '../../modules/parties';
import { migrateToLatest } from '../migrate';
import { addDefaultSeries } from './helpers';

describe.each(DIALECTS)('migration 0035-documents-on-the-lifecycle on %s', (dialect) => {
  it("keeps goods notes and proformas made before it, their statuses in the lifecycle's words", async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0035-documents-on-the-lifecycle');
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the tables as they stood before the migration
      const db = handle.db as any;
      await createCompany(handle.db, SYSTEM_ACTOR, 'Стара Фирма ООД');
      const party = await createCustomerIn(handle.db, SYSTEM_ACTOR, {
        kind: 'company',
        name: 'Клиент ООД',
        phones: [],
        emails: [],
        addresses: [],
        contacts: [],
      } as unknown as Parameters<typeof createCustomerIn>[2]);
      await addDefaultSeries(db, dialect, 'goods_delivery_note');
      const { id: seriesId } = await db.selectFrom('numbering_series').select('id').executeTakeFirstOrThrow();
      const at = '2026-03-02T10:00:00.000Z';
      const common = { party_id: party.id, document_date: '2026-03-02', currency: 'EUR', created_at: at };
      const requisites = { supplier_name: 'Стара Фирма ООД', recipient_name: 'Клиент ООД' };
      const money = { net_cents: 1000, vat_cents: 200, total_cents: 1200 };
      const note = newId();
      await db
        .insertInto('goods_note')
        .values({
          id: note,
          series_id: seriesId,
          number: '0000000007',
          status: 'issued',
          ...common,
          ...requisites,
          ...money,
        })
        .execute();
      const proforma = (number: string, status: string) => ({
        id: newId(),
        series_id: seriesId,
        number,
        status,
        ...common,
        ...requisites,
        ...money,
        recipient_kind: 'company',
        payment_method: 'cash',
        search_text: number,
        updated_at: at,
      });
      const rows = [proforma('0000000001', 'issued'), proforma('0000000002', 'cancelled')];
      await db.insertInto('sales_proforma').values(rows).execute();

      await migrateToLatest(handle, file);

      expect(
        await db
          .selectFrom('goods_note')
          .select(['number', 'status', 'posted_at', 'search_text', 'updated_at'])
          .execute(),
      ).toEqual([
        {
          number: '0000000007',
          status: 'posted',
          posted_at: expect.stringMatching(/^2026-03-02/),
          search_text: expect.stringMatching(/^0000000007 клиент оод/),
          updated_at: expect.stringMatching(/^2026-03-02/),
        },
      ]);
      expect(
        await db.selectFrom('sales_proforma').select(['number', 'status']).orderBy('number').execute(),
      ).toEqual([
        { number: '0000000001', status: 'posted' },
        { number: '0000000002', status: 'reversed' },
      ]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});
