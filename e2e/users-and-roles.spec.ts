import { expect, shot, signIn, test } from './support';

const RECEPTION = { fullName: 'Георги Петров', username: 'georgi', password: 'priemna-2026' };

test('an administrator adds a reception user, who sees only the screens their role may use', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Потребители' })
    .click();
  await page.getByRole('button', { name: 'Нов потребител' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нов потребител' });
  await dialog.getByLabel('Име и фамилия').fill(RECEPTION.fullName);
  await dialog.getByLabel('Потребителско име').fill(RECEPTION.username);
  await dialog.getByRole('textbox', { name: 'Парола', exact: true }).fill('short');
  await dialog.getByRole('combobox', { name: 'Роля' }).click();
  await page.getByRole('option', { name: 'Приемна' }).click();
  await dialog.getByRole('button', { name: 'Добави' }).click();
  // The server's own rule (at least 12 characters), checked before sending.
  await expect(dialog.getByText('Въведете поне 12 знака.')).toBeVisible();
  await shot(page, 'user-create-bg');
  // A common password is refused by the server, on the password input.
  await dialog.getByRole('textbox', { name: 'Парола', exact: true }).fill('password1234');
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog.getByText(/^Паролата в „password“ е често срещана/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Парола', exact: true }).fill(RECEPTION.password);
  await dialog.getByRole('button', { name: 'Добави' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: RECEPTION.username });
  await expect(row).toContainText('Приемна');

  // Edit: the role and the active flag are kept by the server.
  await row.getByRole('button', { name: `Редактирай ${RECEPTION.username}` }).click();
  const edit = page.getByRole('dialog', { name: `Потребител ${RECEPTION.username}` });
  await edit.getByLabel('Е-поща').fill('georgi@example.com');
  await edit.getByRole('button', { name: 'Запази' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('georgi@example.com');

  // The new user signs in and sees the everyday screens and the company (read-only), no other settings.
  await page.getByRole('button', { name: 'Потребителско меню' }).click();
  await page.getByRole('menuitem', { name: 'Изход' }).click();
  await page.getByLabel('Потребителско име').fill(RECEPTION.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(RECEPTION.password);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Здравейте, ${RECEPTION.fullName}!` }),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  await expect(nav.getByRole('link')).toHaveText([
    'Начало',
    'Клиенти',
    'Уреди',
    // The desk takes visit requests and plans them (ADR 0031).
    'Заявки за посещение',
    // and plans them on the schedule, seeing the occupancy (ADR 0034).
    'График на техниците',
    'Натовареност',
    // The desk takes in and moves service orders.
    'Приемане',
    'Отворени ремонти',
    'Табло',
    // "My orders" is for users linked to a technician: the desk has none.
    'Оферти за ремонт',
    // The desk issues the invoice when the customer collects (ADR 0016).
    'Фактури',
    'Проформа фактури',
    // The desk sells parts over the counter and sees the receipts (ADR 0026).
    'Продажба на каса',
    'Касови бележки',
    // The desk takes payments and sees who owes what (ADR 0020).
    'Плащания',
    'Вземания',
    'Наличности',
    'Складови документи',
    'Под минимум',
    'Складове и бусове',
    // Reads what is ordered for the waiting repairs; the storekeeper writes the requests.
    'Заявки за доставка',
    // The desk takes cash in and out of the cash desks (ADR 0018).
    'Каси и банкови сметки',
    'Категории',
    'Марки',
    'Модели',
    'Труд и услуги',
    'Резервни части',
    'Фирма',
    'Техници',
    // Reception imports what it may write (customers, sites, items): the import screen lists only those.
    'Импорт',
    // The desk is the cashier: it runs the fiscal device's reports and service sums (ADR 0017).
    'Фискално устройство',
    // and chooses the workstation this browser sells at (ADR 0041).
    'Обекти и работни места',
  ]);
  await nav.getByRole('link', { name: 'Фирма' }).click();
  await expect(page.getByText('Само за преглед: вашата роля не може да променя тези данни.')).toBeVisible();
  await expect(page.getByLabel('ЕИК / БУЛСТАТ')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Запази' })).toHaveCount(0);
  await shot(page, 'company-readonly-bg');

  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Нямате достъп' })).toBeVisible();
});
