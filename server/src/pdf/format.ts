/**
 * Text for printed documents: the fixed words of the layout in both languages, and the
 * formatting helpers callers use for table cells, facts and totals. Numbers go through
 * kernel/format.ts, so a PDF shows exactly what the screens show ("1 234,56 €", "1,5",
 * "27.11.2026"), with no-break spaces inside amounts so they never wrap.
 */
import { formatDate, formatMoney, formatQuantity, formatUnitCost, type Locale } from '../kernel/format';

/** The language of a document's fixed words (page x of y, original/copy, requisite labels). */
export type DocumentLanguage = Locale;

export interface LayoutWords {
  number: string;
  page: (current: number, total: number) => string;
  original: string;
  copy: string;
  createdWith: string;
  uic: string;
  vatNumber: string;
  personalId: string;
  mol: string;
  phone: string;
  email: string;
  iban: string;
  bic: string;
  bank: string;
}

const WORDS: Record<DocumentLanguage, LayoutWords> = {
  bg: {
    number: '№',
    page: (current, total) => `Страница ${current} от ${total}`,
    original: 'ОРИГИНАЛ',
    copy: 'КОПИЕ',
    createdWith: 'Създадено със Servix',
    uic: 'ЕИК',
    vatNumber: 'ИН по ДДС',
    personalId: 'ЕГН/ЛНЧ',
    mol: 'МОЛ',
    phone: 'Тел.',
    email: 'E-mail',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Банка',
  },
  en: {
    number: 'No.',
    page: (current, total) => `Page ${current} of ${total}`,
    original: 'ORIGINAL',
    copy: 'COPY',
    createdWith: 'Created with Servix',
    uic: 'UIC',
    vatNumber: 'VAT No.',
    personalId: 'Personal ID',
    mol: 'Accountable person',
    phone: 'Phone',
    email: 'E-mail',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Bank',
  },
};

/** The fixed words of the layout in a language. */
export function layoutWords(language: DocumentLanguage): LayoutWords {
  return WORDS[language];
}

/** Formatting for the cells, facts and totals of one document, bound to its language. */
export interface DocumentFormat {
  /** Cents as an amount: bg "1 234,56 €"; currency "BGN" for documents dated before 2026 (D2): "12,00 лв.". */
  money(cents: number, currency?: string): string;
  /** A line's unit cost as its value divides into its quantity, up to 4 decimals ("3,9569 €"); see formatUnitCost. */
  unitCost(valueCents: number, quantityMilli: number, currency?: string): string;
  /** Thousandths as a quantity without trailing zeros: 1500 → "1,5"; with a unit: "1,5 м". */
  quantity(thousandths: number, unit?: string | null): string;
  /** 'YYYY-MM-DD' → bg "27.11.2026", en "27/11/2026". */
  date(isoDate: string): string;
  /** Basis points as a percentage: 2000 → bg "20 %", en "20%"; 950 → "9,5 %". */
  percent(basisPoints: number): string;
  /** A reference to another document: "№ 123 / 01.11.2026" (either part may be missing). */
  documentRef(number: string | null | undefined, isoDate?: string | null): string;
}

/** The formatting helpers of a document language. */
export function documentFormat(language: DocumentLanguage): DocumentFormat {
  const words = WORDS[language];
  return {
    money: (cents, currency = 'EUR') => formatMoney(cents, language, currency),
    unitCost: (valueCents, quantityMilli, currency = 'EUR') =>
      formatUnitCost(valueCents, quantityMilli, language, currency) ?? '',
    quantity: (thousandths, unit) => {
      const q = formatQuantity(thousandths, language);
      return unit ? `${q}\u00a0${unit}` : q;
    },
    date: (isoDate) => formatDate(isoDate, language),
    percent: (basisPoints) => {
      // Basis points are hundredths of a percent, i.e. ten times a quantity's thousandths.
      const value = formatQuantity(basisPoints * 10, language);
      return language === 'bg' ? `${value}\u00a0%` : `${value}%`;
    },
    documentRef: (number, isoDate) =>
      [number ? `${words.number}\u00a0${number}` : null, isoDate ? formatDate(isoDate, language) : null]
        .filter((part) => part !== null)
        .join(' / '),
  };
}

/** An IBAN in the printed form: groups of four ("BG80 BNBG 9661 1020 3456 78"). */
export function printedIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

export interface AddressParts {
  postcode?: string | null;
  city?: string | null;
  address?: string | null;
  /** ISO 3166 alpha-2; printed only when not Bulgaria. */
  country?: string | null;
}

/** One address line as Bulgarian documents print it: "София 1202, бул. „Витоша“ 15". */
export function printedAddress(parts: AddressParts): string {
  const place = [parts.city, parts.postcode].filter((p) => p?.trim()).join(' ');
  const country = parts.country && parts.country.toUpperCase() !== 'BG' ? parts.country.toUpperCase() : null;
  return [place, parts.address?.trim(), country].filter((p) => p).join(', ');
}

/** A labelled requisite ("ЕИК" + "206417593"); the layout prints the label muted. */
export interface Requisite {
  label: string;
  value: string;
}

export interface RequisiteParts {
  uic?: string | null;
  vatNumber?: string | null;
  personalId?: string | null;
  mol?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The identifying requisites of a company or person, labelled in the document language, empty ones left out. */
export function requisites(language: DocumentLanguage, parts: RequisiteParts): Requisite[] {
  const words = WORDS[language];
  const all: [string, string | null | undefined][] = [
    [words.uic, parts.uic],
    [words.vatNumber, parts.vatNumber],
    [words.personalId, parts.personalId],
    [words.mol, parts.mol],
    [words.phone, parts.phone],
    [words.email, parts.email],
  ];
  return all
    .filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()))
    .map(([label, value]) => ({ label, value: value.trim() }));
}
