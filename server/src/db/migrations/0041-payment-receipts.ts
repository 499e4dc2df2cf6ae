import type { Migration } from './helpers';

/**
 * A customer payment in cash or by card is finished with a fiscal receipt (FIS-01, ADR 0037):
 * - sale_receipt.payment_id: the customer payment (ADR 0020) the receipt was printed for; null for an order's receipt
 *   and a counter sale. Unique: one receipt per payment. The receipt shares the payment's money movement (its
 *   movement_id), so the cash desk counts the money once.
 */
export const paymentReceipts: Migration = {
  name: '0041-payment-receipts',
  async up(db) {
    await db.schema
      .alterTable('sale_receipt')
      .addColumn('payment_id', 'text', (c) => c.references('customer_payment.id'))
      .execute();
    await db.schema
      .createIndex('sale_receipt_payment_uq')
      .on('sale_receipt')
      .column('payment_id')
      .unique()
      .execute();
  },
};
