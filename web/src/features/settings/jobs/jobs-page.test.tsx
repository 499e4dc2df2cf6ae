import type { Job } from '@servix/server/modules/jobs/jobs.schema';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, onPhone, renderScreen } from '../../../test-utils';
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

const TWO_JOBS = {
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
};

describe('the background jobs screen', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists each job with its kind, status, progress, attempts, last error and who started it', async () => {
    const { calls } = fakeServer(() => jsonResponse(200, TWO_JOBS));
    renderScreen(<JobsPage />, { route: '/settings/jobs' });
    const table = await screen.findByTestId('jobs-list');
    const rows = within(table).getAllByTestId('job-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Импорт от CSV');
    expect(rows[0]?.textContent).toContain('Неуспешна');
    expect(rows[0]?.textContent).toContain('Прекъсната: сървърът спря, докато вървеше');
    expect(rows[0]?.textContent).toContain('Мария Иванова');
    expect(rows[0]?.textContent).toMatch(/500 от 2\s?000/);
    expect(rows[0]?.textContent).toContain('1 / 1');
    // A kind the screen does not know yet is shown by its code; a job nobody started, as the system's.
    expect(rows[1]?.textContent).toContain('cleanup');
    expect(rows[1]?.textContent).toContain('Системата');
    expect(calls[0]?.path).toBe('/api/v1/jobs?page=1&pageSize=25');
  });

  it('on a phone, shows the jobs as cards: kind, status, progress and the error at once', async () => {
    onPhone();
    fakeServer(() => jsonResponse(200, TWO_JOBS));
    renderScreen(<JobsPage />, { route: '/settings/jobs' });
    const cards = await screen.findAllByTestId('job-row');
    expect(cards).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    expect(cards[0]?.textContent).toContain('Импорт от CSV');
    expect(cards[0]?.textContent).toContain('Неуспешна');
    expect(cards[0]?.textContent).toContain('Прекъсната: сървърът спря, докато вървеше');
  });

  it('asks for the page again while a job on it is queued or running, with the status filter from the address', async () => {
    let answer = 0;
    const { calls } = fakeServer(() =>
      jsonResponse(200, {
        ...TWO_JOBS,
        items: [job({ id: 'j3', status: answer++ === 0 ? 'running' : 'done' })],
        total: 1,
      }),
    );
    renderScreen(<JobsPage />, { route: '/settings/jobs?status=running' });
    const status = async () => (await screen.findByTestId('job-status')).textContent;
    expect(await status()).toBe('Изпълнява се');
    await waitFor(async () => expect(await status()).toBe('Готова'), { timeout: 5000 });
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v1/jobs?status=running&page=1&pageSize=25',
      '/api/v1/jobs?status=running&page=1&pageSize=25',
    ]);
  });
});
