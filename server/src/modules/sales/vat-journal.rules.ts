/**
 * The VAT sales journal's pure rules (дневник за продажбите, issue 13 item 9; ADR 21): which NAP document type a
 * document is and with which sign its amounts count, which journal column a line's tax base goes to, and one record
 * of the fixed-width file PRODAGBI.TXT that NAP's VAT return software imports. Values in, values out.
 */
import { cents, toDecimalString } from '../../kernel/money';
import { computeVat } from '../../kernel/vat';

/** A sales document as the other slices will store it: the credit and debit notes add the `kind` column. */
export type SalesDocumentKind = 'invoice' | 'credit_note' | 'debit_note';

/**
 * The document's NAP type code (field 02-04: 01 фактура, 02 дебитно известие, 03 кредитно известие) and the sign
 * its amounts take in the journal: a credit note lowers the base and the VAT, so its amounts are written negative.
 */
export function napDocument(kind: SalesDocumentKind = 'invoice'): {
  docType: '01' | '02' | '03';
  sign: 1 | -1;
} {
  switch (kind) {
    case 'invoice':
      return { docType: '01', sign: 1 };
    case 'debit_note':
      return { docType: '02', sign: 1 };
    case 'credit_note':
      return { docType: '03', sign: -1 };
  }
}

/** The amount columns of the journal a Servix sale can fill, each named by its NAP field (кл. of the journal). */
export interface JournalCells {
  /** 02-10: the total of the tax bases (02-11 + 02-13 + 02-14 + 02-15 + 02-16 + 02-17 + 02-19, as filled here). */
  totalBaseCents: number;
  /** 02-20: the total VAT charged (02-21 + 02-24). */
  totalVatCents: number;
  /** 02-11 / 02-21: base and VAT at 20 %. */
  base20Cents: number;
  vat20Cents: number;
  /** 02-13 / 02-24: base and VAT at 9 %. */
  base9Cents: number;
  vat9Cents: number;
  /** 02-14: 0 % under chapter three of the VAT act (export, чл. 28–30, and the rest of chapter three). */
  base0Cents: number;
  /** 02-15: 0 % intra-community supply of goods (ВОД, чл. 7). */
  base0IntraEuCents: number;
  /** 02-16: 0 % under чл. 140, чл. 146, ал. 1 and чл. 173. */
  base0SpecialCents: number;
  /** 02-17: services under чл. 21, ал. 2 supplied in another member state. */
  baseServicesEuCents: number;
  /** 02-19: exempt supplies (освободени доставки). */
  baseExemptCents: number;
}

export const CELL_KEYS = [
  'totalBaseCents',
  'totalVatCents',
  'base20Cents',
  'vat20Cents',
  'base9Cents',
  'vat9Cents',
  'base0Cents',
  'base0IntraEuCents',
  'base0SpecialCents',
  'baseServicesEuCents',
  'baseExemptCents',
] as const satisfies readonly (keyof JournalCells)[];

export const zeroCells = (): JournalCells =>
  Object.fromEntries(CELL_KEYS.map((k) => [k, 0])) as unknown as JournalCells;

export function addCells(a: JournalCells, b: JournalCells): JournalCells {
  return Object.fromEntries(CELL_KEYS.map((k) => [k, a[k] + b[k]])) as unknown as JournalCells;
}

/** A line of a document as the journal needs it: its base, rate, exemption and legal ground. */
export interface JournalLine {
  netCents: number;
  vatRateBp: number;
  vatExempt: boolean;
  vatReason: string | null;
}

type ZeroColumn = 'base0Cents' | 'base0IntraEuCents' | 'base0SpecialCents' | 'baseServicesEuCents';

/**
 * The column of a 0 % line, read from its legal ground (INV-09): чл. 7 or чл. 53 → ВОД (02-15); чл. 140, 146 or 173 →
 * 02-16; чл. 21 → services in another member state (02-17); anything else → chapter three (02-14).
 */
export function zeroRateColumn(reason: string | null): ZeroColumn {
  const r = (reason ?? '').toLowerCase().replace(/\s+/g, ' ');
  const article = /чл\. ?(\d+)/.exec(r)?.[1];
  if (article === '7' || article === '53') return 'base0IntraEuCents';
  if (article === '140' || article === '146' || article === '173') return 'base0SpecialCents';
  if (article === '21') return 'baseServicesEuCents';
  return 'base0Cents';
}

/**
 * A document's journal cells: VAT per rate on the summed base (INV-14, as the invoice printed it), the 0 % and
 * exempt bases by their ground, all times the kind's sign. A cancelled document (анулиран) stays in the journal
 * with every amount zero (ППЗДДС, приложение № 12 към чл. 113, ал. 4).
 */
export function documentCells(
  lines: readonly JournalLine[],
  opts: { kind?: SalesDocumentKind; cancelled?: boolean } = {},
): JournalCells {
  const cells = zeroCells();
  if (opts.cancelled) return cells;
  const { sign } = napDocument(opts.kind);
  const vat = computeVat(
    lines.filter((l) => !l.vatExempt && l.vatRateBp > 0),
    { vatRegistered: true },
  );
  for (const r of vat.byRate) {
    if (r.vatRateBp === 2000) {
      cells.base20Cents += r.baseCents;
      cells.vat20Cents += r.vatCents;
    } else if (r.vatRateBp === 900) {
      cells.base9Cents += r.baseCents;
      cells.vat9Cents += r.vatCents;
    } else {
      throw new Error(`No journal column for the VAT rate ${r.vatRateBp} bp`);
    }
  }
  for (const l of lines) {
    if (l.vatExempt) cells.baseExemptCents += l.netCents;
    else if (l.vatRateBp === 0) cells[zeroRateColumn(l.vatReason)] += l.netCents;
  }
  cells.totalBaseCents =
    cells.base20Cents +
    cells.base9Cents +
    cells.base0Cents +
    cells.base0IntraEuCents +
    cells.base0SpecialCents +
    cells.baseServicesEuCents +
    cells.baseExemptCents;
  cells.totalVatCents = cells.vat20Cents + cells.vat9Cents;
  if (sign === -1) for (const k of CELL_KEYS) cells[k] = cells[k] === 0 ? 0 : -cells[k];
  return cells;
}

/** One record of PRODAGBI.TXT, before encoding to windows-1251. */
export interface NapRecord {
  /** 02-00: the company's VAT number (ИН по ЗДДС). */
  vatNumber: string;
  /** 02-01: the tax period, YYYYMM. */
  period: string;
  /** 02-03: the record's running number in the journal, from 1. */
  seq: number;
  /** 02-04. */
  docType: string;
  /** 02-05. */
  number: string;
  /** 02-06: the issue date, YYYY-MM-DD (written dd/mm/yyyy). */
  documentDate: string;
  /** 02-07: the recipient's identification number. */
  recipientId: string;
  /** 02-08. */
  recipientName: string;
  /** 02-09: the kind of goods or scope of the service. */
  description: string;
  cells: JournalCells;
}

/** Width of one PRODAGBI.TXT record without its CR LF: fields 02-00 … 02-27 (ADR 21). */
export const NAP_RECORD_WIDTH = 424;

const text = (s: string, width: number) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, width)
    .padEnd(width, ' ');
const right = (s: string, width: number) => {
  if (s.length > width) throw new Error(`"${s}" is wider than ${width}`);
  return s.padStart(width, ' ');
};
const amount = (c: number) => right(toDecimalString(cents(c)), 15);

/**
 * The fixed-width record of one document, in the field order of NAP's layout (ADR 21): text left-aligned and
 * space-padded (cut at its width), numbers right-aligned, amounts with two decimals and a dot, a minus when
 * negative; the fields Servix never fills (ВОП, чл. 82, лични нужди, чл. 69, тристранни) are zeros, 02-27 blank.
 */
export function napRecord(r: NapRecord): string {
  const [y, m, d] = r.documentDate.split('-');
  const c = r.cells;
  const line = [
    text(r.vatNumber, 15), // 02-00
    text(r.period, 6), // 02-01
    right('0', 4), // 02-02 branch: 0, the head office
    right(String(r.seq), 15), // 02-03
    text(r.docType, 2), // 02-04
    text(r.number, 20), // 02-05
    text(`${d}/${m}/${y}`, 10), // 02-06
    text(r.recipientId, 15), // 02-07
    text(r.recipientName, 50), // 02-08
    text(r.description, 30), // 02-09
    amount(c.totalBaseCents), // 02-10
    amount(c.totalVatCents), // 02-20
    amount(c.base20Cents), // 02-11
    amount(c.vat20Cents), // 02-21
    amount(0), // 02-12 ВОП
    amount(0), // 02-26 чл. 82, ал. 2–5
    amount(0), // 02-22 VAT on ВОП and чл. 82
    amount(0), // 02-23 VAT on supplies for private use
    amount(c.base9Cents), // 02-13
    amount(c.vat9Cents), // 02-24
    amount(c.base0Cents), // 02-14
    amount(c.base0IntraEuCents), // 02-15
    amount(c.base0SpecialCents), // 02-16
    amount(c.baseServicesEuCents), // 02-17
    amount(0), // 02-18 чл. 69, ал. 2
    amount(c.baseExemptCents), // 02-19
    amount(0), // 02-25 intermediary in a triangular operation
    text('', 2), // 02-27 чл. 163а / 167а code
  ].join('');
  if (line.length !== NAP_RECORD_WIDTH) throw new Error(`A PRODAGBI record of ${line.length} characters`);
  return line;
}
