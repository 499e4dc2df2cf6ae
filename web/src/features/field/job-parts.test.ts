import { instantAt } from '@servix/server/kernel/calendar';
import { describe, expect, it } from 'vitest';
import { clockOf, jobState, mapUrl } from './job-parts';

describe('the job card’s values', () => {
  it('a planned booking is started once it has its start instant; done and cancelled stay so', () => {
    expect(jobState({ status: 'planned', startedAt: null })).toBe('planned');
    expect(jobState({ status: 'planned', startedAt: '2030-01-07T08:00:00.000Z' })).toBe('started');
    expect(jobState({ status: 'done', startedAt: '2030-01-07T08:00:00.000Z' })).toBe('done');
    expect(jobState({ status: 'cancelled', startedAt: null })).toBe('cancelled');
  });

  it('shows the time on the company’s clock (Sofia), whatever the phone’s zone', () => {
    expect(clockOf(instantAt('2030-01-07', 9 * 60 + 5).toISOString())).toBe('09:05');
    expect(clockOf(instantAt('2030-07-07', 17 * 60 + 30).toISOString())).toBe('17:30');
  });

  it('opens the address in the maps app as a search, Cyrillic and all encoded', () => {
    const url = mapUrl('бул. Витоша 12, София');
    expect(url.startsWith('https://www.google.com/maps/search/?api=1&query=')).toBe(true);
    expect(decodeURIComponent(url.split('query=')[1] ?? '')).toBe('бул. Витоша 12, София');
    expect(mapUrl('ул. „Раковски“ 5 & 7')).not.toContain('&7');
  });
});
