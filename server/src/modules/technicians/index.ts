import './technicians.links';

export {
  findOverlap,
  formatWeekdayHours,
  parseWeekdayHours,
  type WorkingInterval,
} from './technicians.hours';
export { TECHNICIANS_CSV_COLUMNS, type TechnicianImportRow, techniciansImport } from './technicians.import';
export { payTermsOn } from './technicians.pay';
export type { PayTerms, PayType, Technician } from './technicians.schema';
export { findTechnicianOfUser, getTechnician, technicianPayTermsOn } from './technicians.service';
