import type { Page } from '@playwright/test';
import { ADMIN, expect, expectHome, shot, signIn, test } from './support';

test('signs out; a wrong password shows the error; the right one signs in', async ({ page }) => {
  await signIn(page);
  await expectHome(page);

  await page.getByRole('button', { name: 'Потребителско меню' }).click();
  await page.getByRole('menuitem', { name: 'Изход' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  // Signed out means signed out: a screen behind the sign-in sends us back here.
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();

  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('alert')).toHaveText('Грешно потребителско име или парола.');
  await expect(page.getByRole('button', { name: 'Вход' })).not.toHaveAttribute('data-loading', 'true');
  await shot(page, 'sign-in-error-bg');

  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Вход' }).click();
  // Back where the user wanted to go.
  await expect(page.getByRole('heading', { level: 2, name: 'Потребители' })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/users$/);
});

test('the app opens at the site root', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
});

test('the sign-in screen opens without a failed request (no 401 in the console before anyone signs in)', async ({
  page,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') failed.push(m.text());
  });
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
  await expect(page.getByLabel('Потребителско име')).toBeEnabled();
  expect(failed).toEqual([]);
});

/**
 * Every element's computed style (properties sorted), keyed by its tag, classes, first words and place among its
 * likes: two renderings of the same screen give equal maps when their styles are the same.
 */
async function computedStyles(page: Page): Promise<Record<string, string>> {
  // A colour half-way through its transition (an input turning red) is not a style: wait for every animation.
  await page.evaluate(async () => {
    const ending = () =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
    for (let left = ending(); left.length > 0; left = ending()) {
      await Promise.allSettled(left.map((a) => a.finished));
    }
  });
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const seen = new Map<string, number>();
    for (const e of document.querySelectorAll('body *')) {
      if (['STYLE', 'SCRIPT', 'LINK'].includes(e.tagName)) continue;
      const like = `${e.tagName}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 24)}"`;
      const n = (seen.get(like) ?? 0) + 1;
      seen.set(like, n);
      const style = getComputedStyle(e);
      const props: string[] = [];
      for (let i = 0; i < style.length; i++) {
        const name = style.item(i);
        props.push(`${name}: ${style.getPropertyValue(name)}`);
      }
      out[`${like} #${n}`] = props.sort().join('; ');
    }
    return out;
  });
}

/**
 * The sign-in screen as it is, after an empty submit, and after a wrong password: styles of each. The server's
 * refusal is played by the page (no sign-in attempt counts against the administrator's free ones).
 */
async function signInStates(page: Page): Promise<Record<string, string>[]> {
  await page.route('**/api/v1/auth/login', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        status: 401,
        code: 'invalid_credentials',
        detail: 'Грешно потребителско име или парола.',
      }),
    }),
  );
  await expect(page.getByLabel('Потребителско име')).toBeEnabled();
  const states = [await computedStyles(page)];
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByText('Полето е задължително.')).toHaveCount(2);
  states.push(await computedStyles(page));
  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Вход' })).not.toHaveAttribute('data-loading', 'true');
  // The button's loader leaves with a transition of its own: gone before the styles are read.
  await expect(page.locator('.mantine-Button-loader')).toHaveCount(0);
  await page.getByLabel('Потребителско име').blur();
  states.push(await computedStyles(page));
  return states;
}

// The sign-in screen comes with the styles of its own components only (web/src/app/sign-in-styles.css); all of
// Mantine's come with the screens after it. A component added to the sign-in screen without its styles fails here.
for (const width of [1280, 390]) {
  test(`at ${width} px the sign-in screen looks the same with only its own styles as with all of them`, async ({
    page,
    browser,
    baseURL,
  }) => {
    // Two page loads and six styles of every element: more than the default 30 s on a busy CI machine.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 844 });
    const html = await (await page.request.get('/login')).text();
    const ownStyles = [...html.matchAll(/href="([^"]+\.css)"/g)].map(
      (m) => new URL(m[1] ?? '', baseURL).href,
    );
    expect(ownStyles).toHaveLength(1);
    // Only the sign-in screen's own styles: those of the screens after it (loaded while the form waits) never come.
    await page.route(/\.css$/, (route) =>
      ownStyles.includes(route.request().url()) ? route.continue() : route.abort(),
    );
    await page.goto('/login');
    const own = await signInStates(page);

    const context = await browser.newContext({ baseURL, viewport: { width, height: 844 } });
    const all = await context.newPage();
    await all.goto('/login');
    // The styles of the screens after the sign-in arrive while the form waits: all of Mantine's.
    await expect
      .poll(() => all.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length))
      .toBeGreaterThan(1);
    await all.waitForLoadState('networkidle');
    const withAll = await signInStates(all);
    await context.close();

    for (const [i, state] of own.entries()) {
      const other = withAll[i] ?? {};
      // Each element styled differently, with the properties that differ (own styles → all styles).
      const differ = Object.keys(state)
        .filter((k) => k in other && state[k] !== other[k])
        .map((k) => {
          const mine = new Set(state[k]?.split('; '));
          const theirs = new Set(other[k]?.split('; '));
          const changed = [...mine].filter((p) => !theirs.has(p));
          return `${k}: ${changed.join('; ')} → ${[...theirs].filter((p) => !mine.has(p)).join('; ')}`;
        });
      expect(differ, `state ${i}: elements styled differently`).toEqual([]);
      expect(Object.keys(state).filter((k) => !(k in other))).toEqual([]);
    }
  });
}
