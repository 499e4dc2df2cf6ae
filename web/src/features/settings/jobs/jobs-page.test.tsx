import type { Job } from '@servix/server/modules/jobs/jobs.schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { JobsPage } from './jobs-page';

const job = (patch: Partial<Job>): Job => ({
  id: 'job-1',
  kind: 'import',
  status: 'done',
  attempts: 1,
  maxAttempts: 1,
  runAfter: '2026-11-27T10:00:00.000Z',
  progress: { done: 1200, total: 1200 },
  lastError: null,
  createdBy: 'u1',
  createdByName: 'Мария Иванова',
  createdAt: '2026-11-27T10:00:00.000Z',
  startedAt: '2026-11-27T10:00:01.000Z',
  finishedAt: '2026-11-27T10:00:09.000Z',
  ...patch,
});

describe('the background jobs screen', () => {
  it('lists each job with its kind, status, progress, attempts, last error and who started it', async () => {
    const { calls } = fakeServer(() =>
      jsonResponse(200, {
        items: [
          job({ id: 'j2', status: 'failed', lastError: 'interrupted', progress: { done: 500, total: 2000 } }),
          job({
            id: 'j1',
            kind: 'cleanup',
            createdBy: null,
            createdByName: null,
            progress: { done: 0, total: null },
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      }),
    );
    renderScreen(<JobsPage />);
    const table = await screen.findByTestId('jobs-table');
    const rows = within(table).getAllByTestId('job-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Импорт от CSV');
    expect(rows[0]?.textContent).toContain('Неуспешна');
    expect(rows[0]?.textContent).toContain('Прекъсната: сървърът спря, докато вървеше');
    expect(rows[0]?.textContent).toContain('Мария Иванова');
    expect(rows[0]?.textContent).toMatch(/500 от 2\s?000/);
    // A kind the screen does not know yet is shown by its code; a job nobody started, as the system's.
    expect(rows[1]?.textContent).toContain('cleanup');
    expect(rows[1]?.textContent).toContain('Системата');
    expect(screen.getByText('2 задачи')).toBeTruthy();
    expect(calls[0]?.path).toBe('/api/v1/jobs?page=1&pageSize=25');
    // The same jobs as cards, for a phone.
    expect(within(screen.getByTestId('jobs-cards')).getAllByTestId('job-card')).toHaveLength(2);
  });
});
