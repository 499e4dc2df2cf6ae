import type { Page } from '@playwright/test';
import { expect as baseExpect, csrfOf, shot, switchLanguage, test } from './support';

// Two servers share the machine with other runs: a fresh installation's first screens may take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * A new owner without the demo, on an installation of their own (the "first-steps" project's server): the checklist
 * on home leads them from nothing to a first receipt of stock, ticking itself step by step.
 */
const OWNER = { username: 'owner', password: 'e2e-Собственик-2026', fullName: 'Петър Георгиев' };
const COMPANY = 'Климатик Сервиз ООД';
const UIC = '131129282';

/** What a phone shows at first, without scrolling (the full pages are kept by shot()). */
async function phoneShot(page: Page, name: string, within: 'page' | 'dialog' = 'page') {
  await page.setViewportSize({ width: 390, height: 844 });
  if (within === 'page')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  else {
    const box = await page.getByRole('dialog').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: `e2e/output/screenshots/${name}.png` });
  await shot(page, `${name}-full`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Data the checklist does not ask for (a customer, a supplier, a second user), made through the API. */
async function post(page: Page, path: string, data: unknown) {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function home(page: Page) {
  await page.getByRole('navigation', { name: 'Основно меню' }).getByRole('link', { name: 'Начало' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Здравейте, ${OWNER.fullName}!` })).toBeVisible();
}

async function expectTicked(page: Page, done: string[], progress: string) {
  await expect(page.getByTestId('first-steps-progress')).toHaveText(progress);
  for (const key of ['company', 'warehouse', 'catalog', 'technicians', 'users', 'numbering', 'stockReceipt'])
    await expect(page.getByTestId(`first-step-${key}`)).toHaveAttribute(
      'data-done',
      String(done.includes(key)),
    );
}

async function pick(page: Page, combobox: string, typed: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: combobox, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('a new owner without the demo follows the first steps to a first receipt of stock', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Добре дошли в Servix' })).toBeVisible();
  await page.getByLabel('Име на фирмата').fill(COMPANY);
  await page.getByLabel('Име и фамилия').fill(OWNER.fullName);
  await page.getByLabel('Потребителско име').fill(OWNER.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(OWNER.password);
  await page.getByLabel('Повторете паролата').fill(OWNER.password);
  await page.getByRole('button', { name: 'Създай и влез' }).click();

  // An empty company: every step open, in order, each with why and a link; what comes next is said honestly.
  await expect(page.getByRole('heading', { level: 1, name: `Здравейте, ${OWNER.fullName}!` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Първи стъпки' })).toBeVisible();
  await expectTicked(page, [], '0 от 7');
  await expect(page.getByText(/Следват сервизните поръчки, посещенията и фактурите/)).toBeVisible();
  await shot(page, 'first-steps-empty-bg');
  await phoneShot(page, 'first-steps-empty-bg-390');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'First steps' })).toBeVisible();
  await expect(page.getByTestId('first-steps-progress')).toHaveText('0 of 7');
  await shot(page, 'first-steps-empty-en');
  await phoneShot(page, 'first-steps-empty-en-390');
  await switchLanguage(page, 'bg');

  // 1. The company's requisites.
  await page.getByTestId('first-step-company').getByRole('link', { name: 'Попълнете реквизитите' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Фирма' })).toBeVisible();
  await page.getByLabel('ЕИК / БУЛСТАТ').fill(UIC);
  await page.getByLabel('Населено място').fill('София');
  await page.getByLabel('Адрес', { exact: true }).fill('ул. „Раковски“ 100');
  await page.getByRole('button', { name: 'Запази' }).click();
  await expect(page.getByText('Промените са запазени.')).toBeVisible();
  await home(page);
  await expectTicked(page, ['company'], '1 от 7');

  // 2. A warehouse.
  await page.getByTestId('first-step-warehouse').getByRole('link', { name: 'Създайте склад' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Складове и бусове' })).toBeVisible();
  await page.getByRole('button', { name: 'Нов склад' }).click();
  const warehouseDialog = page.getByRole('dialog');
  await warehouseDialog.getByLabel('Код').fill('MAIN');
  await warehouseDialog.getByLabel('Наименование').fill('Централен склад');
  await warehouseDialog.getByRole('button', { name: /Запази|Добави/ }).click();
  await expect(warehouseDialog).toBeHidden();
  await home(page);
  await expectTicked(page, ['company', 'warehouse'], '2 от 7');

  // 3. The catalogue, from the item form: the model of a customer's air conditioner is not there yet, so it is
  // added in place, with its brand and category.
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: 'Хотел „Витоша“ ООД',
    isCustomer: true,
    isSupplier: false,
  });
  await page.goto(`/items/new?partyId=${customer.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Нов уред' })).toBeVisible();
  const model = page.getByRole('combobox', { name: 'Модел', exact: true });
  await model.click();
  await model.fill('Gree Pular 12');
  await page.getByRole('option', { name: 'Добави модел „Gree Pular 12“' }).click();
  const modelDialog = page.getByRole('dialog', { name: 'Нов модел в каталога' });
  await expect(modelDialog.getByRole('combobox', { name: 'Марка' })).toHaveValue('Нова марка „Gree“');
  await expect(modelDialog.getByRole('textbox', { name: 'Модел' })).toHaveValue('Pular 12');
  const category = modelDialog.getByRole('combobox', { name: 'Категория' });
  await category.click();
  await category.fill('Климатици');
  await page.getByRole('option', { name: 'Нова категория „Климатици“' }).click();
  await shot(page, 'first-steps-add-model-bg');
  await phoneShot(page, 'first-steps-add-model-bg-390', 'dialog');
  await modelDialog.getByRole('button', { name: 'Добави модела' }).click();
  await expect(modelDialog).toBeHidden();
  await expect(model).toHaveValue('Gree Pular 12');
  await page.getByLabel('Сериен номер').fill('GR-2026-0001');
  await page.getByRole('button', { name: 'Добави уреда' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Gree Pular 12/ })).toBeVisible();
  // And a spare part, by hand.
  await page.goto('/catalog/parts');
  await page.getByRole('button', { name: 'Нова част' }).click();
  const partDialog = page.getByRole('dialog');
  await partDialog.getByRole('textbox', { name: 'Код', exact: true }).fill('AC-FILTER-12');
  await partDialog.getByLabel('Наименование (БГ)').fill('Филтър за климатик 12');
  await partDialog.getByLabel('Продажна цена').fill('15');
  await partDialog.getByRole('button', { name: /Запази|Добави/ }).click();
  await expect(partDialog).toBeHidden();
  await home(page);
  await expectTicked(page, ['company', 'warehouse', 'catalog'], '3 от 7');

  // 4. A technician.
  await page.getByTestId('first-step-technicians').getByRole('link', { name: 'Добавете техник' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нов техник' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Име', exact: true }).fill('Иван Стоянов');
  await page.getByRole('button', { name: 'Добави', exact: true }).click();
  await expect(page.getByText('Техникът е добавен.')).toBeVisible();
  await home(page);
  await expectTicked(page, ['company', 'warehouse', 'catalog', 'technicians'], '4 от 7');

  // 5 and 6. A second user and a look at the numbering (made here through the API; their screens have specs).
  await post(page, '/api/v1/users', {
    username: 'reception',
    fullName: 'Елена Петрова',
    role: 'reception',
    password: 'e2e-Рецепция-2026',
  });
  const series = (await (await page.request.get('/api/v1/numbering-series')).json()).items as {
    id: string;
    docType: string;
  }[];
  const receipts = series.find((s) => s.docType === 'stock_receipt');
  const patched = await page.request.patch(`/api/v1/numbering-series/${receipts?.id}`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { nextNumber: 1001 },
  });
  expect(patched.status()).toBe(200);
  await page.reload();
  await expectTicked(
    page,
    ['company', 'warehouse', 'catalog', 'technicians', 'users', 'numbering'],
    '6 от 7',
  );
  await shot(page, 'first-steps-six-bg');

  // 7. The first receipt of stock.
  const supplier = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: 'Климатични Части ЕООД',
    isCustomer: false,
    isSupplier: true,
  });
  expect(supplier.id).toBeTruthy();
  await page.getByTestId('first-step-stockReceipt').getByRole('link', { name: 'Нова доставка' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нова складова разписка' })).toBeVisible();
  await pick(page, 'Склад', 'MAIN', /^MAIN/);
  await pick(page, 'Доставчик', 'Климатични', /Климатични Части/);
  await pick(page, 'Част 1', 'AC-FILTER', /AC-FILTER-12/);
  await page.getByLabel('Количество 1').fill('10');
  await page.getByLabel('Ед. цена 1').fill('6,50');
  await page.getByRole('button', { name: 'Запази черновата' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Складова разписка · Чернова' })).toBeVisible();
  await page.getByRole('button', { name: 'Осчетоводи' }).click();
  await page.getByTestId('confirm-post').click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Складова разписка № 0000001001$/ }),
  ).toBeVisible();

  // All done: the checklist folds into one line.
  await home(page);
  await expect(page.getByTestId('first-steps-done')).toHaveText('Първи стъпки: готово');
  await expect(page.getByTestId('first-steps')).toHaveCount(0);
  await shot(page, 'first-steps-done-bg');
  await switchLanguage(page, 'en');
  await expect(page.getByTestId('first-steps-done')).toHaveText('First steps: done');
  await phoneShot(page, 'first-steps-done-en-390');
});
