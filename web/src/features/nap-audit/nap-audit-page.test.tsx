import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { NapAuditPage } from './nap-audit-page';

const last = lastMonth(todayDate()).from.slice(0, 7);

const xml = (fileName: string) =>
  new Response('<?xml version="1.0" encoding="windows-1251"?><audit/>', {
    status: 200,
    headers: {
      'content-type': 'application/xml; charset=windows-1251',
      'content-disposition': `attachment; filename="${fileName}"`,
    },
  });

describe('the NAP audit file screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("without sale sites, downloads last month's file by default under the server's file name", async () => {
    const { calls } = fakeServer((call) =>
      call.path.startsWith('/api/v1/vat/audit-file/sites')
        ? jsonResponse(200, { month: last, siteRequired: false, sites: [] })
        : xml(`audit-131129282-${last}.xml`),
    );
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    renderScreen(<NapAuditPage />, { route: '/reports/nap-audit-file' });
    fireEvent.click(await screen.findByTestId('audit-download'));
    expect((await screen.findByTestId('audit-downloaded')).textContent).toBe(
      `Изтеглен: audit-131129282-${last}.xml`,
    );
    expect(calls.map((c) => c.path)).toContain(`/api/v1/vat/audit-file.xml?month=${last}`);
  });

  it('ADR 0043: lists the sale sites with their NAP code and downloads one file per site; a site without a code cannot', async () => {
    const { calls } = fakeServer((call) =>
      call.path.startsWith('/api/v1/vat/audit-file/sites')
        ? jsonResponse(200, {
            month: last,
            siteRequired: true,
            sites: [
              {
                id: 's1',
                name: 'Магазин Център',
                napSiteCode: 'OB-0001',
                orders: 3,
                returns: 1,
                fileName: `audit-131129282-OB-0001-${last}.xml`,
              },
              { id: 's2', name: 'Магазин Юг', napSiteCode: null, orders: 1, returns: 0, fileName: null },
            ],
          })
        : xml(`audit-131129282-OB-0001-${last}.xml`),
    );
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    renderScreen(<NapAuditPage />, { route: '/reports/nap-audit-file' });
    const [center, south] = await screen.findAllByTestId('audit-site');
    expect(within(center as HTMLElement).getByText('Код в НАП: OB-0001')).toBeTruthy();
    expect(within(center as HTMLElement).getByText('Продажби: 3 · връщания: 1')).toBeTruthy();
    expect(within(south as HTMLElement).getByText('Няма код в НАП')).toBeTruthy();
    expect((screen.getByTestId('audit-download-s2') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('audit-download')).toBeNull();
    fireEvent.click(screen.getByTestId('audit-download-OB-0001'));
    expect((await screen.findByTestId('audit-downloaded')).textContent).toBe(
      `Изтеглен: audit-131129282-OB-0001-${last}.xml`,
    );
    expect(calls.map((c) => c.path)).toContain(`/api/v1/vat/audit-file.xml?month=${last}&siteId=s1`);
  });

  it("a refusal is shown in the server's words", async () => {
    fakeServer((call) =>
      call.path.startsWith('/api/v1/vat/audit-file/sites')
        ? jsonResponse(200, { month: last, siteRequired: false, sites: [] })
        : jsonResponse(
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
