import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText, plain } from '../../../test/pdf-text';
import { formatMoney } from '../../kernel/format';
import { printedCompany, renderDocument } from '../../pdf';
import { getCompanySettings } from '../company';
import { DOCUMENT_TITLES, getStockDocument } from './index';
import { stockPrintedDocument } from './stock.pdf';
import type { StockDocumentListItem } from './stock.schema';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('stock document PDFs on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let receipt: StockDocumentListItem;
  let transfer: StockDocumentListItem;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    const docs = (await t.request(admin, 'GET', '/api/v1/stock/documents?sort=number')).json();
    const find = (type: string) => {
      const d = docs.items.find((x: StockDocumentListItem) => x.type === type && x.status === 'posted');
      if (!d) throw new Error(`no posted ${type} in the demo seed`);
      return d as StockDocumentListItem;
    };
    receipt = find('receipt');
    transfer = find('transfer');
  });

  const fetchPdf = async (url: string) => {
    const res = await t.request(admin, 'GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline; /);
    return pdfText(res.rawPayload);
  };

  it('prints a posted receipt: title, number, supplier, a Cyrillic part, the total, signatures', async () => {
    const text = await fetchPdf(`/api/v1/stock/documents/${receipt.id}/pdf`);
    const full = (await t.request(admin, 'GET', `/api/v1/stock/documents/${receipt.id}`)).json();
    expect(receipt.number).toMatch(/^\d{10}$/);
    expect(text).toContain('СКЛАДОВА РАЗПИСКА');
    expect(text).toContain(`№ ${receipt.number}`);
    expect(text).toContain('ДОСТАВЧИК');
    expect(text).toContain(full.lines[0].partName.split(' ')[0]);
    expect(full.lines[0].partName).toMatch(/[А-Яа-я]/);
    expect(text).toContain(`Обща стойност: ${plain(formatMoney(Number(receipt.totalValueCents), 'bg'))}`);
    expect(text).toContain('Приел:');
    expect(text).toContain('Съставил:');
    expect(text).not.toContain('ЧЕРНОВА');
  });

  it('prints a transfer as a handover protocol between the two warehouses, in English with ?lang=en', async () => {
    const text = await fetchPdf(`/api/v1/stock/documents/${transfer.id}/pdf`);
    const full = (await t.request(admin, 'GET', `/api/v1/stock/documents/${transfer.id}`)).json();
    expect(text).toContain('ПРИЕМО-ПРЕДАВАТЕЛЕН ПРОТОКОЛ ЗА ТРАНСФЕР');
    expect(text).toContain(`№ ${transfer.number}`);
    expect(transfer.number).toMatch(/^\d{10}$/);
    expect(text).toContain('ОТ СКЛАД');
    expect(text).toContain('КЪМ СКЛАД');
    expect(text).toContain('VAN-01');
    expect(full.lines[0].partName).toMatch(/[А-Яа-я]/);
    expect(text).toContain(full.lines[0].partName.split(' ')[0]);
    expect(text).toContain(`Обща стойност: ${plain(formatMoney(Number(transfer.totalValueCents), 'bg'))}`);
    expect(text).toContain('Издал:');

    const en = await fetchPdf(`/api/v1/stock/documents/${transfer.id}/pdf?lang=en`);
    expect(en).toContain('TRANSFER HANDOVER PROTOCOL');
    expect(en).toContain(`No. ${transfer.number}`);
    expect(en).toContain(`Total value: ${plain(formatMoney(Number(transfer.totalValueCents), 'en'))}`);
  });

  it('marks a draft "ЧЕРНОВА"', async () => {
    const print = await getStockDocument(t.db, receipt.id);
    const draft = { ...print, document: { ...print.document, status: 'draft' as const, number: null } };
    const company = printedCompany(await getCompanySettings(t.db), { date: print.document.documentDate });
    const doc = stockPrintedDocument(draft, company, 'bg');
    expect(doc.subtitle).toBe('ЧЕРНОВА');
    expect(await pdfText(await renderDocument(doc))).toContain('ЧЕРНОВА');
  });

  it('lays out the issue, write-off and count types with their titles and columns', async () => {
    const print = await getStockDocument(t.db, receipt.id);
    const company = printedCompany(await getCompanySettings(t.db), { date: print.document.documentDate });
    const types = ['issue', 'writeoff', 'count'] as const;
    for (const type of types) {
      const count = type === 'count';
      const document = {
        ...print.document,
        type,
        supplierId: null,
        lines: print.document.lines.slice(0, 3).map((l) => ({
          ...l,
          quantityMilli: count ? null : l.quantityMilli,
          countedMilli: count ? (l.quantityMilli ?? 0) - 1000 : null,
          bookMilli: count ? l.quantityMilli : null,
          differenceMilli: count ? -1000 : null,
          valueCents: count ? -(l.unitCostCents ?? 0) : l.valueCents,
        })),
      };
      const doc = stockPrintedDocument(
        { ...print, supplier: null, title: DOCUMENT_TITLES[type], document },
        company,
        'bg',
      );
      const text = await pdfText(await renderDocument(doc));
      expect(text).toContain(DOCUMENT_TITLES[type].bg.toLocaleUpperCase('bg-BG'));
      expect(text).toContain(document.lines[0]?.partCode ?? '?');
      if (count) {
        expect(text).toContain('Преброено По книги Разлика');
        expect(text).toContain('Липси:');
      } else expect(text).toContain('Количество Ед. цена Стойност');
    }
  });

  it('answers 404 for an unknown document and 400 for an unknown language', async () => {
    expect((await t.request(admin, 'GET', `/api/v1/stock/documents/${FAKE_ID}/pdf`)).statusCode).toBe(404);
    expect(
      (await t.request(admin, 'GET', `/api/v1/stock/documents/${receipt.id}/pdf?lang=de`)).statusCode,
    ).toBe(400);
  });
});
