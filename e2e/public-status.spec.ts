import type { Browser } from '@playwright/test';
import { api, csrfOf, expect, shot, signIn, test } from './support';
import { PHONE, widthProblems } from './width';

/** A customer's phone or computer: a fresh browser, never signed in, in the given browser language. */
async function customerPage(
  browser: Browser,
  language: 'bg' | 'en',
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ locale: language === 'bg' ? 'bg-BG' : 'en-GB', viewport });
  return { context, page: await context.newPage() };
}

test('a customer opens the QR link of the intake protocol logged out, sees the status, and a revoked link says it is not valid', async ({
  page,
  browser,
}) => {
  // Three browsers and a PDF on a shared machine: more than the default half a minute.
  test.setTimeout(120_000);
  await signIn(page);
  // Signed in: the app's header is there (the home page itself may still be loading on a busy machine).
  await expect(page.getByRole('searchbox', { name: 'Търсене' })).toBeVisible({ timeout: 30_000 });

  // An order taken in through the API for a demo customer's demo item.
  const items = await api(page, '/api/v1/items?pageSize=5');
  const item = items.items[0];
  const taken = await page.request.post('/api/v1/service-orders', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {
      partyId: item.partyId,
      itemId: item.id,
      complaint: 'Не включва, мирише на изгоряло',
      accessories: ['Захранващ кабел'],
      conditionNotes: 'Драскотина отгоре',
      promisedDate: '2026-12-18',
      customerNotes: 'Ще ви се обадим, когато частта пристигне.',
    },
  });
  expect(taken.status(), await taken.text()).toBe(201);
  const order = await taken.json();
  expect(order.statusLink.url).toBe(`/s/${order.statusLink.token}`);

  // The intake protocol printed right after the intake carries the same link (its token, checked against the hash).
  const pdf = await page.request.get(
    `/api/v1/service-orders/${order.id}/pdf/intake?token=${encodeURIComponent(order.statusLink.token)}`,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');

  // Bulgarian phone, logged out.
  const bg = await customerPage(browser, 'bg', PHONE);
  await bg.page.goto(order.statusLink.url);
  await expect(bg.page.getByRole('heading', { name: 'Състояние на ремонта' })).toBeVisible();
  await expect(bg.page.getByText(order.number)).toBeVisible();
  await expect(bg.page.getByTestId('public-status-value')).toHaveText('Приет в сервиза');
  await expect(bg.page.getByText('18.12.2026')).toBeVisible();
  await expect(bg.page.getByText('Ще ви се обадим, когато частта пристигне.')).toBeVisible();
  await expect(bg.page.getByText(`${item.brandName} ${item.modelName}`)).toBeVisible();
  // Nothing of the signed-in app: no menu, no sign-in form.
  await expect(bg.page.getByRole('navigation')).toHaveCount(0);
  await expect(bg.page.getByLabel('Потребителско име')).toHaveCount(0);
  expect(await widthProblems(bg.page)).toEqual([]);
  await shot(bg.page, 'public-status-phone-bg');

  // The switch turns the page to English.
  await bg.page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
  await expect(bg.page.getByRole('heading', { name: 'Repair status' })).toBeVisible();
  await expect(bg.page.getByTestId('public-status-value')).toHaveText('Received');
  expect(await widthProblems(bg.page)).toEqual([]);
  await shot(bg.page, 'public-status-phone-en');
  await bg.context.close();

  // An English browser on a computer gets English by itself.
  const en = await customerPage(browser, 'en', { width: 1280, height: 800 });
  await en.page.goto(order.statusLink.url);
  await expect(en.page.getByRole('heading', { name: 'Repair status' })).toBeVisible();
  await expect(en.page.getByTestId('public-status-value')).toHaveText('Received');
  await expect(en.page.getByText('18/12/2026')).toBeVisible();
  await shot(en.page, 'public-status-desktop-en');

  // The status moves on: the open page shows it after a reload.
  const moved = await page.request.post(`/api/v1/service-orders/${order.id}/status`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { to: 'diagnosing' },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  await en.page.reload();
  await expect(en.page.getByTestId('public-status-value')).toHaveText('Being diagnosed');

  // Revoked: the same link now says it is not valid, in either language and size.
  const revoked = await page.request.delete(`/api/v1/service-orders/${order.id}/link`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(revoked.status(), await revoked.text()).toBeLessThan(300);
  await en.page.reload();
  await expect(en.page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  await expect(en.page.getByText(order.number)).toHaveCount(0);
  await shot(en.page, 'public-status-invalid-desktop-en');
  await en.context.close();

  const phone = await customerPage(browser, 'bg', PHONE);
  await phone.page.goto(order.statusLink.url);
  await expect(phone.page.getByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
  expect(await widthProblems(phone.page)).toEqual([]);
  await shot(phone.page, 'public-status-invalid-phone-bg');
  // A made-up token is just as invalid.
  await phone.page.goto('/s/not-a-real-token');
  await expect(phone.page.getByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
  await phone.context.close();
});
