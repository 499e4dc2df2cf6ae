import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./reports/screens');
const TechnicianEarningsPage = lazyScreen(screens, 'TechnicianEarningsPage');

/** The reports section: technicians' earnings. */
export const REPORT_ROUTES: RouteObject[] = [
  {
    path: '/reports/technician-earnings',
    element: (
      <RequireRole needs="GET /api/v1/reports/technician-earnings">
        <TechnicianEarningsPage />
      </RequireRole>
    ),
  },
];
