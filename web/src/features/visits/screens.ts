/** The visit request screens: one download, the first time either opens. */
export { NewVisitRequestPage } from './new-request-page';
export { VisitRequestsPage } from './requests-page';
