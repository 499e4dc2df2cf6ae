import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectHome, shot, signIn, switchLanguage, test } from './support';

/** Files as Excel and LibreOffice save them (server/src/modules/imports/fixtures/README.md). */
const fixture = (name: string) => path.join('server/src/modules/imports/fixtures', name);
const EXCEL_1251 = fixture('customers-excel-windows-1251-semicolon.csv');
const CALC_XLSX = fixture('customers-libreoffice.xlsx');

/** Signs in and opens the import screen on customers. */
async function openCustomerImport(page: Page) {
  await signIn(page);
  await expectHome(page);
  await page.goto('/import?entity=customers');
  await expect(page.getByRole('heading', { name: 'Импорт на данни' })).toBeVisible();
  await expect(page.getByTestId('import-templates')).toBeVisible();
}

/** A customer in the customers list, found by the name as the file wrote it. */
async function expectCustomerListed(page: Page, name: string) {
  await page.goto(`/customers?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible();
}

/** Nothing on the page is wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
}

test('imports the customers file Excel saves on a Bulgarian Windows (Windows-1251, semicolons): the Cyrillic names are right in the preview and in the list', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openCustomerImport(page);
  await page.locator('input[type="file"]').setInputFiles(EXCEL_1251);
  await expect(page.getByTestId('import-format')).toHaveText(
    'Файлът е CSV в Windows-1251, разделител точка и запетая.',
  );
  await expect(page.getByTestId('import-total')).toHaveText('4');
  await expect(page.getByTestId('import-valid')).toHaveText('4');
  await expect(page.getByTestId('import-error-rows')).toHaveText('0');
  const sample = page.getByTestId('import-sample');
  await expect(sample.locator('tr[data-row="2"]')).toContainText('"Бряг-Щерев" ЕООД');
  await expect(sample.locator('tr[data-row="2"]')).toContainText('ул. „Цар Освободител“ № 12; ет. 3');
  await expect(sample.locator('tr[data-row="3"]')).toContainText('Иванка Петрова-Щерева');
  await expect(sample.locator('tr[data-row="4"]')).toContainText('Юлиян Ъглев и сие ООД');
  await expect(sample).not.toContainText('\uFFFD');
  await shot(page, 'import-1251-preview-bg');

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('import-format')).toHaveText(
    'The file is CSV in Windows-1251, separated by semicolons.',
  );
  await shot(page, 'import-1251-preview-en');
  await switchLanguage(page, 'bg');

  await page.getByRole('button', { name: 'Внеси 4 реда' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Готово', { timeout: 30_000 });
  await expect(page.getByTestId('import-imported')).toHaveText('4');
  await expectCustomerListed(page, 'Иванка Петрова-Щерева');
  await expectCustomerListed(page, 'Юлиян Ъглев и сие ООД');
  await shot(page, 'import-1251-customers-bg');
});

test('imports an XLSX saved by LibreOffice Calc: the first sheet, phones and ЕИК typed as numbers keep their zeros', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openCustomerImport(page);
  await page.locator('input[type="file"]').setInputFiles(CALC_XLSX);
  await expect(page.getByTestId('import-format')).toHaveText(
    'Файлът е Excel таблица (.xlsx); прочетен е първият лист „typed“.',
  );
  await expect(page.getByTestId('import-valid')).toHaveText('4');
  const sample = page.getByTestId('import-sample');
  await expect(sample.locator('tr[data-row="2"]')).toContainText('000691564');
  await expect(sample.locator('tr[data-row="3"]')).toContainText('Пенчо Щерянов');
  await expect(sample.locator('tr[data-row="3"]')).toContainText('0899112233');
  await shot(page, 'import-xlsx-preview-bg');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('import-format')).toHaveText(
    'The file is an Excel workbook (.xlsx); its first sheet, “typed”, was read.',
  );
  await shot(page, 'import-xlsx-preview-en');
  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Done', { timeout: 30_000 });
  await switchLanguage(page, 'bg');
  await expectCustomerListed(page, 'Пенчо Щерянов');
  await expectCustomerListed(page, 'Климатици „Ямбол-Юг“ ООД');
});

test('on a 390 px phone the preview is cards, each error under its cell, nothing wider than the screen (bg and en)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCustomerImport(page);
  await expectNoSidewaysScroll(page);
  await shot(page, 'import-phone-choose-bg');
  // The same Excel file again: its two companies' ЕИК are taken now, and the cards say so on the cell.
  await page.locator('input[type="file"]').setInputFiles(EXCEL_1251);
  await expect(page.getByTestId('import-error-rows')).toHaveText('2');
  await expect(page.getByTestId('import-sample')).toHaveCount(0);
  const card = page.locator('[data-testid="import-sample-card"][data-row="2"]');
  await expect(card).toContainText('"Бряг-Щерев" ЕООД');
  await expect(card.locator('[data-error="true"]')).toContainText('203980782');
  await expect(card.locator('[data-error="true"]')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'import-phone-preview-bg');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('import-format')).toContainText('Windows-1251');
  await expectNoSidewaysScroll(page);
  await shot(page, 'import-phone-preview-en');
  // The language is saved on the user: back to Bulgarian for the journeys after this one.
  await switchLanguage(page, 'bg');
});
