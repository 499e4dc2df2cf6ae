import type { RouteObject } from 'react-router';
import type { Route } from '../app/access';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./invoices/screens');
const InvoicesPage = lazyScreen(screens, 'InvoicesPage');
const InvoicePage = lazyScreen(screens, 'InvoicePage');
const ProformasPage = lazyScreen(screens, 'ProformasPage');
const ProformaPage = lazyScreen(screens, 'ProformaPage');
const paymentScreens = () => import('./payments/screens');
const PaymentsPage = lazyScreen(paymentScreens, 'PaymentsPage');
const NewPaymentPage = lazyScreen(paymentScreens, 'NewPaymentPage');
const PaymentPage = lazyScreen(paymentScreens, 'PaymentPage');
const ReceivablesPage = lazyScreen(paymentScreens, 'ReceivablesPage');

const receiptScreens = () => import('./receipts/screens');
const ReceiptsPage = lazyScreen(receiptScreens, 'ReceiptsPage');
const ReceiptPage = lazyScreen(receiptScreens, 'ReceiptPage');
const CounterSalePage = lazyScreen(receiptScreens, 'CounterSalePage');

const screen = (path: string, needs: Route, page: React.ReactNode): RouteObject => ({
  path,
  element: <RequireRole needs={needs}>{page}</RequireRole>,
});

/** Sales (issue 13): the invoices and each invoice; sale receipts and the counter sale (ADR 0026); payments and receivables (ADR 0020). */
export const SALES_ROUTES: RouteObject[] = [
  screen('/invoices', 'GET /api/v1/invoices', <InvoicesPage />),
  screen('/invoices/:id', 'GET /api/v1/invoices/:id', <InvoicePage />),
  screen('/proformas', 'GET /api/v1/proformas', <ProformasPage />),
  screen('/proformas/:id', 'GET /api/v1/proformas/:id', <ProformaPage />),
  screen('/sale-receipts', 'GET /api/v1/sale-receipts', <ReceiptsPage />),
  screen('/sale-receipts/:id', 'GET /api/v1/sale-receipts/:id', <ReceiptPage />),
  screen('/counter-sale', 'POST /api/v1/sale-receipts/counter-sale', <CounterSalePage />),
  screen('/payments', 'GET /api/v1/payments', <PaymentsPage />),
  screen('/payments/new', 'POST /api/v1/payments', <NewPaymentPage />),
  screen('/payments/:id', 'GET /api/v1/payments/:id', <PaymentPage />),
  screen('/receivables', 'GET /api/v1/receivables', <ReceivablesPage />),
];
