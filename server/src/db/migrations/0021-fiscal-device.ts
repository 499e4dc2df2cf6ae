import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * The fiscal device (ADR 0017, issue 13 item 4): the company's device setting, the УНП counters (FIS-05) and the log
 * of tasks sent to the device (FP-04).
 */
export const fiscalDevice: Migration = {
  name: '0021-fiscal-device',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('fiscal_device_settings')
      .$call((t) => c.id(t))
      .$call((t) => c.text(t, 'kind', (x) => x.notNull().check(sql`kind in ('none', 'erpnet_fp')`)))
      .$call((t) => c.text(t, 'server_url'))
      .$call((t) => c.text(t, 'printer_id'))
      .$call((t) => c.text(t, 'operator'))
      .$call((t) => c.text(t, 'operator_password'))
      .$call((t) => c.date(t, 'eur_from', (x) => x.notNull()))
      .$call((t) => c.json(t, 'tax_groups', (x) => x.notNull()))
      .$call((t) => c.text(t, 'device_serial_number'))
      .$call((t) => c.text(t, 'fiscal_memory_serial_number'))
      .$call((t) => c.text(t, 'device_model'))
      .$call((t) => c.int(t, 'item_text_max_length'))
      .$call((t) => c.instant(t, 'checked_at'))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createTable('fiscal_sale_counter')
      .$call((t) => c.text(t, 'prefix', (x) => x.primaryKey()))
      .$call((t) => c.bigint(t, 'next_number', (x) => x.notNull()))
      .execute();
    await db.schema
      .createTable('fiscal_device_task')
      .$call((t) => c.id(t))
      .$call((t) =>
        c.text(t, 'action', (x) =>
          x
            .notNull()
            .check(
              sql`action in ('receipt', 'reversal', 'deposit', 'withdraw', 'x_report', 'z_report', 'duplicate')`,
            ),
        ),
      )
      .$call((t) =>
        c.text(t, 'status', (x) =>
          x.notNull().check(sql`status in ('sent', 'done', 'failed', 'pending', 'unknown')`),
        ),
      )
      .$call((t) => c.text(t, 'unique_sale_number'))
      .$call((t) => c.bigint(t, 'amount_cents'))
      .$call((t) => c.text(t, 'currency'))
      .$call((t) => c.json(t, 'request_json'))
      .$call((t) => c.json(t, 'result_json'))
      .$call((t) => c.text(t, 'error_code'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'finished_at'))
      .execute();
    await db.schema
      .createIndex('fiscal_device_task_created_idx')
      .on('fiscal_device_task')
      .column('created_at')
      .execute();
    await db.schema
      .createIndex('fiscal_device_task_usn_idx')
      .on('fiscal_device_task')
      .column('unique_sale_number')
      .execute();
  },
};
