import { expect, shot, signIn, switchLanguage, test, typedDay } from './support';

test('creates read-only and read-write API tokens shown once, with their expiry; revokes one', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'API ключове' })
    .click();

  // Read-only by default, valid for 90 days unless another date is chosen.
  await page.getByRole('button', { name: 'Нов ключ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нов API ключ' });
  await dialog.getByLabel('Наименование').fill('Счетоводство');
  await expect(dialog.getByRole('combobox', { name: 'Достъп' })).toHaveValue('Само четене');
  const in90Days = typedDay(90);
  await expect(dialog.getByRole('textbox', { name: 'Валиден до' })).toHaveValue(in90Days);
  await shot(page, 'api-token-new-bg');
  await dialog.getByRole('button', { name: 'Добави' }).click();

  const created = page.getByRole('dialog', { name: 'Ключът е създаден' });
  await expect(created.getByTestId('new-token')).toHaveText(/^svx_\S{20,}$/);
  await expect(created.getByRole('button', { name: 'Копирай' })).toBeVisible();
  await shot(page, 'api-token-created-bg');
  await created.getByRole('button', { name: 'Затвори' }).click();

  const row = page.getByRole('row').filter({ hasText: 'Счетоводство' });
  await expect(row).toContainText('Активен');
  await expect(row).toContainText('Само четене');
  await expect(row).toContainText(in90Days);

  // A token that may also write, chosen explicitly.
  await page.getByRole('button', { name: 'Нов ключ' }).click();
  await dialog.getByLabel('Наименование').fill('Онлайн магазин');
  await dialog.getByRole('combobox', { name: 'Достъп' }).click();
  await page.getByRole('option', { name: 'Четене и промяна' }).click();
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await created.getByRole('button', { name: 'Затвори' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Онлайн магазин' })).toContainText('Четене и промяна');
  await shot(page, 'api-tokens-bg');

  await row.getByRole('button', { name: 'Отмени' }).click();
  await page.getByRole('dialog', { name: 'Отмяна на ключ' }).getByRole('button', { name: 'Отмени' }).click();
  await expect(row).toContainText('Отменен');

  // The same screen in English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'API tokens' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Онлайн магазин' })).toContainText('Read and write');
  await expect(page.getByRole('row').filter({ hasText: 'Счетоводство' })).toContainText('Read only');
  await shot(page, 'api-tokens-en');
  await page.getByRole('button', { name: 'New token' }).click();
  const english = page.getByRole('dialog', { name: 'New API token' });
  await expect(english.getByRole('combobox', { name: 'Access' })).toHaveValue('Read only');
  await shot(page, 'api-token-new-en');
  await english.getByRole('button', { name: 'Cancel' }).click();
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'API ключове' })).toBeVisible();
});
