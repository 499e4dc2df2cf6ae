import type { Party } from '@servix/server/modules/parties/parties.schema';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import {
  customerFieldOf,
  customerFormErrors,
  emptyPhone,
  newCustomerValues,
  toBody,
  toFormValues,
} from './customer-form';

const t = i18n.t.bind(i18n);

const PERSON: Party = {
  id: 'p-1',
  kind: 'person',
  name: 'Иван Петров',
  uic: null,
  vatNumber: null,
  mol: null,
  egn: '7501020018',
  egnMasked: false,
  wantsInvoices: true,
  isCustomer: true,
  isSupplier: false,
  phone: null,
  email: null,
  city: null,
  address: null,
  notes: null,
  phones: [],
  emails: [],
  addresses: [],
  contacts: [],
  siteCount: 0,
  archivedAt: null,
  anonymisedAt: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};

describe('the customer form', () => {
  it('sends a company without ЕГН and drops the rows left empty', () => {
    const v = { ...newCustomerValues('company'), name: ' Алфа ООД ', uic: '204000003', egn: '7501020018' };
    v.phones = [emptyPhone(), { ...emptyPhone(), number: ' 0888 123 456 ', label: 'мобилен' }];
    const body = toBody(v, { canSeeEgn: true });
    expect(body).toMatchObject({
      kind: 'company',
      name: 'Алфа ООД',
      uic: '204000003',
      wantsInvoices: false,
      phones: [{ label: 'мобилен', number: '0888 123 456' }],
      emails: [],
      addresses: [],
    });
    expect(body).not.toHaveProperty('egn');
  });

  it('sends a person no ЕИК, VAT number or МОЛ, even when they were typed before switching the kind', () => {
    const v = {
      ...newCustomerValues('company'),
      kind: 'person' as const,
      name: 'Мария',
      uic: '204000003',
      mol: 'X',
    };
    expect(toBody(v, { canSeeEgn: true })).toMatchObject({ uic: null, vatNumber: null, mol: null });
  });

  it('sends the ЕГН only when it changed, the person wants invoices and the user may see it', () => {
    const same = toFormValues(PERSON);
    expect(toBody(same, { canSeeEgn: true, initial: PERSON })).not.toHaveProperty('egn');
    const changed = { ...same, egn: '8001010000' };
    expect(toBody(changed, { canSeeEgn: true, initial: PERSON }).egn).toBe('8001010000');
    expect(toBody(changed, { canSeeEgn: false, initial: PERSON })).not.toHaveProperty('egn');
    // No invoices any more: the server drops the ЕГН by itself.
    expect(
      toBody({ ...changed, wantsInvoices: false }, { canSeeEgn: true, initial: PERSON }),
    ).not.toHaveProperty('egn');
    // A person who becomes a company loses the ЕГН.
    expect(toBody({ ...same, kind: 'company' }, { canSeeEgn: false, initial: PERSON }).egn).toBeNull();
  });

  it('never puts a masked ЕГН into the input', () => {
    expect(toFormValues({ ...PERSON, egn: '******0018', egnMasked: true }).egn).toBe('');
  });

  it('maps the server’s row indexes back to the form’s rows, skipping the empty ones it did not get', () => {
    const v = newCustomerValues('company');
    v.phones = [emptyPhone(), { ...emptyPhone(), number: '123' }, { ...emptyPhone(), number: '0888 1' }];
    const fieldOf = customerFieldOf(v);
    expect(fieldOf('phones.1.number')).toBe('phones.2.number');
    expect(fieldOf('uic')).toBe('uic');
    expect(fieldOf('somethingElse')).toBeNull();
  });

  it('says what is wrong with a ЕИК or a phone before sending', () => {
    const v = { ...newCustomerValues('company'), name: 'Алфа', uic: '204000004' };
    v.phones = [{ ...emptyPhone(), number: 'abc' }];
    const errors = customerFormErrors(v, toBody(v, { canSeeEgn: true }), t);
    expect(errors.uic).toBe('Невалиден ЕИК: контролната цифра не съвпада.');
    expect(errors['phones.0.number']).toBe('Невалиден телефонен номер.');
    expect(errors.name).toBeUndefined();
  });

  it('says a short ЕИК is short, once; takes one typed with BG and spaces', () => {
    const short = { ...newCustomerValues('company'), name: 'Алфа', uic: '12345' };
    expect(customerFormErrors(short, toBody(short, { canSeeEgn: true }), t).uic).toBe(
      'ЕИК има 9 цифри (13 за клон).',
    );
    const prefixed = { ...newCustomerValues('company'), name: 'Алфа', uic: 'BG 131129282' };
    expect(customerFormErrors(prefixed, toBody(prefixed, { canSeeEgn: true }), t).uic).toBeUndefined();
  });

  it('sends a person’s VAT number (BG + ЕГН) only from those who see the ЕГН, and never a masked one', () => {
    const v = { ...toFormValues(PERSON), vatNumber: 'BG7501020018' };
    expect(toBody(v, { canSeeEgn: true, initial: PERSON }).vatNumber).toBe('BG7501020018');
    expect(JSON.parse(JSON.stringify(toBody(v, { canSeeEgn: false, initial: PERSON })))).not.toHaveProperty(
      'vatNumber',
    );
    expect(toBody({ ...v, wantsInvoices: false }, { canSeeEgn: true, initial: PERSON }).vatNumber).toBeNull();
    const masked = { ...PERSON, egn: '******0018', egnMasked: true, vatNumber: 'BG******0018' };
    expect(toFormValues(masked).vatNumber).toBe('');
  });
});
