import { expect, expectHome, shot, signIn, test } from './support';

test('the background jobs list shows an import with its progress and who started it; cards on a phone', async ({
  page,
}) => {
  await signIn(page);
  await expectHome(page);
  // An import queued through the API, as an integration would.
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const started = await page.request.post('/api/v1/imports/categories/jobs?fileName=jobs-e2e.csv', {
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'text/csv' },
    data: 'code,name_bg\nJOBS_E2E_1,Фонова категория 1\nJOBS_E2E_2,Фонова категория 2\n',
  });
  expect(started.status()).toBe(202);
  const { id } = await started.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/jobs/${id}`)).json()).status)
    .toBe('done');

  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Фонови задачи' })
    .click();
  await expect(page.getByRole('heading', { name: 'Фонови задачи' })).toBeVisible();
  const row = page.getByTestId('job-row').first();
  await expect(row).toContainText('Импорт от CSV');
  await expect(row).toContainText('Готова');
  await expect(row).toContainText('2 от 2');
  await expect(row).toContainText('Мария Иванова');
  await shot(page, 'jobs-desktop');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('table')).toHaveCount(0);
  const card = page.getByTestId('job-row').first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('Импорт от CSV');
  await expect(card).toContainText('Готова');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'nothing wider than the phone').toBe(false);
  await shot(page, 'jobs-phone');
});
