import './technicians.links';

export {
  findOverlap,
  formatWeekdayHours,
  parseWeekdayHours,
  type WorkingInterval,
} from './technicians.hours';
export { TECHNICIANS_CSV_COLUMNS, type TechnicianImportRow, techniciansImport } from './technicians.import';
export { payTermsOn } from './technicians.pay';
export { technicianRoutes } from './technicians.routes';
export type { PayTerms, PayType, Technician } from './technicians.schema';
export { seedTechniciansDemo } from './technicians.seed';
export {
  findTechnicianOfUser,
  getTechnician,
  listTechnicians,
  technicianPayTermsOn,
} from './technicians.service';
