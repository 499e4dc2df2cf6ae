import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectHome, shot, signIn, switchLanguage, test } from './support';

const MANAGER = { username: 'logo-manager', password: 'Мениджър-Лого-2026!', fullName: 'Петя Логова' };
const INTRUDER = 'svg-admin';

/** What the attacker's logo would run in the app's origin: read the CSRF token, create an admin. */
const ATTACK = `fetch('/api/v1/auth/me').then((r) => r.json()).then((me) => fetch('/api/v1/users', {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
  body: JSON.stringify({ username: '${INTRUDER}', fullName: 'Pwned', role: 'admin', password: 'Pwned-Admin-2026!' }) }));
document.title = 'pwned'; document.body.innerHTML = '<h1>pwned</h1>';`;
const EVIL_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#c00"/><script>${ATTACK}</script></svg>`,
);

async function csrfOf(request: APIRequestContext): Promise<string> {
  return (await (await request.get('/api/v1/auth/me')).json()).csrfToken;
}

async function signInAs(page: Page, username: string, password: string, fullName: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Здравейте, ${fullName}!` })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Потребителско меню' }).click();
  await page.getByRole('menuitem', { name: 'Изход' }).click();
  await expect(page.getByRole('button', { name: 'Вход' })).toBeVisible();
}

async function usernames(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/v1/users');
  expect(res.status()).toBe(200);
  return (await res.json()).items.map((u: { username: string }) => u.username);
}

test('a manager cannot plant a script in the logo; a PNG or JPEG logo is re-encoded, shown and inert', async ({
  page,
}) => {
  // The administrator adds a manager.
  await signIn(page);
  await expectHome(page);
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrfOf(page.request) },
    data: {
      username: MANAGER.username,
      fullName: MANAGER.fullName,
      role: 'manager',
      password: MANAGER.password,
    },
  });
  expect(created.status()).toBe(201);
  const usersBefore = await usernames(page.request);
  await signOut(page);

  // The manager tries the SVG: the screen refuses it, and so does the API when the screen is bypassed.
  await signInAs(page, MANAGER.username, MANAGER.password, MANAGER.fullName);
  await page.goto('/settings/company');
  await expect(page.getByRole('group', { name: 'Лого' })).toBeVisible();
  const fileInput = page.locator('input[type="file"]');
  await expect(fileInput).toHaveAttribute('accept', 'image/png,image/jpeg,image/webp');
  await fileInput.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: EVIL_SVG });
  await expect(
    page.getByText('За лого се приемат само изображения PNG, JPEG или WebP (SVG не се приема).'),
  ).toBeVisible();
  const csrf = await csrfOf(page.request);
  for (const mime of ['image/svg+xml', 'image/png']) {
    const res = await page.request.put('/api/v1/company/logo', {
      headers: { 'x-csrf-token': csrf },
      data: { dataUrl: `data:${mime};base64,${EVIL_SVG.toString('base64')}` },
    });
    expect(res.status()).toBe(400);
    expect(res.headers()['content-type']).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'unsupported_image', field: 'logo' });
  }

  // A PNG with the same script appended (a polyglot) is accepted: re-encoded, the tail is gone.
  const png = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#1f5f8b' } })
    .png()
    .toBuffer();
  const polyglot = Buffer.concat([png, Buffer.from(`<html><script>${ATTACK}</script></html>`)]);
  await fileInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: polyglot });
  await expect(page.getByText('Логото е запазено.')).toBeVisible();
  const logo = page.getByRole('img', { name: 'Лого на фирмата' });
  await expect(logo).toBeVisible();
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  const served = await page.request.get('/api/v1/company/logo');
  expect(served.headers()['content-type']).toBe('image/png');
  expect((await served.body()).includes('<script>')).toBe(false);

  // A JPEG is accepted too, and stored as PNG.
  const jpeg = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#2b8a3e' } })
    .jpeg()
    .toBuffer();
  await fileInput.setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.getByText('Логото е запазено.').first()).toBeVisible();
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  await shot(page, 'logo-settings-bg');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('group', { name: 'Logo' })).toBeVisible();
  await expect(page.getByText('PNG, JPEG or WebP, up to 2 MB', { exact: false })).toBeVisible();
  await shot(page, 'logo-settings-en');
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('group', { name: 'Лого' })).toBeVisible();
  await signOut(page);

  // The administrator opens the logo on its own (a new tab): an image, nothing runs, nobody is created.
  await signIn(page);
  await expectHome(page);
  const tab = await page.context().newPage();
  const tabConsole: string[] = [];
  tab.on('console', (m) => {
    if (m.type() === 'error') tabConsole.push(m.text());
  });
  tab.on('pageerror', (e) => tabConsole.push(e.message));
  const response = await tab.goto('/api/v1/company/logo');
  expect(response?.headers()['content-type']).toBe('image/png');
  expect(response?.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(tab.locator('body > img')).toHaveCount(1);
  await tab.waitForTimeout(1000);
  expect(await tab.title()).not.toBe('pwned');
  expect(await tab.locator('body').evaluate((b) => b.children.length)).toBe(1);
  await expect(tab.locator('h1')).toHaveCount(0);
  // The only messages are the sandbox holding back the browser's own image viewer.
  for (const text of tabConsole) {
    expect(text).toMatch(
      /sandboxed and the 'allow-scripts' permission is not set|Applying inline style violates/,
    );
  }
  await tab.screenshot({ path: 'e2e/output/screenshots/logo-opened-by-admin.png' });
  await tab.close();

  await page.goto('/');
  const usersAfter = await usernames(page.request);
  expect(usersAfter).not.toContain(INTRUDER);
  expect(usersAfter.sort()).toEqual(usersBefore.sort());
});
