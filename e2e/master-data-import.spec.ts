import type { Page } from '@playwright/test';
import { addMonths, dateParts, todayDate } from '../server/src/kernel/calendar';
import { api, expect, expectHome, shot, signIn, switchLanguage, test } from './support';

const PARTS_HEADER =
  'code,barcode,name_bg,name_en,unit,category_code,sale_price_eur,typical_cost_eur,vat_rate_percent,min_stock,compatible';
const ROWS = 1000;
/** File lines (the header is line 1) of the three bad rows and why each is refused. */
const NEGATIVE_PRICE_LINE = 8;
const UNKNOWN_CATEGORY_LINE = 501;
const DUPLICATE_CODE_LINE = 1001;
/** A part of the demo catalogue: importing its code again is a duplicate. */
const DEMO_PART_CODE = 'AC-4WAY-VALVE';

const codeOf = (n: number) => `E2E-IMP-${String(n).padStart(4, '0')}`;

/** 1,000 parts with codes the demo seed does not have; exactly three rows are wrong. */
function partsCsv(): string {
  const lines = [PARTS_HEADER];
  for (let n = 1; n <= ROWS; n++) {
    const line = n + 1;
    const code = line === DUPLICATE_CODE_LINE ? DEMO_PART_CODE : codeOf(n);
    const category = line === UNKNOWN_CATEGORY_LINE ? 'NO_SUCH_CATEGORY' : 'WASHER';
    const price = line === NEGATIVE_PRICE_LINE ? '-5.00' : `${10 + (n % 90)}.50`;
    lines.push(`${code},,Тестова част ${n},Test part ${n},бр.,${category},${price},,20,1,`);
  }
  return `${lines.join('\n')}\n`;
}

const CSV_FILE = { name: 'parts-1000.csv', mimeType: 'text/csv', buffer: Buffer.from(partsCsv(), 'utf8') };

async function choosePartsFile(page: Page, what: string, entity: string) {
  await page.getByRole('combobox', { name: what }).click();
  await page.getByRole('option', { name: entity, exact: true }).click();
  // The file field takes a file once the screen knows what is imported (its columns are listed): a file chosen
  // before that render is never checked.
  await expect(page.getByTestId('import-templates')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(CSV_FILE);
}

/** Waits until the "saved" notifications have gone, so they do not cover the screenshot. */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  // A full-page screenshot of a scrolled page draws the fixed header in the middle.
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

test('imports 1,000 parts from CSV: the preview reports the 3 bad rows, the valid 997 are imported', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Основно меню' }).getByRole('link', { name: 'Импорт' }).click();
  await expect(page.getByRole('heading', { name: 'Импорт на данни' })).toBeVisible();

  await choosePartsFile(page, 'Какво внасяте', 'Резервни части');
  // The server checks all 1,000 rows before it answers: more than 10 s on a busy CI machine.
  await expect(page.getByTestId('import-total')).toHaveText('1000', { timeout: 30_000 });
  await expect(page.getByTestId('import-valid')).toHaveText('997');
  await expect(page.getByTestId('import-error-rows')).toHaveText('3');
  await expect(page.getByTestId('import-format')).toHaveText('Файлът е CSV в UTF-8, разделител запетая.');

  // Every error with its line in the file, its column and the reason.
  const errors = page.getByTestId('import-errors').locator('tbody tr');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText(String(NEGATIVE_PRICE_LINE));
  await expect(errors.nth(0)).toContainText('sale_price_eur');
  await expect(errors.nth(0)).toContainText('не може да е отрицателна');
  await expect(errors.nth(1)).toContainText(String(UNKNOWN_CATEGORY_LINE));
  await expect(errors.nth(1)).toContainText('category_code');
  await expect(errors.nth(1)).toContainText('Няма такава категория: NO_SUCH_CATEGORY');
  await expect(errors.nth(2)).toContainText(String(DUPLICATE_CODE_LINE));
  await expect(errors.nth(2)).toContainText('code');
  await expect(errors.nth(2)).toContainText(`Кодът „${DEMO_PART_CODE}“ вече е зает`);
  // The first rows of the file, the bad one marked on its cell.
  const badSampleRow = page.getByTestId('import-sample').locator(`tr[data-row="${NEGATIVE_PRICE_LINE}"]`);
  await expect(badSampleRow.locator('td[data-error="true"]')).toHaveText('-5.00');
  // A file with errors is imported whole only after it is fixed.
  await expect(page.getByRole('button', { name: 'Внеси 1000 реда' })).toBeDisabled();
  await expect(page.getByTestId('import-has-errors')).toContainText('3 реда имат грешки');
  await shot(page, 'import-preview-bg');

  // The same check in English.
  await switchLanguage(page, 'en');
  await page.getByRole('button', { name: 'Another file' }).click();
  await page.locator('input[type="file"]').setInputFiles(CSV_FILE);
  await expect(page.getByTestId('import-error-rows')).toHaveText('3');
  await expect(page.getByTestId('import-errors')).toContainText('Code "AC-4WAY-VALVE" is already taken');
  await expect(page.getByRole('button', { name: 'Import 1000 rows' })).toBeDisabled();
  await shot(page, 'import-preview-en');
  await switchLanguage(page, 'bg');
  await page.getByRole('button', { name: 'Друг файл' }).click();
  await page.locator('input[type="file"]').setInputFiles(CSV_FILE);
  await expect(page.getByTestId('import-error-rows')).toHaveText('3');

  // Only the valid rows: a progress bar, then the result and the report of the rejected ones.
  await page.getByRole('button', { name: 'Внеси само валидните 997 реда' }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-status')).toHaveText('Готово', { timeout: 60_000 });
  await expect(page.getByTestId('import-progress-text')).toHaveText('1000 от 1000 реда');
  await expect(page.getByTestId('import-imported')).toHaveText('997');
  await expect(page.getByTestId('import-rejected')).toHaveText('3');
  await shot(page, 'import-done-bg');
  const reportLink = page.getByRole('link', { name: 'Изтеглете отчета за отхвърлените редове' });
  const report = await page.request.get((await reportLink.getAttribute('href')) ?? '');
  expect(report.ok()).toBe(true);
  const reportLines = (await report.text()).trim().split(/\r?\n/);
  expect(reportLines).toHaveLength(4);
  expect(reportLines.slice(1).map((l) => l.split(',')[0])).toEqual([
    String(NEGATIVE_PRICE_LINE),
    String(UNKNOWN_CATEGORY_LINE),
    String(DUPLICATE_CODE_LINE),
  ]);

  // One of the imported parts, found in the parts list.
  await page.getByRole('link', { name: 'Към списъка „Резервни части“' }).click();
  await expect(page.getByRole('heading', { name: 'Резервни части' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Код, баркод или наименование' }).fill(codeOf(777));
  const row = page.getByTestId('parts').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(codeOf(777));
  await expect(row).toContainText('Тестова част 777');
  await expect(row).toContainText(/67,50\s€/);
  // The global search links here with ?q=: the same list as a deep link.
  await page.goto(`/catalog/parts?q=${codeOf(778)}`);
  await expect(page.getByTestId('parts').locator('tbody tr')).toContainText('Тестова част 778');
});

const CATALOG_LISTS = [
  { bg: 'Категории', en: 'Categories', shot: 'catalog-categories', testId: 'categories' },
  { bg: 'Марки', en: 'Brands', shot: 'catalog-brands', testId: 'brands' },
  { bg: 'Модели', en: 'Models', shot: 'catalog-models', testId: 'models' },
  { bg: 'Труд и услуги', en: 'Labour and services', shot: 'catalog-service-types', testId: 'service-types' },
  { bg: 'Резервни части', en: 'Spare parts', shot: 'catalog-parts', testId: 'parts' },
] as const;

test('the catalogue lists in Bulgarian and English; a part’s price and code are checked', async ({
  page,
}) => {
  // Ten list visits in two languages: more than the default 30 s on a loaded two-core machine.
  test.setTimeout(90_000);
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  for (const list of CATALOG_LISTS) {
    await nav.getByRole('link', { name: list.bg, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: list.bg })).toBeVisible();
    await expect(page.getByTestId(list.testId).locator('tbody tr').first()).toBeVisible();
    await shot(page, `${list.shot}-bg`);
  }

  // Sorting and filters live in the address, so the list survives a reload.
  await page.getByRole('button', { name: 'Продажна цена' }).click();
  await expect(page).toHaveURL(/sort=salePriceCents/);
  await page
    .getByRole('textbox', { name: 'Показване' })
    .or(page.getByRole('combobox', { name: 'Показване' }))
    .click();
  await page.getByRole('option', { name: 'Архивирани' }).click();
  await expect(page).toHaveURL(/archived=true/);
  await expect(page.getByRole('link', { name: 'Експорт в CSV' })).toHaveAttribute(
    'href',
    /\/api\/v1\/parts\/export\.csv\?.*archived=true/,
  );
  await page.goto('/catalog/parts');

  // A negative price is refused on the price input; a taken code points at the part that has it.
  await page.getByRole('button', { name: 'Нова част' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нова резервна част' });
  await dialog.getByRole('textbox', { name: 'Код', exact: true }).fill(DEMO_PART_CODE);
  await dialog.getByRole('textbox', { name: 'Наименование (БГ)' }).fill('Вентил');
  await dialog.getByRole('textbox', { name: 'Продажна цена' }).fill('-12,50');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog.getByText('Сумата не може да е отрицателна.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Продажна цена' }).fill('12,50');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog.getByText(`Кодът „${DEMO_PART_CODE}“ вече е зает`)).toBeVisible();
  await page.screenshot({ path: 'e2e/output/screenshots/part-duplicate-bg.png' });
  await dialog.getByRole('button', { name: 'Отвори съществуващия запис' }).click();
  const existing = page.getByRole('dialog', { name: `Част ${DEMO_PART_CODE}` });
  await expect(existing.getByRole('textbox', { name: 'Наименование (БГ)' })).toHaveValue(
    'Четирипътен вентил за климатик',
  );
  await existing.getByRole('button', { name: 'Отказ' }).click();

  await switchLanguage(page, 'en');
  const navEn = page.getByRole('navigation', { name: 'Main menu' });
  for (const list of CATALOG_LISTS) {
    await navEn.getByRole('link', { name: list.en, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: list.en })).toBeVisible();
    await expect(page.getByTestId(list.testId).locator('tbody tr').first()).toBeVisible();
    await shot(page, `${list.shot}-en`);
  }
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Резервни части' })).toBeVisible();
});

test('a service type’s norm times by brand and model, and its price for a model', async ({ page }) => {
  await signIn(page);
  await expectHome(page);
  await page.goto('/catalog/service-types?q=WM_BEARINGS');
  await page.getByRole('button', { name: 'WM_BEARINGS', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'WM_BEARINGS · Смяна на лагери и семеринг на барабана' }),
  ).toBeVisible();
  const overrides = page.getByTestId('overrides').locator('tbody tr');
  const serviceTypeId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const before: unknown[] = (await api(page, `/api/v1/service-types/${serviceTypeId}/overrides`)).items;
  expect(before.length).toBeGreaterThan(0);
  await expect(overrides).toHaveCount(before.length);

  // Bosch WAU28PH9BY takes 4 hours at 35 €/h.
  await page.getByRole('button', { name: 'Добави норма' }).click();
  const dialog = page.getByRole('dialog', { name: 'Норма за марка или модел' });
  await dialog.getByRole('combobox', { name: 'Марка' }).click();
  await page.getByRole('option', { name: 'Bosch', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Модел' }).click();
  await page.getByRole('option', { name: 'Bosch WAU28PH9BY' }).click();
  await dialog.getByRole('textbox', { name: 'Норма време' }).fill('4:00');
  await dialog.getByRole('textbox', { name: 'Часова ставка' }).fill('35');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog).toBeHidden();
  await expect(overrides).toHaveCount(before.length + 1);
  const bosch = overrides.filter({ hasText: 'WAU28PH9BY' });
  await expect(bosch).toContainText('4:00');
  await expect(bosch).toContainText(/140,00\s€/);

  // The same model again: the server names the override that exists.
  await page.getByRole('button', { name: 'Добави норма' }).click();
  await dialog.getByRole('combobox', { name: 'Модел' }).click();
  await dialog.getByRole('combobox', { name: 'Модел' }).fill('WAU28');
  await page.getByRole('option', { name: 'Bosch WAU28PH9BY' }).click();
  await dialog.getByRole('textbox', { name: 'Норма време' }).fill('5:00');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await dialog.getByRole('button', { name: 'Отвори съществуващия запис' }).click();
  const edit = page.getByRole('dialog', { name: 'Промяна на норма' });
  await expect(edit.getByRole('textbox', { name: 'Норма време' })).toHaveValue('4:00');
  await edit.getByRole('button', { name: 'Отказ' }).click();

  // The price for a model: from the model's override, from its brand's, or the service's own.
  const quote = page.getByTestId('quote');
  await quote.getByRole('combobox', { name: 'Модел' }).fill('WAU28');
  await page.getByRole('option', { name: 'Bosch WAU28PH9BY' }).click();
  const result = page.getByTestId('quote-result');
  await expect(result).toContainText('4:00');
  await expect(result).toContainText(/140,00\s€/);
  await expect(result).toContainText('за модела');
  await quietShot(page, 'service-type-overrides-bg');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('tab', { name: /Norm by brand and model/ })).toBeVisible();
  await expect(result).toContainText('for the model');
  await quietShot(page, 'service-type-overrides-en');
  await switchLanguage(page, 'bg');
  await expect(result).toContainText('за модела');
});

test('a technician: skills, working hours with an overlap refused, pay terms from a date', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Техници', exact: true })
    .click();
  const technicians = await api(page, '/api/v1/technicians');
  await expect(page.getByTestId('technicians').locator('tbody tr')).toHaveCount(
    Math.min(technicians.total, 25),
  );
  await page.getByRole('link', { name: 'Нов техник' }).click();

  await page.getByRole('textbox', { name: 'Име' }).fill('Петър Илиев');
  await page.getByRole('textbox', { name: 'Телефон' }).fill('+359887123456');
  await page.getByRole('combobox', { name: 'Умения' }).click();
  await page.getByRole('option', { name: 'Пералня', exact: true }).click();
  await page.getByRole('option', { name: 'Сушилня', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Интервал Понеделник' }).click();
  await page.getByRole('button', { name: 'Интервал Понеделник' }).click();
  await page.getByLabel('Понеделник от').nth(1).fill('17:00');
  await page.getByLabel('Понеделник до').nth(1).fill('19:00');
  await page.getByRole('checkbox', { name: 'Въведи условия на заплащане' }).check();
  await page.getByRole('textbox', { name: 'Комисионна' }).fill('30');
  await page.getByRole('button', { name: 'Добави', exact: true }).click();
  // The server refuses overlapping intervals on one day.
  await expect(page.getByTestId('hours-error')).toContainText('Работните интервали в един ден се застъпват.');
  await expect(page.getByText('Застъпва се с 09:00–18:00.')).toBeVisible();
  await quietShot(page, 'technician-overlap-bg');

  await page.getByLabel('Понеделник от').nth(1).fill('18:00');
  await page.getByRole('button', { name: 'Копирай понеделник за вторник–петък' }).click();
  await page.getByRole('button', { name: 'Добави', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Петър Илиев' })).toBeVisible();
  await expect(page.getByTestId('pay-terms')).toContainText('30 % от труда');

  // New terms from a date: the history keeps the old ones.
  await page.getByText('За норма час', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Ставка за норма час' }).fill('15,50');
  // From the first of next month.
  const [year, month] = dateParts(addMonths(todayDate(), 1));
  const from = page.getByTestId('pay-terms').getByRole('textbox', { name: 'В сила от' });
  await from.fill(`01.${String(month).padStart(2, '0')}.${year}`);
  await from.press('Tab');
  await page.getByRole('button', { name: 'Добави условия' }).click();
  await expect(page.getByTestId('pay-terms')).toContainText(/15,50\s€ за норма час/);
  await expect(page.getByTestId('pay-terms').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('pay-terms')).toContainText('предстои');
  await quietShot(page, 'technician-form-bg');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('pay-terms')).toContainText(/€15\.50 per norm hour/);
  await quietShot(page, 'technician-form-en');
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Петър Илиев' })).toBeVisible();
});

test('the storekeeper keeps the spare parts and imports, and only reads the labour catalogue', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill('storekeeper');
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('servix-demo-2026');
  await page.getByRole('button', { name: 'Вход' }).click();
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  await expect(nav.getByRole('link', { name: 'Импорт' })).toBeVisible();

  await nav.getByRole('link', { name: 'Труд и услуги' }).click();
  await expect(page.getByText('Само за преглед: вашата роля не може да променя тези данни.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Нова услуга' })).toHaveCount(0);
  await page.getByRole('button', { name: 'AC_BOARD', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Добави норма' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Данни' }).click();
  await expect(page.getByRole('textbox', { name: 'Код' })).toBeDisabled();

  await nav.getByRole('link', { name: 'Резервни части' }).click();
  await expect(page.getByRole('button', { name: 'Нова част' })).toBeVisible();
  await expect(page.getByText('Само за преглед: вашата роля не може да променя тези данни.')).toHaveCount(0);
});
