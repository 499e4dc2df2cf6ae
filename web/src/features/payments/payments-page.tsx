import { Anchor, Button, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { PaymentListItem } from '@servix/server/modules/payments/payments.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paymentsKey } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { type Column, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';

/** Customers' payments, newest first: number, date, customer, account, method, amount, the advance left. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const list = useListState({ defaultSort: '-date' });
  const result = usePagedList<PaymentListItem>(paymentsKey, '/payments', list.query);
  const columns: Column<PaymentListItem>[] = [
    {
      key: 'number',
      header: t('payments.list.number'),
      nowrap: true,
      phone: 'title',
      render: (p) => (
        <Anchor component={Link} to={`/payments/${p.id}`} size="sm" ff="monospace" fw={500}>
          {p.number}
        </Anchor>
      ),
    },
    {
      key: 'date',
      header: t('payments.list.date'),
      sortKey: 'date',
      nowrap: true,
      phone: 'primary',
      render: (p) => formatDate(p.date, locale),
    },
    { key: 'customer', header: t('payments.list.customer'), phone: 'primary', render: (p) => p.partyName },
    {
      key: 'account',
      header: t('payments.list.account'),
      phone: 'secondary',
      render: (p) => `${p.accountName} · ${t(`payments.method.${p.method}`)}`,
    },
    {
      key: 'amount',
      header: t('payments.list.amount'),
      sortKey: 'amountCents',
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (p) => formatMoney(p.amountCents, locale, p.currency),
    },
    {
      key: 'unallocated',
      header: t('payments.list.unallocated'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (p) => (p.unallocatedCents ? formatMoney(p.unallocatedCents, locale, p.currency) : '—'),
    },
  ];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('payments.list.title')}
        description={t('payments.list.description')}
        actions={
          canCall(user.role, 'POST /api/v1/payments') && (
            <Button component={Link} to="/payments/new" data-testid="payment-new">
              {t('payments.list.new')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('payments.list.searchHint')}
        columns={columns}
        rowKey={(p) => p.id}
        rowHref={(p) => `/payments/${p.id}`}
        minWidth={820}
        data-testid="payments-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('payments.list.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
