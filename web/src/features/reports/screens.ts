/** The reports section's screens: one download, the first time any of them opens. */
export { TechnicianEarningsPage } from './earnings-page';
