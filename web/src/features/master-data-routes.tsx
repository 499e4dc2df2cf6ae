import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';
import { CATALOG_SCREENS, type CatalogPath } from '../app/nav';

const catalog = () => import('./catalog/screens');
const BrandsPage = lazyScreen(catalog, 'BrandsPage');
const CategoriesPage = lazyScreen(catalog, 'CategoriesPage');
const ModelsPage = lazyScreen(catalog, 'ModelsPage');
const PartsPage = lazyScreen(catalog, 'PartsPage');
const ServiceTypePage = lazyScreen(catalog, 'ServiceTypePage');
const ServiceTypesPage = lazyScreen(catalog, 'ServiceTypesPage');
const TechnicianPage = lazyScreen(() => import('./technicians/screens'), 'TechnicianPage');

const CATALOG_PAGES: Record<CatalogPath, React.ReactNode> = {
  '/catalog/categories': <CategoriesPage />,
  '/catalog/brands': <BrandsPage />,
  '/catalog/models': <ModelsPage />,
  '/catalog/service-types': <ServiceTypesPage />,
  '/catalog/parts': <PartsPage />,
};

/** The catalogue screens and the record pages below the menu's screens (a service type, a technician). */
export const MASTER_DATA_ROUTES: RouteObject[] = [
  ...CATALOG_SCREENS.map((s) => ({
    path: s.path,
    element: <RequireRole needs={s.needs}>{CATALOG_PAGES[s.path]}</RequireRole>,
  })),
  {
    path: '/catalog/service-types/:id',
    element: (
      <RequireRole needs="GET /api/v1/service-types/:id">
        <ServiceTypePage />
      </RequireRole>
    ),
  },
  {
    path: '/settings/technicians/:id',
    element: (
      <RequireRole needs="GET /api/v1/technicians/:id">
        <TechnicianPage />
      </RequireRole>
    ),
  },
];
