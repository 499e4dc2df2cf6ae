import type { Page } from '@playwright/test';
import { expect, expectHome, shot, signIn, switchLanguage, test } from './support';

test('a cash desk: made, cash in, an expense, the balance, the day report PDF; also in English', async ({
  page,
}) => {
  const name = `Каса ${Date.now().toString(36)}`;
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Каси и банкови сметки' })
    .click();
  await expect(page.getByRole('heading', { name: 'Каси и банкови сметки' })).toBeVisible();

  await page.getByRole('button', { name: 'Нова сметка' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нова каса или банкова сметка' });
  // A bank account with a wrong IBAN is refused at the field.
  await dialog.getByText('Банкова сметка', { exact: true }).click();
  await dialog.getByLabel('Наименование').fill('Грешна сметка');
  await dialog.getByLabel('Банка').fill('БНБ');
  await dialog.getByLabel('IBAN').fill('BG80BNBG96611020345679');
  await dialog.getByRole('button', { name: 'Запази' }).click();
  await expect(dialog.getByText('Невалиден IBAN.').first()).toBeVisible();
  await dialog.getByText('Каса', { exact: true }).click();
  await dialog.getByLabel('Наименование').fill(name);
  await dialog.getByRole('button', { name: 'Запази' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('article', { name });
  await expect(card.getByTestId('balance')).toHaveText(/0,00\s€/);
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  const form = page.getByRole('form', { name: 'Ново движение' });
  await form.getByLabel('Сума (€)').fill('150,00');
  await form.getByLabel('Основание').fill('Начална наличност');
  await form.getByRole('button', { name: 'Запиши' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/150,00\s€/);

  await form.getByRole('combobox', { name: 'Вид движение' }).click();
  await page.getByRole('option', { name: 'Разход' }).click();
  await form.getByLabel('Сума (€)').fill('23,40');
  await form.getByLabel('Категория на разхода').fill('Транспорт');
  await form.getByLabel('Основание').fill('Гориво за буса');
  await form.getByRole('button', { name: 'Запиши' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/126,60\s€/);
  await expect(page.getByText('Салдо 126,60 €')).toBeVisible();

  // Taking more than there is: refused, naming the desk.
  await form.getByRole('combobox', { name: 'Вид движение' }).click();
  await page.getByRole('option', { name: 'Изплащане' }).click();
  await form.getByLabel('Сума (€)').fill('500');
  await form.getByLabel('Основание').fill('Твърде много');
  await form.getByRole('button', { name: 'Запиши' }).click();
  await expect(form.getByText(`Наличността в „${name}“ не стига`).first()).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText(/126,60\s€/);
  await shot(page, 'money-account-bg');

  // A movement is reversed, not deleted: the expense stays, marked, and the money comes back.
  const expenseCard = page.getByRole('article').filter({ hasText: 'Гориво за буса' });
  await expenseCard.getByRole('button', { name: 'Сторно' }).click();
  const reversal = page.getByRole('dialog');
  await reversal.getByLabel('Основание').fill('Грешна сума');
  await reversal.getByRole('button', { name: 'Сторнирай' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/150,00\s€/);
  await expect(expenseCard.getByText('сторнирано')).toBeVisible();

  const pdfLink = page.getByRole('link', { name: 'Дневен отчет (PDF)' });
  const res = await page.request.get((await pdfLink.getAttribute('href')) as string);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'money-account-390-bg');
  await page.goto('/money/accounts');
  await expect(page.getByRole('article', { name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, 'money-accounts-390-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  await switchLanguage(page, 'en');
  try {
    await inEnglishSteps(page, name);
  } finally {
    // The language is the admin's saved preference: the journeys after this one start in Bulgarian.
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});

async function inEnglishSteps(page: Page, name: string) {
  await expect(page.getByRole('heading', { name: 'Cash desks and bank accounts' })).toBeVisible();
  await expect(page.getByRole('article', { name }).getByText('Cash desk')).toBeVisible();
  await page.getByRole('article', { name }).getByRole('link', { name }).click();
  await expect(page.getByRole('link', { name: 'Day report BG/EN (PDF)' })).toBeVisible();
  await expect(
    page.getByRole('article').filter({ hasText: 'Гориво за буса' }).getByText('Expense', { exact: true }),
  ).toBeVisible();
  await shot(page, 'money-account-en');
}
