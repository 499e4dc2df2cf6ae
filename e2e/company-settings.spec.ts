import { isValidUic } from '@servix/server/kernel/identifiers';
import { expect, shot, signIn, switchLanguage, test } from './support';

const BAD_UIC = '123456789';
const GOOD_UIC = '131468980';

test('edits the company: the server rejects a bad ЕИК on its field, a valid one is saved and kept', async ({
  page,
}) => {
  expect(isValidUic(BAD_UIC)).toBe(false);
  expect(isValidUic(GOOD_UIC)).toBe(true);

  await signIn(page);
  await page.getByRole('navigation', { name: 'Основно меню' }).getByRole('link', { name: 'Фирма' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Фирма' })).toBeVisible();
  const uic = page.getByLabel('ЕИК / БУЛСТАТ');
  await expect(uic).toHaveValue('206417593');

  await uic.fill(BAD_UIC);
  await page.getByRole('button', { name: 'Запази' }).click();
  // The message is the server's, shown on the ЕИК input itself.
  await expect(uic).toHaveAttribute('aria-invalid', 'true');
  const uicError = page.locator(`#${await uic.getAttribute('aria-describedby')}`);
  await expect(uicError).toHaveText('Невалиден ЕИК: контролната цифра не съвпада.');
  await shot(page, 'company-error-bg');

  await uic.fill(GOOD_UIC);
  // A VAT-registered company's VAT number is BG + its ЕИК.
  await page.getByLabel('ИН по ДДС').fill(`BG${GOOD_UIC}`);
  await page.getByLabel('Населено място').fill('Пловдив');
  await page.getByRole('button', { name: 'Запази' }).click();
  await expect(page.getByText('Промените са запазени.')).toBeVisible();
  await expect(uic).not.toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(page.getByLabel('ЕИК / БУЛСТАТ')).toHaveValue(GOOD_UIC);
  await expect(page.getByLabel('ИН по ДДС')).toHaveValue(`BG${GOOD_UIC}`);
  await expect(page.getByLabel('Населено място')).toHaveValue('Пловдив');
  await shot(page, 'company-bg');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Company' })).toBeVisible();
  await expect(page.getByLabel('UIC (ЕИК / БУЛСТАТ)')).toHaveValue(GOOD_UIC);
  await shot(page, 'company-en');
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Фирма' })).toBeVisible();
});
