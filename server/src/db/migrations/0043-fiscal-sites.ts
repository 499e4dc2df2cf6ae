import { newId } from '../../kernel/ids';
import { columns, type Migration } from './helpers';

/**
 * Sale sites, several fiscal devices and workstations (FIS-05, ADR 0041):
 * - fiscal_site: the търговски обект (name, address, the NAP site code);
 * - fiscal_device_settings becomes one row per device: its site, name, the ФУ number, the cash desk it counts into,
 *   active (the oldest row stays the default device, the one the old single setting API edits);
 * - fiscal_workstation: a работно място of a site and the device it prints on;
 * - sale_receipt: the site, workstation and device it was sold at, and the invoices a payment's receipt paid;
 * - fiscal_device_task: the device it was sent to.
 * An installation with a device setting gets a default site "Основен обект", the device in it and a workstation
 * "Каса 1" on it; the cash desk ticked as the device's becomes the device's cash desk; its tasks and receipts are
 * the device's.
 */
export const fiscalSites: Migration = {
  name: '0043-fiscal-sites',
  async up(db, dialect) {
    const c = columns(dialect);
    const pg = dialect === 'postgres';
    await db.schema
      .createTable('fiscal_site')
      .$call((t) => c.id(t))
      .$call((t) => c.text(t, 'name', (x) => x.notNull()))
      .$call((t) => c.text(t, 'address', (x) => x.notNull().defaultTo('')))
      .$call((t) => c.text(t, 'nap_site_code'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();
    await db.schema.createIndex('fiscal_site_name_uq').on('fiscal_site').column('name').unique().execute();

    await db.schema
      .alterTable('fiscal_device_settings')
      .addColumn('site_id', 'text', (x) => x.references('fiscal_site.id'))
      .execute();
    await db.schema.alterTable('fiscal_device_settings').addColumn('name', 'text').execute();
    await db.schema.alterTable('fiscal_device_settings').addColumn('fiscal_number', 'text').execute();
    await db.schema
      .alterTable('fiscal_device_settings')
      .addColumn('cash_desk_id', 'text', (x) => x.references('money_account.id'))
      .execute();
    await db.schema
      .alterTable('fiscal_device_settings')
      .addColumn('active', pg ? 'boolean' : 'integer', (x) => x.notNull().defaultTo(pg ? true : 1))
      .execute();
    await db.schema
      .createIndex('fiscal_device_fiscal_number_uq')
      .on('fiscal_device_settings')
      .column('fiscal_number')
      .unique()
      .execute();

    await db.schema
      .createTable('fiscal_workstation')
      .$call((t) => c.id(t))
      .$call((t) => c.ref(t, 'site_id', 'fiscal_site', (x) => x.notNull()))
      .$call((t) => c.text(t, 'name', (x) => x.notNull()))
      .$call((t) => c.ref(t, 'device_id', 'fiscal_device_settings'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('fiscal_workstation_name_uq')
      .on('fiscal_workstation')
      .columns(['site_id', 'name'])
      .unique()
      .execute();

    for (const column of ['site_id', 'workstation_id', 'device_id', 'invoice_numbers'])
      await db.schema.alterTable('sale_receipt').addColumn(column, 'text').execute();
    await db.schema.createIndex('sale_receipt_site_idx').on('sale_receipt').column('site_id').execute();
    await db.schema
      .createIndex('sale_receipt_workstation_idx')
      .on('sale_receipt')
      .column('workstation_id')
      .execute();
    await db.schema.alterTable('fiscal_device_task').addColumn('device_id', 'text').execute();

    // The one device of an installation set up before: a default site and workstation around it.
    const device = await db
      .selectFrom('fiscal_device_settings')
      .select('id')
      .orderBy('id')
      .executeTakeFirst();
    if (!device) return;
    const now = new Date().toISOString();
    const siteId = newId();
    await db
      .insertInto('fiscal_site')
      .values({
        id: siteId,
        name: 'Основен обект',
        address: '',
        nap_site_code: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const desk = await db
      .selectFrom('money_account')
      .select('id')
      .where('fiscal_device', '=', pg ? true : 1)
      .executeTakeFirst();
    await db
      .updateTable('fiscal_device_settings')
      .set({ site_id: siteId, name: 'ФУ 1', cash_desk_id: desk?.id ?? null })
      .where('id', '=', device.id)
      .execute();
    const workstationId = newId();
    await db
      .insertInto('fiscal_workstation')
      .values({
        id: workstationId,
        site_id: siteId,
        name: 'Каса 1',
        device_id: device.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db.updateTable('fiscal_device_task').set({ device_id: device.id }).execute();
    await db
      .updateTable('sale_receipt')
      .set({ site_id: siteId, workstation_id: workstationId, device_id: device.id })
      .execute();
  },
};
