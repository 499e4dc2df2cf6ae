import { notifications } from '@mantine/notifications';
import type { SaleReceipt } from '@servix/server/modules/receipts/receipts.schema';
import type { TFunction } from 'i18next';

/** After "print again" (a receipt page, a payment's receipt, ADR 0037): printed now, or still not final. */
export function notifyPrintOutcome(t: TFunction, receipt: Pick<SaleReceipt, 'fiscalStatus'>): void {
  const printed = receipt.fiscalStatus === 'printed';
  notifications.show({
    color: printed ? 'green' : 'red',
    message: printed ? t('receipts.receipt.printed') : t('receipts.receipt.notFinal'),
  });
}
