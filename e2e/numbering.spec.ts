import { expect, shot, signIn, test } from './support';

test('adds a numbering series for a branch and renames it', async ({ page }) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Номерация на документи' })
    .click();
  await page.getByRole('button', { name: 'Нова серия' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нова серия' });
  await expect(dialog.getByRole('combobox', { name: 'Вид документ' })).toHaveValue('Фактура');
  await dialog.getByLabel('Код').fill('sof');
  await dialog.getByLabel('Наименование').fill('Клон София');
  await dialog.getByLabel('Следващ номер').fill('1500');
  await shot(page, 'numbering-create-bg');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: 'Клон София' });
  await expect(row).toContainText('SOF');
  await expect(row).toContainText('0000001500');

  await row.getByRole('button', { name: /Редактирай SOF/ }).click();
  const edit = page.getByRole('dialog', { name: 'Серия SOF' });
  await edit.getByLabel('Наименование').fill('Клон София – център');
  await edit.getByRole('button', { name: 'Запази' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Клон София – център' })).toContainText('0000001500');
});
