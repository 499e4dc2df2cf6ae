import { describe, expect, it } from 'vitest';
import { likePattern } from '../../kernel/search-text';
import { partySearchText, phoneNeedle, phoneSearchVariants, siteSearchText, sortKey } from './parties.search';

/** What matchesSearch does in SQL, in JS: the folded needle is a substring of search_text. */
function finds(searchText: string, needle: string): boolean {
  const pattern = likePattern(needle).slice(1, -1).replace(/\\(.)/g, '$1');
  const digits = phoneNeedle(needle);
  return searchText.includes(pattern) || (digits !== null && searchText.includes(digits));
}

describe('phone search variants', () => {
  it('an E.164 number is also stored as digits and in the national form', () => {
    expect(phoneSearchVariants('+359888412635')).toEqual(['359888412635', '0888412635']);
    expect(phoneSearchVariants('+359 2 481 2290')).toEqual(['35924812290', '024812290']);
  });

  it('a national number also gets the international digits; 00 is dropped', () => {
    expect(phoneSearchVariants('0888 412 635')).toEqual(['0888412635', '359888412635']);
    expect(phoneSearchVariants('00359888412635')).toEqual(['00359888412635', '359888412635', '0888412635']);
    expect(phoneSearchVariants('—')).toEqual([]);
  });

  it('a needle of digits and phone punctuation becomes its digits; anything else is not a phone', () => {
    expect(phoneNeedle('0888 412 635')).toBe('0888412635');
    expect(phoneNeedle('+359 888-412-635')).toBe('359888412635');
    expect(phoneNeedle('(0888) 412/635')).toBe('0888412635');
    expect(phoneNeedle('00359888412635')).toBe('359888412635');
    expect(phoneNeedle('88')).toBeNull();
    expect(phoneNeedle('Иван 0888')).toBeNull();
    expect(phoneNeedle('BG203395636')).toBeNull();
  });

  it('every usual spelling of a phone number finds the customer', () => {
    const text = partySearchText({
      name: 'Георги Иванов Петров',
      phones: ['+359888412635'],
      emails: [],
      contacts: [],
    });
    for (const needle of [
      '0888 412 635',
      '+359888412635',
      '888412635',
      '+359 888 412 635',
      '00359888412635',
      '0888-412-635',
    ])
      expect(finds(text, needle), needle).toBe(true);
    expect(finds(text, '0888 412 636')).toBe(false);
  });
});

describe('party and site search text', () => {
  const text = partySearchText({
    name: 'Хотел „Морска звезда“ ЕООД',
    uic: '203395636',
    vatNumber: 'BG203395636',
    mol: 'Даниела Костова',
    phones: ['+35952612744'],
    emails: ['Reception@Morska-Zvezda.example'],
    contacts: [{ name: 'Никола Данев', phone: '+359876901455', email: 'n.danev@example.com' }],
  });

  it('holds name, ЕИК, VAT number, МОЛ, phones, e-mails and contacts, Cyrillic names also in Latin', () => {
    for (const needle of [
      'морска',
      'МОРСКА ЗВЕЗДА',
      'morska zvezda',
      '203395636',
      'bg203395636',
      'даниела',
      'reception@morska',
      'данев',
      'danev',
      '0876 901 455',
      '052 612 744',
    ])
      expect(finds(text, needle), needle).toBe(true);
  });

  it('a site is found by its name, city, address, contact and phone', () => {
    const site = siteSearchText({
      name: 'Котелно помещение',
      city: 'Варна',
      address: 'к.к. „Златни пясъци“',
      contactPerson: 'Никола Данев',
      contactPhone: '+359876901455',
    });
    for (const needle of ['котелно', 'kotelno', 'варна', 'златни', 'данев', '0876901455'])
      expect(finds(site, needle)).toBe(true);
  });

  it('names sort without their quotes and case', () => {
    expect(sortKey('„Ханът на бай Ганьо“ ООД')).toBe('ханът на бай ганьо оод');
    expect(sortKey('Ресторант "Старият дъб" ООД')).toBe('ресторант старият дъб оод');
    expect(sortKey('ивелина ДОНЧЕВА')).toBe('ивелина дончева');
  });
});
