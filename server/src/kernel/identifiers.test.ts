import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  egnBirthDate,
  isValidBgVatNumber,
  isValidEgn,
  isValidIban,
  isValidLnch,
  isValidUic,
  maskPersonalId,
  normalizeIban,
} from './identifiers';

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// The sample customers (a copy of ../shared/data kept in the repository for the demo seed).
const customersCsv = new URL('../../seed-data/customers.csv', import.meta.url);

describe('isValidUic (ЕИК/БУЛСТАТ)', () => {
  it('passes the public test vectors of INV-17', () => {
    expect(isValidUic('020469788')).toBe(true);
    expect(isValidUic('1213961230342')).toBe(true);
    expect(isValidUic('123456789')).toBe(false);
  });

  it('rejects a wrong check digit in either part of a 13-digit code', () => {
    expect(isValidUic('1213961230343')).toBe(false);
    expect(isValidUic('1213961240342')).toBe(false);
    expect(isValidUic('020469787')).toBe(false);
  });

  it('uses the fallback weights 3..10 when the first remainder is 10, then 0', () => {
    // Find the first codes whose remainder with weights 1..8 is 10 and derive their check digit by hand.
    const codes: string[] = [];
    for (let n = 0; codes.length < 3 && n < 1_000_000; n++) {
      const body = String(n).padStart(8, '0');
      const d = Array.from(body, Number);
      const r1 = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
      if (r1 !== 10) continue;
      const r2 = d.reduce((s, x, i) => s + x * (i + 3), 0) % 11;
      codes.push(body + (r2 === 10 ? 0 : r2));
    }
    expect(codes).toHaveLength(3);
    for (const code of codes) {
      expect(isValidUic(code), code).toBe(true);
      const wrong = code.slice(0, 8) + ((Number(code[8]) + 1) % 10);
      expect(isValidUic(wrong), wrong).toBe(false);
    }
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const bad of [
      '',
      '02046978',
      '0204697880',
      '02046978a',
      ' 020469788',
      'BG020469788',
      '121396123034',
    ]) {
      expect(isValidUic(bad), bad).toBe(false);
    }
  });

  it('accepts every ЕИК and ИН по ДДС in the sample customers', () => {
    const customers = parseCsv(readFileSync(customersCsv, 'utf8'));
    const uics = customers.map((c) => c.uic ?? '').filter((u) => u !== '');
    expect(uics.length).toBeGreaterThan(0);
    for (const uic of uics) expect(isValidUic(uic), uic).toBe(true);
    for (const vat of customers.map((c) => c.vat_number ?? '').filter((v) => v !== '')) {
      expect(isValidBgVatNumber(vat), vat).toBe(true);
    }
  });
});

describe('isValidEgn', () => {
  it('accepts valid ЕГН of the three centuries', () => {
    expect(isValidEgn('7523169263')).toBe(true); // 1875-03-16
    expect(isValidEgn('8032056031')).toBe(true); // 1880-12-05
    expect(isValidEgn('9602291238')).toBe(true); // 1996-02-29
    expect(isValidEgn('0442291233')).toBe(true); // 2004-02-29
    expect(isValidEgn('0042291239')).toBe(true); // 2000-02-29 (2000 is a leap year)
    expect(isValidEgn('8001010040')).toBe(true); // remainder 10 → check digit 0
  });

  it('rejects a wrong check digit or an impossible date', () => {
    expect(isValidEgn('7523169264')).toBe(false);
    expect(isValidEgn('0002291230')).toBe(false); // 1900-02-29 does not exist
    expect(isValidEgn('7513169265')).toBe(false); // month 13
    expect(isValidEgn('123456789')).toBe(false);
    expect(isValidEgn('752316926a')).toBe(false);
  });

  it('decodes the birth date', () => {
    expect(egnBirthDate('7523169263')).toBe('1875-03-16');
    expect(egnBirthDate('0442291233')).toBe('2004-02-29');
    expect(egnBirthDate('9602291238')).toBe('1996-02-29');
    expect(egnBirthDate('0002291230')).toBeNull();
  });
});

describe('isValidLnch', () => {
  it('checks weights 21,19,17,13,11,9,7,3,1 mod 10', () => {
    expect(isValidLnch('1001000004')).toBe(true);
    expect(isValidLnch('1234567893')).toBe(true);
    expect(isValidLnch('1234567890')).toBe(false);
    expect(isValidLnch('123456789')).toBe(false);
  });
});

describe('isValidBgVatNumber', () => {
  it('accepts BG + valid ЕИК, ЕГН or ЛНЧ', () => {
    expect(isValidBgVatNumber('BG020469788')).toBe(true);
    expect(isValidBgVatNumber('BG7523169263')).toBe(true);
    expect(isValidBgVatNumber('BG1234567893')).toBe(true);
  });

  it('rejects bad check digits, other prefixes, lengths and 13-digit codes', () => {
    for (const bad of [
      'BG123456789',
      'BG020469787',
      '020469788',
      'bg020469788',
      'DE020469788',
      'BG1213961230342',
      'BG 020469788',
      'BG1234567890',
    ]) {
      expect(isValidBgVatNumber(bad), bad).toBe(false);
    }
  });
});

describe('IBAN', () => {
  it('validates with ibantools, ignoring spaces and case', () => {
    expect(isValidIban('BG80BNBG96611020345678')).toBe(true);
    expect(isValidIban('BG80 BNBG 9661 1020 3456 78')).toBe(true);
    expect(isValidIban('bg80bnbg96611020345678')).toBe(true);
    expect(isValidIban('BG80BNBG96611020345679')).toBe(false);
    expect(isValidIban('BG81BNBG96611020345678')).toBe(false);
    expect(isValidIban('')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
  });

  it('normalises to the electronic form', () => {
    expect(normalizeIban(' bg80 bnbg\u00a09661 1020 3456 78 ')).toBe('BG80BNBG96611020345678');
  });
});

describe('maskPersonalId', () => {
  it('keeps only the last four characters', () => {
    expect(maskPersonalId('7523169263')).toBe('******9263');
    expect(maskPersonalId('7501011234')).toBe('******1234');
    expect(maskPersonalId('123')).toBe('***');
    expect(maskPersonalId('')).toBe('');
  });
});
