import type { Migration } from './helpers';

/**
 * Starting a visit (issue 14, ADR 0033): when the technician starts a booked visit it becomes an on-site service
 * order. The booking keeps that order in visit_order_id (order_id stays the order a work block is for: the target
 * check of 0036 keeps a visit's order_id null) and the instant it started, so the phone can prefill the actual
 * minutes and the schedule can tell a started visit from a planned one.
 */
export const visitStart: Migration = {
  name: '0038-visit-start',
  async up(db, dialect) {
    await db.schema
      .alterTable('visit_booking')
      .addColumn('visit_order_id', 'text', (x) => x.references('service_order.id'))
      .execute();
    await db.schema
      .alterTable('visit_booking')
      .addColumn('started_at', dialect === 'postgres' ? 'timestamptz' : 'text')
      .execute();
    await db.schema
      .createIndex('visit_booking_visit_order_id_idx')
      .on('visit_booking')
      .column('visit_order_id')
      .execute();
  },
};
