import type { Page } from '@playwright/test';
import { api, aUic, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

/** Windows-1251 bytes of a text, as Bulgarian internet banking exports a statement. */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => byChar.get(ch) ?? 0x3f));
}

/** A customer with an issued invoice of 120.00 € (100.00 + 20 % VAT), a bank account, and its statement. */
async function statement(page: Page, name: string) {
  const run = String(Date.now()).slice(-6);
  const uic = aUic();
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `${name} ${run} ООД`,
    uic,
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Бургас', address: 'ул. „Морска“ 3' }],
  });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' });
  const due = new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Sofia',
  });
  const draft = await post(page, '/api/v1/invoices', {
    partyId: customer.id,
    dueDate: due,
    lines: [
      { description: 'Ремонт', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 10_000, vatRateBp: 2000 },
    ],
  });
  const invoice = await post(page, `/api/v1/invoices/${draft.id}/issue`, {});
  const bank = await post(page, '/api/v1/money-accounts', {
    kind: 'bank',
    name: `Банка ${run}`,
    bankName: 'БНБ',
    iban: 'BG80BNBG96611020345678',
  });
  const d = today.split('-').reverse().join('.');
  const file = windows1251(
    [
      'Дата;Сума;Наредител/Получател;IBAN;ЕИК;Основание',
      `${d};120,00;${customer.name};BG18RZBB91550123456789;${uic};Плащане по фактура № ${invoice.number}`,
      `${d};-45,00;ЧЕЗ Електро България АД;BG66UNCR70001520000002;;Ток за ноември`,
      '',
    ].join('\r\n'),
  );
  return { customer, invoice, bank, file };
}

/** Picks a file through the file input's own chooser, as a person does. */
async function upload(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(label).click();
  await (await chooser).setFiles(file);
}

test('a bank statement: a line matched to its invoice, confirmed, the invoice paid', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const { invoice, bank, file } = await statement(page, 'Банков Клиент');
  await page.goto(`/money/accounts/${bank.id}`);
  await page.getByRole('link', { name: 'Внасяне на банково извлечение' }).click();
  await upload(page, 'Файл с извлечение (CSV)', {
    name: 'izvlechenie.csv',
    mimeType: 'text/csv',
    buffer: file,
  });
  const line = page.getByTestId('bank-line-2');
  await expect(line).toContainText(`Фактура № ${invoice.number}`, SLOW);
  await expect(page.getByTestId('bank-line-3')).toContainText('Плащане от нас: пропуска се');
  await shot(page, 'bank-statement-bg');
  await page.getByRole('button', { name: 'Внеси избраните (1)' }).click();
  await expect(line).toContainText('Вече внесено', SLOW);
  await shot(page, 'bank-statement-imported-bg');
  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('payment-state').first()).toHaveText('Платена', SLOW);
  expect((await api(page, `/api/v1/money-accounts/${bank.id}`)).balanceCents).toBe(12_000);
});

test('in English on a phone: the statement preview fits 390 px as cards', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const { invoice, bank, file } = await statement(page, 'Bank Customer');
    await page.goto(`/money/accounts/${bank.id}/bank-statement`);
    await upload(page, 'Statement file (CSV)', { name: 'statement.csv', mimeType: 'text/csv', buffer: file });
    await expect(page.getByRole('article').getByText(`Invoice No. ${invoice.number}`)).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'bank statement');
    await shot(page, 'bank-statement-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
