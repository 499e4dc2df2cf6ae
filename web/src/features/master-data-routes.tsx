import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/guards';
import { CATALOG_SCREENS, type CatalogPath } from '../app/nav';
import { BrandsPage } from './catalog/brands-page';
import { CategoriesPage } from './catalog/categories-page';
import { ModelsPage } from './catalog/models-page';
import { PartsPage } from './catalog/parts-page';
import { ServiceTypePage } from './catalog/service-type-page';
import { ServiceTypesPage } from './catalog/service-types-page';
import { TechnicianPage } from './technicians/technician-page';

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
