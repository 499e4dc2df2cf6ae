import type { Role } from '@servix/server/modules/auth/auth.schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../test-utils';
import { AppLayout } from './app-layout';

async function menuOf(role: Role, technicianId?: string | null): Promise<string[]> {
  fakeServer(() => jsonResponse(200, { legalName: 'Сервиз Тест ЕООД' }));
  renderScreen(<AppLayout />, { me: aMe(role, technicianId) });
  const nav = await screen.findByRole('navigation', { name: 'Основно меню' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

/** The service orders: the desk, the technicians and the management take orders in; everyone on staff sees them. */
const INTAKE = 'Приемане';
const MINE = 'Моите поръчки';
const ORDERS = [INTAKE, 'Отворени ремонти', 'Табло', 'Оферти за ремонт'];

/** Everyone on staff works with customers, items and the catalogues; the rest depends on the role. */
const EVERYDAY = [
  'Начало',
  'Клиенти',
  'Уреди',
  ...ORDERS,
  'Наличности',
  'Складови документи',
  'Под минимум',
  'Оценка на склада',
  'Складове и бусове',
  'Заявки за доставка',
];
const CATALOGUE = ['Категории', 'Марки', 'Модели', 'Труд и услуги', 'Резервни части'];
/** The menu with "My orders" after the board: for a user linked to a technician. */
const MY_JOBS = 'Моите посещения';
/** A user linked to a technician: "My orders" and "My jobs" after the board. */
const withMine = (menu: string[]) => menu.flatMap((s) => (s === 'Табло' ? [s, MINE, MY_JOBS] : [s]));
/** Invoices, after the orders: the desk and the office, not the technicians or the storekeeper. */
const INVOICES = 'Фактури';
/** Proforma invoices (ADR 0025), after the invoices, for the same roles. */
const PROFORMAS = 'Проформа фактури';
/** Payments and receivables (ADR 0020), after the invoices, for the same roles. */
const PAYMENTS = ['Плащания', 'Вземания'];
/** The counter sale and the sale receipts (ADR 0026), after the invoices, for the same roles. */
const RECEIPTS = ['Продажба на каса', 'Касови бележки'];
const withInvoices = (menu: string[]) =>
  menu.flatMap((s) => (s === 'Оферти за ремонт' ? [s, INVOICES, PROFORMAS, ...RECEIPTS, ...PAYMENTS] : [s]));
/** The visit request queue (ADR 0031), after the items: the dispatchers (admin, manager, reception). */
const VISITS = ['Заявки за посещение', 'График на техниците', 'Натовареност'];
const withVisits = (menu: string[]) => menu.flatMap((s) => (s === 'Уреди' ? [s, ...VISITS] : [s]));
/** What technicians earn: the management and the accountant. */
const PAY = ['Възнаграждения на техници'];
/** Cash desks and bank accounts (ADR 0018): the management, the accountant and the desk. */
const MONEY = ['Каси и банкови сметки'];
/** The VAT sales journal (ADR 0021): the management and the accountant, not the desk. */
const VAT_JOURNAL = 'Дневник за продажбите';
/** The NAP audit file (Appendix 38, ADR 0039): the administrator, the accountant and the auditor only. */
const NAP_AUDIT = 'Файл за НАП (одит)';

describe('the main menu', () => {
  it('shows an administrator every settings screen', async () => {
    expect(await menuOf('admin')).toEqual([
      ...withVisits(withInvoices(EVERYDAY)),
      ...PAY,
      ...MONEY,
      VAT_JOURNAL,
      NAP_AUDIT,
      ...CATALOGUE,
      'Фирма',
      'Номерация на документи',
      // INV-08: the dated VAT rates, added by the administrator or the accountant.
      'Ставки на ДДС',
      'Потребители',
      'Техници',
      'API ключове',
      'Журнал на промените',
      'Фонови задачи',
      // Sending documents by e-mail (ADR 0036): the SMTP server is the administrator's, the outbox the office's.
      'Имейл',
      'Изходяща поща',
      'Импорт',
      'Сервизни настройки',
      'Планиране на посещения',
      'Фискално устройство',
      // Sale sites, devices and workstations (ADR 0041): everyone who sells picks this browser's workstation.
      'Обекти и работни места',
    ]);
  });

  it('shows only the screens the server lets each role use', async () => {
    expect(await menuOf('manager')).toEqual([
      ...withVisits(withInvoices(EVERYDAY)),
      ...PAY,
      ...MONEY,
      VAT_JOURNAL,
      ...CATALOGUE,
      'Фирма',
      'Номерация на документи',
      'Потребители',
      'Техници',
      'Журнал на промените',
      'Фонови задачи',
      'Изходяща поща',
      'Импорт',
      'Сервизни настройки',
      'Планиране на посещения',
      'Фискално устройство',
      // Sale sites, devices and workstations (ADR 0041): everyone who sells picks this browser's workstation.
      'Обекти и работни места',
    ]);
  });

  it('gives an accountant numbering and the audit log but not users', async () => {
    // Import: customers, sites and items, the entities an accountant may write.
    // Orders to read, not to take in.
    expect(await menuOf('accountant')).toEqual([
      ...withInvoices(EVERYDAY).filter((s) => s !== INTAKE),
      ...PAY,
      ...MONEY,
      VAT_JOURNAL,
      NAP_AUDIT,
      ...CATALOGUE,
      'Фирма',
      'Номерация на документи',
      'Ставки на ДДС',
      'Техници',
      'Журнал на промените',
      'Изходяща поща',
      'Импорт',
      'Фискално устройство',
      // Sale sites, devices and workstations (ADR 0041): everyone who sells picks this browser's workstation.
      'Обекти и работни места',
    ]);
  });

  it('gives a technician the everyday screens, the company details and the technicians', async () => {
    // Stock levels, documents and low stock, but not what the stock is worth.
    // "My orders": a technician has orders of their own.
    expect(await menuOf('technician')).toEqual([
      ...withMine(EVERYDAY).filter((s) => s !== 'Оценка на склада'),
      ...CATALOGUE,
      'Фирма',
      'Техници',
      'Импорт',
      'Обекти и работни места',
    ]);
  });

  it('offers the visit request queue to the desk', async () => {
    expect(await menuOf('reception')).toEqual(expect.arrayContaining(VISITS));
  });

  for (const role of ['technician', 'storekeeper', 'accountant'] as const)
    it(`keeps the visit request queue from the ${role}`, async () => {
      {
        const menu = await menuOf(role);
        for (const s of VISITS) expect(menu).not.toContain(s);
      }
    });

  it('offers the invoices to the desk', async () => {
    expect(await menuOf('reception')).toContain(INVOICES);
  });

  it('keeps the VAT sales journal from the desk', async () => {
    expect(await menuOf('reception')).not.toContain(VAT_JOURNAL);
  });

  // The manager's and the technician's full menus above have no NAP audit file either.
  it('offers the NAP audit file to the auditor', async () => {
    expect(await menuOf('auditor')).toContain(NAP_AUDIT);
  });

  it('keeps the NAP audit file from the desk', async () => {
    expect(await menuOf('reception')).not.toContain(NAP_AUDIT);
  });

  it('keeps the invoices from the storekeeper', async () => {
    expect(await menuOf('storekeeper')).not.toContain(INVOICES);
  });

  it('offers "My orders" to no one at the desk', async () => {
    expect(await menuOf('reception')).not.toContain(MINE);
  });

  it('hides "My orders" and "My jobs" from a technician user without a linked technician', async () => {
    const menu = await menuOf('technician', null);
    expect(menu).not.toContain(MINE);
    expect(menu).not.toContain(MY_JOBS);
  });

  it('offers "My orders" and "My jobs" to a manager who is also a linked technician', async () => {
    const menu = await menuOf('manager', 't-7');
    expect(menu).toContain(MINE);
    expect(menu).toContain(MY_JOBS);
  });
});
