import { ADMIN, COMPANY, expect, expectHome, shot, test } from './support';

test('a new installation greets its owner with the setup, loads demo data and signs the owner in', async ({
  page,
}) => {
  // Any address shows the setup while the installation has no company.
  await page.goto('/settings/company');
  await expect(page.getByRole('heading', { name: 'Добре дошли в Servix' })).toBeVisible();
  await shot(page, 'setup-bg');

  // The language choice switches the screen at once.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Servix' })).toBeVisible();
  await shot(page, 'setup-en');
  await page.getByText('Български', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Добре дошли в Servix' })).toBeVisible();

  await page.getByLabel('Име на фирмата').fill(COMPANY);
  await page.getByLabel('Име и фамилия').fill(ADMIN.fullName);
  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Повторете паролата').fill('something else');
  await page.getByRole('button', { name: 'Създай и влез' }).click();
  await expect(page.getByText('Паролите не съвпадат.')).toBeVisible();

  await page.getByLabel('Повторете паролата').fill(ADMIN.password);
  await page.getByLabel('Зареди демо данни').check();
  await page.getByRole('button', { name: 'Създай и влез' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expectHome(page);
  await expect(page.getByTestId('header-company')).toHaveText(COMPANY);
  // The demo data filled in the company's details.
  await expect(page.getByText('ЕИК: 206417593')).toBeVisible();
  await shot(page, 'home-bg');

  // An administrator sees every settings screen; the demo added one user per role.
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  for (const item of [
    'Начало',
    'Фирма',
    'Номерация на документи',
    'Потребители',
    'API ключове',
    'Журнал на промените',
  ])
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await nav.getByRole('link', { name: 'Потребители' }).click();
  await expect(page.getByRole('heading', { name: 'Потребители' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(7);
  await shot(page, 'users-bg');

  // Setup happens once: the setup screen is gone for good.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Потребители' })).toBeVisible();
});
