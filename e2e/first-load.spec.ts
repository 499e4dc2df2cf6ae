import { ADMIN, expect, expectHome, shot, test } from './support';

/** A phone on a good mobile network: 4G round trips and bandwidth, a CPU twice as slow as this machine's. */
const FOUR_G = {
  offline: false,
  latency: 70,
  downloadThroughput: (9 * 1024 * 1024) / 8,
  uploadThroughput: (3 * 1024 * 1024) / 8,
};
const CPU_SLOWDOWN = 2;

test.use({ viewport: { width: 390, height: 844 } });

test('on a throttled 4G phone the sign-in screen opens, takes typing and signs in', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FOUR_G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  const started = Date.now();
  await page.goto('/login', { waitUntil: 'commit' });
  // Milliseconds from the start of the navigation until the username field is on screen and enabled.
  const fieldReady = await page.waitForFunction<number | null>(
    () => {
      const field = document.querySelector<HTMLInputElement>('input[autocomplete="username"]');
      return field && !field.disabled && field.getClientRects().length > 0 ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 20_000 },
  );
  const username = page.getByLabel('Потребителско име');
  await username.pressSequentially(ADMIN.username);
  await expect(username).toHaveValue(ADMIN.username);
  const typed = Date.now() - started;

  const readyAt = Math.round((await fieldReady.jsonValue()) ?? Number.NaN);
  // What the screen waited for: the JS and CSS downloaded before the field was ready (later ones are preloads).
  const downloaded = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => /\.(js|css)$/.test(r.name) && r.startTime + r.duration <= until)
        .reduce((sum, r) => sum + (r as PerformanceResourceTiming).transferSize, 0),
    readyAt,
  );
  // A benchmark, not an assertion: the time depends on the machine; the report quotes it.
  console.log(
    `first load on 4G (CPU ×${CPU_SLOWDOWN}): username field ready ${readyAt} ms ` +
      `after navigation start, typing shown ${typed} ms after page.goto; ${Math.round(downloaded / 1024)} kB of JS and CSS before it`,
  );
  await shot(page, 'sign-in-4g-mobile-bg');

  // The screens after the sign-in download on the same slow network, and the first of them shows.
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expectHome(page);
  await shot(page, 'home-4g-mobile-bg');
});
