export { companyRoutes } from './company.routes';
export type { CompanySettings } from './company.schema';
export { BgVatNumber, Uic } from './company.schema';
export { seedCompanyDemo } from './company.seed';
export {
  companyVatRegistered,
  createCompany,
  getCompanySettings,
  getEuroDisplay,
  getLockDate,
  getLogoDataUrl,
  hasCompany,
  isDemoCompany,
  isFiscalDeviceRequired,
} from './company.service';
export type { VatRateKind } from './company.table';
export {
  type ItemVat,
  type ItemVatGiven,
  itemVatOf,
  type RateOfKind,
  rateOfKind,
  vatRatesOn,
} from './vat-rates.service';
