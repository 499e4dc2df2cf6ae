import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { FRONT_OFFICE_ROUTES } from '../features/front-office-routes';
import { MASTER_DATA_ROUTES } from '../features/master-data-routes';
import { ORDERS_ROUTES } from '../features/orders-routes';
import { REPORT_ROUTES } from '../features/report-routes';
import { SALES_ROUTES } from '../features/sales-routes';
import { STOCK_ROUTES } from '../features/stock-routes';
import { FullPageLoader, NotFound, RouteError } from '../ui/states';
import { loadHome, loadShell } from './first-screens';
import { AppRoot, RequireAuth, RequireRole } from './guards';
import { lazyScreen } from './lazy-screen';
import type { SettingsPath } from './nav';
import { SETTINGS_SCREENS } from './nav';

// Only the sign-in screen comes with the first download; every other screen is fetched when first opened.
const HomePage = lazyScreen(loadHome, 'HomePage');
const ImportPage = lazyScreen(() => import('../features/imports/import-page'), 'ImportPage');
const ApiTokensPage = lazyScreen(
  () => import('../features/settings/api-tokens/api-tokens-page'),
  'ApiTokensPage',
);
const AuditLogPage = lazyScreen(() => import('../features/settings/audit/audit-log-page'), 'AuditLogPage');
const CompanySettingsPage = lazyScreen(
  () => import('../features/settings/company/company-settings-page'),
  'CompanySettingsPage',
);
const JobsPage = lazyScreen(() => import('../features/settings/jobs/jobs-page'), 'JobsPage');
const NumberingSeriesPage = lazyScreen(
  () => import('../features/settings/numbering/numbering-series-page'),
  'NumberingSeriesPage',
);
const VatRatesPage = lazyScreen(
  () => import('../features/settings/vat-rates/vat-rates-page'),
  'VatRatesPage',
);
const UsersPage = lazyScreen(() => import('../features/settings/users/users-page'), 'UsersPage');
const TechniciansPage = lazyScreen(() => import('../features/technicians/screens'), 'TechniciansPage');
// A customer's page from the QR code: no session, no setup check, no menu.
// It comes with the shell (every text, every style) that the sign-in screen does without.
const PublicStatusPage = lazy(async () => {
  const [{ PublicStatusPage: Page }, { ShellProviders }] = await Promise.all([
    import('../features/public-status/public-status-page'),
    loadShell(),
  ]);
  return {
    default: () => (
      <ShellProviders>
        <Page />
      </ShellProviders>
    ),
  };
});
const ServiceSettingsPage = lazyScreen(() => import('../features/orders/screens'), 'ServiceSettingsPage');
const PlanningSettingsPage = lazyScreen(() => import('../features/visits/screens'), 'PlanningSettingsPage');
const MailSettingsPage = lazyScreen(() => import('../features/mail/screens'), 'MailSettingsPage');
const OutboxPage = lazyScreen(() => import('../features/mail/screens'), 'OutboxPage');
const FiscalDevicePage = lazyScreen(
  () => import('../features/fiscal/fiscal-device-page'),
  'FiscalDevicePage',
);

const FiscalSitesPage = lazyScreen(() => import('../features/fiscal/fiscal-sites-page'), 'FiscalSitesPage');

const PAGES: Record<SettingsPath, React.ReactNode> = {
  '/settings/company': <CompanySettingsPage />,
  '/settings/numbering': <NumberingSeriesPage />,
  '/settings/vat-rates': <VatRatesPage />,
  '/settings/users': <UsersPage />,
  '/settings/technicians': <TechniciansPage />,
  '/settings/api-tokens': <ApiTokensPage />,
  '/settings/audit': <AuditLogPage />,
  '/settings/jobs': <JobsPage />,
  '/settings/email': <MailSettingsPage />,
  '/settings/outbox': <OutboxPage />,
  '/import': <ImportPage />,
  '/settings/service': <ServiceSettingsPage />,
  '/settings/visits': <PlanningSettingsPage />,
  '/settings/fiscal-device': <FiscalDevicePage />,
  '/settings/fiscal-sites': <FiscalSitesPage />,
};

export const routes: RouteObject[] = [
  {
    path: 's/:token',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullPageLoader />}>
        <PublicStatusPage />
      </Suspense>
    ),
  },
  {
    element: <AppRoot />,
    errorElement: <RouteError />,
    children: [
      { path: 'login', element: <SignInPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            // A screen that fails (its download included) says so inside the menu, which stays usable.
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              ...SETTINGS_SCREENS.map((s) => ({
                path: s.path,
                element: <RequireRole needs={s.needs}>{PAGES[s.path]}</RequireRole>,
              })),
              ...FRONT_OFFICE_ROUTES,
              ...MASTER_DATA_ROUTES,
              ...STOCK_ROUTES,
              ...ORDERS_ROUTES,
              ...SALES_ROUTES,
              ...REPORT_ROUTES,
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
