/** The visit screens: one download, the first time either opens. */
export { NewVisitRequestPage } from './new-request-page';
export { OccupancyPage } from './occupancy-page';
export { PlanningSettingsPage } from './planning-settings-page';
export { VisitRequestPage } from './request-page';
export { VisitRequestsPage } from './requests-page';
export { SchedulePage } from './schedule-page';
