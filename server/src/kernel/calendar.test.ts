import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDateOf,
  dateParts,
  daysBetween,
  daysInMonth,
  dueDate,
  isCalendarDay,
  isLeapYear,
  lastMonth,
  startOfDayInstant,
} from './calendar';

describe('isLeapYear and daysInMonth', () => {
  it('follows the Gregorian rule: every 4th year, not every 100th, but every 400th', () => {
    expect([2024, 2028, 2000, 2400, 1600].map(isLeapYear)).toEqual([true, true, true, true, true]);
    expect([2023, 2025, 2100, 1900, 2200].map(isLeapYear)).toEqual([false, false, false, false, false]);
  });
  it('gives February 29 days in a leap year only, and 30 or 31 days to the other months', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
  it('knows which days exist', () => {
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2100, 2, 29)).toBe(false);
    expect(isCalendarDay(2026, 4, 31)).toBe(false);
    expect(isCalendarDay(2026, 13, 1)).toBe(false);
    expect(isCalendarDay(2026, 1, 0)).toBe(false);
    expect(() => dateParts('2026-02-30')).toThrow(RangeError);
    expect(() => dateParts('27.11.2026')).toThrow(RangeError);
    expect(dateParts('2026-11-27')).toEqual([2026, 11, 27]);
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('refuses a fraction of a month', () => {
    expect(() => addMonths('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('addDays, dueDate and daysBetween', () => {
  it('crosses month ends, year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });
  it('puts the due date N days after the document date, N a whole number from 0', () => {
    expect(dueDate('2026-11-27', 14)).toBe('2026-12-11');
    expect(dueDate('2026-11-27', 0)).toBe('2026-11-27');
    expect(() => dueDate('2026-11-27', -1)).toThrow(RangeError);
    expect(() => dueDate('2026-11-27', 1.5)).toThrow(RangeError);
  });
  it('counts the age in days, negative when the second date is earlier', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(daysBetween('2026-12-11', '2026-11-27')).toBe(-14);
  });
  it('is consistent: date + (daysBetween date and other) = other', () => {
    const day = fc.integer({ min: 0, max: 50_000 }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
      }),
    );
  });
});

describe('calendarDateOf', () => {
  it('takes the date in the company’s time zone: 23:30 UTC is already the next day in Sofia', () => {
    expect(calendarDateOf(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15'); // winter, UTC+2
    expect(calendarDateOf(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15'); // summer, UTC+3
    expect(calendarDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(calendarDateOf(new Date('2026-07-14T20:59:00Z'))).toBe('2026-07-14');
    expect(calendarDateOf(new Date('2026-01-14T23:30:00Z'), 'UTC')).toBe('2026-01-14');
  });

  it('the date kept for a quarter hour changes exactly at midnight, per zone, whatever was asked before', () => {
    // The last millisecond of a Sofia day and the first of the next, asked alternately and across zones.
    const ms = (iso: string) => new Date(iso);
    for (let round = 0; round < 2; round++) {
      expect(calendarDateOf(ms('2026-01-14T21:59:59.999Z'))).toBe('2026-01-14');
      expect(calendarDateOf(ms('2026-01-14T22:00:00.000Z'))).toBe('2026-01-15');
      expect(calendarDateOf(ms('2026-01-14T22:00:00.000Z'), 'UTC')).toBe('2026-01-14');
      expect(calendarDateOf(ms('2026-01-14T21:59:59.999Z'))).toBe('2026-01-14');
      expect(calendarDateOf(ms('2026-01-15T00:00:00.000Z'), 'UTC')).toBe('2026-01-15');
      expect(calendarDateOf(ms('2026-01-14T23:59:59.999Z'), 'UTC')).toBe('2026-01-14');
      // The spring-forward night (03:00 → 04:00 Sofia at 01:00 UTC) and a zone a quarter hour off the hour.
      expect(calendarDateOf(ms('2026-03-28T21:59:59.999Z'))).toBe('2026-03-28');
      expect(calendarDateOf(ms('2026-03-28T22:00:00.000Z'))).toBe('2026-03-29');
      expect(calendarDateOf(ms('2026-01-14T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2026-01-14');
      expect(calendarDateOf(ms('2026-01-14T18:15:00.000Z'), 'Asia/Kathmandu')).toBe('2026-01-15');
    }
    // Before 1980 every instant is formatted afresh (zones had odd offsets then).
    expect(calendarDateOf(ms('1900-01-01T12:00:00Z'))).toBe('1900-01-01');
    expect(() => calendarDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('addMonths (the warranty cases)', () => {
  it('keeps the calendar day', () => {
    expect(addMonths('2024-11-27', 24)).toBe('2026-11-27');
    expect(addMonths('2025-03-15', 1)).toBe('2025-04-15');
    expect(addMonths('2025-12-10', 1)).toBe('2026-01-10');
    expect(addMonths('2025-06-14', 0)).toBe('2025-06-14');
  });
  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
  });
  it('refuses what is not a calendar date', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('27.11.2026', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween and calendarDateOf (the warranty cases)', () => {
  it('counts whole days across months, years and leap days', () => {
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0);
    expect(daysBetween('2026-11-27', '2026-12-02')).toBe(5);
    expect(daysBetween('2026-11-27', '2026-11-25')).toBe(-2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });
  it('takes the date in Bulgaria, not in UTC', () => {
    // 22:30 UTC on 27 November is already 28 November in Sofia (UTC+2).
    expect(calendarDateOf(new Date('2026-11-27T22:30:00Z'))).toBe('2026-11-28');
    expect(calendarDateOf(new Date('2026-07-01T20:59:00Z'))).toBe('2026-07-01');
  });
});

describe('startOfDayInstant', () => {
  it('is local midnight in Sofia, in winter, in summer and on the days the clocks change', () => {
    expect(startOfDayInstant('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(startOfDayInstant('2026-07-01').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    // Clocks go forward at 03:00 on 29 March and back at 04:00 on 25 October: midnight is still before the change.
    expect(startOfDayInstant('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfDayInstant('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfDayInstant('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(startOfDayInstant('2026-10-26').toISOString()).toBe('2026-10-25T22:00:00.000Z');
    expect(calendarDateOf(startOfDayInstant('2026-10-26'))).toBe('2026-10-26');
  });
});

describe('lastMonth', () => {
  it('is the month before, from its first to its last day, across a year and in a leap year', () => {
    expect(lastMonth('2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonth('2027-01-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
