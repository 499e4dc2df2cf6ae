import type { Page } from '@playwright/test';
import {
  api,
  expect,
  expectHome,
  rowsFor,
  shot,
  shownDocumentNumber,
  signIn,
  switchLanguage,
  test,
} from './support';

/** A drum unit the demo company keeps no minimum of and has never stocked (typical cost 104,00 €). */
const DRUM = 'WM-TUB-IND';
const SECOND_PART = 'WM-HEAT-2000-BSH';
const SUPPLIER = 'Резервни части България ООД';
const SUPPLIER_DOC = 'E2E-0000051234';

async function pick(page: Page, combobox: string, typed: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: combobox, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** A warehouse's name, as the stock screens show it, from its code. */
async function warehouseName(page: Page, code: string): Promise<string> {
  const found = await api(page, `/api/v1/warehouses?q=${code}`);
  return found.items.find((w: { code: string }) => w.code === code).name;
}

async function post(page: Page) {
  await page.getByRole('button', { name: 'Осчетоводи' }).click();
  await page.getByTestId('confirm-post').click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('the storekeeper receives a delivery, moves part of it to a van, sees both levels and prints the transfer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await expectHome(page);
  const nav = page.getByRole('navigation', { name: 'Основно меню' });

  // The documents list: the demo's three opening deliveries and the first van's loading are there, with whatever
  // other specs posted.
  await nav.getByRole('link', { name: 'Складови документи' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Складови документи' })).toBeVisible();
  const documents = await api(page, '/api/v1/stock/documents');
  expect(documents.total).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('stock-documents-table').getByRole('row')).toHaveCount(
    rowsFor(documents.total),
  );
  await shot(page, 'stock-documents-bg');

  // A delivery from a supplier: two lines, the typical cost offered, the value as typed.
  await page.getByRole('button', { name: 'Нов документ' }).click();
  await page.getByRole('menuitem', { name: 'Складова разписка' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нова складова разписка' })).toBeVisible();
  await pick(page, 'Склад', 'MAIN', /^MAIN/);
  await pick(page, 'Доставчик', 'Резервни', new RegExp(SUPPLIER));
  await page.getByLabel('Документ на доставчика №').fill(SUPPLIER_DOC);
  await pick(page, 'Част 1', DRUM, new RegExp(DRUM));
  await expect(page.getByLabel('Ед. цена 1')).toHaveValue('104,00');
  await page.getByLabel('Количество 1').fill('12');
  await page.getByLabel('Ед. цена 1').fill('98');
  await page.getByRole('button', { name: 'Добави ред' }).click();
  await pick(page, 'Част 2', SECOND_PART, new RegExp(SECOND_PART));
  await page.getByLabel('Количество 2').fill('2');
  await page.getByLabel('Ед. цена 2').fill('21,00');
  await expect(page.getByTestId('document-total')).toHaveText(/^1\s218,00\s€$/);
  await shot(page, 'stock-receipt-editor-bg');

  // Saved as a draft first: no number, nothing moved yet.
  await page.getByRole('button', { name: 'Запази черновата' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Складова разписка · Чернова' })).toBeVisible();
  await post(page);
  const receiptNumber = await shownDocumentNumber(page, 'Складова разписка');
  await expect(page.getByTestId('document-status')).toHaveText('Осчетоводен');
  await expect(page.getByText(`${SUPPLIER_DOC}`)).toBeVisible();
  await shot(page, 'stock-receipt-posted-bg');

  // A transfer to the first van, asking for more than is there: refused, the shortfall on the line.
  await nav.getByRole('link', { name: 'Складови документи' }).click();
  await page.getByRole('button', { name: 'Нов документ' }).click();
  await page.getByRole('menuitem', { name: 'Прехвърляне между складове' }).click();
  await pick(page, 'От склад', 'MAIN', /^MAIN/);
  await pick(page, 'Към склад', 'VAN-01', /^VAN-01/);
  await pick(page, 'Част 1', DRUM, new RegExp(DRUM));
  await expect(page.getByTestId('available-hint')).toHaveText('Свободни: 12');
  await page.getByLabel('Количество 1').fill('30');
  await post(page);
  await expect(page.getByTestId('shortfall')).toContainText('нужни 30, налични 12, не достигат 18');
  await expect(page.getByText(`Не достигат 18 от ${DRUM} в склад MAIN.`)).toBeVisible();
  await shot(page, 'stock-transfer-short-bg');

  await page.getByLabel('Количество 1').fill('5');
  await post(page);
  const transferNumber = await shownDocumentNumber(page, 'Прехвърляне');
  const transferUrl = page.url();
  await shot(page, 'stock-transfer-posted-bg');

  // The printed handover protocol opens in a new tab as a PDF.
  const [pdfPage] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('link', { name: 'Печат (PDF)' }).click(),
  ]);
  expect(pdfPage.url()).toMatch(/\/api\/v1\/stock\/documents\/[\w-]+\/pdf\?lang=bg$/);
  const pdf = await page.request.get(pdfPage.url());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await pdfPage.close();

  // Both levels: the store keeps 7, the van holds 5, each at the average cost of 98,00 €.
  await nav.getByRole('link', { name: 'Наличности' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Наличности' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Код, баркод или наименование' }).fill(DRUM);
  const levels = page.getByTestId('stock-levels');
  // Warehouses are shown by name (their codes are for typing).
  const vanName = await warehouseName(page, 'VAN-01');
  const cells = (warehouse: string) => levels.getByRole('row', { name: warehouse }).getByRole('cell');
  await expect(cells('Основен склад').nth(3)).toHaveText('7');
  await expect(cells('Основен склад').nth(8)).toHaveText('686,00 €');
  await expect(cells(vanName).nth(3)).toHaveText('5');
  await expect(cells(vanName).nth(8)).toHaveText('490,00 €');
  await shot(page, 'stock-levels-bg');

  // The part's card: every movement, with its document.
  await levels.getByRole('link', { name: DRUM }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(DRUM) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(receiptNumber) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(transferNumber) })).toHaveCount(2);
  await shot(page, 'stock-part-card-bg');

  // The same screens in English.
  await page.goto(transferUrl);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: `Transfer no. ${transferNumber}` })).toBeVisible();
  await shot(page, 'stock-transfer-posted-en');
  await page.goto('/stock/documents/new?type=count');
  await expect(page.getByRole('heading', { level: 2, name: 'New stock count' })).toBeVisible();
  await pick(page, 'Warehouse', 'VAN-01', /^VAN-01/);
  await page.getByRole('button', { name: 'Fill with the warehouse’s stock' }).click();
  await expect(page.getByRole('combobox', { name: 'Part 7', exact: true })).toBeVisible();
  await shot(page, 'stock-count-editor-en');
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Нова инвентаризация' })).toBeVisible();
});

test('a broken part is written off from a van with a protocol, and a wrong write-off is reversed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await expectHome(page);

  // The van holds the part the first journey moved there (or, run alone, one of the demo's).
  await page.goto('/stock/levels');
  await pick(page, 'Склад', 'VAN-01', /^VAN-01/);
  const firstRow = page.getByTestId('stock-levels').getByRole('row').nth(1);
  await expect(firstRow).toContainText(await warehouseName(page, 'VAN-01'));
  const code = (await firstRow.getByRole('link').first().textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9-]+$/);
  const onHand = Number((await firstRow.getByRole('cell').nth(3).textContent())?.replace(/\s/g, ''));
  expect(onHand).toBeGreaterThan(0);

  await page.goto('/stock/documents/new?type=writeoff');
  await expect(page.getByRole('heading', { level: 2, name: 'Нов протокол за бракуване' })).toBeVisible();
  await pick(page, 'Склад', 'VAN-01', /^VAN-01/);
  await pick(page, 'Част 1', code, new RegExp(code));
  await page.getByLabel('Количество 1').fill('1');
  // The reason is required before anything is sent.
  await post(page);
  await expect(page.getByText('Поправете отбелязаните полета.')).toBeVisible();
  await page.getByLabel('Основание').fill('Счупен при монтаж');
  await post(page);
  await expect(page.getByRole('heading', { level: 2, name: /^Бракуване № \d{10}$/ })).toBeVisible();
  await expect(page.getByText('Счупен при монтаж')).toBeVisible();
  await shot(page, 'stock-writeoff-posted-bg');

  // The protocol prints in English too.
  const [pdfPage] = await Promise.all([
    page.waitForEvent('popup'),
    (async () => {
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('menuitem', { name: 'In English' }).click();
    })(),
  ]);
  expect(pdfPage.url()).toMatch(/\/pdf\?lang=en$/);
  expect((await page.request.get(pdfPage.url())).headers()['content-type']).toBe('application/pdf');
  await pdfPage.close();

  // A wrong write-off is reversed by its mirror: the van holds what it held before.
  await page.getByRole('button', { name: 'Сторнирай' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Причина').fill('Частта е здрава');
  await dialog.getByRole('button', { name: 'Сторнирай' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Бракуване № \d{10}$/ })).toBeVisible();
  await expect(page.getByText('Сторно', { exact: true })).toBeVisible();
  await expect(page.getByTestId('linked-document')).toContainText('Бракуване №');
  await shot(page, 'stock-writeoff-reversal-bg');

  await page.goto('/stock/levels');
  await pick(page, 'Склад', 'VAN-01', /^VAN-01/);
  const row = page.getByTestId('stock-levels').getByRole('row', { name: new RegExp(code) });
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(onHand));
});
