import { test as base, expect, type Page } from '@playwright/test';
import { addDays, dateParts, todayDate } from '../server/src/kernel/calendar';
import { DEMO_COMPANY_NAME } from '../server/src/modules/setup/setup.schema';

/**
 * Playwright's test, failing any test whose page logs an error or throws (React warnings included).
 * Failed HTTP answers the app handles (401 before sign-in, 400 with field errors) are not errors of the page.
 */
export const test = base.extend<{ pageErrors: undefined }>({
  // The journeys' second worker works on the second installation (playwright.config.ts): the same demo company.
  baseURL: async ({ baseURL }, use, testInfo) => {
    const second = process.env.SERVIX_E2E_SECOND_URL;
    await use(
      testInfo.project.name === 'journeys' && testInfo.parallelIndex % 2 === 1 && second ? second : baseURL,
    );
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      await use(undefined);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The administrator created by the first-run spec; the other specs sign in as them. */
export const ADMIN = { username: 'admin', password: 'e2e-Парола-2026', fullName: 'Мария Иванова' };
/** The first-run spec chooses the demo company: the other specs work on its data. */
export const COMPANY = DEMO_COMPANY_NAME;

/**
 * Full-page screenshots kept for review under e2e/output/screenshots (git-ignored). E2E_SHOTS=0 takes none (CI:
 * nobody looks at them there, and two hundred full pages cost minutes on two cores).
 */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SHOTS === '0') return;
  await page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });
}

/** Signs in through the sign-in screen, in Bulgarian (a fresh browser has no saved language). */
export async function signIn(page: Page, password = ADMIN.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Вход' }).click();
}

/**
 * Switches the screens with the БГ / EN switch. Signed in, it waits until the choice is saved to the user: every spec
 * signs in as the same users and expects Bulgarian, so a switch back that had not reached the server yet would turn
 * the next spec's screens English.
 */
export async function switchLanguage(page: Page, to: 'bg' | 'en'): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('lang')) === to) return;
  const path = new URL(page.url()).pathname;
  const signedIn = !path.startsWith('/login') && !path.startsWith('/setup');
  const saved = signedIn
    ? page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/auth/me',
      )
    : null;
  // Scoped to the switch: a page may have its own "EN" (a document's language button).
  await page
    .getByTestId('language-switch')
    .getByText(to === 'en' ? 'EN' : 'БГ', { exact: true })
    .click();
  await expect(html).toHaveAttribute('lang', to);
  if (saved) expect((await saved).status(), 'the language saved to the user').toBe(200);
}

/**
 * Runs `steps` with the screens in English and switches back to Bulgarian after them. When a step fails, the user's
 * language is set back through the API (the page may be in any state), and the step's failure is what is reported.
 */
export async function inEnglish(page: Page, steps: () => Promise<void>): Promise<void> {
  await switchLanguage(page, 'en');
  try {
    await steps();
  } catch (error) {
    await csrfOf(page)
      .then((token) =>
        page.request.patch('/api/v1/auth/me', { headers: { 'x-csrf-token': token }, data: { locale: 'bg' } }),
      )
      .catch(() => undefined);
    throw error;
  }
  await switchLanguage(page, 'bg');
}

export async function expectHome(page: Page, language: 'bg' | 'en' = 'bg'): Promise<void> {
  const greeting = language === 'bg' ? `Здравейте, ${ADMIN.fullName}!` : `Hello, ${ADMIN.fullName}!`;
  // The first screen after signing in loads the app's chunks and the home's reads: on a loaded two-core machine
  // (two workers, three servers) it took over the default 10 s once; the journeys allow 30 s for slow screens.
  await expect(page.getByRole('heading', { level: 1, name: greeting })).toBeVisible({ timeout: 30_000 });
}

/**
 * What the API answers now, asked with the page's own session: a spec looks up the numbers and counts it checks
 * (document numbers, list totals) instead of expecting what earlier specs left.
 */
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
export async function api<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `GET ${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** Rows a list table shows for `total` records: one page of 25 at most, and its header row. */
export function rowsFor(total: number, pageSize = 25): number {
  return Math.min(total, pageSize) + 1;
}

/**
 * The number in the document heading ("Складова разписка № 0000000004"), checked against the API's record of the
 * document the page shows: the spec learns the number after the action instead of assuming it.
 */
export async function shownDocumentNumber(page: Page, title: string): Promise<string> {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${title} № \\d{10}$`) });
  await expect(heading).toBeVisible();
  const number = /(\d{10})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect((await api(page, `/api/v1/stock/documents/${id}`)).number).toBe(number);
  return number;
}

/**
 * A day some days from the company's today (Europe/Sofia, as the screens count days, whatever the test machine's
 * zone), typed as people do: dd.mm.yyyy in Bulgarian, dd/mm/yyyy in English.
 */
export function typedDay(days = 0, language: 'bg' | 'en' = 'bg'): string {
  const [y, m, d] = dateParts(addDays(todayDate(), days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return language === 'bg' ? `${pad(d)}.${pad(m)}.${y}` : `${pad(d)}/${pad(m)}/${y}`;
}

/** The CSRF token of the page's session, for API calls a spec makes on its behalf. */
export async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
}

/** A POST with the page's own session and CSRF token; the spec reads the JSON answer as it pleases. */
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
export async function post<T = any>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A 9-digit ЕИК with its check digit (INV-17), unique per run: the customer an invoice needs. */
export function aUic(): string {
  const body = String(Date.now()).slice(-8).split('').map(Number);
  const sum = (weights: number[]) => body.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10]) % 10;
  return `${body.join('')}${check}`;
}

/** Today in Sofia as the API takes a date (YYYY-MM-DD). */
export function todayInSofia(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
}

/**
 * Through the API: a company customer `<name> <run> ООД` with its ЕИК and billing address in `city`, and a new cash
 * desk `Каса <name> <run>` to take or pay back its money.
 */
export async function aCustomerWithDesk(
  page: Page,
  name: string,
  address: { city: string; address: string },
): Promise<{ customer: { id: string; name: string }; desk: { id: string; name: string } }> {
  const suffix = String(Date.now()).slice(-6);
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `${name} ${suffix} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', ...address }],
  });
  const desk = await post(page, '/api/v1/money-accounts', { kind: 'cash', name: `Каса ${name} ${suffix}` });
  return { customer, desk };
}

/**
 * A company customer with its requisites, an order for its washer with two lines it pays (1.5 h of labour at
 * 40.00 € and transport at 10.00 € less 10 %: base 69.00 €, VAT 13.80 €, 82.80 € with VAT) and one under the shop's
 * warranty, taken to `status` (by default finished: ready to bill). `tag` marks the item's serial with the spec that
 * made it.
 */
export async function finishedOrder(
  page: Page,
  name: string,
  tag = 'INV',
  status: 'in_repair' | 'ready' = 'ready',
): Promise<{ id: string; number: string }> {
  const run = String(Date.now()).slice(-6);
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `${name} ${run} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Варна', address: 'ул. „Морска“ 7' }],
  });
  const models = await api(page, `/api/v1/models?q=${encodeURIComponent('TDLR 7220')}`);
  const order = await post(page, '/api/v1/service-orders', {
    partyId: customer.id,
    serialNumber: `E2E-${tag}-${run}`,
    modelId: models.items[0].id,
    complaint: 'Не центрофугира',
  });
  const line = (body: object) => post(page, `/api/v1/service-orders/${order.id}/lines`, body);
  await line({
    kind: 'charge',
    description: 'Труд',
    quantityMilli: 1500,
    unitPriceCents: 4000,
    vatRateBp: 2000,
  });
  await line({
    kind: 'charge',
    description: 'Транспорт',
    quantityMilli: 1000,
    unitPriceCents: 1000,
    discountBp: 1000,
    vatRateBp: 2000,
  });
  await line({
    kind: 'charge',
    description: 'Гаранционен труд',
    quantityMilli: 1000,
    unitPriceCents: 9900,
    vatRateBp: 2000,
    payer: 'shop_warranty',
    payerReason: 'Повторен ремонт',
  });
  for (const to of ['diagnosing', 'in_repair', 'ready'] as const) {
    await post(page, `/api/v1/service-orders/${order.id}/status`, { to });
    if (to === status) break;
  }
  return { id: order.id, number: order.number };
}
