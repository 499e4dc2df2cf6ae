import { type FakeErpNetFp, startFakeErpNetFp } from '../server/test/fake-erpnet-fp';
import { api, expect, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

// The local fake ErpNet.FP print server (server/test/fake-erpnet-fp.ts) stands in for the fiscal printer.
let fake: FakeErpNetFp;
test.beforeAll(async () => {
  fake = await startFakeErpNetFp();
});
test.afterAll(async () => {
  await fake.close();
});

test('sets up the fiscal device, tests it, prints an X report and a deposit, and says so when the paper is out', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Фискално устройство' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Фискално устройство' })).toBeVisible();
  await expect(
    page.getByText('Без устройство касовите бележки се записват като нефискализирани.'),
  ).toBeVisible();

  // Configure: ErpNet.FP at the fake server's address, its printer, the operator and a password.
  await page.getByText('ErpNet.FP', { exact: true }).click();
  await page.getByLabel('Адрес на сървъра ErpNet.FP').fill(fake.url);
  await page.getByLabel('Идентификатор на устройството').fill(fake.printerId);
  await page.getByLabel('Оператор', { exact: true }).fill('1');
  await page.getByLabel('Парола на оператора').fill('0000');
  await page.getByRole('button', { name: 'Запази' }).click();
  await expect(page.getByText('Има записана парола. Оставете празно, за да я запазите.')).toBeVisible();
  await expect(page.getByLabel('Парола на оператора')).toHaveValue('');

  // Test: the device answers with its model and number, kept for the unique sale numbers.
  await page.getByRole('button', { name: 'Провери устройството' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Устройството отговаря: Datecs DP-25, номер DT517985.',
  );
  await expect(page.getByText('Номер на ФУ: DT517985')).toBeVisible();

  // An X report, then a service deposit of 50,00 €.
  await page.getByRole('button', { name: 'X отчет' }).click();
  await expect(page.getByRole('status')).toContainText('X отчетът е отпечатан.');
  expect(fake.reports).toEqual(['xreport']);
  await page.getByLabel('Сума').fill('50,00');
  await page.getByRole('button', { name: 'Служебно въвеждане' }).click();
  await expect(page.getByRole('status')).toContainText('Служебно въведени 50,00 €.');
  expect(fake.deposits).toEqual([50]);
  await shot(page, 'fiscal-device-bg');

  // The device loses the task: the screen says it is not known whether it printed, and asking again never reprints;
  // only the operator's "not printed" sends it again.
  fake.switches.loseTasks = true;
  await page.getByLabel('Сума').fill('5');
  await page.getByRole('button', { name: 'Служебно извеждане' }).click();
  const lost = page.getByRole('alert').filter({ hasText: 'Не е известно дали устройството е отпечатало' });
  await expect(lost).toBeVisible();
  fake.switches.loseTasks = false;
  await lost.getByRole('button', { name: 'Провери отново' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Не е известно дали' })).toBeVisible();
  expect(fake.withdrawals).toEqual([5]);
  await page
    .getByRole('alert')
    .filter({ hasText: 'Не е известно дали' })
    .getByRole('button', { name: 'Не е отпечатано — отпечатай отново' })
    .click();
  await expect(page.getByRole('status')).toContainText('Служебно изведени 5,00 €.');
  expect(fake.withdrawals).toEqual([5, 5]);

  // Out of paper: said in plain words, nothing printed.
  fake.switches.paperOut = true;
  await page.getByRole('button', { name: 'X отчет' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Във фискалното устройство няма хартия. Сложете нова ролка и опитайте отново.' }),
  ).toBeVisible();
  expect(fake.reports).toEqual(['xreport']);
  await shot(page, 'fiscal-device-paper-out-bg');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal device (bg)');
  await shot(page, 'fiscal-device-390-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  // In English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Fiscal device' })).toBeVisible();
  await page.getByRole('button', { name: 'X report' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'The fiscal device is out of paper. Put in a new roll and try again.' }),
  ).toBeVisible();
  fake.switches.paperOut = false;
  await page.getByRole('button', { name: 'Test the device' }).click();
  await expect(page.getByRole('status')).toContainText('The device answers: Datecs DP-25, number DT517985.');
  await page.getByLabel('Amount').fill('12.50');
  await page.getByRole('button', { name: 'Service deposit' }).click();
  await expect(page.getByRole('status')).toContainText('Deposited €12.50.');
  expect(fake.deposits).toEqual([50, 12.5]);
  await shot(page, 'fiscal-device-en');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal device (en)');
  await shot(page, 'fiscal-device-390-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Фискално устройство' })).toBeVisible();

  // The fake device goes away with this spec: back to no device, so later journeys print nowhere.
  await page.getByText('Без устройство', { exact: true }).click();
  await page.getByRole('button', { name: 'Запази' }).click();
  await expect(
    page.getByText('Без устройство касовите бележки се записват като нефискализирани.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Устройство' })).toBeHidden();
  expect((await api(page, '/api/v1/fiscal-device')).kind).toBe('none');
});
