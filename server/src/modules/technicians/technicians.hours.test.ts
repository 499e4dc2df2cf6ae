import { describe, expect, it } from 'vitest';
import { findOverlap, formatWeekdayHours, parseWeekdayHours } from './technicians.hours';
import { formatPercentBp, type PayTermsValue, parsePercentBp, payTermsOn } from './technicians.pay';

const week = (startMinute: number, endMinute: number, days: number[]) =>
  days.map((weekday) => ({ weekday, startMinute, endMinute }));

describe('parseWeekdayHours', () => {
  it('parses the formats of technicians.csv', () => {
    expect(parseWeekdayHours('Mon-Fri 08:30-17:30')).toEqual({
      ok: true,
      hours: week(510, 1050, [1, 2, 3, 4, 5]),
    });
    expect(parseWeekdayHours('Mon-Fri 08:00-17:00; Sat 09:00-13:00')).toEqual({
      ok: true,
      hours: [...week(480, 1020, [1, 2, 3, 4, 5]), ...week(540, 780, [6])],
    });
    expect(parseWeekdayHours('Tue-Sat 10:00-19:00')).toEqual({
      ok: true,
      hours: week(600, 1140, [2, 3, 4, 5, 6]),
    });
    expect(parseWeekdayHours('Mon-Thu 07:00-17:30')).toEqual({
      ok: true,
      hours: week(420, 1050, [1, 2, 3, 4]),
    });
  });

  it('takes several intervals a day, day lists, any case, an end of 24:00, and empty text', () => {
    expect(parseWeekdayHours('mon,WED 08:00-12:00, 13:00-17:00; Sun 20:00-24:00')).toEqual({
      ok: true,
      hours: [
        { weekday: 1, startMinute: 480, endMinute: 720 },
        { weekday: 1, startMinute: 780, endMinute: 1020 },
        { weekday: 3, startMinute: 480, endMinute: 720 },
        { weekday: 3, startMinute: 780, endMinute: 1020 },
        { weekday: 7, startMinute: 1200, endMinute: 1440 },
      ],
    });
    expect(parseWeekdayHours('  ')).toEqual({ ok: true, hours: [] });
    expect(parseWeekdayHours('Mon 08:00-12:00; Mon 12:00-16:00').ok).toBe(true);
  });

  it('refuses bad syntax with invalid_hours and the part at fault', () => {
    for (const bad of [
      'Mon-Fri',
      'Monday 08:00-17:00',
      'Fri-Mon 08:00-17:00',
      'Mon 8-17',
      'Mon 17:00-08:00',
      'Mon 08:00-08:00',
      'Mon 08:00-24:30',
      'Mon 08:60-12:00',
      'Mon-Tue-Wed 08:00-12:00',
    ]) {
      expect(parseWeekdayHours(`Sat 09:00-13:00; ${bad}`), bad).toEqual({
        ok: false,
        code: 'invalid_hours',
        part: bad,
      });
    }
  });

  it('refuses overlapping intervals on one day with hours_overlap', () => {
    expect(parseWeekdayHours('Mon-Fri 08:00-17:00; Fri 16:00-20:00')).toEqual({
      ok: false,
      code: 'hours_overlap',
      part: 'Fri 08:00-17:00, 16:00-20:00',
    });
    expect(findOverlap(week(480, 600, [1, 2]))).toBeNull();
    expect(findOverlap([...week(480, 600, [1]), ...week(599, 700, [1])])).not.toBeNull();
  });

  it('formats back to the same text, grouping consecutive equal days', () => {
    for (const text of [
      'Mon-Fri 08:30-17:30',
      'Mon-Fri 08:00-17:00; Sat 09:00-13:00',
      'Tue-Sat 10:00-19:00',
      'Mon 08:00-12:00, 13:00-17:00; Wed 08:00-12:00, 13:00-17:00; Sun 20:00-24:00',
      '',
    ]) {
      const parsed = parseWeekdayHours(text);
      if (!parsed.ok) throw new Error(text);
      expect(formatWeekdayHours(parsed.hours)).toBe(text);
    }
  });
});

describe('payTermsOn', () => {
  const terms: PayTermsValue[] = [
    { validFrom: '2026-07-01', payType: 'per_norm_hour', commissionBp: null, rateCents: 1500 },
    { validFrom: '2026-01-01', payType: 'commission', commissionBp: 3000, rateCents: null },
  ];

  it('picks the latest term that started on or before the date', () => {
    expect(payTermsOn(terms, '2026-01-01')?.commissionBp).toBe(3000);
    expect(payTermsOn(terms, '2026-06-30')?.commissionBp).toBe(3000);
    expect(payTermsOn(terms, '2026-07-01')?.rateCents).toBe(1500);
    expect(payTermsOn(terms, '2030-01-01')?.rateCents).toBe(1500);
  });

  it('has no term before the first one starts, or with no terms', () => {
    expect(payTermsOn(terms, '2025-12-31')).toBeNull();
    expect(payTermsOn([], '2026-01-01')).toBeNull();
  });
});

describe('percent in basis points', () => {
  it('parses and formats the pay_value of technicians.csv', () => {
    expect(parsePercentBp('30')).toBe(3000);
    expect(parsePercentBp('28.5')).toBe(2850);
    expect(parsePercentBp('12,75')).toBe(1275);
    expect(parsePercentBp('100')).toBe(10000);
    expect(parsePercentBp('100.01')).toBeNull();
    expect(parsePercentBp('30.125')).toBeNull();
    expect(parsePercentBp('-5')).toBeNull();
    expect(formatPercentBp(3000)).toBe('30');
    expect(formatPercentBp(2850)).toBe('28.5');
    expect(formatPercentBp(1275)).toBe('12.75');
    expect(formatPercentBp(5)).toBe('0.05');
  });
});
