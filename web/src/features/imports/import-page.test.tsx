import type { ImportJob, ImportPreview } from '@servix/server/modules/imports/imports.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { fakeServer, jsonResponse, onPhone, renderScreen } from '../../test-utils';
import { ImportPage } from './import-page';

const CSV = 'code;name_bg;sale_price_eur\nP-1;Част 1;10.00\nP-2;Част 2;-1\nP-3;Част 3;5.00\n';
/** The file as Excel on a Bulgarian Windows saves it: Windows-1251 bytes, which the screen sends as they are. */
const CSV_1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...CSV].map((ch) => byChar.get(ch) ?? 0x3f));
})();
const bytesOf = (body: unknown) => [...new Uint8Array(body as ArrayBuffer)];
const PRICE_ERROR = 'Стойността в „sale_price_eur“ е твърде малка или къса.';

const PREVIEW: ImportPreview = {
  entity: 'parts',
  format: 'csv',
  encoding: 'windows-1251',
  separator: ';',
  sheet: null,
  fileHeader: ['code', 'name_bg', 'sale_price_eur'],
  columns: ['code', 'name_bg', 'sale_price_eur'],
  expectedColumns: ['code', 'barcode', 'name_bg', 'sale_price_eur'],
  fields: [],
  totalRows: 3,
  validRows: 2,
  errorRows: 1,
  sample: [
    { row: 2, values: { code: 'P-1', name_bg: 'Част 1', sale_price_eur: '10.00' }, errors: [] },
    {
      row: 3,
      values: { code: 'P-2', name_bg: 'Част 2', sale_price_eur: '-1' },
      errors: [{ row: 3, field: 'sale_price_eur', code: 'too_small', message: PRICE_ERROR }],
    },
    { row: 4, values: { code: 'P-3', name_bg: 'Част 3', sale_price_eur: '5.00' }, errors: [] },
  ],
  errors: [{ row: 3, field: 'sale_price_eur', code: 'too_small', message: PRICE_ERROR }],
};

const job = (patch: Partial<ImportJob>): ImportJob => ({
  id: 'job-1',
  entity: 'parts',
  fileName: 'parts.csv',
  status: 'queued',
  onlyValid: true,
  totalRows: 0,
  processedRows: 0,
  importedRows: 0,
  rejectedRows: 0,
  message: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  finishedAt: null,
  ...patch,
});

/** The file input, once the screen knows what can be imported. */
async function fileInput(container: HTMLElement): Promise<HTMLInputElement> {
  await screen.findByText('Файл (Excel или CSV)');
  const input = container.querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return input;
}

const ENTITY = (entity: string) => ({
  entity,
  columns: ['code', 'barcode', 'name_bg', 'sale_price_eur'],
  requiredColumns: ['code', 'name_bg'],
  fields: [
    { column: 'code', headerBg: 'Код', required: true, values: [] },
    { column: 'barcode', headerBg: 'Баркод', required: false, values: [] },
    { column: 'name_bg', headerBg: 'Име', required: true, values: [] },
    { column: 'sale_price_eur', headerBg: 'Продажна цена (EUR)', required: false, values: [] },
  ],
});

const CUSTOMERS = {
  entity: 'customers',
  columns: ['type', 'name'],
  requiredColumns: ['type', 'name'],
  fields: [
    {
      column: 'type',
      headerBg: 'Вид',
      required: true,
      values: [
        { value: 'person', bg: 'лице', en: 'person' },
        { value: 'company', bg: 'фирма', en: 'company' },
      ],
    },
    { column: 'name', headerBg: 'Име', required: true, values: [] },
  ],
};

describe('the import screen', () => {
  it('checks the file, reports the bad row, imports only the valid rows with progress and a report', async () => {
    let polls = 0;
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/v1/imports')
        return jsonResponse(200, { entities: [ENTITY('customers'), ENTITY('parts')] });
      if (call.path === '/api/v1/imports/parts/preview') return jsonResponse(200, PREVIEW);
      if (call.path.startsWith('/api/v1/imports/parts/jobs')) return jsonResponse(202, job({}));
      if (call.path === '/api/v1/imports/jobs/job-1') {
        polls++;
        return jsonResponse(
          200,
          polls === 1
            ? job({ status: 'importing', totalRows: 3, processedRows: 2, rejectedRows: 1 })
            : job({ status: 'done', totalRows: 3, processedRows: 3, importedRows: 2, rejectedRows: 1 }),
        );
      }
      return jsonResponse(404, { code: 'not_found', detail: 'Няма такова.' });
    });
    const { container } = renderScreen(<ImportPage />, { route: '/import?entity=parts' });

    const input = await fileInput(container);
    fireEvent.change(input, {
      target: { files: [new File([CSV_1251], 'parts.csv', { type: 'text/csv' })] },
    });

    expect(await screen.findByTestId('import-error-rows')).toHaveProperty('textContent', '1');
    expect(screen.getByTestId('import-valid').textContent).toBe('2');
    const preview = calls.find((c) => c.path === '/api/v1/imports/parts/preview');
    expect(preview?.method).toBe('POST');
    // The bytes as saved, of no declared type: the server tells XLSX from CSV, and the encoding, by the content.
    expect(preview?.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(bytesOf(preview?.body)).toEqual([...CSV_1251]);
    // What the server found: the encoding and the separator, in words.
    expect(screen.getByTestId('import-format').textContent).toBe(
      'Файлът е CSV в Windows-1251, разделител точка и запетая.',
    );
    expect(preview?.headers.get('X-CSRF-Token')).toBe('csrf-123');

    // The bad cell is marked with its reason; the error list names row, column and reason.
    const errors = within(screen.getByTestId('import-errors'));
    expect(errors.getByText('3')).toBeTruthy();
    expect(errors.getByText('sale_price_eur')).toBeTruthy();
    expect(errors.getByText(PRICE_ERROR)).toBeTruthy();
    const badCell = screen.getByTestId('import-sample').querySelector('td[data-error="true"]');
    expect(badCell?.textContent).toBe('-1');
    // The templates come from the server: Excel and both CSVs, with Bulgarian headers first.
    const templates = within(screen.getByTestId('import-templates'));
    expect(templates.getByTestId('template-xlsx').getAttribute('href')).toBe(
      '/api/v1/imports/parts/template?format=xlsx&language=bg',
    );
    expect(templates.getByTestId('template-csv-1251').getAttribute('href')).toBe(
      '/api/v1/imports/parts/template?format=csv-windows-1251&language=bg',
    );
    fireEvent.click(templates.getByText('English'));
    expect(templates.getByTestId('template-csv').getAttribute('href')).toBe(
      '/api/v1/imports/parts/template?format=csv&language=en',
    );

    // A file with errors is not imported whole.
    expect((screen.getByRole('button', { name: 'Внеси 3 реда' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Внеси само валидните 2 реда' }));

    await waitFor(() => expect(screen.getByTestId('import-imported').textContent).toBe('2'), {
      timeout: 3000,
    });
    expect(screen.getByTestId('import-rejected').textContent).toBe('1');
    const start = calls.find((c) => c.path.startsWith('/api/v1/imports/parts/jobs'));
    expect(start?.path).toBe('/api/v1/imports/parts/jobs?onlyValid=true&fileName=parts.csv');
    expect(bytesOf(start?.body)).toEqual([...CSV_1251]);
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(
      screen.getByRole('link', { name: 'Изтеглете отчета за отхвърлените редове' }).getAttribute('href'),
    ).toBe('/api/v1/imports/jobs/job-1/report.csv');
  });

  it('shows a refused file’s reason (an unknown column) and imports nothing', async () => {
    fakeServer((call) => {
      if (call.path === '/api/v1/imports') return jsonResponse(200, { entities: [ENTITY('parts')] });
      return jsonResponse(
        400,
        { status: 400, code: 'unknown_column', detail: 'Непозната колона „price“.', field: 'price' },
        'application/problem+json',
      );
    });
    const { container } = renderScreen(<ImportPage />, { route: '/import?entity=parts' });
    const input = await fileInput(container);
    // Before any file: the columns of the file, the required ones marked, and a template.
    const columns = await screen.findByTestId('import-columns');
    expect([...columns.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'code * (Код)',
      'barcode (Баркод)',
      'name_bg * (Име)',
      'sale_price_eur (Продажна цена (EUR))',
    ]);
    fireEvent.change(input, {
      target: { files: [new File(['price\n1\n'], 'bad.csv', { type: 'text/csv' })] },
    });
    expect(await screen.findByText('Непозната колона „price“.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Внеси/ })).toBeNull();
  });

  it('shows the values a coded column takes, with their Bulgarian words', async () => {
    fakeServer((call) =>
      call.path === '/api/v1/imports'
        ? jsonResponse(200, { entities: [CUSTOMERS] })
        : jsonResponse(404, { code: 'not_found', detail: 'Няма такова.' }),
    );
    renderScreen(<ImportPage />, { route: '/import?entity=customers' });
    const allowed = await screen.findByTestId('import-allowed-values');
    expect(allowed.textContent).toBe('type (Вид): person (лице), company (фирма)');
  });

  it('an XLSX file: the screen says so and names the sheet read; on a phone the rows are cards with each error under its cell', async () => {
    onPhone();
    const xlsxPreview: ImportPreview = {
      ...PREVIEW,
      format: 'xlsx',
      encoding: null,
      separator: null,
      sheet: 'Части',
    };
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/v1/imports') return jsonResponse(200, { entities: [ENTITY('parts')] });
      if (call.path === '/api/v1/imports/parts/preview') return jsonResponse(200, xlsxPreview);
      return jsonResponse(404, { code: 'not_found', detail: 'Няма такова.' });
    });
    const { container } = renderScreen(<ImportPage />, { route: '/import?entity=parts' });
    const input = await fileInput(container);
    expect(input.accept).toContain('.xlsx');
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    fireEvent.change(input, { target: { files: [new File([bytes], 'части.xlsx')] } });
    expect((await screen.findByTestId('import-format')).textContent).toBe(
      'Файлът е Excel таблица (.xlsx); прочетен е първият лист „Части“.',
    );
    expect(bytesOf(calls.find((c) => c.path.endsWith('/preview'))?.body)).toEqual([...bytes]);
    // No table to scroll sideways: one card per row, the wrong cell marked, its reason written under it.
    expect(screen.queryByTestId('import-sample')).toBeNull();
    const cards = screen.getAllByTestId('import-sample-card');
    expect(cards).toHaveLength(3);
    const bad = within(cards[1] as HTMLElement);
    expect(bad.getByText('Ред 3')).toBeTruthy();
    expect(bad.getByText('Една грешка')).toBeTruthy();
    const cell = (cards[1] as HTMLElement).querySelector('[data-error="true"]');
    expect(cell?.textContent).toBe(`sale_price_eur:-1${PRICE_ERROR}`);
    expect(within(cards[0] as HTMLElement).getByText('Без грешки')).toBeTruthy();
    expect(within(screen.getByTestId('import-errors')).getByText(PRICE_ERROR)).toBeTruthy();
  });

  it('in English: the XLSX format line and the template texts', async () => {
    await setLanguage('en');
    fakeServer((call) => {
      if (call.path === '/api/v1/imports') return jsonResponse(200, { entities: [ENTITY('parts')] });
      if (call.path === '/api/v1/imports/parts/preview')
        return jsonResponse(200, {
          ...PREVIEW,
          format: 'xlsx',
          encoding: null,
          separator: null,
          sheet: 'Parts',
        });
      return jsonResponse(404, { code: 'not_found', detail: 'No such thing.' });
    });
    const { container } = renderScreen(<ImportPage />, { route: '/import?entity=parts' });
    await screen.findByText('File (Excel or CSV)');
    expect(screen.getByText('CSV (Windows-1251, semicolons)')).toBeTruthy();
    expect(screen.getByTestId('template-xlsx').getAttribute('href')).toContain('language=en');
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'parts.xlsx')] } });
    expect((await screen.findByTestId('import-format')).textContent).toBe(
      'The file is an Excel workbook (.xlsx); its first sheet, “Parts”, was read.',
    );
  });
});
