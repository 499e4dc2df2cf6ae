import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./orders/screens');
const OrdersPage = lazyScreen(screens, 'OrdersPage');
const IntakePage = lazyScreen(screens, 'IntakePage');
const OrderPage = lazyScreen(screens, 'OrderPage');
const BoardPage = lazyScreen(screens, 'BoardPage');
const MyOrdersPage = lazyScreen(screens, 'MyOrdersPage');
const fieldScreens = () => import('./field/screens');
const MyJobsPage = lazyScreen(fieldScreens, 'MyJobsPage');
const JobPage = lazyScreen(fieldScreens, 'JobPage');
const quoteScreens = () => import('./quotes/screens');
const QuotesPage = lazyScreen(quoteScreens, 'QuotesPage');
const QuotePage = lazyScreen(quoteScreens, 'QuotePage');
const NewQuotePage = lazyScreen(quoteScreens, 'NewQuotePage');

const screen = (path: string, needs: Route, page: React.ReactNode): RouteObject => ({
  path,
  element: <RequireRole needs={needs}>{page}</RequireRole>,
});

/** The service orders: intake, the open repairs, the board, a technician's own, and the order itself. */
export const ORDERS_ROUTES: RouteObject[] = [
  screen('/orders', 'GET /api/v1/service-orders', <OrdersPage />),
  screen('/orders/new', 'POST /api/v1/service-orders', <IntakePage />),
  screen('/orders/board', 'GET /api/v1/service-orders/board', <BoardPage />),
  screen('/orders/mine', 'GET /api/v1/service-orders/mine', <MyOrdersPage />),
  screen('/orders/:id', 'GET /api/v1/service-orders/:id', <OrderPage />),
  // The technician's phone (ADR 0033): my visits today and tomorrow, one visit from start to finish.
  screen('/my-jobs', 'GET /api/v1/visit-bookings/mine', <MyJobsPage />),
  screen('/my-jobs/:id', 'GET /api/v1/visit-bookings/:id/job', <JobPage />),
  screen('/quotes', 'GET /api/v1/repair-quotes', <QuotesPage />),
  screen('/quotes/new', 'POST /api/v1/repair-quotes', <NewQuotePage />),
  screen('/quotes/:id', 'GET /api/v1/repair-quotes/:id', <QuotePage />),
];
