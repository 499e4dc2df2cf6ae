import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { hoursText, parseTime, payTermsText, percentText, toIntervals, toRows } from './technician-values';

describe('technician values', () => {
  it('reads times of day, 24:00 included', () => {
    expect(parseTime('08:30')).toBe(510);
    expect(parseTime('8:05')).toBe(485);
    expect(parseTime('24:00')).toBe(1440);
    expect(parseTime('24:30')).toBeNaN();
    expect(parseTime('12:60')).toBeNaN();
    expect(parseTime('')).toBeNaN();
  });

  it('edits hours as rows and gives them back in the same order', () => {
    const hours = [
      { weekday: 2, startMinute: 600, endMinute: 1140 },
      { weekday: 1, startMinute: 480, endMinute: 720 },
      { weekday: 1, startMinute: 780, endMinute: 1020 },
    ];
    const rows = toRows(hours);
    expect(rows.map((r) => [r.weekday, r.start, r.end])).toEqual([
      [1, '08:00', '12:00'],
      [1, '13:00', '17:00'],
      [2, '10:00', '19:00'],
    ]);
    expect(toIntervals(rows)).toEqual([hours[1], hours[2], hours[0]]);
  });

  it('says the hours in a few words, with the UI language’s day names', async () => {
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 510, endMinute: 1050 }));
    hours.push({ weekday: 6, startMinute: 540, endMinute: 780 });
    await i18n.changeLanguage('bg');
    expect(hoursText(hours, i18n.t)).toBe('Пн–Пт 08:30–17:30; Сб 09:00–13:00');
    await i18n.changeLanguage('en');
    expect(hoursText(hours, i18n.t)).toBe('Mon–Fri 08:30–17:30; Sat 09:00–13:00');
    await i18n.changeLanguage('bg');
  });

  it('describes pay terms', () => {
    expect(percentText(2850, 'bg')).toBe('28,5');
    expect(percentText(3000, 'en')).toBe('30');
    expect(payTermsText({ payType: 'commission', commissionBp: 4000, rateCents: null }, i18n.t, 'bg')).toBe(
      '40 % от труда',
    );
    expect(
      payTermsText({ payType: 'per_norm_hour', commissionBp: null, rateCents: 1550 }, i18n.t, 'bg').replace(
        /\u00a0/g,
        ' ',
      ),
    ).toBe('15,50 € за норма час');
  });
});
