import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/guards';
import { lazyScreen } from '../app/lazy-screen';

const screens = () => import('./reports/screens');
const TechnicianEarningsPage = lazyScreen(screens, 'TechnicianEarningsPage');
const moneyScreens = () => import('./money/screens');
const MoneyAccountsPage = lazyScreen(moneyScreens, 'MoneyAccountsPage');
const MoneyAccountPage = lazyScreen(moneyScreens, 'MoneyAccountPage');
const paymentScreens = () => import('./payments/screens');
const BankStatementPage = lazyScreen(paymentScreens, 'BankStatementPage');
const vatJournalScreens = () => import('./vat-journal/screens');
const VatJournalPage = lazyScreen(vatJournalScreens, 'VatJournalPage');
const napAuditScreens = () => import('./nap-audit/screens');
const NapAuditPage = lazyScreen(napAuditScreens, 'NapAuditPage');

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
  {
    path: '/money/accounts',
    element: (
      <RequireRole needs="GET /api/v1/money-accounts">
        <MoneyAccountsPage />
      </RequireRole>
    ),
  },
  {
    path: '/money/accounts/:id',
    element: (
      <RequireRole needs="GET /api/v1/money-accounts/:id">
        <MoneyAccountPage />
      </RequireRole>
    ),
  },
  {
    path: '/money/accounts/:id/bank-statement',
    element: (
      <RequireRole needs="POST /api/v1/money-accounts/:id/bank-statement/preview">
        <BankStatementPage />
      </RequireRole>
    ),
  },
  {
    path: '/reports/vat-sales-journal',
    element: (
      <RequireRole needs="GET /api/v1/vat/sales-journal">
        <VatJournalPage />
      </RequireRole>
    ),
  },
  {
    path: '/reports/nap-audit-file',
    element: (
      <RequireRole needs="GET /api/v1/vat/audit-file.xml">
        <NapAuditPage />
      </RequireRole>
    ),
  },
];
