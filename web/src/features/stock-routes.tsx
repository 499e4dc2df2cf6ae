import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./stock/screens');
const StockDocumentPage = lazyScreen(screens, 'StockDocumentPage');
const StockDocumentsPage = lazyScreen(screens, 'StockDocumentsPage');
const StockLevelsPage = lazyScreen(screens, 'StockLevelsPage');
const LowStockPage = lazyScreen(screens, 'LowStockPage');
const PartCardPage = lazyScreen(screens, 'PartCardPage');
const ValuationPage = lazyScreen(screens, 'ValuationPage');
const WarehousesPage = lazyScreen(screens, 'WarehousesPage');
const purchasing = () => import('./purchasing/screens');
const PurchaseRequestsPage = lazyScreen(purchasing, 'PurchaseRequestsPage');
const PurchaseRequestPage = lazyScreen(purchasing, 'PurchaseRequestPage');

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
  screen('/stock/purchase-requests', 'GET /api/v1/purchase-requests', <PurchaseRequestsPage />),
  screen('/stock/purchase-requests/:id', 'GET /api/v1/purchase-requests/:id', <PurchaseRequestPage />),
];
