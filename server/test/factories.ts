import type { Role } from '../src/modules/auth/auth.schema';
import type { Session, TestApp } from './harness';

/**
 * Factories: a record made through the HTTP API the way a user makes it, with unique defaults that any field of
 * `overrides` replaces. Each answers the created record as the API returns it, so a test sets up what it needs in
 * beforeAll/beforeEach instead of relying on what an earlier test left.
 */

type Json = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the tests as they please
type Record_ = Record<string, any> & { id: string };

let sequence = 0;
/** A short tag unique in this test file's process: codes and names built from it never collide. */
export function unique(prefix = ''): string {
  sequence++;
  return `${prefix}${sequence.toString(36).toUpperCase()}${process.pid.toString(36).toUpperCase()}`;
}

/** POSTs as the session and returns the created record; anything but 201 (or the expected status) throws. */
export async function created(t: TestApp, session: Session, url: string, body?: Json, status = 201) {
  const res = await t.request(session, 'POST', url, body);
  if (res.statusCode !== status)
    throw new Error(`POST ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Record_;
}

/** The body of PUT /api/v1/company for a VAT-registered company with every requisite an invoice asks for (INV-03). */
export function aVatCompanyBody(overrides: Json = {}): Json {
  return {
    legalName: 'Тест Сервиз ООД',
    uic: '131129282',
    vatNumber: 'BG131129282',
    vatRegistered: true,
    defaultVatRateBp: 2000,
    fiscalDeviceRequired: false,
    city: 'София',
    address: 'бул. „Витоша“ 15',
    postcode: '1000',
    mol: 'Петър Петров',
    bankAccounts: [],
    ...overrides,
  };
}

/** Makes the company a VAT-registered one with every requisite an invoice asks for (the admin's session). */
export async function aVatCompany(t: TestApp, admin: Session, overrides: Json = {}) {
  const res = await t.request(admin, 'PUT', '/api/v1/company', aVatCompanyBody(overrides));
  if (res.statusCode !== 200) throw new Error(`PUT /api/v1/company: got ${res.statusCode} ${res.body}`);
  return res.json() as Record_;
}

/** A user of the role, created by the admin and signed in: their session. */
export function aUser(t: TestApp, role: Role, username?: string): Promise<Session> {
  return t.signInAs(role, username);
}

/** A billing address a customer's invoice prints: a city and a street. */
const PLOVDIV = { city: 'Пловдив', address: 'ул. „Главна“ 1' };

/** A company customer with the requisites an invoice needs (a valid ЕИК, 020469788, and a billing address): its id. */
export async function anInvoiceCustomer(
  t: TestApp,
  session: Session,
  name = 'Клиент Първи ООД',
  billing: { city: string; address: string } = PLOVDIV,
): Promise<string> {
  const customer = await aCustomer(t, session, {
    name,
    uic: '020469788',
    addresses: [{ label: 'billing', ...billing }],
  });
  return customer.id as string;
}

/** A customer company (or, with kind 'person', a private person). */
export function aCustomer(t: TestApp, session: Session, overrides: Json = {}) {
  return created(t, session, '/api/v1/parties', {
    kind: 'company',
    name: `Клиент ${unique()} ООД`,
    isCustomer: true,
    isSupplier: false,
    ...overrides,
  });
}

/** A supplier company. */
export function aSupplier(t: TestApp, session: Session, overrides: Json = {}) {
  return created(t, session, '/api/v1/parties', {
    kind: 'company',
    name: `Доставчик ${unique()} ООД`,
    isCustomer: false,
    isSupplier: true,
    ...overrides,
  });
}

/** A site of the customer. */
export function aSite(t: TestApp, session: Session, partyId: string, overrides: Json = {}) {
  return created(t, session, '/api/v1/sites', { partyId, name: `Обект ${unique()}`, ...overrides });
}

export function aCategory(t: TestApp, session: Session, overrides: Json = {}) {
  return created(t, session, '/api/v1/categories', {
    code: unique('CAT'),
    nameBg: `Категория ${unique()}`,
    ...overrides,
  });
}

export function aBrand(t: TestApp, session: Session, overrides: Json = {}) {
  return created(t, session, '/api/v1/brands', {
    code: unique('BR'),
    name: `Марка ${unique()}`,
    ...overrides,
  });
}

/** A model of the brand (a new brand and category when not given). */
export async function aModel(t: TestApp, session: Session, overrides: Json = {}) {
  const brandId = overrides.brandId ?? (await aBrand(t, session)).id;
  const categoryId = overrides.categoryId ?? (await aCategory(t, session)).id;
  return created(t, session, '/api/v1/models', { name: unique('M-'), ...overrides, brandId, categoryId });
}

/** A spare part, 10,00 € to sell, 5,00 € typical cost, no minimum stock. */
export function aPart(t: TestApp, session: Session, overrides: Json = {}) {
  const code = unique('P-');
  return created(t, session, '/api/v1/parts', {
    code,
    nameBg: `Част ${code}`,
    salePriceCents: 1000,
    typicalCostCents: 500,
    ...overrides,
  });
}

/** A labour service: one hour at 60,00 €. */
export function aService(t: TestApp, session: Session, overrides: Json = {}) {
  const code = unique('S-');
  return created(t, session, '/api/v1/service-types', {
    code,
    nameBg: `Услуга ${code}`,
    normMinutes: 60,
    pricing: 'hourly',
    priceCents: 6000,
    ...overrides,
  });
}

/** A customer's item (a new model and customer when not given), with a unique serial number. */
export async function anItem(t: TestApp, session: Session, overrides: Json = {}) {
  const modelId = overrides.modelId ?? (await aModel(t, session)).id;
  const partyId = overrides.partyId ?? (await aCustomer(t, session)).id;
  return created(t, session, '/api/v1/items', { serialNumber: unique('SN'), ...overrides, modelId, partyId });
}

export function aTechnician(t: TestApp, session: Session, overrides: Json = {}) {
  return created(t, session, '/api/v1/technicians', { name: `Техник ${unique()}`, ...overrides });
}

/** A store (warehouse of kind store). */
export function aWarehouse(t: TestApp, session: Session, overrides: Json = {}) {
  const code = unique('W');
  return created(t, session, '/api/v1/warehouses', { code, name: `Склад ${code}`, ...overrides });
}

/** A technician's van (without technicianId, a new technician, which the session must be allowed to create). */
export async function aVan(t: TestApp, session: Session, overrides: Json = {}) {
  const technicianId = overrides.technicianId ?? (await aTechnician(t, session)).id;
  const code = unique('VAN-');
  return created(t, session, '/api/v1/warehouses', {
    code,
    name: `Бус ${code}`,
    kind: 'van',
    ...overrides,
    technicianId,
  });
}

export interface ReceiptLine {
  partId: string;
  quantityMilli: number;
  unitCostCents: number;
}

/** A draft receipt into the warehouse from the supplier. */
export function aReceipt(
  t: TestApp,
  session: Session,
  input: { warehouseId: string; supplierId: string; lines: ReceiptLine[] } & Json,
) {
  return created(t, session, '/api/v1/stock/documents', { type: 'receipt', ...input });
}

/** Posts a draft stock document and answers it posted. */
export async function posted(t: TestApp, session: Session, documentId: string) {
  return created(t, session, `/api/v1/stock/documents/${documentId}/post`, undefined, 200);
}

/** A posted receipt: the parts are on hand in the warehouse. */
export async function aPostedReceipt(
  t: TestApp,
  session: Session,
  input: { warehouseId: string; supplierId: string; lines: ReceiptLine[] } & Json,
) {
  return posted(t, session, (await aReceipt(t, session, input)).id);
}

/** A posted transfer between two warehouses. */
export async function aTransfer(
  t: TestApp,
  session: Session,
  input: {
    warehouseId: string;
    toWarehouseId: string;
    lines: { partId: string; quantityMilli: number }[];
  } & Json,
) {
  const draft = await created(t, session, '/api/v1/stock/documents', { type: 'transfer', ...input });
  return posted(t, session, draft.id);
}

/**
 * A service order taken in (issue 12): for an existing customer and a new item of a new model unless given; the
 * answer is the intake's (the order with its statusLink token).
 */
export async function anOrder(t: TestApp, session: Session, overrides: Json = {}) {
  const partyId =
    overrides.partyId === undefined && overrides.newCustomer === undefined
      ? (await aCustomer(t, session)).id
      : overrides.partyId;
  const base: Json =
    overrides.itemId === undefined && overrides.serialNumber === undefined
      ? { serialNumber: unique('SN'), modelId: (await aModel(t, session)).id }
      : {};
  return created(t, session, '/api/v1/service-orders', {
    complaint: 'Не центрофугира',
    ...base,
    ...overrides,
    ...(partyId === undefined ? {} : { partyId }),
  });
}

/** Moves an order through statuses in turn (a cancel with a reason); answers the order as the last move left it. */
export async function moved(t: TestApp, session: Session, orderId: string, ...statuses: string[]) {
  let order: Record_ = { id: orderId };
  for (const to of statuses)
    order = await created(
      t,
      session,
      `/api/v1/service-orders/${orderId}/status`,
      { to, ...(to === 'cancelled' ? { reason: 'Клиентът се отказа' } : {}) },
      200,
    );
  return order;
}
