import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./invoices/screens');
const InvoicesPage = lazyScreen(screens, 'InvoicesPage');
const InvoicePage = lazyScreen(screens, 'InvoicePage');

const screen = (path: string, needs: Route, page: React.ReactNode): RouteObject => ({
  path,
  element: <RequireRole needs={needs}>{page}</RequireRole>,
});

/** Sales (issue 13): the invoices and each invoice. */
export const SALES_ROUTES: RouteObject[] = [
  screen('/invoices', 'GET /api/v1/invoices', <InvoicesPage />),
  screen('/invoices/:id', 'GET /api/v1/invoices/:id', <InvoicePage />),
];
