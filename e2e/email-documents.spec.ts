import type { Page } from '@playwright/test';
import { pdfText } from '../server/test/pdf-text';
import { type SmtpSink, startSmtpSink } from '../server/test/smtp-sink';
import { setLocale } from './field-support';
import { api, expect, expectHome, finishedOrder, post, shot, signIn, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/**
 * Sending documents by e-mail (ADR 0036): the administrator points the company's SMTP settings at a local SMTP
 * server this spec starts and sends a test message; an issued invoice goes to its customer, who agrees to electronic
 * invoices in the same dialog (INV-15); the outbox shows it sent, and the message arrived with the stored PDF byte
 * for byte. Then the work report of an order, and the dialog and the outbox on a 390 px phone, in both languages.
 */

const SLOW = { timeout: 30_000 };
let sink: SmtpSink;

test.beforeAll(async () => {
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await sink?.close();
});

/** Settings → E-mail: the local server, no TLS, a sender; saved, then a test message that arrives. */
async function configureSmtp(page: Page): Promise<void> {
  await page.goto('/settings/email');
  await expect(page.getByRole('heading', { level: 2, name: 'Имейл' })).toBeVisible(SLOW);
  await page.getByTestId('smtp-host').fill('127.0.0.1');
  await page.getByTestId('smtp-security').click();
  await page.getByRole('option', { name: 'Без шифриране (само в локална мрежа)' }).click();
  await page.getByTestId('smtp-port').fill(String(sink.port));
  await page.getByTestId('smtp-password').fill('e2e-smtp-парола');
  await page.getByTestId('smtp-from').fill('office@servis.example');
  await page.getByTestId('smtp-from-name').fill('Демо Сервиз');
  await page.getByTestId('smtp-save').click();
  await expect(page.getByText('Настройките за имейл са запазени.')).toBeVisible(SLOW);
  await expect(
    page.getByText('Паролата е записана. Оставете полето празно, за да остане същата.'),
  ).toBeVisible();
  expect(JSON.stringify(await api(page, '/api/v1/company/smtp'))).not.toContain('e2e-smtp-парола');
  const before = sink.messages.length;
  await page.getByTestId('smtp-test-to').fill('admin@servis.example');
  await page.getByTestId('smtp-test').click();
  await expect(page.getByTestId('smtp-test-ok')).toBeVisible(SLOW);
  await expect(page.getByTestId('smtp-test')).toBeEnabled();
  const [test] = (await sink.waitFor(before + 1)).slice(before);
  expect(test?.to).toEqual(['admin@servis.example']);
  await shot(page, 'email-settings-bg');
}

/** The dialog on the page: the address typed, the consent ticked when asked, sent; answers the outbox entry's id. */
async function sendFromDialog(page: Page, to: string, consent: boolean): Promise<void> {
  await page.getByTestId('send-email').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('mail-subject')).not.toHaveValue('', SLOW);
  await dialog.getByTestId('mail-to').fill(to);
  if (consent) {
    await expect(dialog.getByTestId('mail-consent-missing')).toBeVisible();
    await expect(dialog.getByTestId('mail-submit')).toBeDisabled();
    await dialog.getByTestId('mail-record-consent').check();
  }
  await shot(page, `email-dialog-${consent ? 'invoice' : 'work-report'}-bg`);
  await dialog.getByTestId('mail-submit').click();
  await expect(dialog.getByTestId('mail-status')).toHaveText('Изпратено', SLOW);
  await shot(page, `email-dialog-sent-${consent ? 'invoice' : 'work-report'}-bg`);
  await dialog.getByTestId('mail-close').click();
}

test('an issued invoice e-mailed with the customer’s consent, seen sent in the outbox, arrived with its stored PDF; then a work report', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expectHome(page);
  await configureSmtp(page);

  const order = await finishedOrder(page, 'Имейл Клиент', 'MAIL');
  const invoice = await post(page, '/api/v1/invoices/from-order', { orderId: order.id });
  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { level: 2, name: `Фактура ${invoice.number}` })).toBeVisible(SLOW);
  const before = sink.messages.length;
  await sendFromDialog(page, 'schetovodstvo@klient.example', true);

  const [arrived] = (await sink.waitFor(before + 1)).slice(before);
  expect(arrived?.to).toEqual(['schetovodstvo@klient.example']);
  expect(arrived?.subject).toContain(`Фактура № ${invoice.number}`);
  expect(arrived?.attachments.map((a) => a.filename)).toEqual([`Фактура ${invoice.number}.pdf`]);
  const stored = await page.request.get(`/api/v1/invoices/${invoice.id}/pdf`);
  expect(Buffer.compare(arrived?.attachments[0]?.content as Buffer, await stored.body())).toBe(0);
  // The consent is now the customer's, seen on their page.
  expect(await api(page, `/api/v1/parties/${invoice.partyId}/einvoice-consent`)).toMatchObject({
    accepted: true,
    email: 'schetovodstvo@klient.example',
  });

  await page.goto(`/customers/${invoice.partyId}`);
  await expect(page.getByTestId('einvoice-consent-state')).toHaveText('Приема електронни фактури', SLOW);
  await expect(page.getByTestId('einvoice-consent')).toContainText('schetovodstvo@klient.example');
  await shot(page, 'email-customer-consent-bg');

  await page.goto('/settings/outbox');
  const row = page.getByTestId('outbox-row').filter({ hasText: invoice.number });
  await expect(row.getByTestId('mail-status')).toHaveText('Изпратено', SLOW);
  await expect(row).toContainText('schetovodstvo@klient.example');
  await shot(page, 'email-outbox-bg');

  // The work report of the order, from the order page's documents.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('order-documents')).toBeVisible(SLOW);
  await page.getByTestId('order-documents').getByTestId('send-email').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('mail-subject')).toHaveValue(
    `Протокол за извършена работа по поръчка № ${order.number} – ${(await api(page, '/api/v1/company')).legalName}`,
    SLOW,
  );
  await dialog.getByTestId('mail-to').fill('klient@klient.example');
  await shot(page, 'email-dialog-work-report-bg');
  await dialog.getByTestId('mail-submit').click();
  await expect(dialog.getByTestId('mail-status')).toHaveText('Изпратено', SLOW);
  const [report] = (await sink.waitFor(before + 2)).slice(before + 1);
  expect(report?.attachments[0]?.filename).toBe(`Протокол за извършена работа ${order.number}.pdf`);
  expect(await pdfText(report?.attachments[0]?.content as Buffer)).toContain('ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА');
});

test('on a 390 px phone the dialog and the outbox fit the screen, in Bulgarian and English', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  const sent = await api(page, '/api/v1/mail/outbox?documentType=invoice&pageSize=1');
  const invoiceId = sent.items[0].documentId as string;
  for (const language of ['bg', 'en'] as const) {
    await setLocale(page, language);
    await page.goto(`/invoices/${invoiceId}`);
    await page.getByTestId('send-email').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('mail-to')).toHaveValue('schetovodstvo@klient.example', SLOW);
    await expect(dialog.getByTestId('mail-consent')).toBeVisible();
    await expectFitsScreen(page, `the send dialog (${language})`);
    await shot(page, `email-dialog-${language}-390`);
    await page.keyboard.press('Escape');
    await page.goto('/settings/outbox');
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByTestId('outbox-row').first()).toBeVisible(SLOW);
    await expect(page.getByTestId('outbox-row').first().getByTestId('mail-status')).toHaveText(
      language === 'bg' ? 'Изпратено' : 'Sent',
    );
    await expectFitsScreen(page, `the outbox (${language})`);
    await shot(page, `email-outbox-${language}-390`);
    await page.goto('/settings/email');
    await expect(page.getByTestId('smtp-host')).toHaveValue('127.0.0.1', SLOW);
    await expectFitsScreen(page, `the e-mail settings (${language})`);
    await shot(page, `email-settings-${language}-390`);
  }
  await setLocale(page, 'bg');
});
