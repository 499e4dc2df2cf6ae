/** The customers section's screens: one download, the first time any of them opens. */
export { CustomerDetailPage } from './customer-detail-page';
export { CustomerEditPage, CustomerNewPage } from './customer-form-page';
export { CustomersPage } from './customers-page';
