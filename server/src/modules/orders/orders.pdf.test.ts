import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfQrCodes } from '../../../test/pdf-qr';
import { pdfText } from '../../../test/pdf-text';
import { parsePublicUrl } from '../../config';
import { renderDocument } from '../../pdf';
import { orderPrintedDocument } from './orders.pdf';
import { publicBaseUrl } from './orders.pdf.routes';
import { anOrderPrint } from './orders.print.fixture';
import type { OrderDocumentKind } from './orders.print.model';

const URL = 'https://servix.example.bg/s/q3Zk9wLr0cT1vYb2nX8mA5sD7fG4hJ6kP0oI9uY8tR_';

async function text(kind: OrderDocumentKind, language: 'bg' | 'en', costs = true) {
  const pdf = await renderDocument(
    orderPrintedDocument(kind, anOrderPrint(), language, { statusUrl: URL, costs }),
  );
  return { pdf, text: await pdfText(pdf) };
}

describe('the order documents as printed (layout of a hand-written order)', () => {
  it('intake protocol: requisites, customer, item, complaint, accessories, condition, signatures and a QR to the status page', async () => {
    const { pdf, text: bg } = await text('intake', 'bg');
    expect(bg).toContain('ПРИЕМО-ПРЕДАВАТЕЛЕН ПРОТОКОЛ');
    expect(bg).toContain('№ 0000000042');
    expect(bg).toContain('Сервиз Бяла техника ЕООД');
    expect(bg).toContain('ЕИК: 206417593');
    expect(bg).toContain('Пералня Експрес ООД');
    expect(bg).toContain('ЕИК: 131071587');
    expect(bg).toContain('+359 888 123 456');
    expect(bg).toContain('Bosch WAN28263BY');
    expect(bg).toContain('Сериен №: SN-WM-000123');
    // 07:35 UTC is 09:35 in Sofia in November.
    expect(bg).toContain('20.11.2026 09:35');
    expect(bg).toContain('Мария Георгиева');
    expect(bg).toContain('27.11.2026');
    expect(bg).toContain('Не източва водата, шуми при центрофуга');
    expect(bg).toContain('Маркуч за вода, Захранващ кабел');
    expect(bg).toContain('Драскотина на капака');
    expect(bg).toContain('3 снимки на уреда, пазят се към поръчката');
    expect(bg).toContain('Условия');
    expect(bg).toContain('Приел:');
    expect(bg).toContain('Клиент:');
    expect(bg).toContain(URL);
    expect(pdfQrCodes(pdf)).toEqual([URL]);

    const { pdf: enPdf, text: en } = await text('intake', 'en');
    expect(en).toContain('INTAKE PROTOCOL');
    expect(en).toContain('No. 0000000042');
    expect(en).toContain('Accessories left');
    expect(en).toContain('3 photos of the item, kept with the order');
    expect(en).toContain('20/11/2026 09:35');
    expect(en).toContain('Received by:');
    expect(pdfQrCodes(enPdf)).toEqual([URL]);
  });

  it('intake protocol without a link prints no QR code and no link', async () => {
    const pdf = await renderDocument(
      orderPrintedDocument('intake', anOrderPrint(), 'bg', { statusUrl: null }),
    );
    expect(pdfQrCodes(pdf)).toEqual([]);
    expect(await pdfText(pdf)).not.toContain('/s/');
    // No photos taken: no photos paragraph.
    const print = anOrderPrint();
    const none = await renderDocument(
      orderPrintedDocument('intake', { ...print, order: { ...print.order, photoCount: 0 } }, 'bg', {
        statusUrl: null,
      }),
    );
    expect(await pdfText(none)).not.toContain('на уреда, пазят се');
  });

  it('work report: diagnosis, parts with fitted and removed serials, labour with technicians and minutes, VAT per rate, warranty lines at zero', async () => {
    const { text: bg } = await text('work-report', 'bg');
    expect(bg).toContain('ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА');
    expect(bg).toContain('Запушена помпа и износени лагери');
    expect(bg).toContain('PMP-NEW-1');
    expect(bg).toContain('PMP-OLD-1');
    expect(bg).toContain('(бракувана)');
    expect(bg).toContain('BRG-NEW-7');
    expect(bg).toContain('(Гаранция на');
    expect(bg).toContain('Георги Техников');
    expect(bg).toContain('Петър Монтьоров');
    expect(bg).toContain('60 %');
    expect(bg).toContain('90 100 40,00 € 10 % 20 % 36,00 €');
    // The bearing kit (manufacturer's warranty) costs the customer nothing.
    expect(bg).toContain('0,00 € 20 % 0,00 €');
    expect(bg).toContain('Данъчна основа 9 %: 5,00 €');
    expect(bg).toContain('ДДС 9 %: 0,45 €');
    expect(bg).toContain('Данъчна основа 20 %: 61,00 €');
    expect(bg).toContain('ДДС 20 %: 12,20 €');
    expect(bg).toContain('Общо без ДДС: 66,00 €');
    expect(bg).toContain('Общо за плащане: 78,65 €');
    expect(bg).toContain('Покрито от гаранция (по каталожни цени): 35,00 €');

    const { text: en } = await text('work-report', 'en');
    expect(en).toContain('WORK REPORT');
    expect(en).toContain('Total due: €78.65');
    expect(en).toContain('Serial (fitted)');
  });

  it('work report: the booked visits with their hours and technicians, the customer’s drawn signature with the signer and time, the technician’s line', async () => {
    const drawn = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><path d="M20 150 C 120 20, 220 180, 580 40" stroke="#111" stroke-width="6" fill="none"/></svg>',
      ),
    )
      .png()
      .toBuffer();
    const print = anOrderPrint({
      visits: [
        // 07:00–09:30 UTC is 09:00–11:30 in Sofia in December.
        {
          startAt: '2026-12-07T07:00:00.000Z',
          endAt: '2026-12-07T09:30:00.000Z',
          technicians: ['Петър Монтьоров', 'Георги Техников'],
        },
      ],
      signature: {
        imageDataUrl: `data:image/png;base64,${drawn.toString('base64')}`,
        signerName: 'Стоян Клиентов',
        signedAt: '2026-12-07T09:25:00.000Z',
      },
    });
    const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    const signed = await renderDocument(orderPrintedDocument('work-report', print, 'bg'));
    const bg = await pdfText(signed);
    expect(bg).toContain('Посещение: 07.12.2026 09:00–11:30');
    expect(bg).toContain('Техници на място: Петър Монтьоров, Георги Техников');
    expect(bg).toContain('/ Стоян Клиентов /');
    expect(bg).toContain('подписано на 07.12.2026 11:25');
    expect(bg).toMatch(/Техник:[\s\S]*Клиент:/);
    // The drawn signature is in the PDF as an image; unsigned, the line is left to sign by hand.
    const unsigned = await renderDocument(orderPrintedDocument('work-report', anOrderPrint(), 'bg'));
    expect(images(unsigned)).toBe(0);
    expect(images(signed)).toBeGreaterThan(0);
    expect(await pdfText(unsigned)).toContain('/ Пералня Експрес ООД /');
    const en = await pdfText(await renderDocument(orderPrintedDocument('work-report', print, 'en')));
    expect(en).toMatch(/Visit: \S+ 09:00–11:30/);
    expect(en).toContain('Technicians on site: Петър Монтьоров, Георги Техников');
    expect(en).toMatch(/signed on \S+ 11:25/);
    // An image that is not a PNG or JPEG is never drawn: the line stays empty.
    const svg = anOrderPrint({
      signature: {
        signerName: 'Стоян Клиентов',
        signedAt: '2026-12-07T09:25:00.000Z',
        imageDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
      },
    });
    expect(images(await renderDocument(orderPrintedDocument('work-report', svg, 'bg')))).toBe(
      images(unsigned),
    );
  });

  it('warranty protocol: only the warranty lines, old and new serials, cost and list value; no cost without the right', async () => {
    const { text: bg } = await text('warranty-protocol', 'bg');
    expect(bg).toContain('ГАРАНЦИОНЕН ПРОТОКОЛ');
    expect(bg).toContain('Bosch');
    expect(bg).toContain('GK-777');
    expect(bg).toContain('BRG-OLD-7');
    expect(bg).toContain('BRG-NEW-7');
    expect(bg).not.toContain('PMP-NEW-1');
    expect(bg).not.toContain('Транспорт');
    expect(bg).toContain('17,50 €');
    expect(bg).toContain('Себестойност общо: 17,50 €');
    expect(bg).toContain('Стойност на претенцията: 35,00 €');

    const { text: noCost } = await text('warranty-protocol', 'bg', false);
    expect(noCost).not.toContain('17,50');
    expect(noCost).not.toContain('Себестойност');
    expect(noCost).toContain('Стойност на претенцията: 35,00 €');

    const { text: en } = await text('warranty-protocol', 'en');
    expect(en).toContain('WARRANTY CLAIM PROTOCOL');
    expect(en).toContain('Old serial');
  });

  it('warranty card: each warranty record with its serial, months and end', async () => {
    const { text: bg } = await text('warranty-card', 'bg');
    expect(bg).toContain('ГАРАНЦИОННА КАРТА');
    expect(bg).toContain('Част Помпа за пералня');
    expect(bg).toContain('PMP-NEW-1 25.11.2026 6 25.05.2027');
    expect(bg).toContain('Труд Смяна на лагери');
    expect(bg).toContain('25.11.2026 3 25.02.2027');

    const { text: en } = await text('warranty-card', 'en');
    expect(en).toContain('WARRANTY CARD');
    expect(en).toContain('Valid until');
    expect(en).toContain('25/05/2027');
  });
});

describe('the address printed links point to', () => {
  const req = { protocol: 'https', host: 'servis.local:8443' } as FastifyRequest;

  it('is the configured public address when there is one, else the address the request came to', () => {
    expect(publicBaseUrl(req, 'https://status.example.bg/servix/')).toBe('https://status.example.bg/servix');
    expect(publicBaseUrl(req, null)).toBe('https://servis.local:8443');
  });

  it('PUBLIC_URL must be an http(s) address', () => {
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl('  ')).toBeNull();
    expect(parsePublicUrl('https://servis.example.bg/')).toBe('https://servis.example.bg');
    expect(() => parsePublicUrl('ftp://servis.example.bg')).toThrow(/PUBLIC_URL/);
    expect(() => parsePublicUrl('servis.example.bg')).toThrow(/PUBLIC_URL/);
  });
});
