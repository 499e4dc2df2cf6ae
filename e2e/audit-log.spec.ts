import type { Page } from '@playwright/test';
import { calendarDateOf } from '../server/src/kernel/calendar';
import { api, csrfOf, expect, expectHome, shot, signIn, switchLanguage, test } from './support';

async function post(page: Page, path: string, data?: unknown) {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** The action and record cells of the audit rows on the page, none of them a raw code. */
async function expectNoRawCodes(page: Page, unknown: string): Promise<void> {
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(3, 5).map((td) => td.textContent ?? '')),
  );
  expect(cells.length).toBeGreaterThan(3);
  for (const [action, entity] of cells) {
    expect(action).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    expect(action).not.toContain(unknown);
    expect(entity).not.toMatch(/^[a-z_]+$/);
    expect(entity).not.toContain(unknown);
  }
}

test('the audit log names every action and record in words, in Bulgarian and in English', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page);
  await expectHome(page);

  // A few changes through the API: a warehouse, and a delivery posted and reversed (the stock is as before).
  const created = await page.request.post('/api/v1/warehouses', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { code: 'AUDIT-E2E', name: 'Склад за журнала', kind: 'store' },
  });
  expect([201, 409]).toContain(created.status());
  const warehouse = (await api(page, '/api/v1/warehouses?q=MAIN')).items.find(
    (w: { code: string }) => w.code === 'MAIN',
  );
  const part = (await api(page, '/api/v1/parts?q=WM-TUB-IND')).items[0];
  const supplier = (await api(page, '/api/v1/parties?q=Резервни')).items[0];
  const draft = await post(page, '/api/v1/stock/documents', {
    type: 'receipt',
    warehouseId: warehouse.id,
    supplierId: supplier.id,
    documentDate: calendarDateOf(new Date()),
    lines: [{ partId: part.id, quantityMilli: 1000, unitCostCents: 10_000 }],
  });
  await post(page, `/api/v1/stock/documents/${draft.id}/post`);
  await post(page, `/api/v1/stock/documents/${draft.id}/reverse`, {});

  await page.goto('/settings/audit');
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Сторниран складов документ' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Осчетоводен складов документ' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Създаден складов документ' }).first()).toBeVisible();
  await expectNoRawCodes(page, 'Непознат код');
  await shot(page, 'audit-log-bg');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Stock document reversed' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Stock document posted' }).first()).toBeVisible();
  await expectNoRawCodes(page, 'Unknown code');
  await shot(page, 'audit-log-en');

  // The language is saved to the user: back to Bulgarian for the specs after this one.
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
});
