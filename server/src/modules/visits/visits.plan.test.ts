import { describe, expect, it } from 'vitest';
import { instantAt, wallClockOf, weekdayOf } from '../../kernel/calendar';
import { conflictsOf, dayLoad, earliestFits, freeGaps, intersect, workingSlots } from './visits.plan';

const MON_FRI_8_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantAt(date, (h as number) * 60 + (m as number)).getTime();
};

describe('wall clock in the company time zone', () => {
  it('08:00 in Sofia is 06:00 UTC in winter and 05:00 UTC in summer, also on the days the clocks change', () => {
    expect(instantAt('2030-01-07', 480).toISOString()).toBe('2030-01-07T06:00:00.000Z');
    expect(instantAt('2030-07-01', 480).toISOString()).toBe('2030-07-01T05:00:00.000Z');
    expect(instantAt('2026-03-29', 480).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(instantAt('2026-10-25', 480).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(wallClockOf(new Date('2030-01-06T22:30:00Z'))).toEqual({
      date: '2030-01-07',
      minute: 30,
      weekday: 1,
    });
    expect(weekdayOf('2030-01-07')).toBe(1);
    expect(weekdayOf('2030-01-13')).toBe(7);
  });
});

describe('conflicts of a booking', () => {
  const tech = { id: 't1', hours: MON_FRI_8_17, daysOff: new Set(['2030-01-08']) };
  it('a slot inside the working hours with no other booking has none', () => {
    expect(
      conflictsOf({ start: at('2030-01-07', '08:00'), end: at('2030-01-07', '17:00') }, tech, []),
    ).toEqual([]);
  });
  it('names the overlapped booking; touching slots do not overlap', () => {
    const busy = [{ bookingId: 'b1', start: at('2030-01-07', '09:00'), end: at('2030-01-07', '10:00') }];
    expect(
      conflictsOf({ start: at('2030-01-07', '10:00'), end: at('2030-01-07', '11:00') }, tech, busy),
    ).toEqual([]);
    expect(
      conflictsOf({ start: at('2030-01-07', '08:00'), end: at('2030-01-07', '09:00') }, tech, busy),
    ).toEqual([]);
    expect(
      conflictsOf({ start: at('2030-01-07', '09:59'), end: at('2030-01-07', '10:30') }, tech, busy),
    ).toEqual([
      {
        code: 'booking_overlap',
        technicianId: 't1',
        bookingId: 'b1',
        start: '2030-01-07T07:00:00.000Z',
        end: '2030-01-07T08:00:00.000Z',
      },
    ]);
  });
  it('outside the hours: before the start, past the end, on a Sunday', () => {
    for (const [date, from, to] of [
      ['2030-01-07', '07:45', '09:00'],
      ['2030-01-07', '16:30', '17:01'],
      ['2030-01-13', '10:00', '11:00'],
    ] as const)
      expect(conflictsOf({ start: at(date, from), end: at(date, to) }, tech, [])).toEqual([
        { code: 'outside_working_hours', technicianId: 't1', date },
      ]);
  });
  it('a day off', () => {
    expect(
      conflictsOf({ start: at('2030-01-08', '10:00'), end: at('2030-01-08', '11:00') }, tech, []),
    ).toEqual([{ code: 'technician_day_off', technicianId: 't1', date: '2030-01-08' }]);
  });
});

describe('free slots', () => {
  it('gaps between bookings, cut to the windows, earliest fits on the step grid', () => {
    const working = workingSlots(MON_FRI_8_17, '2030-01-07', false);
    const gaps = freeGaps(working, [
      { start: at('2030-01-07', '08:00'), end: at('2030-01-07', '10:20') },
      { start: at('2030-01-07', '13:00'), end: at('2030-01-07', '14:00') },
    ]);
    expect(gaps).toEqual([
      { start: at('2030-01-07', '10:20'), end: at('2030-01-07', '13:00') },
      { start: at('2030-01-07', '14:00'), end: at('2030-01-07', '17:00') },
    ]);
    const windows = [{ start: at('2030-01-07', '09:00'), end: at('2030-01-07', '16:00') }];
    const allowed = intersect(gaps, windows);
    // 10:20 rounds up to 10:30; 10:30 + 150 min = 13:00 fits exactly; the afternoon gap ends at 16:00: 14:00-16:30 no.
    expect(earliestFits(allowed, 150, 15, 0, 5)).toEqual([
      { start: at('2030-01-07', '10:30'), end: at('2030-01-07', '13:00') },
    ]);
    expect(earliestFits(allowed, 120, 15, 0, 5).map((s) => s.start)).toEqual([
      at('2030-01-07', '10:30'),
      at('2030-01-07', '14:00'),
    ]);
    expect(workingSlots(MON_FRI_8_17, '2030-01-07', true)).toEqual([]);
  });
});

describe('occupancy arithmetic', () => {
  it('free minutes never below zero, the percentage rounded half away from zero', () => {
    expect(dayLoad(540, 140)).toEqual({
      workingMinutes: 540,
      bookedMinutes: 140,
      freeMinutes: 400,
      loadPercent: 26,
    });
    expect(dayLoad(200, 1)).toMatchObject({ loadPercent: 1 }); // 0.5 % → 1
    expect(dayLoad(400, 2)).toMatchObject({ loadPercent: 1 }); // 0.5 %
    expect(dayLoad(600, 2)).toMatchObject({ loadPercent: 0 }); // 0.33 %
    expect(dayLoad(480, 600)).toEqual({
      workingMinutes: 480,
      bookedMinutes: 600,
      freeMinutes: 0,
      loadPercent: 125,
    });
    expect(dayLoad(0, 60).loadPercent).toBeNull();
  });
});
