import { Badge } from '@mantine/core';
import type { InvoiceStatus } from '@servix/server/modules/sales/sales.schema';
import { useTranslation } from 'react-i18next';

const COLOR: Record<InvoiceStatus, string> = { draft: 'gray', issued: 'green', cancelled: 'red' };

export function InvoiceStatusBadge({ status, size = 'sm' }: { status: InvoiceStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size={size} data-testid="invoice-status">
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}
