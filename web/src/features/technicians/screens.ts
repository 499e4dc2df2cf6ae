/** The technicians' screens: one download, the first time either of them opens. */
export { TechnicianPage } from './technician-page';
export { TechniciansPage } from './technicians-page';
