import type { Browser, Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { api, csrfOf, expect, post } from './support';
import { PHONE } from './width';

/** The schedule's and the phone's journeys, shared: the calendar's columns and hours, a technician's phone, a
 * photo from its camera and a signature drawn on its screen. */

/** A loaded machine draws slowly: the waits allow for it. */
export const SLOW = { timeout: 30_000 };

/** The calendar column of a technician (day view: one column per technician, in the headers' order). */
export async function columnOf(page: Page, technician: string): Promise<Locator> {
  const calendar = page.getByTestId('schedule-calendar');
  const headers = calendar.locator('.rbc-time-header-content .rbc-row-resource .rbc-header');
  await expect(headers.filter({ hasText: technician })).toHaveCount(1, SLOW);
  const names = await headers.allTextContents();
  const index = names.findIndex((n) => n.trim() === technician);
  return calendar.locator('.rbc-time-content .rbc-day-slot').nth(index);
}

/** The page's y of a time of day ("10:00") on the calendar: the top of that hour's row in the time gutter. */
export async function yOf(page: Page, hhmm: string): Promise<number> {
  const label = page
    .getByTestId('schedule-calendar')
    .locator('.rbc-time-gutter .rbc-timeslot-group')
    .filter({ hasText: hhmm });
  await label.scrollIntoViewIfNeeded();
  const box = await label.boundingBox();
  if (!box) throw new Error(`no ${hhmm} on the calendar`);
  return box.y;
}

/** A phone (390 px, Sofia time) signed in as the user. */
export async function phoneOf(browser: Browser, username: string, fullName: string, password: string) {
  const context = await browser.newContext({ viewport: PHONE, timezoneId: 'Europe/Sofia' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Здравейте, ${fullName}!` })).toBeVisible(SLOW);
  return { page, errors, close: () => context.close() };
}

/** The signed-in user's language, through the API. */
export async function setLocale(page: Page, locale: 'bg' | 'en') {
  const res = await page.request.patch('/api/v1/auth/me', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { locale },
  });
  expect(res.status()).toBe(200);
}

/** A small photo as the phone's camera would hand it over. */
export async function aPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e86de' } })
    .png()
    .toBuffer();
}

/** Draws a signature on the pad with the mouse: two strokes across it. */
export async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on the screen');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.7));
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(...at(0.1 + i * 0.035, 0.6 - Math.sin(i / 3) * 0.3));
  await page.mouse.up();
  await page.mouse.move(...at(0.55, 0.3));
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(...at(0.55 + i * 0.03, 0.3 + i * 0.04));
  await page.mouse.up();
}

/**
 * Chooses a service from the job page's labour combobox by its code. The page may draw itself again while the list
 * is open (an order refetched after a part was added closes it), so typing and choosing are tried again until the
 * choice holds.
 */
export async function chooseService(page: Page, label: string, code: string) {
  const combobox = page.getByRole('combobox', { name: label });
  await expect(async () => {
    await combobox.fill(code);
    await page.getByRole('option', { name: new RegExp(code) }).click({ timeout: 5_000 });
    await expect(combobox).toHaveValue(new RegExp(code), { timeout: 2_000 });
  }).toPass(SLOW);
}

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers
type Row = Record<string, any>;

/** A technician with a user account and working hours, through the API. */
export async function aFieldTechnician(
  page: Page,
  o: {
    username: string;
    fullName: string;
    password: string;
    hours: { weekday: number; startMinute: number; endMinute: number }[];
  },
): Promise<{ user: Row; technician: Row }> {
  const user = await post(page, '/api/v1/users', {
    username: o.username,
    fullName: o.fullName,
    role: 'technician',
    password: o.password,
  });
  const technician = await post(page, '/api/v1/technicians', {
    name: o.fullName,
    userId: user.id,
    hours: o.hours,
  });
  return { user, technician };
}

/** The technician's van holding a part of its own, received from a supplier and posted, through the API. */
export async function aVanWithPart(
  page: Page,
  technicianId: string,
  o: {
    run: string;
    code: string;
    partCode: string;
    partName: string;
    quantityMilli: number;
    supplierName: string;
  },
): Promise<{ van: Row; part: Row }> {
  const van = await post(page, '/api/v1/warehouses', {
    code: o.code,
    name: `Бус ${o.run}`,
    kind: 'van',
    technicianId,
  });
  const part = await post(page, '/api/v1/parts', {
    code: o.partCode,
    nameBg: o.partName,
    salePriceCents: 1800,
    typicalCostCents: 700,
  });
  const supplier = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: o.supplierName,
    isSupplier: true,
    isCustomer: false,
  });
  const receipt = await post(page, '/api/v1/stock/documents', {
    type: 'receipt',
    warehouseId: van.id,
    supplierId: supplier.id,
    supplierDocNumber: `${o.code}-${o.run}`,
    lines: [{ partId: part.id, quantityMilli: o.quantityMilli, unitCostCents: 700 }],
  });
  await post(page, `/api/v1/stock/documents/${receipt.id}/post`, {});
  return { van, part };
}

/** A customer with a site and an item installed there (the catalogue's first model), through the API. */
export async function aCustomerSite(
  page: Page,
  o: { name: string; siteName: string; city: string; address: string; serial: string },
): Promise<{ customer: Row; site: Row; item: Row }> {
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: o.name,
    isCustomer: true,
    isSupplier: false,
  });
  const site = await post(page, '/api/v1/sites', {
    partyId: customer.id,
    name: o.siteName,
    city: o.city,
    address: o.address,
  });
  const model = (await api(page, '/api/v1/models?pageSize=1')).items[0];
  const item = await post(page, '/api/v1/items', {
    modelId: model.id,
    partyId: customer.id,
    siteId: site.id,
    serialNumber: o.serial,
  });
  return { customer, site, item };
}
