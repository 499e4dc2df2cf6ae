import { foundation } from './0001-foundation';
import { parties } from './0002-parties';
import { catalog } from './0003-catalog';
import { items } from './0004-items';
import { technicians } from './0005-technicians';
import { imports } from './0006-imports';
import { stock } from './0007-stock';
import { searchIndex } from './0008-search-index';
import { jobs } from './0009-jobs';
import { authSecurity } from './0010-auth-security';
import { lockDate } from './0011-lock-date';
import { datedLedger } from './0012-dated-ledger';
import { demoCompany } from './0013-demo-company';
import { serviceOrders } from './0014-service-orders';
import { technicianEarnings } from './0015-technician-earnings';
import { repairQuotes } from './0016-repair-quotes';
import { purchaseRequests } from './0017-purchase-requests';
import { ordersSpeed } from './0018-orders-speed';
import { attachments } from './0019-attachments';
import { salesInvoices } from './0020-sales-invoices';
import { fiscalDevice } from './0021-fiscal-device';
import { earningShares } from './0022-earning-shares';
import { moneyAccounts } from './0023-money-accounts';
import { salesNotes } from './0024-sales-notes';
import { customerPayments } from './0025-customer-payments';
import { boardOrder } from './0027-board-order';
import { saleReceipts } from './0028-sale-receipts';
import { bankStatementLines } from './0029-bank-statement-lines';
import { goodsNotes } from './0030-goods-notes';
import { salesProformas } from './0031-sales-proformas';
import { counterSales } from './0032-counter-sales';
import { fiscalCashDesk } from './0033-fiscal-cash-desk';
import { customerRefunds } from './0034-customer-refunds';
import { documentsOnTheLifecycle } from './0035-documents-on-the-lifecycle';
import { visits } from './0036-visits';
import { orderSignatures } from './0037-order-signatures';
import { visitStart } from './0038-visit-start';
import { bgMoneyRequirements } from './0039-bg-money-requirements';
import { mail } from './0040-mail';
import { paymentReceipts } from './0041-payment-receipts';
import { eurNotesAndVatRates } from './0042-eur-notes-and-vat-rates';
import { fiscalSites } from './0043-fiscal-sites';
import { refundStornos } from './0044-refund-stornos';
import { vatRateKindsOfItems } from './0045-vat-rate-kinds-of-items';
import { vatRateKindsOfProformaLines } from './0046-vat-rate-kinds-of-proforma-lines';
import type { Migration } from './helpers';

/** One ordered list for both databases. Append only: a migration that has run is never edited. */
export const MIGRATIONS: Migration[] = [
  foundation,
  parties,
  catalog,
  items,
  technicians,
  imports,
  stock,
  searchIndex,
  jobs,
  authSecurity,
  lockDate,
  datedLedger,
  demoCompany,
  serviceOrders,
  technicianEarnings,
  repairQuotes,
  purchaseRequests,
  ordersSpeed,
  attachments,
  salesInvoices,
  fiscalDevice,
  earningShares,
  moneyAccounts,
  salesNotes,
  customerPayments,
  boardOrder,
  saleReceipts,
  bankStatementLines,
  goodsNotes,
  salesProformas,
  counterSales,
  fiscalCashDesk,
  customerRefunds,
  documentsOnTheLifecycle,
  visits,
  orderSignatures,
  visitStart,
  bgMoneyRequirements,
  mail,
  paymentReceipts,
  eurNotesAndVatRates,
  fiscalSites,
  refundStornos,
  vatRateKindsOfItems,
  vatRateKindsOfProformaLines,
];
