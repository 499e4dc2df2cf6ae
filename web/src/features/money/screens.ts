/** The cash desks and bank accounts screens: one download, the first time any of them opens. */
export { MoneyAccountPage } from './account-page';
export { MoneyAccountsPage } from './accounts-page';
