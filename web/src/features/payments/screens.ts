/** The payments and receivables screens: one download, the first time any of them opens. */

export { BankStatementPage } from './bank-statement-page';
export { NewPaymentPage } from './new-payment-page';
export { PaymentPage } from './payment-page';
export { PaymentsPage } from './payments-page';
export { ReceivablesPage } from './receivables-page';
