import type { Access, Role } from './kernel/access';
import { CATALOG_ACCESS } from './modules/catalog/catalog.access';
import { FISCAL_ACCESS } from './modules/fiscal/fiscal.access';
import { GOODS_NOTES_ACCESS } from './modules/goods-notes/goods-notes.access';
import { IMPORTS_ACCESS } from './modules/imports/imports.access';
import { ITEMS_ACCESS } from './modules/items/items.access';
import { JOBS_ACCESS } from './modules/jobs/jobs.access';
import { MAIL_ACCESS } from './modules/mail/mail.access';
import { MONEY_ACCESS } from './modules/money/money.access';
import { ONBOARDING_ACCESS } from './modules/onboarding/onboarding.access';
import { EARNINGS_ACCESS, ORDERS_ACCESS } from './modules/orders/orders.access';
import { PARTIES_ACCESS } from './modules/parties/parties.access';
import { PAYMENTS_ACCESS } from './modules/payments/payments.access';
import { PURCHASING_ACCESS } from './modules/purchasing/purchasing.access';
import { QUOTES_ACCESS } from './modules/quotes/quotes.access';
import { NAP_AUDIT_ACCESS, RECEIPTS_ACCESS } from './modules/receipts/receipts.access';
import { SALES_ACCESS, VAT_JOURNAL_ACCESS } from './modules/sales/sales.access';
import { STOCK_ACCESS } from './modules/stock/stock.access';
import { TECHNICIANS_ACCESS } from './modules/technicians/technicians.access';
import { VISITS_ACCESS } from './modules/visits/visits.access';

const ADMIN = ['admin'] as const satisfies readonly Role[];
const SETTINGS = ['admin', 'manager'] as const satisfies readonly Role[];
const NUMBERING_READ = ['admin', 'manager', 'accountant'] as const satisfies readonly Role[];
const NUMBERING_WRITE = ['admin', 'accountant'] as const satisfies readonly Role[];

/**
 * Who may call each route: the one table, gathered here by the app from the modules' <m>.access.ts maps and
 * enforced in one place (http/auth-hook.ts).
 * A route under /api that is missing here stops the server at start, so nothing is open by accident.
 */
export const ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  // Wipes the demo company whole (refused on a real one): the administrator's choice to start their own.
  'POST /api/v1/setup/leave-demo': ADMIN,
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'GET /api/v1/auth/me': 'authenticated',
  'PATCH /api/v1/auth/me': 'authenticated',

  'GET /api/v1/company': 'authenticated',
  'PUT /api/v1/company': SETTINGS,
  // The closed period is the accountant's: the books up to it are signed and never change.
  'PUT /api/v1/company/lock-date': ['admin', 'accountant'],
  // INV-08: every signed-in user reads the rates (forms offer them); admin and accountant add a change by law.
  'GET /api/v1/vat-rates': 'authenticated',
  'POST /api/v1/vat-rates': ['admin', 'accountant'],
  'GET /api/v1/company/logo': 'authenticated',
  'PUT /api/v1/company/logo': SETTINGS,
  'DELETE /api/v1/company/logo': SETTINGS,

  'GET /api/v1/numbering-series': NUMBERING_READ,
  'POST /api/v1/numbering-series': NUMBERING_WRITE,
  'PATCH /api/v1/numbering-series/:id': NUMBERING_WRITE,

  'GET /api/v1/users': SETTINGS,
  'GET /api/v1/users/:id': SETTINGS,
  'POST /api/v1/users': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,

  'GET /api/v1/api-tokens': ADMIN,
  'POST /api/v1/api-tokens': ADMIN,
  'DELETE /api/v1/api-tokens/:id': ADMIN,

  // The audit log: also the NAP auditor's (read-only, FIS-05, ADR 0037).
  'GET /api/v1/audit': ['admin', 'manager', 'accountant', 'auditor'],

  // Every signed-in user reaches the import routes; each import then checks its entity's write rule
  // (<m>.access.ts), and a job's status and report only its creator or an administrator.
  ...IMPORTS_ACCESS,
  'GET /api/v1/search': 'authenticated',

  ...PARTIES_ACCESS,
  ...CATALOG_ACCESS,
  ...ITEMS_ACCESS,
  ...TECHNICIANS_ACCESS,
  ...VISITS_ACCESS,
  ...STOCK_ACCESS,
  ...EARNINGS_ACCESS,
  ...PURCHASING_ACCESS,
  ...JOBS_ACCESS,
  ...ONBOARDING_ACCESS,
  ...ORDERS_ACCESS,
  ...QUOTES_ACCESS,
  ...FISCAL_ACCESS,
  ...SALES_ACCESS,
  ...VAT_JOURNAL_ACCESS,
  ...MONEY_ACCESS,
  ...PAYMENTS_ACCESS,
  ...RECEIPTS_ACCESS,
  ...NAP_AUDIT_ACCESS,
  ...GOODS_NOTES_ACCESS,
  ...MAIL_ACCESS,
};
