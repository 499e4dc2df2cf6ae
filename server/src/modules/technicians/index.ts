import './technicians.links';

export {
  findOverlap,
  formatWeekdayHours,
  parseWeekdayHours,
  type WorkingInterval,
} from './technicians.hours';
export { payTermsOn } from './technicians.pay';
export { countActiveTechnicians } from './technicians.repository';
export { technicianRoutes } from './technicians.routes';
export type { PayTerms, PayType, Technician } from './technicians.schema';
export { seedTechniciansDemo } from './technicians.seed';
export {
  findTechnicianOfUser,
  getTechnician,
  listRoster,
  listTechnicians,
  payTermsOfTechnicians,
  type RosterTechnician,
  technicianExists,
  technicianPayTermsOn,
} from './technicians.service';
