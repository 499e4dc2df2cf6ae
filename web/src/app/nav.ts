import {
  type Icon,
  IconAddressBook,
  IconBuilding,
  IconBuildingStore,
  IconBuildingWarehouse,
  IconCalendarCog,
  IconCalendarEvent,
  IconCalendarWeek,
  IconCash,
  IconCashRegister,
  IconCategory,
  IconChartBar,
  IconChartGridDots,
  IconClipboardList,
  IconClipboardPlus,
  IconClockPlay,
  IconCoin,
  IconFileCode,
  IconFileDollar,
  IconFileImport,
  IconFileInvoice,
  IconHammer,
  IconHistory,
  IconHome,
  IconKey,
  IconLayoutKanban,
  IconListNumbers,
  IconMailCog,
  IconMailForward,
  IconMapPin,
  IconPuzzle,
  IconReceipt,
  IconReceipt2,
  IconReceiptTax,
  IconReportMoney,
  IconSettingsCog,
  IconShoppingCart,
  IconStack2,
  IconTags,
  IconTool,
  IconTrendingDown,
  IconTruckDelivery,
  IconUserCheck,
  IconUserCog,
  IconUsers,
  IconWashMachine,
} from '@tabler/icons-react';
import type { Route } from './access';

export interface Screen {
  path: string;
  label:
    | 'nav.home'
    | 'nav.company'
    | 'nav.numbering'
    | 'nav.users'
    | 'nav.apiTokens'
    | 'nav.audit'
    | 'nav.jobs'
    | MasterDataLabel
    | FrontOfficeLabel
    | StockLabel
    | OrdersLabel
    | SalesLabel
    | 'reports.nav.earnings'
    | 'fiscal.nav'
    | 'fiscalSites.nav'
    | 'money.nav.accounts'
    | 'vatJournal.nav'
    | 'napAudit.nav'
    | 'vatRates.nav'
    | 'mail.nav.settings'
    | 'mail.nav.outbox';
  icon: Icon;
  /** The API call the screen cannot work without: a role that may not make it does not see the screen. */
  needs: Route;
  /** Lit only on its own path, not on the paths below it (a list whose records' pages are other screens). */
  exact?: boolean;
  /** Only for a user linked to a technician (their own work): /auth/me's technicianId. */
  technicianOnly?: boolean;
}

export const HOME: Screen = { path: '/', label: 'nav.home', icon: IconHome, needs: 'GET /api/v1/auth/me' };

type FrontOfficeLabel =
  | 'customers.nav'
  | 'items.nav'
  | 'visits.nav'
  | 'visits.navSchedule'
  | 'visits.navOccupancy'
  | 'visits.navSettings';

/** The front desk's everyday screens, right after Home in the menu. */
export const FRONT_OFFICE_SCREENS = [
  { path: '/customers', label: 'customers.nav', icon: IconAddressBook, needs: 'GET /api/v1/parties' },
  { path: '/items', label: 'items.nav', icon: IconWashMachine, needs: 'GET /api/v1/items' },
  // The dispatchers' queue: those who take and plan visit requests (admin, manager, reception).
  {
    path: '/visits',
    label: 'visits.nav',
    icon: IconCalendarEvent,
    needs: 'POST /api/v1/visit-requests',
    exact: true,
  },
  // The schedule calendar and the occupancy heat map (ADR 0034): the dispatchers plan on them.
  {
    path: '/visits/schedule',
    label: 'visits.navSchedule',
    icon: IconCalendarWeek,
    needs: 'POST /api/v1/visit-bookings',
  },
  {
    path: '/visits/occupancy',
    label: 'visits.navOccupancy',
    icon: IconChartGridDots,
    needs: 'POST /api/v1/visit-bookings',
  },
] as const satisfies readonly Screen[];

/** The screens under Settings, in menu order. */
export const SETTINGS_SCREENS = [
  { path: '/settings/company', label: 'nav.company', icon: IconBuilding, needs: 'GET /api/v1/company' },
  {
    path: '/settings/numbering',
    label: 'nav.numbering',
    icon: IconListNumbers,
    needs: 'GET /api/v1/numbering-series',
  },
  // INV-08: the dated VAT rates; everyone signed in reads them, admin and accountant add a change by law.
  {
    path: '/settings/vat-rates',
    label: 'vatRates.nav',
    icon: IconReceiptTax,
    needs: 'POST /api/v1/vat-rates',
  },
  { path: '/settings/users', label: 'nav.users', icon: IconUsers, needs: 'GET /api/v1/users' },
  {
    path: '/settings/technicians',
    label: 'technicians.nav',
    icon: IconUserCog,
    needs: 'GET /api/v1/technicians',
  },
  { path: '/settings/api-tokens', label: 'nav.apiTokens', icon: IconKey, needs: 'GET /api/v1/api-tokens' },
  { path: '/settings/audit', label: 'nav.audit', icon: IconHistory, needs: 'GET /api/v1/audit' },
  { path: '/settings/jobs', label: 'nav.jobs', icon: IconClockPlay, needs: 'GET /api/v1/jobs' },
  // Sending documents by e-mail (ADR 0036): the SMTP server is the administrator's, the outbox the office's.
  {
    path: '/settings/email',
    label: 'mail.nav.settings',
    icon: IconMailCog,
    needs: 'PUT /api/v1/company/smtp',
  },
  {
    path: '/settings/outbox',
    label: 'mail.nav.outbox',
    icon: IconMailForward,
    needs: 'GET /api/v1/mail/outbox',
  },
  { path: '/import', label: 'imports.nav', icon: IconFileImport, needs: 'POST /api/v1/imports/:entity/jobs' },
  {
    path: '/settings/service',
    label: 'orders.nav.settings',
    icon: IconSettingsCog,
    needs: 'PUT /api/v1/service-settings',
  },
  // The planning settings and days off (ADR 0034): the managers.
  {
    path: '/settings/visits',
    label: 'visits.navSettings',
    icon: IconCalendarCog,
    needs: 'PUT /api/v1/visit-settings',
  },
  {
    path: '/settings/fiscal-device',
    label: 'fiscal.nav',
    icon: IconReceipt,
    needs: 'GET /api/v1/fiscal-device',
  },
  // Sale sites, their devices and workstations (ADR 0041): the management configures, the desk picks its own.
  {
    path: '/settings/fiscal-sites',
    label: 'fiscalSites.nav',
    icon: IconBuildingStore,
    needs: 'GET /api/v1/fiscal-workstations',
  },
] as const satisfies readonly Screen[];

export type SettingsPath = (typeof SETTINGS_SCREENS)[number]['path'];

type MasterDataLabel =
  | 'catalog.nav.categories'
  | 'catalog.nav.brands'
  | 'catalog.nav.models'
  | 'catalog.nav.serviceTypes'
  | 'catalog.nav.parts'
  | 'technicians.nav'
  | 'imports.nav';

/** The catalogues that price the work, under "Catalogue" in the menu. */
export const CATALOG_SCREENS = [
  {
    path: '/catalog/categories',
    label: 'catalog.nav.categories',
    icon: IconCategory,
    needs: 'GET /api/v1/categories',
  },
  { path: '/catalog/brands', label: 'catalog.nav.brands', icon: IconTags, needs: 'GET /api/v1/brands' },
  { path: '/catalog/models', label: 'catalog.nav.models', icon: IconTool, needs: 'GET /api/v1/models' },
  {
    path: '/catalog/service-types',
    label: 'catalog.nav.serviceTypes',
    icon: IconHammer,
    needs: 'GET /api/v1/service-types',
  },
  { path: '/catalog/parts', label: 'catalog.nav.parts', icon: IconPuzzle, needs: 'GET /api/v1/parts' },
] as const satisfies readonly Screen[];

export type CatalogPath = (typeof CATALOG_SCREENS)[number]['path'];

type StockLabel =
  | 'stock.nav.levels'
  | 'stock.nav.documents'
  | 'stock.nav.low'
  | 'stock.nav.valuation'
  | 'stock.nav.warehouses'
  | 'purchasing.nav';

/** The storekeeper's screens, under "Stock" in the menu. */
export const STOCK_SCREENS = [
  { path: '/stock/levels', label: 'stock.nav.levels', icon: IconStack2, needs: 'GET /api/v1/stock/levels' },
  {
    path: '/stock/documents',
    label: 'stock.nav.documents',
    icon: IconFileInvoice,
    needs: 'GET /api/v1/stock/documents',
  },
  { path: '/stock/low', label: 'stock.nav.low', icon: IconTrendingDown, needs: 'GET /api/v1/stock/low' },
  {
    path: '/stock/valuation',
    label: 'stock.nav.valuation',
    icon: IconChartBar,
    needs: 'GET /api/v1/stock/valuation',
  },
  {
    path: '/stock/warehouses',
    label: 'stock.nav.warehouses',
    icon: IconBuildingWarehouse,
    needs: 'GET /api/v1/warehouses',
  },
  {
    path: '/stock/purchase-requests',
    label: 'purchasing.nav',
    icon: IconTruckDelivery,
    needs: 'GET /api/v1/purchase-requests',
  },
] as const satisfies readonly Screen[];

type OrdersLabel =
  | 'orders.nav.new'
  | 'orders.nav.list'
  | 'orders.nav.board'
  | 'orders.nav.mine'
  | 'orders.nav.settings'
  | 'field.nav'
  | 'quotes.nav.list';

/** The repair shop's daily screens, under "Service orders" in the menu. */
export const ORDERS_SCREENS = [
  {
    path: '/orders/new',
    label: 'orders.nav.new',
    icon: IconClipboardPlus,
    needs: 'POST /api/v1/service-orders',
  },
  {
    path: '/orders',
    label: 'orders.nav.list',
    icon: IconClipboardList,
    needs: 'GET /api/v1/service-orders',
    exact: true,
  },
  {
    path: '/orders/board',
    label: 'orders.nav.board',
    icon: IconLayoutKanban,
    needs: 'GET /api/v1/service-orders/board',
  },
  {
    path: '/orders/mine',
    label: 'orders.nav.mine',
    icon: IconUserCheck,
    needs: 'GET /api/v1/service-orders/mine',
    technicianOnly: true,
  },
  {
    path: '/my-jobs',
    label: 'field.nav',
    icon: IconMapPin,
    needs: 'GET /api/v1/visit-bookings/mine',
    technicianOnly: true,
  },
  {
    path: '/quotes',
    label: 'quotes.nav.list',
    icon: IconFileDollar,
    needs: 'GET /api/v1/repair-quotes',
  },
] as const satisfies readonly Screen[];

type SalesLabel =
  | 'invoices.nav.list'
  | 'proformas.nav.list'
  | 'receipts.nav.list'
  | 'receipts.nav.counter'
  | 'payments.nav.list'
  | 'payments.nav.receivables';

/** Sales (issue 13), under "Sales" in the menu: the invoices. */
export const SALES_SCREENS = [
  { path: '/invoices', label: 'invoices.nav.list', icon: IconReceipt, needs: 'GET /api/v1/invoices' },
  {
    path: '/proformas',
    label: 'proformas.nav.list',
    icon: IconFileInvoice,
    needs: 'GET /api/v1/proformas',
  },
  {
    path: '/counter-sale',
    label: 'receipts.nav.counter',
    icon: IconShoppingCart,
    needs: 'POST /api/v1/sale-receipts/counter-sale',
  },
  {
    path: '/sale-receipts',
    label: 'receipts.nav.list',
    icon: IconReceipt2,
    needs: 'GET /api/v1/sale-receipts',
  },
  { path: '/payments', label: 'payments.nav.list', icon: IconCashRegister, needs: 'GET /api/v1/payments' },
  {
    path: '/receivables',
    label: 'payments.nav.receivables',
    icon: IconReportMoney,
    needs: 'GET /api/v1/receivables',
  },
] as const satisfies readonly Screen[];

/** Reports for the office, under "Reports" in the menu. */
export const REPORT_SCREENS = [
  {
    path: '/reports/technician-earnings',
    label: 'reports.nav.earnings',
    icon: IconCoin,
    needs: 'GET /api/v1/reports/technician-earnings',
  },
  {
    path: '/money/accounts',
    label: 'money.nav.accounts',
    icon: IconCash,
    needs: 'GET /api/v1/money-accounts',
  },
  {
    path: '/reports/vat-sales-journal',
    label: 'vatJournal.nav',
    icon: IconFileInvoice,
    needs: 'GET /api/v1/vat/sales-journal',
  },
  {
    path: '/reports/nap-audit-file',
    label: 'napAudit.nav',
    icon: IconFileCode,
    needs: 'GET /api/v1/vat/audit-file.xml',
  },
] as const satisfies readonly Screen[];
