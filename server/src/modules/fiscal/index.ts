/**
 * The fiscal module seen from other modules (issue 13 item 4, ADR 0017): a sale takes its УНП with
 * nextUniqueSaleNumber in its transaction, then prints with printSaleReceipt (a storno with printStornoReceipt) and
 * keeps the four fields of the result.
 */

export { daySalesOf } from './fiscal.day';
export type {
  FiscalCurrency,
  FiscalDevice,
  FiscalPayment,
  FiscalReceipt,
  FiscalReceiptResult,
  FiscalReversal,
  FiscalSaleLine,
  OriginalReceipt,
  ReversalReason,
} from './fiscal.device';
export { fiscalRoutes } from './fiscal.routes';
export type { DaySales, FiscalDeviceSettings, FiscalSite } from './fiscal.schema';
export {
  assertFiscalSaleAllowed,
  deviceCashNow,
  fiscalCurrencyOn,
  fiscalDeviceOf,
  fiscalTaxGroupOf,
  getFiscalDeviceSettings,
  nextUniqueSaleNumber,
  printSaleReceipt,
  printStornoReceipt,
  registerCashMove,
  retryDeviceTask,
  runZReport,
  type ZReportRecord,
  zReportsOn,
} from './fiscal.service';
export { deviceCashDeskIds, listSites, type SalePlacement, salePlacementOf } from './fiscal.sites';
