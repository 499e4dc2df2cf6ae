import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Visit requests and the technicians' schedule (issue 14, ADR 0031): a request names the customer's site, the
 * installed items, the planned services, the customer's time windows; a booking puts one or more technicians on a
 * slot (a visit for a request, or a work block for a service order in the shop), with its history; days off; the
 * travel time per site; one lock row per technician that serialises booking on PostgreSQL.
 */
export const visits: Migration = {
  name: '0036-visits',
  async up(db, dialect) {
    const c = columns(dialect);

    let r = db.schema.createTable('visit_request');
    r = c.id(r);
    r = c.ref(r, 'party_id', 'party', (x) => x.notNull());
    r = c.ref(r, 'site_id', 'site', (x) => x.notNull());
    r = c.text(r, 'problem', (x) => x.notNull());
    r = c.text(r, 'priority', (x) => x.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`));
    r = c.text(r, 'status', (x) =>
      x.notNull().check(sql`status in ('new', 'planned', 'in_progress', 'done', 'cancelled')`),
    );
    r = c.text(r, 'source', (x) =>
      x.notNull().check(sql`source in ('phone', 'email', 'web', 'contract', 'other')`),
    );
    r = c.text(r, 'contact_name');
    r = c.text(r, 'contact_phone');
    r = c.text(r, 'notes');
    r = c.int(r, 'expected_minutes', (x) => x.notNull().check(sql`expected_minutes >= 0`));
    r = c.text(r, 'search_text', (x) => x.notNull());
    r = c.ref(r, 'created_by', 'app_user');
    r = c.instant(r, 'status_changed_at', (x) => x.notNull());
    r = c.instant(r, 'created_at', (x) => x.notNull());
    r = c.instant(r, 'updated_at', (x) => x.notNull());
    await r.execute();
    for (const col of ['party_id', 'site_id', 'created_by'])
      await db.schema.createIndex(`visit_request_${col}_idx`).on('visit_request').column(col).execute();
    await db.schema
      .createIndex('visit_request_status_idx')
      .on('visit_request')
      .columns(['status', 'created_at'])
      .execute();

    let i = db.schema.createTable('visit_request_item');
    i = c.id(i);
    i = c.ref(i, 'request_id', 'visit_request', (x) => x.notNull());
    i = c.ref(i, 'item_id', 'item', (x) => x.notNull());
    i = c.instant(i, 'created_at', (x) => x.notNull());
    await i.execute();
    await db.schema
      .createIndex('visit_request_item_uq')
      .on('visit_request_item')
      .columns(['request_id', 'item_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('visit_request_item_item_idx')
      .on('visit_request_item')
      .column('item_id')
      .execute();

    let s = db.schema.createTable('visit_request_service');
    s = c.id(s);
    s = c.ref(s, 'request_id', 'visit_request', (x) => x.notNull());
    s = c.ref(s, 'service_type_id', 'catalog_service_type', (x) => x.notNull());
    s = c.ref(s, 'item_id', 'item');
    s = c.bigint(s, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    s = c.int(s, 'norm_minutes', (x) => x.notNull().check(sql`norm_minutes >= 0`));
    s = c.int(s, 'position', (x) => x.notNull());
    s = c.instant(s, 'created_at', (x) => x.notNull());
    await s.execute();
    for (const col of ['request_id', 'service_type_id', 'item_id'])
      await db.schema
        .createIndex(`visit_request_service_${col}_idx`)
        .on('visit_request_service')
        .column(col)
        .execute();

    let w = db.schema.createTable('visit_request_window');
    w = c.id(w);
    w = c.ref(w, 'request_id', 'visit_request', (x) => x.notNull());
    w = c.instant(w, 'start_at', (x) => x.notNull());
    w = c.instant(w, 'end_at', (x) => x.notNull().check(sql`end_at > start_at`));
    await w.execute();
    await db.schema
      .createIndex('visit_request_window_request_idx')
      .on('visit_request_window')
      .column('request_id')
      .execute();

    let b = db.schema.createTable('visit_booking');
    b = c.id(b);
    b = c.text(b, 'kind', (x) => x.notNull().check(sql`kind in ('visit', 'work_block')`));
    b = c.ref(b, 'request_id', 'visit_request');
    b = c.ref(b, 'order_id', 'service_order');
    b = c.text(b, 'status', (x) => x.notNull().check(sql`status in ('planned', 'done', 'cancelled')`));
    b = c.instant(b, 'start_at', (x) => x.notNull());
    b = c.instant(b, 'end_at', (x) => x.notNull().check(sql`end_at > start_at`));
    b = c.date(b, 'local_date', (x) => x.notNull());
    b = c.int(b, 'norm_minutes', (x) => x.notNull().check(sql`norm_minutes >= 0`));
    b = c.int(b, 'travel_minutes', (x) => x.notNull().check(sql`travel_minutes >= 0`));
    b = c.int(b, 'actual_minutes', (x) => x.check(sql`actual_minutes >= 0`));
    b = c.text(b, 'override_reason');
    b = c.ref(b, 'overridden_by', 'app_user');
    b = c.ref(b, 'created_by', 'app_user');
    b = c.instant(b, 'done_at');
    b = c.instant(b, 'created_at', (x) => x.notNull());
    b = c.instant(b, 'updated_at', (x) => x.notNull());
    b = b.addCheckConstraint(
      'visit_booking_target_ck',
      sql`(kind = 'visit' and request_id is not null and order_id is null) or (kind = 'work_block' and order_id is not null and request_id is null)`,
    );
    await b.execute();
    for (const col of ['request_id', 'order_id', 'overridden_by', 'created_by'])
      await db.schema.createIndex(`visit_booking_${col}_idx`).on('visit_booking').column(col).execute();
    await db.schema
      .createIndex('visit_booking_start_idx')
      .on('visit_booking')
      .columns(['start_at'])
      .execute();

    // One row per technician of a live booking (planned or done), with the booking's slot copied: the overlap
    // check and the calendar read one index. A cancelled booking has none (its history keeps who it was for).
    let t = db.schema.createTable('visit_booking_technician');
    t = c.id(t);
    t = c.ref(t, 'booking_id', 'visit_booking', (x) => x.notNull());
    t = c.ref(t, 'technician_id', 'technician', (x) => x.notNull());
    t = c.instant(t, 'start_at', (x) => x.notNull());
    t = c.instant(t, 'end_at', (x) => x.notNull());
    t = c.date(t, 'local_date', (x) => x.notNull());
    await t.execute();
    await db.schema
      .createIndex('visit_booking_technician_uq')
      .on('visit_booking_technician')
      .columns(['booking_id', 'technician_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('visit_booking_technician_slot_idx')
      .on('visit_booking_technician')
      .columns(['technician_id', 'start_at', 'end_at'])
      .execute();
    await db.schema
      .createIndex('visit_booking_technician_date_idx')
      .on('visit_booking_technician')
      .columns(['local_date', 'technician_id'])
      .execute();

    let h = db.schema.createTable('visit_booking_event');
    h = c.id(h);
    h = c.ref(h, 'booking_id', 'visit_booking', (x) => x.notNull());
    h = c.text(h, 'action', (x) =>
      x.notNull().check(sql`action in ('book', 'move', 'reassign', 'cancel', 'done')`),
    );
    h = c.instant(h, 'from_start_at');
    h = c.instant(h, 'from_end_at');
    h = c.instant(h, 'to_start_at');
    h = c.instant(h, 'to_end_at');
    h = c.json(h, 'technicians_before');
    h = c.json(h, 'technicians_after');
    h = c.text(h, 'override_reason');
    h = c.text(h, 'reason');
    h = c.ref(h, 'actor_id', 'app_user');
    h = c.instant(h, 'created_at', (x) => x.notNull());
    await h.execute();
    await db.schema
      .createIndex('visit_booking_event_booking_idx')
      .on('visit_booking_event')
      .column('booking_id')
      .execute();
    await db.schema
      .createIndex('visit_booking_event_actor_idx')
      .on('visit_booking_event')
      .column('actor_id')
      .execute();

    let d = db.schema.createTable('visit_day_off');
    d = c.id(d);
    d = c.ref(d, 'technician_id', 'technician');
    d = c.date(d, 'date', (x) => x.notNull());
    d = c.text(d, 'note');
    d = c.instant(d, 'created_at', (x) => x.notNull());
    await d.execute();
    await db.schema
      .createIndex('visit_day_off_date_idx')
      .on('visit_day_off')
      .columns(['date', 'technician_id'])
      .execute();
    await db.schema
      .createIndex('visit_day_off_technician_idx')
      .on('visit_day_off')
      .column('technician_id')
      .execute();

    let v = db.schema.createTable('visit_site_travel');
    v = c.ref(v, 'site_id', 'site', (x) => x.primaryKey());
    v = c.int(v, 'travel_minutes', (x) => x.notNull().check(sql`travel_minutes >= 0`));
    v = c.instant(v, 'updated_at', (x) => x.notNull());
    await v.execute();

    let g = db.schema.createTable('visit_settings');
    g = c.id(g);
    g = c.int(g, 'default_travel_minutes', (x) => x.notNull().check(sql`default_travel_minutes >= 0`));
    g = c.int(g, 'default_visit_minutes', (x) => x.notNull().check(sql`default_visit_minutes > 0`));
    g = c.int(g, 'slot_step_minutes', (x) => x.notNull().check(sql`slot_step_minutes > 0`));
    g = c.instant(g, 'updated_at', (x) => x.notNull());
    await g.execute();

    let l = db.schema.createTable('visit_technician_lock');
    l = c.ref(l, 'technician_id', 'technician', (x) => x.primaryKey());
    await l.execute();
  },
};
