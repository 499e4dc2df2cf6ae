/**
 * The one layout of every Servix document (stock documents, invoices, quotes, service orders,
 * warranty protocols): a declarative `PrintedDocument` rendered to an A4 PDF by pdfmake.
 *
 * Page 1 starts with the company's requisites and logo, then the centred title with number and
 * date, the counterpart boxes, and the body blocks in the caller's order (facts, tables, totals,
 * texts), then the signature lines. Every page has a footer with the page count, the document
 * number and "Създадено със Servix". Callers supply all document texts in the document's
 * language; the layout adds only its fixed words (page x of y, original/copy, requisite labels).
 */
import type {
  Alignment,
  Column,
  Content,
  ContextPageSize,
  CustomTableLayout,
  Node,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { PDF_FONT, pdfEngine } from './fonts';
import {
  type DocumentLanguage,
  documentFormat,
  layoutWords,
  printedAddress,
  printedIban,
  type Requisite,
} from './format';
import { renderInPool } from './render-pool';

/** The issuing company as printed in the header (INV-03, STK-01). */
export interface PrintedCompany {
  legalName: string;
  /** ЕИК / БУЛСТАТ. */
  uic?: string | null;
  /** ИН по ДДС: only when the company is VAT-registered on the document date (see `printedCompany`). */
  vatNumber?: string | null;
  /** One address line, e.g. from `printedAddress`. */
  address?: string | null;
  mol?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  /** The default bank account. */
  bankAccount?: { iban: string; bic?: string | null; bankName?: string | null } | null;
  /** A base64 data URL of a PNG or JPEG. Anything else, or an image that cannot be read, is left out. */
  logoDataUrl?: string | null;
}

/** The company fields `printedCompany` reads: structurally the company module's `CompanySettings`. */
export interface CompanyForPrint {
  legalName: string;
  uic: string | null;
  vatNumber: string | null;
  vatRegistered: boolean;
  vatRegisteredFrom: string | null;
  country: string;
  city: string | null;
  address: string | null;
  postcode: string | null;
  mol: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  bankAccounts: { iban: string; bic: string | null; bankName: string | null; isDefault: boolean }[];
}

/**
 * The header requisites of the company for a document dated `date`: ИН по ДДС only when the company is
 * VAT-registered on that date, the default bank account (else the first one).
 */
export function printedCompany(
  company: CompanyForPrint,
  options: { date: string; logoDataUrl?: string | null },
): PrintedCompany {
  const registered =
    company.vatRegistered &&
    (company.vatRegisteredFrom === null || company.vatRegisteredFrom <= options.date);
  const account = company.bankAccounts.find((a) => a.isDefault) ?? company.bankAccounts[0];
  return {
    legalName: company.legalName,
    uic: company.uic,
    vatNumber: registered ? company.vatNumber : null,
    address: printedAddress(company) || null,
    mol: company.mol,
    phone: company.phone,
    email: company.email,
    website: company.website,
    bankAccount: account ? { iban: account.iban, bic: account.bic, bankName: account.bankName } : null,
    logoDataUrl: options.logoDataUrl ?? null,
  };
}

/** A counterpart box: "Доставчик", "Получател", "От склад", "Към склад"... */
export interface PrintedParty {
  label: string;
  name: string;
  /** Address and requisites lines; a `Requisite` prints as "label: value" with a muted label. */
  lines?: (string | Requisite | null | undefined)[];
}

/** A label/value row: "Доставчик документ: Фактура № 123 / 01.11.2026", "Основание: ...". */
export interface PrintedFact {
  label: string;
  value: string;
}

export type CellAlign = 'left' | 'center' | 'right';

/** A table cell: plain text, or text with emphasis. */
export type PrintedCell = string | { text: string; bold?: boolean; italics?: boolean };

/** Millimetres, or pdfmake's '*' (share the rest) / 'auto' (fit the content). */
export type ColumnWidth = number | '*' | 'auto';

export interface TableColumnHead {
  header: string;
  /** Default 'auto'. */
  width?: ColumnWidth;
  /** Default 'left'; use 'right' for numbers and amounts. */
  align?: CellAlign;
}

/** A column of `tableBlock`: its head plus how a row of T prints in it (index is 0-based). */
export interface TableColumn<T> extends TableColumnHead {
  value: (row: T, index: number) => PrintedCell;
}

export interface FactsBlock {
  kind: 'facts';
  rows: PrintedFact[];
}

export interface TableBlock {
  kind: 'table';
  columns: TableColumnHead[];
  rows: PrintedCell[][];
}

/** Right-aligned label/value pairs; the last one is the grand total and prints bold. */
export interface TotalsBlock {
  kind: 'totals';
  rows: PrintedFact[];
}

/** A paragraph (line breaks kept), with an optional heading: notes, reported defect, legal ground... */
export interface TextBlock {
  kind: 'text';
  heading?: string;
  text: string;
}

export type DocumentBlock = FactsBlock | TableBlock | TotalsBlock | TextBlock;

/** A signature line: "Предал: ................" with the printed name under it. */
export interface PrintedSignature {
  label: string;
  name?: string | null;
  /**
   * A signature drawn on a screen, printed on the line: a base64 data URL of a PNG or JPEG (anything else is left
   * out, the line stays empty to sign by hand).
   */
  image?: string | null;
  /** A small line under the name: when it was signed. */
  note?: string | null;
}

export interface PrintedDocument {
  /** Language of the layout's fixed words; the caller's texts should be in the same language. */
  language: DocumentLanguage;
  company: PrintedCompany;
  /** The document name as printed, e.g. "СКЛАДОВА РАЗПИСКА". */
  title: string;
  /** The document number as printed, e.g. "0000000012" (kernel/numbering formatDocumentNumber). */
  number: string;
  /** Document date 'YYYY-MM-DD'. */
  date: string;
  subtitle?: string | null;
  /** Prints a boxed "ОРИГИНАЛ" / "КОПИЕ" next to the title. */
  copyMark?: 'original' | 'copy' | null;
  /** Optional QR code beside the title (e.g. the public status page of a service order). */
  qrCode?: { value: string; caption?: string | null } | null;
  parties?: PrintedParty[];
  body: DocumentBlock[];
  signatures?: PrintedSignature[];
  /** Signatures per row; default: all in one row, at most 3. */
  signaturesPerRow?: number;
}

/** Builds a table block from typed rows, like `sendCsv` columns. */
export function tableBlock<T>(columns: TableColumn<T>[], rows: readonly T[]): TableBlock {
  return {
    kind: 'table',
    columns: columns.map(({ header, width, align }) => ({ header, width, align })),
    rows: rows.map((row, index) => columns.map((column) => column.value(row, index))),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout constants (points; 1 mm = 72 / 25.4 pt).

const MM = 72 / 25.4;
const PAGE_MARGIN = 15 * MM;
const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - 2 * PAGE_MARGIN;

const COLOR = {
  text: '#1b1f24',
  muted: '#5c6670',
  rule: '#8a949e',
  border: '#b4bcc4',
  headerFill: '#e3e8ee',
  zebraFill: '#f1f4f7',
  boxLabel: '#46505a',
} as const;

const FONT_SIZE = {
  base: 9,
  small: 7.5,
  table: 8.5,
  companyName: 12,
  title: 15,
} as const;

const LOGO_BOX: [number, number] = [50 * MM, 22 * MM];
const TITLE_SIDE_WIDTH = 32 * MM;
const BLOCK_GAP = 10;

/** Thin grey grid with a filled header row and zebra body rows. */
const LINES_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLOR.border,
  vLineColor: () => COLOR.border,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
  fillColor: (rowIndex) => {
    if (rowIndex === 0) return COLOR.headerFill;
    return rowIndex % 2 === 0 ? COLOR.zebraFill : null;
  },
};

const BORDERLESS_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 8,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

const BOX_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLOR.border,
  vLineColor: () => COLOR.border,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 5,
};

const TOTALS_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => {
    const rows = node.table.body.length;
    if (i === rows - 1) return 1;
    return i === rows ? 0.5 : 0;
  },
  vLineWidth: () => 0,
  hLineColor: () => COLOR.rule,
  paddingLeft: () => 6,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const SIGNATURE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

// ---------------------------------------------------------------------------------------------
// Header: logo and company requisites.

/**
 * The logo as pdfmake content, or null when it is missing or not a PNG or JPEG. Logos are raster only: an SVG
 * (from before uploads were re-encoded) is left out, never parsed.
 */
function logoContent(dataUrl: string | null | undefined): Content | null {
  const match = dataUrl ? /^data:(image\/(?:png|jpeg));base64,(.*)$/s.exec(dataUrl.trim()) : null;
  if (!match) return null;
  const [, mime, payload = ''] = match;
  const bytes = Buffer.from(payload.slice(0, 16), 'base64');
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) return null;
  return { image: `data:${mime};base64,${payload}`, fit: LOGO_BOX };
}

/** "label: value" pieces joined on one line with a middle dot, labels muted. */
function requisiteLine(items: (Requisite | string | null | undefined)[]): Content | null {
  const present = items.filter((item): item is Requisite | string =>
    typeof item === 'string' ? item.trim() !== '' : Boolean(item?.value?.trim()),
  );
  if (present.length === 0) return null;
  const parts: Content[] = [];
  present.forEach((item, i) => {
    if (i > 0) parts.push({ text: '  ·  ', color: COLOR.border });
    if (typeof item === 'string') parts.push(item);
    else parts.push({ text: `${item.label}: `, color: COLOR.muted }, item.value);
  });
  return { text: parts };
}

function companyBlock(doc: PrintedDocument): Content {
  const words = layoutWords(doc.language);
  const c = doc.company;
  const account = c.bankAccount;
  const lines = [
    requisiteLine([
      c.uic ? { label: words.uic, value: c.uic } : null,
      c.vatNumber ? { label: words.vatNumber, value: c.vatNumber } : null,
    ]),
    requisiteLine([c.address]),
    requisiteLine([c.mol ? { label: words.mol, value: c.mol } : null]),
    requisiteLine([
      c.phone ? { label: words.phone, value: c.phone } : null,
      c.email ? { label: words.email, value: c.email } : null,
      c.website?.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    ]),
    account
      ? requisiteLine([
          { label: words.iban, value: printedIban(account.iban) },
          account.bic ? { label: words.bic, value: account.bic } : null,
          account.bankName ? { label: words.bank, value: account.bankName } : null,
        ])
      : null,
  ].filter((line): line is Content => line !== null);

  const logo = logoContent(c.logoDataUrl);
  const requisitesStack: Column = {
    width: '*',
    alignment: logo ? 'right' : 'left',
    stack: [
      { text: c.legalName, bold: true, fontSize: FONT_SIZE.companyName, margin: [0, 0, 0, 2] },
      { stack: lines, fontSize: 8, lineHeight: 1.2 },
    ],
  };
  return {
    stack: [
      logo
        ? { columns: [{ width: 'auto', stack: [logo] }, requisitesStack], columnGap: 12 }
        : { columns: [requisitesStack] },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: COLOR.rule },
        ],
        margin: [0, 8, 0, 0],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Title: name, number, date, subtitle, original/copy mark, QR code.

function titleBlock(doc: PrintedDocument): Content {
  const words = layoutWords(doc.language);
  const fmt = documentFormat(doc.language);
  const centre: Content[] = [
    { text: doc.title, bold: true, fontSize: FONT_SIZE.title, characterSpacing: 0.6 },
    {
      // A report without a number of its own (a cash desk's day) prints only its date.
      text: doc.number
        ? [
            { text: `${words.number}\u00a0${doc.number}`, bold: true },
            { text: '  /  ', color: COLOR.muted },
            fmt.date(doc.date),
          ]
        : [fmt.date(doc.date)],
      fontSize: 10.5,
      margin: [0, 3, 0, 0],
    },
  ];
  if (doc.subtitle) centre.push({ text: doc.subtitle, color: COLOR.muted, margin: [0, 2, 0, 0] });

  const right: Content[] = [];
  if (doc.copyMark) {
    right.push({
      columns: [
        { width: '*', text: '' },
        {
          width: 'auto',
          table: {
            body: [
              [
                {
                  text: doc.copyMark === 'original' ? words.original : words.copy,
                  bold: true,
                  fontSize: 8.5,
                  characterSpacing: 0.5,
                  margin: [4, 0, 4, 0],
                },
              ],
            ],
          },
          layout: { ...BOX_LAYOUT, hLineColor: () => COLOR.text, vLineColor: () => COLOR.text },
        },
      ],
    });
  }
  const left: Content[] = [];
  if (doc.qrCode) {
    left.push({ qr: doc.qrCode.value, fit: 62, eccLevel: 'M', margin: [0, 0, 0, 1] });
    if (doc.qrCode.caption) left.push({ text: doc.qrCode.caption, fontSize: 6.5, color: COLOR.muted });
  }
  return {
    columns: [
      { width: TITLE_SIDE_WIDTH, stack: left },
      { width: '*', stack: centre, alignment: 'center' },
      { width: TITLE_SIDE_WIDTH, stack: right },
    ],
    margin: [0, 14, 0, 12],
  };
}

// ---------------------------------------------------------------------------------------------
// Counterparts.

function partyCell(party: PrintedParty): TableCell {
  const lines = (party.lines ?? [])
    .map((line) => requisiteLine([line]))
    .filter((line): line is Content => line !== null);
  return {
    border: [true, true, true, true],
    stack: [
      {
        text: party.label.toLocaleUpperCase(),
        fontSize: 7,
        bold: true,
        color: COLOR.boxLabel,
        characterSpacing: 0.5,
      },
      { text: party.name, bold: true, fontSize: 10, margin: [0, 2, 0, 2] },
      { stack: lines, fontSize: 8, lineHeight: 1.15 },
    ],
  };
}

const PARTY_GAP = 10;

/** Counterpart boxes side by side (2 per row, 3 when there are exactly 3), boxes of a row equally tall. */
function partiesBlock(parties: PrintedParty[]): Content {
  const perRow = parties.length === 3 ? 3 : 2;
  const gap: TableCell = { text: '', fontSize: 4, border: [false, false, false, false] };
  const body: TableCell[][] = [];
  for (let i = 0; i < parties.length; i += perRow) {
    if (i > 0) body.push(Array.from({ length: perRow * 2 - 1 }, () => ({ ...gap })));
    const row: TableCell[] = [];
    for (let k = 0; k < perRow; k++) {
      const party = parties[i + k];
      if (k > 0) row.push({ ...gap });
      row.push(party ? partyCell(party) : { ...gap });
    }
    body.push(row);
  }
  const widths = Array.from({ length: perRow * 2 - 1 }, (_, k) => (k % 2 === 0 ? '*' : PARTY_GAP));
  return {
    table: { widths, body, dontBreakRows: true },
    layout: {
      ...BOX_LAYOUT,
      // The gap columns and rows have no padding, so PARTY_GAP is the visible distance between boxes.
      paddingLeft: (i) => (i % 2 === 1 ? 0 : 6),
      paddingRight: (i) => (i % 2 === 1 ? 0 : 6),
      paddingTop: (i) => (i % 2 === 1 ? 0 : 4),
      paddingBottom: (i) => (i % 2 === 1 ? 0 : 5),
    },
    margin: [0, 0, 0, BLOCK_GAP],
  };
}

// ---------------------------------------------------------------------------------------------
// Body blocks.

function cellContent(cell: PrintedCell): { text: string; bold?: boolean; italics?: boolean } {
  return typeof cell === 'string' ? { text: cell } : { ...cell };
}

function pdfWidth(width: ColumnWidth | undefined): number | 'auto' | '*' {
  if (width === undefined) return 'auto';
  return typeof width === 'number' ? width * MM : width;
}

function factsContent(block: FactsBlock): Content {
  if (block.rows.length === 0) return { text: '' };
  return {
    table: {
      widths: ['auto', '*'],
      body: block.rows.map((row) => [{ text: `${row.label}:`, color: COLOR.muted }, { text: row.value }]),
    },
    layout: BORDERLESS_LAYOUT,
  };
}

function tableContent(block: TableBlock): Content {
  const count = block.columns.length;
  const header: TableCell[] = block.columns.map((column) => ({
    text: column.header,
    bold: true,
    fontSize: 7.5,
    color: COLOR.boxLabel,
    alignment: (column.align ?? 'left') as Alignment,
    verticalAlignment: 'middle',
  }));
  const body: TableCell[][] = block.rows.map((row, r) => {
    if (row.length !== count) {
      throw new RangeError(`Table row ${r + 1} has ${row.length} cells, expected ${count}`);
    }
    return row.map((cell, c) => ({
      ...cellContent(cell),
      alignment: (block.columns[c]?.align ?? 'left') as Alignment,
    }));
  });
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: block.columns.map((column) => pdfWidth(column.width)),
      body: [header, ...body],
    },
    layout: LINES_TABLE_LAYOUT,
    fontSize: FONT_SIZE.table,
  };
}

function totalsContent(block: TotalsBlock): Content {
  if (block.rows.length === 0) return { text: '' };
  const last = block.rows.length - 1;
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          widths: ['auto', 32 * MM],
          body: block.rows.map((row, i) => [
            {
              text: `${row.label}:`,
              alignment: 'right',
              color: i === last ? COLOR.text : COLOR.muted,
              bold: i === last,
              fontSize: i === last ? 10 : FONT_SIZE.base,
            },
            {
              text: row.value,
              alignment: 'right',
              bold: i === last,
              fontSize: i === last ? 10 : FONT_SIZE.base,
            },
          ]),
        },
        layout: TOTALS_LAYOUT,
      },
    ],
    unbreakable: true,
  };
}

function textContent(block: TextBlock): Content {
  const paragraph: Content = { text: block.text, lineHeight: 1.2 };
  if (!block.heading) return paragraph;
  return {
    stack: [{ text: block.heading, bold: true, margin: [0, 0, 0, 2], headlineLevel: 1 }, paragraph],
  };
}

function blockContent(block: DocumentBlock): Content {
  switch (block.kind) {
    case 'facts':
      return factsContent(block);
    case 'table':
      return tableContent(block);
    case 'totals':
      return totalsContent(block);
    case 'text':
      return textContent(block);
  }
}

// ---------------------------------------------------------------------------------------------
// Signatures and footer.

const SIGNATURE_IMAGE_BOX: [number, number] = [60 * MM, 17 * MM];

/** A drawn signature's data URL when it is a PNG or JPEG (checked as the logo is), else null. */
function signatureImage(dataUrl: string | null | undefined): string | null {
  const content = logoContent(dataUrl);
  return content && typeof content === 'object' && 'image' in content ? String(content.image) : null;
}

/** One signature line; `drawnRow` when a signature of the row is drawn: every line then sits as low as the image's. */
function signatureCell(signature: PrintedSignature, drawnRow = false): Content {
  const image = signatureImage(signature.image);
  return {
    table: {
      widths: ['auto', '*'],
      heights: drawnRow ? [SIGNATURE_IMAGE_BOX[1], 'auto', 'auto'] : undefined,
      body: [
        [
          {
            text: `${signature.label}:`,
            margin: [0, 0, 4, 0],
            verticalAlignment: drawnRow ? 'bottom' : undefined,
          },
          image
            ? {
                image,
                fit: SIGNATURE_IMAGE_BOX,
                alignment: 'center',
                verticalAlignment: 'bottom',
                border: [false, false, false, true],
              }
            : { text: ' ', border: [false, false, false, true] },
        ],
        [
          { text: '' },
          {
            text: signature.name ? `/ ${signature.name} /` : ' ',
            alignment: 'center',
            fontSize: FONT_SIZE.small,
            color: COLOR.muted,
            margin: [0, 2, 0, 0],
          },
        ],
        ...(signature.note
          ? [
              [
                { text: '' },
                {
                  text: signature.note,
                  alignment: 'center' as const,
                  fontSize: FONT_SIZE.small,
                  color: COLOR.muted,
                },
              ],
            ]
          : []),
      ],
    },
    layout: {
      ...SIGNATURE_LAYOUT,
      hLineWidth: (i) => (i === 1 ? 0.6 : 0),
      hLineColor: () => COLOR.text,
    },
  };
}

function signaturesBlock(signatures: PrintedSignature[], perRowSetting: number | undefined): Content {
  const perRow = Math.max(1, Math.min(perRowSetting ?? Math.min(signatures.length, 3), 4));
  const rows: Content[] = [];
  for (let i = 0; i < signatures.length; i += perRow) {
    const row = signatures.slice(i, i + perRow);
    const drawn = row.some((signature) => signatureImage(signature.image) !== null);
    const columns: Column[] = row.map((signature) => ({
      width: '*',
      stack: [signatureCell(signature, drawn)],
    }));
    while (columns.length < perRow) columns.push({ width: '*', text: '' });
    rows.push({ columns, columnGap: 24, margin: [0, i === 0 ? 0 : 22, 0, 0] });
  }
  return { stack: rows, margin: [0, 30, 0, 0], unbreakable: true };
}

function footer(doc: PrintedDocument) {
  const words = layoutWords(doc.language);
  return (currentPage: number, pageCount: number, _pageSize: ContextPageSize): Content => ({
    margin: [PAGE_MARGIN, 10, PAGE_MARGIN, 0],
    fontSize: 7,
    color: COLOR.muted,
    stack: [
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLOR.border },
        ],
      },
      {
        margin: [0, 3, 0, 0],
        columns: [
          { width: '*', text: doc.number ? `${doc.title} ${words.number}\u00a0${doc.number}` : doc.title },
          { width: 'auto', text: words.createdWith },
          { width: '*', text: words.page(currentPage, pageCount), alignment: 'right' },
        ],
      },
    ],
  });
}

/** A heading never ends a page: it moves to the next page with its paragraph. */
function pageBreakBefore(node: Node, queries: { getFollowingNodesOnPage: () => Node[] }): boolean {
  return node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** The pdfmake definition of a document (exposed for tests and special layouts; most callers use renderDocument). */
export function buildDocumentDefinition(doc: PrintedDocument): TDocumentDefinitions {
  const content: Content[] = [companyBlock(doc), titleBlock(doc)];
  if (doc.parties && doc.parties.length > 0) content.push(partiesBlock(doc.parties));
  for (const block of doc.body) {
    content.push({ stack: [blockContent(block)], margin: [0, 0, 0, BLOCK_GAP] });
  }
  if (doc.signatures && doc.signatures.length > 0) {
    content.push(signaturesBlock(doc.signatures, doc.signaturesPerRow));
  }
  const words = layoutWords(doc.language);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGIN,
    language: doc.language === 'bg' ? 'bg-BG' : 'en-GB',
    info: {
      title: doc.number ? `${doc.title} ${words.number} ${doc.number}` : doc.title,
      author: doc.company.legalName,
      creator: 'Servix',
      producer: 'Servix (pdfmake)',
    },
    defaultStyle: { font: PDF_FONT, fontSize: FONT_SIZE.base, color: COLOR.text, lineHeight: 1.1 },
    content,
    footer: footer(doc),
    pageBreakBefore,
  };
}

/** Renders a document to PDF bytes (A4, 15 mm margins, Roboto with Cyrillic), in a render thread (render-pool.ts). */
export async function renderDocument(doc: PrintedDocument): Promise<Buffer> {
  return renderInPool(doc, renderDocumentHere);
}

/** Renders a document to PDF bytes on this thread (a render thread's work, or the main thread's with PDF_THREADS=0). */
export async function renderDocumentHere(doc: PrintedDocument): Promise<Buffer> {
  try {
    return await pdfEngine().createPdf(buildDocumentDefinition(doc)).getBuffer();
  } catch (error) {
    // A document is never refused because of its logo: a logo the PDF engine cannot read is left out.
    if (!doc.company.logoDataUrl) throw error;
    return renderDocumentHere({ ...doc, company: { ...doc.company, logoDataUrl: null } });
  }
}
