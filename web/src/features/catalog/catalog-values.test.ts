import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  centsToText,
  milliToText,
  textToCents,
  textToMilli,
  textToOptionalCents,
} from '../../ui/typed-values';
import {
  bpToText,
  existingIdOf,
  formatNormTime,
  moneyProblem,
  onInputs,
  parseNormTime,
  renamedFields,
  textToBp,
} from './catalog-values';

describe('norm time as h:mm', () => {
  it('shows minutes as hours and minutes', () => {
    expect(formatNormTime(90)).toBe('1:30');
    expect(formatNormTime(45)).toBe('0:45');
    expect(formatNormTime(600)).toBe('10:00');
    expect(formatNormTime(0)).toBe('0:00');
  });

  it('reads h:mm or plain minutes, and refuses the rest', () => {
    expect(parseNormTime('1:30')).toBe(90);
    expect(parseNormTime(' 0:05 ')).toBe(5);
    expect(parseNormTime('90')).toBe(90);
    expect(parseNormTime('1:60')).toBeNaN();
    expect(parseNormTime('1,5')).toBeNaN();
    expect(parseNormTime('-10')).toBeNaN();
    expect(parseNormTime('')).toBeNaN();
  });
});

describe('money, VAT and quantities as typed', () => {
  it('turns typed euros into exact cents, whatever the decimal separator', () => {
    expect(textToCents('24,90')).toBe(2490);
    expect(textToCents('24.9')).toBe(2490);
    expect(textToCents('1 234,56')).toBe(123456);
    expect(textToCents('0.1')).toBe(10);
    expect(textToCents('-5')).toBe(-500);
    expect(textToCents('24.905')).toBeNaN();
    expect(textToCents('abc')).toBeNaN();
    expect(textToOptionalCents('  ')).toBeNull();
  });

  it('shows cents the way the user types them', () => {
    expect(centsToText(2490, 'bg')).toBe('24,90');
    expect(centsToText(2490, 'en')).toBe('24.90');
    expect(centsToText(5, 'bg')).toBe('0,05');
  });

  it('says why an amount is refused', () => {
    expect(moneyProblem('12,50')).toBeNull();
    expect(moneyProblem('-1')).toBe('negativeAmount');
    expect(moneyProblem('12,505')).toBe('invalidAmount');
    expect(moneyProblem('')).toBe('invalidAmount');
    expect(moneyProblem('', true)).toBeNull();
  });

  it('converts VAT percent and quantities without floats', () => {
    expect(textToBp('20')).toBe(2000);
    expect(textToBp('9,5')).toBe(950);
    expect(textToBp('twenty')).toBeNaN();
    expect(bpToText(950, 'bg')).toBe('9,5');
    expect(bpToText(2000, 'en')).toBe('20');
    expect(textToMilli('2,5')).toBe(2500);
    expect(textToMilli('-1')).toBeNaN();
    expect(milliToText(2500, 'bg')).toBe('2,5');
  });
});

describe('server answers on catalogue forms', () => {
  it('moves field errors to the inputs that hold them', () => {
    const fieldOf = renamedFields(['code', 'nameBg'], { salePriceCents: 'salePrice' });
    expect(fieldOf('salePriceCents')).toBe('salePrice');
    expect(fieldOf('code')).toBe('code');
    expect(fieldOf('somethingElse')).toBeNull();
    expect(onInputs({ salePriceCents: 'too small', other: 'x' }, fieldOf)).toEqual({
      salePrice: 'too small',
    });
  });

  it('finds the existing record of a conflict', () => {
    const conflict = new ApiError({
      status: 409,
      code: 'duplicate_code',
      detail: 'Кодът „AC“ вече е зает: „Климатик“.',
      field: 'code',
      existingId: 'cat-1',
    } as ConstructorParameters<typeof ApiError>[0]);
    expect(existingIdOf(conflict)).toBe('cat-1');
    expect(existingIdOf(new Error('x'))).toBeNull();

    const other = new ApiError({ status: 409, code: 'in_use', detail: 'Записът се използва.' });
    expect(existingIdOf(other)).toBeNull();
  });
});
