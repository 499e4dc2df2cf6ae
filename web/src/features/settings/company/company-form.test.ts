import { describe, expect, it } from 'vitest';
import { companyFieldOf, percentToBasisPoints } from './company-form';

describe('company form values', () => {
  it('turns the percent the user types into basis points exactly', () => {
    expect(percentToBasisPoints(20)).toBe(2000);
    expect(percentToBasisPoints('9,5')).toBe(950);
    expect(percentToBasisPoints(9.07)).toBe(907);
    expect(percentToBasisPoints('0')).toBe(0);
    expect(percentToBasisPoints('')).toBeNaN();
    expect(percentToBasisPoints('abc')).toBeNaN();
  });

  it('knows which input each server field belongs to', () => {
    expect(companyFieldOf('uic')).toBe('uic');
    expect(companyFieldOf('bankAccounts.3.iban')).toBe('bankAccounts.3.iban');
    expect(companyFieldOf('defaultVatRateBp')).toBe('vatRatePercent');
    expect(companyFieldOf('logo')).toBeNull();
    expect(companyFieldOf('bankAccounts')).toBeNull();
  });
});
