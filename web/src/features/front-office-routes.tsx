import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const customers = () => import('./customers/screens');
const CustomerDetailPage = lazyScreen(customers, 'CustomerDetailPage');
const CustomerEditPage = lazyScreen(customers, 'CustomerEditPage');
const CustomerNewPage = lazyScreen(customers, 'CustomerNewPage');
const CustomersPage = lazyScreen(customers, 'CustomersPage');
const items = () => import('./items/screens');
const ItemDetailPage = lazyScreen(items, 'ItemDetailPage');
const ItemEditPage = lazyScreen(items, 'ItemEditPage');
const ItemNewPage = lazyScreen(items, 'ItemNewPage');
const ItemsPage = lazyScreen(items, 'ItemsPage');
const visits = () => import('./visits/screens');
const VisitRequestsPage = lazyScreen(visits, 'VisitRequestsPage');
const NewVisitRequestPage = lazyScreen(visits, 'NewVisitRequestPage');
const VisitRequestPage = lazyScreen(visits, 'VisitRequestPage');
const SchedulePage = lazyScreen(visits, 'SchedulePage');
const OccupancyPage = lazyScreen(visits, 'OccupancyPage');

const screen = (path: string, needs: Route, page: React.ReactNode): RouteObject => ({
  path,
  element: <RequireRole needs={needs}>{page}</RequireRole>,
});

/** Customers and their items: the front desk's screens, each behind the API call it cannot work without. */
export const FRONT_OFFICE_ROUTES: RouteObject[] = [
  screen('/customers', 'GET /api/v1/parties', <CustomersPage />),
  screen('/customers/new', 'POST /api/v1/parties', <CustomerNewPage />),
  screen('/customers/:id', 'GET /api/v1/parties/:id', <CustomerDetailPage />),
  screen('/customers/:id/edit', 'PATCH /api/v1/parties/:id', <CustomerEditPage />),
  screen('/items', 'GET /api/v1/items', <ItemsPage />),
  screen('/items/new', 'POST /api/v1/items', <ItemNewPage />),
  screen('/items/:id', 'GET /api/v1/items/:id', <ItemDetailPage />),
  screen('/items/:id/edit', 'PATCH /api/v1/items/:id', <ItemEditPage />),
  screen('/visits', 'POST /api/v1/visit-requests', <VisitRequestsPage />),
  screen('/visits/new', 'POST /api/v1/visit-requests', <NewVisitRequestPage />),
  screen('/visits/schedule', 'GET /api/v1/visit-bookings', <SchedulePage />),
  screen('/visits/occupancy', 'GET /api/v1/visit-occupancy', <OccupancyPage />),
  screen('/visits/:id', 'GET /api/v1/visit-requests/:id', <VisitRequestPage />),
];
