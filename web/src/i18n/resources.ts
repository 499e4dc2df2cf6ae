import { appMessages } from '../app/i18n';
import { authMessages } from '../features/auth/i18n';
import { addModelMessages } from '../features/catalog/add-model-i18n';
import { catalogMessages } from '../features/catalog/i18n';
import { customersMessages } from '../features/customers/i18n';
import { fieldMessages } from '../features/field/i18n';
import { fiscalMessages } from '../features/fiscal/i18n';
import { fiscalSitesMessages } from '../features/fiscal/sites-i18n';
import { homeMessages } from '../features/home/i18n';
import { importsMessages } from '../features/imports/i18n';
import { invoicesMessages } from '../features/invoices/i18n';
import { proformaMessages } from '../features/invoices/proforma-i18n';
import { itemsMessages } from '../features/items/i18n';
import { mailMessages } from '../features/mail/i18n';
import { moneyMessages } from '../features/money/i18n';
import { napAuditMessages } from '../features/nap-audit/i18n';
import { orderClosingMessages } from '../features/orders/closing-i18n';
import { orderCodesMessages } from '../features/orders/codes-i18n';
import { ordersMessages } from '../features/orders/i18n';
import { orderPhotosMessages } from '../features/orders/photos-i18n';
import { orderSignatureMessages } from '../features/orders/signature-i18n';
import { paymentsMessages } from '../features/payments/i18n';
import { publicStatusMessages } from '../features/public-status/i18n';
import { purchasingMessages } from '../features/purchasing/i18n';
import { quotesMessages } from '../features/quotes/i18n';
import { receiptsMessages } from '../features/receipts/i18n';
import { reportsMessages } from '../features/reports/i18n';
import { searchMessages } from '../features/search/i18n';
import { apiTokensMessages } from '../features/settings/api-tokens/i18n';
import { auditMessages } from '../features/settings/audit/i18n';
import { companyMessages } from '../features/settings/company/i18n';
import { jobsMessages } from '../features/settings/jobs/i18n';
import { numberingMessages } from '../features/settings/numbering/i18n';
import { usersMessages } from '../features/settings/users/i18n';
import { vatRatesMessages } from '../features/settings/vat-rates/i18n';
import { setupMessages } from '../features/setup/i18n';
import { stockMessages } from '../features/stock/i18n';
import { techniciansMessages } from '../features/technicians/i18n';
import { vatJournalMessages } from '../features/vat-journal/i18n';
import { visitsMessages } from '../features/visits/i18n';
import { uiMessages } from '../ui/i18n';
import { type DeepStrings, mergeMessages } from './messages';

/** Every feature's texts, by feature: i18n.test.ts checks each for the same keys in both languages. */
export const FEATURE_MESSAGES = {
  ui: uiMessages,
  app: appMessages,
  setup: setupMessages,
  auth: authMessages,
  home: homeMessages,
  company: companyMessages,
  numbering: numberingMessages,
  vatRates: vatRatesMessages,
  users: usersMessages,
  apiTokens: apiTokensMessages,
  audit: auditMessages,
  jobs: jobsMessages,
  customers: customersMessages,
  items: itemsMessages,
  search: searchMessages,
  imports: importsMessages,
  catalog: catalogMessages,
  stock: stockMessages,
  technicians: techniciansMessages,
  addModel: addModelMessages,
  publicStatus: publicStatusMessages,
  orders: ordersMessages,
  reports: reportsMessages,
  orderCodes: orderCodesMessages,
  quotes: quotesMessages,
  purchasing: purchasingMessages,
  orderPhotos: orderPhotosMessages,
  orderSignature: orderSignatureMessages,
  orderClosing: orderClosingMessages,
  fiscal: fiscalMessages,
  fiscalSites: fiscalSitesMessages,
  invoices: invoicesMessages,
  proformas: proformaMessages,
  money: moneyMessages,
  vatJournal: vatJournalMessages,
  napAudit: napAuditMessages,
  payments: paymentsMessages,
  receipts: receiptsMessages,
  visits: visitsMessages,
  field: fieldMessages,
  mail: mailMessages,
};

/** Bulgarian, the default language: every feature's tree merged into one. */
export const bg = mergeMessages(
  uiMessages.bg,
  appMessages.bg,
  setupMessages.bg,
  authMessages.bg,
  homeMessages.bg,
  companyMessages.bg,
  numberingMessages.bg,
  vatRatesMessages.bg,
  usersMessages.bg,
  apiTokensMessages.bg,
  auditMessages.bg,
  jobsMessages.bg,
  customersMessages.bg,
  itemsMessages.bg,
  searchMessages.bg,
  importsMessages.bg,
  catalogMessages.bg,
  stockMessages.bg,
  techniciansMessages.bg,
  addModelMessages.bg,
  publicStatusMessages.bg,
  ordersMessages.bg,
  reportsMessages.bg,
  orderCodesMessages.bg,
  quotesMessages.bg,
  purchasingMessages.bg,
  orderPhotosMessages.bg,
  orderSignatureMessages.bg,
  orderClosingMessages.bg,
  fiscalMessages.bg,
  fiscalSitesMessages.bg,
  invoicesMessages.bg,
  proformaMessages.bg,
  receiptsMessages.bg,
  visitsMessages.bg,
  fieldMessages.bg,
  moneyMessages.bg,
  vatJournalMessages.bg,
  napAuditMessages.bg,
  paymentsMessages.bg,
  mailMessages.bg,
);

/** The shape every language must have: the Bulgarian keys, with any text. */
export type Messages = DeepStrings<typeof bg>;

/** English, with exactly the Bulgarian keys (checked by the compiler and a test). */
export const en: Messages = mergeMessages(
  uiMessages.en,
  appMessages.en,
  setupMessages.en,
  authMessages.en,
  homeMessages.en,
  companyMessages.en,
  numberingMessages.en,
  vatRatesMessages.en,
  usersMessages.en,
  apiTokensMessages.en,
  auditMessages.en,
  jobsMessages.en,
  customersMessages.en,
  itemsMessages.en,
  searchMessages.en,
  importsMessages.en,
  catalogMessages.en,
  stockMessages.en,
  techniciansMessages.en,
  addModelMessages.en,
  publicStatusMessages.en,
  ordersMessages.en,
  reportsMessages.en,
  orderCodesMessages.en,
  quotesMessages.en,
  purchasingMessages.en,
  orderPhotosMessages.en,
  orderSignatureMessages.en,
  orderClosingMessages.en,
  fiscalMessages.en,
  fiscalSitesMessages.en,
  invoicesMessages.en,
  proformaMessages.en,
  receiptsMessages.en,
  visitsMessages.en,
  fieldMessages.en,
  moneyMessages.en,
  vatJournalMessages.en,
  napAuditMessages.en,
  paymentsMessages.en,
  mailMessages.en,
);
