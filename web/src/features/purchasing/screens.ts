/** The purchase request screens: one download, the first time either opens. */
export { PurchaseRequestPage } from './request-page';
export { PurchaseRequestsPage } from './requests-page';
