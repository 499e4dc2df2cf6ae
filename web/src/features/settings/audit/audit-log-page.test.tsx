import type { AuditEntry } from '@servix/server/modules/audit/audit.schema';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { AuditLogPage } from './audit-log-page';

const entry = (id: string, action: string, entity: string): AuditEntry => ({
  id,
  at: '2026-12-06T10:00:00.000Z',
  userId: 'u-1',
  username: 'maria',
  apiTokenName: null,
  action,
  entity,
  entityId: `${entity}-1`,
  before: null,
  after: null,
});

const ENTRIES = [
  entry('a-1', 'stock_document.post', 'stock_document'),
  entry('a-2', 'company.lock_date', 'company'),
  entry('a-3', 'import.run', 'import_job'),
  // From a newer server than this web: shown in words, never as the raw code.
  entry('a-4', 'work_order.close', 'work_order'),
];

function serve() {
  fakeServer((call) =>
    call.path.startsWith('/api/v1/audit')
      ? jsonResponse(200, { items: ENTRIES, total: ENTRIES.length, page: 1, pageSize: 25 })
      : jsonResponse(404, { code: 'not_found', detail: 'Няма такова.' }),
  );
}

/** The action and record cells of each row, in order. */
async function shownRows(): Promise<string[][]> {
  await screen.findAllByText('maria');
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(3, 5)
        .map((c) => c.textContent ?? ''),
    );
}

describe('the audit log', () => {
  afterEach(async () => {
    await i18n.changeLanguage('bg');
  });

  it('names each action and record in Bulgarian, and an unknown code in words', async () => {
    serve();
    renderScreen(<AuditLogPage />, { route: '/settings/audit' });
    expect(await shownRows()).toEqual([
      ['Осчетоводен складов документ', 'Складов документ'],
      ['Променена дата на приключен период', 'Фирма'],
      ['Изпълнен импорт', 'Импорт'],
      ['Непознат код: work order close', 'Непознат код: work order'],
    ]);
  });

  it('names them in English', async () => {
    await i18n.changeLanguage('en');
    serve();
    renderScreen(<AuditLogPage />, { route: '/settings/audit' });
    expect(await shownRows()).toEqual([
      ['Stock document posted', 'Stock document'],
      ['Lock date of the closed period changed', 'Company'],
      ['Import run', 'Import'],
      ['Unknown code: work order close', 'Unknown code: work order'],
    ]);
  });
});
