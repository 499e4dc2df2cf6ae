import { Badge } from '@mantine/core';
import type { SaleReceipt } from '@servix/server/modules/receipts/receipts.schema';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR = { issued: 'green', reversed: 'gray' } as const;
const FISCAL_COLOR = { printing: 'yellow', printed: 'green', no_device: 'gray', failed: 'red' } as const;

export function ReceiptStatusBadge({ status }: { status: SaleReceipt['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="receipt-status">
      {t(`receipts.status.${status}`)}
    </Badge>
  );
}

export function FiscalStatusBadge({ status }: { status: SaleReceipt['fiscalStatus'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={FISCAL_COLOR[status]} variant="outline" data-testid="receipt-fiscal-status">
      {t(`receipts.fiscal.${status}`)}
    </Badge>
  );
}
