/** The sale receipts' screens (ADR 0022, 0026): one download, the first time any opens. */
export { CounterSalePage } from './counter-sale-page';
export { ReceiptPage } from './receipt-page';
export { ReceiptsPage } from './receipts-page';
