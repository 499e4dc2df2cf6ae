import { api, expect, expectHome, rowsFor, shot, signIn, switchLanguage, test, typedDay } from './support';

/** Passes isValidUic (server/src/kernel/identifiers.ts) and is not in server/seed-data/customers.csv. */
const UIC = '204000003';
const CUSTOMER = 'Хладилни Системи Дунав ООД';
const SITE = 'Производствена база Русе';
const SERIAL = 'E2E-FO-0426-7781';

test('the front desk registers a company with a site and an item, and finds them again through the search', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await expectHome(page);
  const nav = page.getByRole('navigation', { name: 'Основно меню' });

  // The customers list of the demo company: search, filters and export in one place.
  await nav.getByRole('link', { name: 'Клиенти' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Клиенти' })).toBeVisible();
  const parties = await api(page, '/api/v1/parties');
  await expect(page.getByTestId('customers-table').getByRole('row')).toHaveCount(rowsFor(parties.total));
  await shot(page, 'fo-customers-bg');

  // A company: the ЕИК's check digit is verified as it is typed.
  await page.getByRole('link', { name: 'Нов клиент' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нов клиент' })).toBeVisible();
  await page.getByLabel('Наименование на фирмата').fill(CUSTOMER);
  await page.getByLabel('ЕИК / БУЛСТАТ').fill('204000004');
  await expect(page.getByText('Контролната цифра не съвпада: проверете ЕИК.')).toBeVisible();
  await page.getByLabel('ЕИК / БУЛСТАТ').fill(UIC);
  await expect(page.getByText('Контролната цифра е вярна')).toBeVisible();
  await page.getByLabel('ИН по ДДС').fill(`BG${UIC}`);
  await page.getByLabel('МОЛ').fill('Стефан Колев');
  await page.getByLabel('Телефон', { exact: true }).fill('+359 82 812 345');
  await page.getByLabel('Е-поща', { exact: true }).fill('office@hladilni-dunav.example');
  await page.getByLabel('Град').fill('Русе');
  await page.getByLabel('Адрес', { exact: true }).fill('бул. „Липник“ 117');
  await shot(page, 'fo-customer-form-bg');
  await page.getByRole('button', { name: 'Създай клиента' }).click();

  await expect(page.getByRole('heading', { level: 2, name: CUSTOMER })).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/[\w-]+$/);
  const customerUrl = page.url();
  await expect(page.getByText(`ЕИК ${UIC}`)).toBeVisible();
  await shot(page, 'fo-customer-detail-bg');

  // A site of the customer.
  await page.getByRole('tab', { name: /Обекти/ }).click();
  await expect(page.getByText('Клиентът още няма обекти.')).toBeVisible();
  await page.getByRole('button', { name: 'Нов обект' }).click();
  const siteDialog = page.getByRole('dialog', { name: 'Нов обект' });
  await siteDialog.getByLabel('Име на обекта').fill(SITE);
  await siteDialog.getByLabel('Град').fill('Русе');
  await siteDialog.getByLabel('Адрес').fill('Западна промишлена зона, ул. „Тутракан“ 4');
  await siteDialog.getByLabel('Лице за контакт').fill('Илиян Тодоров');
  await siteDialog.getByLabel('Телефон за контакт').fill('0887 112 233');
  await siteDialog.getByLabel('Работно време').fill('пон–пет 07:30–16:00');
  await siteDialog.getByLabel('Достъп до обекта').fill('Пропуск на портала; каска задължителна.');
  await siteDialog.getByRole('button', { name: 'Добави' }).click();
  await expect(siteDialog).toBeHidden();
  const siteRow = page.getByTestId('sites-table').getByRole('row', { name: new RegExp(SITE) });
  await expect(siteRow).toBeVisible();
  await shot(page, 'fo-customer-sites-bg');

  // An item by serial at that site: the form comes with the customer and the site filled in.
  await siteRow.getByRole('button', { name: `Действия ${SITE}` }).click();
  await page.getByRole('menuitem', { name: 'Добави уред тук' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нов уред' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Собственик' })).toHaveValue(CUSTOMER);
  await expect(page.getByRole('combobox', { name: 'Обект' })).toHaveValue(`${SITE}, Русе`);
  await page.getByRole('combobox', { name: 'Модел' }).fill('ftxm35');
  await page.getByRole('option', { name: 'Daikin FTXM35R' }).click();
  await expect(page.getByText('Празно: 36 месеца, колкото е за модела.')).toBeVisible();
  await page.getByLabel('Сериен номер').fill(SERIAL.toLowerCase());
  await page.getByLabel('Продавач').fill('Техномаркет Русе');
  await page.getByLabel('Гаранционна карта №').fill('ГК 558120');
  await shot(page, 'fo-item-form-bg');
  await page.getByRole('button', { name: 'Добави уреда' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Daikin FTXM35R' })).toBeVisible();
  await expect(page.getByTestId('item-serial')).toHaveText(SERIAL);
  const itemUrl = page.url();
  await expect(page.getByRole('link', { name: CUSTOMER }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: SITE })).toBeVisible();
  await expect(page.getByTestId('owner-history').getByRole('row')).toHaveCount(2);
  await shot(page, 'fo-item-detail-bg');

  // The same serial again is refused, naming the item and its owner.
  await page.goto(`/items/new`);
  await page.getByRole('combobox', { name: 'Собственик' }).fill('хладилни');
  await page.getByRole('option', { name: CUSTOMER }).click();
  await page.getByRole('combobox', { name: 'Модел' }).fill('FTXM35');
  await page.getByRole('option', { name: 'Daikin FTXM35R' }).click();
  await page.getByLabel('Сериен номер').fill(SERIAL);
  await page.getByRole('button', { name: 'Добави уреда' }).click();
  const duplicate = page.getByRole('alert').filter({ hasText: 'Този сериен номер вече е регистриран' });
  await expect(duplicate.getByRole('link', { name: `Daikin FTXM35R № ${SERIAL}` })).toBeVisible();
  await expect(duplicate.getByRole('link', { name: CUSTOMER })).toBeVisible();

  // The same ЕИК again is refused, with a link to the customer who has it.
  await page.goto('/customers/new');
  await page.getByLabel('Наименование на фирмата').fill('Друга фирма ООД');
  await page.getByLabel('ЕИК / БУЛСТАТ').fill(UIC);
  await page.getByRole('button', { name: 'Създай клиента' }).click();
  const taken = page.getByRole('alert').filter({ hasText: 'Този ЕИК вече е на друг клиент' });
  await taken.getByRole('link', { name: CUSTOMER }).click();
  await expect(page.getByRole('heading', { level: 2, name: CUSTOMER })).toBeVisible();

  // The global search, in Bulgarian and in lower case, finds the customer and its item.
  const search = page.getByTestId('global-search');
  await page.goto('/');
  await search.fill('системи дунав');
  const results = page.getByTestId('global-search-results');
  await expect(results.getByRole('option', { name: new RegExp(`^${CUSTOMER}`) })).toBeVisible();
  await shot(page, 'fo-search-customer-bg');
  await search.press('Enter');
  await expect(page).toHaveURL(customerUrl);
  await expect(page.getByRole('heading', { level: 2, name: CUSTOMER })).toBeVisible();

  await search.fill(SERIAL.slice(0, 10).toLowerCase());
  const itemHit = results.getByRole('option', { name: new RegExp(SERIAL) });
  await expect(itemHit).toBeVisible();
  await expect(itemHit).toContainText(CUSTOMER);
  await shot(page, 'fo-search-item-bg');
  await search.press('ArrowDown');
  await itemHit.click();
  await expect(page).toHaveURL(itemUrl);
  await expect(page.getByTestId('item-serial')).toHaveText(SERIAL);

  // The same screens in English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('link', { name: 'To items' })).toBeVisible();
  await shot(page, 'fo-item-detail-en');
  await page
    .getByRole('button', { name: 'Edit' })
    .or(page.getByRole('link', { name: 'Edit' }))
    .click();
  await expect(page.getByRole('heading', { level: 2, name: `Daikin FTXM35R № ${SERIAL}` })).toBeVisible();
  await shot(page, 'fo-item-form-en');
  await page.goto(customerUrl);
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await shot(page, 'fo-customer-detail-en');
  await page.getByRole('tab', { name: 'Items' }).click();
  await expect(page.getByTestId('customer-items-table').getByRole('link', { name: SERIAL })).toBeVisible();
  await shot(page, 'fo-customer-items-en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Customers' })).toBeVisible();
  await page.getByLabel('Name, phone, UIC or e-mail').fill(UIC);
  await expect(page.getByTestId('customers-table').getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`q=${UIC}`));
  await shot(page, 'fo-customers-en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Items' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Serviced items' })).toBeVisible();
  await shot(page, 'fo-items-en');
  await search.fill('дунав');
  await expect(results.getByRole('option', { name: new RegExp(`^${CUSTOMER}`) })).toBeVisible();
  await shot(page, 'fo-search-en');
  await search.press('Escape');

  // Back to Bulgarian for the specs that follow (the choice is saved to the user).
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Обслужвани уреди' })).toBeVisible();
  await shot(page, 'fo-items-bg');
});

test('a customer in use is archived instead of deleted, an item changes owner, a person is forgotten', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await expectHome(page);

  // Deleting a customer with sites and items is refused, with the reasons; archiving is offered instead.
  await page.goto('/customers?q=усмивка');
  await page.getByRole('link', { name: 'Стоматологичен център „Усмивка“ ЕООД' }).click();
  await page.getByRole('button', { name: 'Още' }).click();
  await page.getByRole('menuitem', { name: 'Изтрий' }).click();
  const dialog = page.getByRole('dialog', { name: 'Изтриване на клиент' });
  await dialog.getByRole('button', { name: 'Изтрий' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Записът се използва и не може да бъде изтрит.');
  await expect(refusal).toContainText('Контрагентът има обекти: 1.');
  await expect(refusal).toContainText('Контрагентът има уреди: 3.');
  await expect(dialog.getByRole('button', { name: 'Архивирай вместо това' })).toBeVisible();
  await shot(page, 'fo-customer-delete-refused-bg');
  await dialog.getByRole('button', { name: 'Отказ' }).click();

  // An item moves to another owner and keeps its history; its warranty can be checked on any date.
  await page.goto('/items?q=194206164');
  await page.getByRole('link', { name: '194206164' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Miele H 2465 B' })).toBeVisible();
  // The 15th of this month, typed.
  const checkOn = page.getByRole('textbox', { name: 'Проверка към дата' });
  await checkOn.fill(`15.${typedDay().slice(3)}`);
  await checkOn.press('Tab');
  await expect(page.getByTestId('warranty-on-date')).toContainText('Извън гаранция на 15.');
  await page.getByRole('button', { name: 'Прехвърли' }).click();
  const transfer = page.getByRole('dialog', { name: 'Прехвърляне към друг собственик' });
  await transfer.getByRole('combobox', { name: 'Нов собственик' }).fill('ivan');
  await page.getByRole('option', { name: /^Ivan Petrov/ }).click();
  await transfer.getByLabel('Причина').fill('Подарен на роднина');
  await shot(page, 'fo-item-transfer-bg');
  await transfer.getByRole('button', { name: 'Прехвърли' }).click();
  await expect(transfer).toBeHidden();
  const owners = page.getByTestId('owner-history');
  await expect(owners.getByRole('row')).toHaveCount(3);
  await expect(owners.getByRole('row').nth(1)).toContainText('Ivan Petrov');
  await expect(owners.getByRole('row').nth(2)).toContainText('Anna Müller');
  await expect(owners).toContainText('Подарен на роднина');
  await shot(page, 'fo-item-owners-bg');

  // A person's data: exported as JSON, then anonymised after typing their name.
  await page.goto('/customers?q=emre');
  await page.getByRole('link', { name: 'Emre Yılmaz' }).click();
  await page.getByRole('button', { name: 'Още' }).click();
  await page.getByRole('menuitem', { name: 'Експорт на личните данни' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Изтегли JSON' }).click();
  expect((await download).suggestedFilename()).toMatch(/^party-[\w-]+\.json$/);

  await page.getByRole('button', { name: 'Още' }).click();
  await page.getByRole('menuitem', { name: 'Анонимизирай' }).click();
  const forget = page.getByRole('dialog', { name: 'Анонимизиране на лице (право да бъдеш забравен)' });
  const confirm = forget.getByRole('button', { name: 'Анонимизирай' });
  await expect(confirm).toBeDisabled();
  await forget.getByLabel('За потвърждение въведете името: Emre Yılmaz').fill('Emre Yılmaz');
  await shot(page, 'fo-customer-anonymise-bg');
  await confirm.click();
  await expect(page.getByRole('heading', { level: 2, name: /^Анонимизиран клиент/ })).toBeVisible();
  await expect(page.getByText(/Клиентът е анонимизиран на/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Редактирай' })).toHaveCount(0);
});
