import { Anchor } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Locale } from '../../i18n';
import type { Column } from '../../ui/list';

/** What every sale document's list row carries (invoices, proformas). */
interface SaleDocumentRow {
  documentDate: string;
  recipientName: string;
  orderId: string | null;
  orderNumber: string | null;
  totalCents: number;
  currency: string;
}

/** The issue date, the recipient, the order it bills (linked) and the total: the same columns in each sale list. */
export function saleDocumentColumns<T extends SaleDocumentRow>(t: TFunction, locale: Locale): Column<T>[] {
  return [
    {
      key: 'documentDate',
      header: t('invoices.issueDate'),
      sortKey: 'documentDate',
      nowrap: true,
      phone: 'primary',
      render: (d) => formatDate(d.documentDate, locale),
    },
    {
      key: 'recipient',
      header: t('invoices.recipient'),
      sortKey: 'recipientName',
      phone: 'primary',
      render: (d) => d.recipientName,
    },
    {
      key: 'order',
      header: t('invoices.order'),
      nowrap: true,
      phone: 'secondary',
      render: (d) =>
        d.orderId && d.orderNumber ? (
          <Anchor component={Link} to={`/orders/${d.orderId}`} size="sm" ff="monospace">
            {d.orderNumber}
          </Anchor>
        ) : (
          '—'
        ),
    },
    {
      key: 'total',
      header: t('invoices.total'),
      sortKey: 'totalCents',
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (d) => formatMoney(d.totalCents, locale, d.currency),
    },
  ];
}
