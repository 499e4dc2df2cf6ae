export type { CompanySettings } from './company.schema';
export { createCompany, getCompanySettings, hasCompany } from './company.service';
