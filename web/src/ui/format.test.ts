import { describe, expect, it } from 'vitest';
import { formatInstant } from './format';

describe('formatInstant', () => {
  it('shows an instant in the browser’s time zone, dates the Bulgarian way', () => {
    const instant = new Date(2026, 10, 27, 14, 5).toISOString();
    expect(formatInstant(instant, 'bg')).toBe('27.11.2026 14:05');
    expect(formatInstant(instant, 'en')).toBe('27/11/2026 14:05');
  });

  it('shows nothing for a missing instant', () => {
    expect(formatInstant(null, 'bg')).toBe('');
  });
});
