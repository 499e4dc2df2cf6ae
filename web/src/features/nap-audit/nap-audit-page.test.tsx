import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { NapAuditPage } from './nap-audit-page';

const last = lastMonth(todayDate()).from.slice(0, 7);

describe('the NAP audit file screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("downloads last month's file by default under the server's file name", async () => {
    const { calls } = fakeServer(
      () =>
        new Response('<?xml version="1.0" encoding="windows-1251"?><audit/>', {
          status: 200,
          headers: {
            'content-type': 'application/xml; charset=windows-1251',
            'content-disposition': `attachment; filename="audit-131129282-${last}.xml"`,
          },
        }),
    );
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    renderScreen(<NapAuditPage />, { route: '/reports/nap-audit-file' });
    fireEvent.click(await screen.findByTestId('audit-download'));
    expect((await screen.findByTestId('audit-downloaded')).textContent).toBe(
      `Изтеглен: audit-131129282-${last}.xml`,
    );
    expect(calls[0]?.path).toBe(`/api/v1/vat/audit-file.xml?month=${last}`);
  });

  it("a refusal is shown in the server's words", async () => {
    fakeServer(() =>
      jsonResponse(
        409,
        { status: 409, code: 'company_uic_missing', detail: 'Фирмата няма ЕИК', field: 'uic' },
        'application/problem+json',
      ),
    );
    renderScreen(<NapAuditPage />, { route: '/reports/nap-audit-file' });
    fireEvent.click(await screen.findByTestId('audit-download'));
    expect(await screen.findByText('Фирмата няма ЕИК')).toBeTruthy();
  });
});
