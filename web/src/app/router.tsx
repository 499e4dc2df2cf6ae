import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { FRONT_OFFICE_ROUTES } from '../features/front-office-routes';
import { HomePage } from '../features/home/home-page';
import { ImportPage } from '../features/imports/import-page';
import { MASTER_DATA_ROUTES } from '../features/master-data-routes';
import { ApiTokensPage } from '../features/settings/api-tokens/api-tokens-page';
import { AuditLogPage } from '../features/settings/audit/audit-log-page';
import { CompanySettingsPage } from '../features/settings/company/company-settings-page';
import { JobsPage } from '../features/settings/jobs/jobs-page';
import { NumberingSeriesPage } from '../features/settings/numbering/numbering-series-page';
import { UsersPage } from '../features/settings/users/users-page';
import { STOCK_ROUTES } from '../features/stock-routes';
import { TechniciansPage } from '../features/technicians/technicians-page';
import { NotFound, RouteError } from '../ui/states';
import { AppRoot, RequireAuth, RequireRole } from './guards';
import type { SettingsPath } from './nav';
import { SETTINGS_SCREENS } from './nav';

const PAGES: Record<SettingsPath, React.ReactNode> = {
  '/settings/company': <CompanySettingsPage />,
  '/settings/numbering': <NumberingSeriesPage />,
  '/settings/users': <UsersPage />,
  '/settings/technicians': <TechniciansPage />,
  '/settings/api-tokens': <ApiTokensPage />,
  '/settings/audit': <AuditLogPage />,
  '/settings/jobs': <JobsPage />,
  '/import': <ImportPage />,
};

export const routes: RouteObject[] = [
  {
    element: <AppRoot />,
    errorElement: <RouteError />,
    children: [
      { path: 'login', element: <SignInPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          ...SETTINGS_SCREENS.map((s) => ({
            path: s.path,
            element: <RequireRole needs={s.needs}>{PAGES[s.path]}</RequireRole>,
          })),
          ...FRONT_OFFICE_ROUTES,
          ...MASTER_DATA_ROUTES,
          ...STOCK_ROUTES,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
