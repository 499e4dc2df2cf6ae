import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { StockDocumentPage } from './stock/documents/document-page';
import { StockDocumentsPage } from './stock/documents/documents-page';
import { StockLevelsPage } from './stock/reports/levels-page';
import { LowStockPage } from './stock/reports/low-stock-page';
import { PartCardPage } from './stock/reports/part-card-page';
import { ValuationPage } from './stock/reports/valuation-page';
import { WarehousesPage } from './stock/reports/warehouses-page';

const screen = (path: string, needs: Route, page: React.ReactNode): RouteObject => ({
  path,
  element: <RequireRole needs={needs}>{page}</RequireRole>,
});

/** The stock section: levels, part cards, documents, low stock, valuation, warehouses. */
export const STOCK_ROUTES: RouteObject[] = [
  screen('/stock/levels', 'GET /api/v1/stock/levels', <StockLevelsPage />),
  screen('/stock/parts/:partId', 'GET /api/v1/stock/parts/:partId/card', <PartCardPage />),
  screen('/stock/documents', 'GET /api/v1/stock/documents', <StockDocumentsPage />),
  screen('/stock/documents/new', 'POST /api/v1/stock/documents', <StockDocumentPage />),
  screen('/stock/documents/:id', 'GET /api/v1/stock/documents/:id', <StockDocumentPage />),
  screen('/stock/low', 'GET /api/v1/stock/low', <LowStockPage />),
  screen('/stock/valuation', 'GET /api/v1/stock/valuation', <ValuationPage />),
  screen('/stock/warehouses', 'GET /api/v1/warehouses', <WarehousesPage />),
];
