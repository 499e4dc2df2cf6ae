import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../test/database-before';
import { DIALECTS } from '../../../test/harness';
import { newId } from '../../kernel/ids';
import { migrateToLatest } from '../migrate';

describe.each(DIALECTS)('migration 0043-fiscal-sites on %s', (dialect) => {
  it('FIS-05: an installation with its one device setting gets a default site, the device in it with the till it counted, a workstation on it, and its tasks; one without a device gets none', async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0043-fiscal-sites');
    const pg = dialect === 'postgres';
    try {
      const now = new Date().toISOString();
      const deviceId = newId();
      const deskId = newId();
      const taskId = newId();
      await handle.db
        .insertInto('money_account')
        .values({
          id: deskId,
          kind: 'cash',
          name: 'Каса',
          currency: 'EUR',
          fiscal_device: pg ? true : 1,
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
      await handle.db
        .insertInto('fiscal_device_settings')
        .values({
          id: deviceId,
          kind: 'erpnet_fp',
          server_url: 'http://127.0.0.1:8001',
          printer_id: 'dt517985',
          operator: '1',
          operator_password: 'pw',
          eur_from: '2026-01-01',
          tax_groups: '[]',
          device_serial_number: 'DT517985',
          updated_at: now,
        } as never)
        .execute();
      await handle.db
        .insertInto('fiscal_device_task')
        .values({ id: taskId, action: 'z_report', status: 'done', created_at: now } as never)
        .execute();

      await migrateToLatest(handle, file);

      const sites = await handle.db.selectFrom('fiscal_site').selectAll().execute();
      expect(sites.map((s) => s.name)).toEqual(['Основен обект']);
      const device = await handle.db
        .selectFrom('fiscal_device_settings')
        .selectAll()
        .where('id', '=', deviceId)
        .executeTakeFirstOrThrow();
      expect(device).toMatchObject({
        site_id: sites[0]?.id,
        name: 'ФУ 1',
        cash_desk_id: deskId,
        kind: 'erpnet_fp',
        printer_id: 'dt517985',
        device_serial_number: 'DT517985',
        fiscal_number: null,
      });
      expect(Boolean(device.active)).toBe(true);
      const workstations = await handle.db.selectFrom('fiscal_workstation').selectAll().execute();
      expect(workstations.map((w) => [w.name, w.site_id, w.device_id])).toEqual([
        ['Каса 1', sites[0]?.id, deviceId],
      ]);
      const task = await handle.db
        .selectFrom('fiscal_device_task')
        .select('device_id')
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
      expect(task.device_id).toBe(deviceId);
    } finally {
      await handle.close();
      await drop();
    }
  });

  it('an installation that never saved a device gets no site, device or workstation', async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0043-fiscal-sites');
    try {
      await migrateToLatest(handle, file);
      expect(await handle.db.selectFrom('fiscal_site').selectAll().execute()).toEqual([]);
      expect(await handle.db.selectFrom('fiscal_workstation').selectAll().execute()).toEqual([]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});
