import type { Page } from '@playwright/test';
import { pdfText } from '../server/test/pdf-text';
import { drawSignature, SLOW } from './field-support';
import { api, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

const TEXT = {
  bg: {
    orderTitle: /^Поръчка \d{10}$/,
    card: 'Подпис на клиента',
    signer: /Име на подписващия/,
    clear: 'Изчисти',
    save: 'Запиши подписа',
    signedBy: (name: string) => `Подписал: ${name}`,
    signAgain: 'Подпиши отново',
    workReport: 'Протокол за извършена работа (PDF)',
    reportTitle: 'ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА',
  },
  en: {
    orderTitle: /^Order \d{10}$/,
    card: 'Customer signature',
    signer: /Signer’s name/,
    clear: 'Clear',
    save: 'Save signature',
    signedBy: (name: string) => `Signed by ${name}`,
    signAgain: 'Sign again',
    workReport: 'Work report (PDF)',
    reportTitle: 'WORK REPORT',
  },
} as const;
type Language = keyof typeof TEXT;

const run = () => String(Date.now()).slice(-6);

/** An open order for a new customer's washer, made through the API; answers its id. */
async function anOpenOrder(page: Page, tag: string): Promise<string> {
  const customer = await post(page, '/api/v1/parties', {
    kind: 'person',
    name: `Подписващ ${tag}`,
    isCustomer: true,
  });
  const models = await api(page, `/api/v1/models?q=${encodeURIComponent('TDLR 7220')}`);
  const order = await post(page, '/api/v1/service-orders', {
    partyId: customer.id,
    serialNumber: `E2E-SIG-${tag}`,
    modelId: models.items[0].id,
    complaint: 'Не загрява водата',
  });
  return order.id;
}

/** On the order page: sign, save, see the stored signature; then the work report PDF carries it. */
async function signOnOrderPage(page: Page, language: Language, phone: boolean) {
  const x = TEXT[language];
  const tag = run();
  const id = await anOpenOrder(page, tag);
  await page.goto(`/orders/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: x.orderTitle })).toBeVisible(SLOW);
  const card = page.getByTestId('order-signature');
  await expect(card.getByTestId('signature-pad')).toBeVisible(SLOW);
  // Nothing drawn yet: nothing to save.
  await expect(card.getByRole('button', { name: x.save })).toBeDisabled();
  await drawSignature(page);
  await expect(card.getByRole('button', { name: x.save })).toBeEnabled();
  // Cleared, and drawn again.
  await card.getByRole('button', { name: x.clear }).click();
  await expect(card.getByRole('button', { name: x.save })).toBeDisabled();
  await drawSignature(page);
  const signer = `Стоян Клиентов ${tag}`;
  await card.getByRole('textbox', { name: x.signer }).fill(signer);
  if (phone) await expectFitsScreen(page, `order (/orders/${id}) with the signature pad`);
  await shot(page, `signature-pad-${language}-${phone ? 390 : 1280}`);
  await card.getByRole('button', { name: x.save }).click();

  const stored = card.getByTestId('order-signature-stored');
  await expect(stored.getByText(x.signedBy(signer))).toBeVisible(SLOW);
  const image = stored.locator('img');
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), SLOW)
    .toBeGreaterThan(0);
  await expect(card.getByRole('button', { name: x.signAgain })).toBeVisible();
  const signature = await api(page, `/api/v1/service-orders/${id}/signature`);
  expect(signature).toMatchObject({ signerName: signer, contentType: 'image/png' });
  // The pad's PNG at the screen's pixel ratio, as wide as the card.
  expect(signature.width).toBeGreaterThan(200);
  if (phone) await expectFitsScreen(page, `order (/orders/${id}) signed`);
  await shot(page, `signature-saved-${language}-${phone ? 390 : 1280}`);

  // The work report: a PDF with the signer's name and the signature drawn in it.
  const link = card.getByRole('link', { name: x.workReport });
  const href = await link.getAttribute('href');
  expect(href).toContain(`/service-orders/${id}/work-report.pdf?language=${language}`);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(bytes);
  expect(text).toContain(x.reportTitle);
  expect(text).toContain(`/ ${signer} /`);
  expect(bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  return id;
}

test('the customer signs an order on the screen with the mouse; the work report PDF carries the signature', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await expectHome(page);
  await signOnOrderPage(page, 'bg', false);
});

test('in English on a phone: the pad fits 390 px, the signature is saved and on the work report', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    await signOnOrderPage(page, 'en', true);
  } finally {
    // The language is the user's: the other specs expect Bulgarian.
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
