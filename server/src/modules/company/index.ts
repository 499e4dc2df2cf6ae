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
