export type { CompanySettings } from './company.schema';
export { createCompany, getCompanySettings, getLogoDataUrl, hasCompany } from './company.service';
