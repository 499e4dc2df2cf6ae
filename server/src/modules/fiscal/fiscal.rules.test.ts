import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import {
  DEVICE_CLOCK_TOLERANCE_SECONDS,
  deviceClockSkewSeconds,
  deviceCurrencyOn,
  deviceError,
  formatUniqueSaleNumber,
  fromDeviceAmount,
  isOk,
  operatorCodeOf,
  taxGroupOf,
  toDeviceAmount,
  toDeviceQuantity,
  truncateText,
  UNIQUE_SALE_NUMBER,
} from './fiscal.rules';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return null;
};

describe('fiscal rules', () => {
  it("FIS-05: the device's clock is read in Sofia's time (no zone) and compared with the server's; 120 s tolerated", () => {
    expect(DEVICE_CLOCK_TOLERANCE_SECONDS).toBe(120);
    // 2026-12-07 12:00:00 UTC is 14:00:00 in Sofia (winter, UTC+2); 2026-07-01 12:00 UTC is 15:00 (summer, UTC+3).
    const winter = new Date('2026-12-07T12:00:00Z');
    expect(deviceClockSkewSeconds('2026-12-07T14:00:00', winter)).toBe(0);
    expect(deviceClockSkewSeconds('2026-12-07T14:03:30', winter)).toBe(210);
    expect(deviceClockSkewSeconds('2026-12-07T13:58:00', winter)).toBe(-120);
    expect(deviceClockSkewSeconds('2026-07-01T15:00:05', new Date('2026-07-01T12:00:00Z'))).toBe(5);
    expect(deviceClockSkewSeconds('2026-12-07T12:01:00Z', winter)).toBe(60);
    for (const bad of [null, '', 'yesterday', '2026-02-30T10:00:00', '2026-12-07T25:00:00'])
      expect(deviceClockSkewSeconds(bad, winter)).toBeNull();
  });

  it('forms the УНП as 8-character device number, 4-character operator code, 7-digit sequence (FIS-05)', () => {
    expect(formatUniqueSaleNumber('dt279013', operatorCodeOf('1'), 1)).toBe('DT279013-0001-0000001');
    expect(formatUniqueSaleNumber('DT279013', operatorCodeOf('op12'), 9_999_999)).toBe(
      'DT279013-OP12-9999999',
    );
    expect(UNIQUE_SALE_NUMBER.test('DT279013-0001-0000001')).toBe(true);
    expect(codeOf(() => formatUniqueSaleNumber('DT2790', '0001', 1))).toBe('fiscal_device_serial');
    expect(codeOf(() => formatUniqueSaleNumber('DT279013', '0001', 10_000_000))).toBe(
      'fiscal_sale_numbers_exhausted',
    );
    expect(codeOf(() => operatorCodeOf('12345'))).toBe('fiscal_operator_code');
    expect(codeOf(() => operatorCodeOf('Оп'))).toBe('fiscal_operator_code');
    expect(operatorCodeOf(null)).toBe('0001');
  });

  it('the device counts in EUR from its switch-over date, BGN before it (FP-07)', () => {
    expect(deviceCurrencyOn('2025-12-31', '2026-01-01')).toBe('BGN');
    expect(deviceCurrencyOn('2026-01-01', '2026-01-01')).toBe('EUR');
  });

  it('converts cents and thousandths to device units exactly, and back', () => {
    expect(toDeviceAmount(1234)).toBe(12.34);
    expect(toDeviceAmount(10)).toBe(0.1);
    expect(toDeviceAmount(100_000_000_007)).toBe(1_000_000_000.07);
    expect(fromDeviceAmount(12.34)).toBe(1234);
    expect(fromDeviceAmount('0.29')).toBe(29);
    expect(fromDeviceAmount(undefined)).toBeNull();
    expect(toDeviceQuantity(2500)).toBe(2.5);
    expect(toDeviceQuantity(1)).toBe(0.001);
    expect(() => toDeviceAmount(12.5)).toThrow(RangeError);
  });

  it('cuts texts to the device width by characters, Cyrillic included (FP-03)', () => {
    expect(truncateText('Смяна  на дисплей\nSamsung', 12)).toBe('Смяна на дис');
    expect(truncateText('Кратко', 22)).toBe('Кратко');
  });

  it('accepts ok as a boolean or as "true" (FP-03)', () => {
    expect([true, 'true', false, 'false', undefined].map(isOk)).toEqual([true, true, false, false, false]);
  });

  it('maps VAT rates to tax groups, refusing a rate without one (FIS-06)', () => {
    expect(taxGroupOf(2000)).toBe(2);
    expect(taxGroupOf(0)).toBe(1);
    expect(taxGroupOf(900)).toBe(4);
    expect(codeOf(() => taxGroupOf(1500))).toBe('fiscal_no_tax_group');
  });

  it('turns the device’s standard error codes into ours, keeping the device code', () => {
    const paper = deviceError([{ type: 'error', code: 'E301', text: 'Out of paper' }], 't1');
    expect(paper).toMatchObject({ kind: 'conflict', code: 'fiscal_paper_out' });
    expect(paper.options.extra).toMatchObject({ deviceCode: 'E301', taskId: 't1' });
    expect(deviceError([{ type: 'error', code: 'E999', text: 'Strange' }]).code).toBe('fiscal_device_error');
  });
});
