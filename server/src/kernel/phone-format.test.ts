import { describe, expect, it } from 'vitest';
import { formatPhone, phoneHref } from './phone-format';

describe('formatPhone', () => {
  it('shows one number one way however it was typed', () => {
    expect(formatPhone('+359888390125')).toBe('088 839 0125');
    expect(formatPhone('0888 390 125')).toBe('088 839 0125');
    expect(formatPhone('00359888390125')).toBe('088 839 0125');
    expect(formatPhone('02/987 65 43')).toBe('02 987 6543');
    expect(formatPhone('+359 32 123 456')).toBe('032 123 456');
  });

  it('shows a foreign number in the international form and leaves what is not a number as stored', () => {
    expect(formatPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatPhone('088812')).toBe('088812');
    expect(formatPhone('вечер след 18 ч.')).toBe('вечер след 18 ч.');
    expect(formatPhone(null)).toBe('');
  });

  it('links a valid number for calling from a phone', () => {
    expect(phoneHref('0888 390 125')).toBe('tel:+359888390125');
    expect(phoneHref('088812')).toBeNull();
  });
});
