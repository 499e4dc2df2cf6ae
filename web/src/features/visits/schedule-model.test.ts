import type { Booking } from '@servix/server/modules/visits/visits.schema';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  daysOffSet,
  eventsOf,
  hoursOf,
  isDayOff,
  isWorkingAt,
  loadLevel,
  moveBodyOf,
  rangeOf,
  refusalOf,
} from './schedule-model';

const BOOKING: Booking = {
  id: 'b-1',
  kind: 'visit',
  status: 'planned',
  requestId: 'r-1',
  orderId: null,
  orderNumber: null,
  orderStatus: null,
  startedAt: null,
  title: 'Хотел Мусала, Лоби',
  start: '2026-12-08T07:00:00.000Z',
  end: '2026-12-08T08:30:00.000Z',
  date: '2026-12-08',
  normMinutes: 60,
  travelMinutes: 30,
  actualMinutes: null,
  overrideReason: null,
  technicians: [
    { id: 't-1', name: 'Асен' },
    { id: 't-2', name: 'Борис' },
  ],
};

describe('bookings on the calendar', () => {
  it('puts a booking in the column of each of its technicians and leaves cancelled ones out', () => {
    const events = eventsOf([
      BOOKING,
      { ...BOOKING, id: 'b-2', status: 'cancelled', technicians: [] },
      {
        ...BOOKING,
        id: 'b-3',
        kind: 'work_block',
        requestId: null,
        orderNumber: '0000000042',
        title: 'Samsung WW90',
        technicians: [{ id: 't-1', name: 'Асен' }],
        overrideReason: 'спешно',
      },
    ]);
    expect(events.map((e) => [e.id, e.resourceId, e.title])).toEqual([
      ['b-1:t-1', 't-1', 'Хотел Мусала, Лоби'],
      ['b-1:t-2', 't-2', 'Хотел Мусала, Лоби'],
      ['b-3:t-1', 't-1', '0000000042 · Samsung WW90'],
    ]);
    expect(events[0]?.start.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(events[0]?.technicianIds).toEqual(['t-1', 't-2']);
    expect(events[2]?.overridden).toBe(true);
  });

  it('asks the server for only what a drag or a resize changed', () => {
    const [event] = eventsOf([BOOKING]);
    if (!event) throw new Error('no event');
    const later = new Date('2026-12-08T09:00:00.000Z');
    // Moved within the column: the start only, the length kept.
    expect(moveBodyOf(event, later, new Date('2026-12-08T10:30:00.000Z'), 't-1')).toEqual({
      start: '2026-12-08T09:00:00.000Z',
    });
    // Stretched: the duration only.
    expect(moveBodyOf(event, event.start, new Date('2026-12-08T09:00:00.000Z'), 't-1')).toEqual({
      durationMinutes: 120,
    });
    // Dropped on another column: that technician instead of the dragged column's, the other one kept.
    expect(moveBodyOf(event, event.start, event.end, 't-3')).toEqual({ technicianIds: ['t-2', 't-3'] });
    // Dropped on the other technician of the booking: just that one.
    expect(moveBodyOf(event, event.start, event.end, 't-2')).toEqual({ technicianIds: ['t-2'] });
    expect(moveBodyOf(event, event.start, event.end, 't-1')).toBeNull();
  });
});

describe('the days a view reads', () => {
  it('is the day, or its week from Monday to Sunday', () => {
    // Thursday 10 December 2026.
    const thursday = new Date(2026, 11, 10, 15, 30);
    expect(rangeOf('day', thursday)).toEqual({ from: '2026-12-10', to: '2026-12-10' });
    expect(rangeOf('week', thursday)).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    // A Sunday belongs to the week that began the Monday before.
    expect(rangeOf('week', new Date(2026, 11, 13))).toEqual({ from: '2026-12-07', to: '2026-12-13' });
  });

  it('greys a technician’s own day off and everyone’s holiday', () => {
    const off = daysOffSet([
      { technicianId: 't-1', date: '2026-12-08' },
      { technicianId: null, date: '2026-12-24' },
    ]);
    expect(isDayOff(off, 't-1', new Date(2026, 11, 8, 10, 0))).toBe(true);
    expect(isDayOff(off, 't-2', new Date(2026, 11, 8, 10, 0))).toBe(false);
    expect(isDayOff(off, 't-2', new Date(2026, 11, 24, 9, 0))).toBe(true);
  });

  it('greys what is outside a technician’s working hours', () => {
    const hours = [{ weekday: 1, startMinute: 8 * 60, endMinute: 17 * 60 }];
    expect(isWorkingAt(hours, new Date(2026, 11, 7, 8, 0))).toBe(true);
    expect(isWorkingAt(hours, new Date(2026, 11, 7, 16, 45))).toBe(true);
    expect(isWorkingAt(hours, new Date(2026, 11, 7, 17, 0))).toBe(false);
    expect(isWorkingAt(hours, new Date(2026, 11, 8, 9, 0))).toBe(false);
  });
});

describe('a refused booking', () => {
  const problem = (code: string, status = 409) =>
    new ApiError({
      status,
      code,
      detail: 'Асен има друго посещение на 08.12.2026 09:00–10:30.',
      conflicts: [
        { code: 'booking_overlap', technicianId: 't-1', bookingId: 'b-9' },
        { code: 'outside_working_hours', technicianId: 't-1' },
      ],
    } as never);

  it('reads the conflict the server named and all it found', () => {
    const refusal = refusalOf(problem('booking_overlap'));
    expect(refusal?.code).toBe('booking_overlap');
    expect(refusal?.message).toContain('Асен има друго посещение');
    expect(refusal?.conflicts.map((c) => c.code)).toEqual(['booking_overlap', 'outside_working_hours']);
  });

  it('is not a conflict for other failures', () => {
    expect(refusalOf(problem('visit_request_closed'))).toBeNull();
    expect(refusalOf(problem('booking_overlap', 400))).toBeNull();
    expect(refusalOf(new Error('network'))).toBeNull();
  });
});

describe('the heat map', () => {
  it('colours a cell free, busy from 80 %, over past 100 % and off with no working time', () => {
    expect([null, 0, 79, 80, 100, 101].map(loadLevel)).toEqual([
      'off',
      'free',
      'free',
      'busy',
      'busy',
      'over',
    ]);
    expect([480, 450, 0, 65].map((m) => hoursOf(m))).toEqual(['8', '7,5', '0', '1,1']);
    expect(hoursOf(90, 'en')).toBe('1.5');
  });
});

describe('the heat map’s periods', () => {
  it('shows the week of a day, six weeks from its Monday, or three months from its first', async () => {
    const { occupancyRange } = await import('./occupancy-page');
    const day = occupancyRange('day', '2026-12-10');
    expect([day.from, day.to]).toEqual(['2026-12-07', '2026-12-13']);
    expect(day.step(day.from, 1)).toBe('2026-12-14');
    const week = occupancyRange('week', '2026-12-10');
    expect([week.from, week.to]).toEqual(['2026-12-07', '2027-01-17']);
    const month = occupancyRange('month', '2026-12-10');
    expect([month.from, month.to]).toEqual(['2026-12-01', '2027-02-28']);
    expect(month.step(month.from, -1)).toBe('2026-09-01');
  });
});
