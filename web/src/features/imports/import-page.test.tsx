import type { ImportJob, ImportPreview } from '@servix/server/modules/imports/imports.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { ImportPage } from './import-page';

const CSV = 'code,name_bg,sale_price_eur\nP-1,Част 1,10.00\nP-2,Част 2,-1\nP-3,Част 3,5.00\n';
const PRICE_ERROR = 'Стойността в „sale_price_eur“ е твърде малка или къса.';

const PREVIEW: ImportPreview = {
  entity: 'parts',
  columns: ['code', 'name_bg', 'sale_price_eur'],
  expectedColumns: ['code', 'barcode', 'name_bg', 'sale_price_eur'],
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
  await screen.findByText('CSV файл');
  const input = container.querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return input;
}

const ENTITY = (entity: string) => ({
  entity,
  columns: ['code', 'barcode', 'name_bg', 'sale_price_eur'],
  requiredColumns: ['code', 'name_bg'],
});

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
    fireEvent.change(input, { target: { files: [new File([CSV], 'parts.csv', { type: 'text/csv' })] } });

    expect(await screen.findByTestId('import-error-rows')).toHaveProperty('textContent', '1');
    expect(screen.getByTestId('import-valid').textContent).toBe('2');
    const preview = calls.find((c) => c.path === '/api/v1/imports/parts/preview');
    expect(preview?.method).toBe('POST');
    expect(preview?.headers.get('Content-Type')).toContain('text/csv');
    expect(preview?.body).toBe(CSV);
    expect(preview?.headers.get('X-CSRF-Token')).toBe('csrf-123');

    // The bad cell is marked with its reason; the error list names row, column and reason.
    const errors = within(screen.getByTestId('import-errors'));
    expect(errors.getByText('3')).toBeTruthy();
    expect(errors.getByText('sale_price_eur')).toBeTruthy();
    expect(errors.getByText(PRICE_ERROR)).toBeTruthy();
    const badCell = screen.getByTestId('import-sample').querySelector('td[data-error="true"]');
    expect(badCell?.textContent).toBe('-1');
    // The template has the expected columns.
    const template = screen.getByRole('link', { name: /Изтеглете празен шаблон/ });
    expect(decodeURIComponent(template.getAttribute('href') ?? '')).toContain(
      'code,barcode,name_bg,sale_price_eur',
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
    expect(start?.body).toBe(CSV);
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
      'code *',
      'barcode',
      'name_bg *',
      'sale_price_eur',
    ]);
    fireEvent.change(input, {
      target: { files: [new File(['price\n1\n'], 'bad.csv', { type: 'text/csv' })] },
    });
    expect(await screen.findByText('Непозната колона „price“.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Внеси/ })).toBeNull();
  });
});
