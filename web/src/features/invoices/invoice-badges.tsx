import { Badge } from '@mantine/core';
import type { InvoiceKind, InvoiceStatus } from '@servix/server/modules/sales/sales.schema';
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

const KIND_COLOR: Record<InvoiceKind, string> = {
  invoice: 'blue',
  credit_note: 'orange',
  debit_note: 'grape',
};

/** What a document of the invoice series is: invoice, credit note or debit note (INV-11). */
export function InvoiceKindBadge({ kind, size = 'sm' }: { kind: InvoiceKind; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLOR[kind]} variant="outline" size={size} data-testid="invoice-kind">
      {t(`invoices.kind.${kind}`)}
    </Badge>
  );
}
