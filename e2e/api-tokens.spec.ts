import { expect, shot, signIn, test } from './support';

test('creates an API token shown once, and revokes it', async ({ page }) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'API ключове' })
    .click();
  await page.getByRole('button', { name: 'Нов ключ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нов API ключ' });
  await dialog.getByLabel('Наименование').fill('Счетоводство');
  await dialog.getByRole('button', { name: 'Добави' }).click();

  const created = page.getByRole('dialog', { name: 'Ключът е създаден' });
  await expect(created.getByTestId('new-token')).toHaveText(/^svx_\S{20,}$/);
  await expect(created.getByRole('button', { name: 'Копирай' })).toBeVisible();
  await shot(page, 'api-token-created-bg');
  await created.getByRole('button', { name: 'Затвори' }).click();

  const row = page.getByRole('row').filter({ hasText: 'Счетоводство' });
  await expect(row).toContainText('Активен');
  await row.getByRole('button', { name: 'Отмени' }).click();
  await page.getByRole('dialog', { name: 'Отмяна на ключ' }).getByRole('button', { name: 'Отмени' }).click();
  await expect(row).toContainText('Отменен');
});
