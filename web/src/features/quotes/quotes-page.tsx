import { Anchor, Button, MultiSelect, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import { QUOTE_STATUSES } from '@servix/server/modules/quotes/quotes.lifecycle';
import type { QuoteListItem } from '@servix/server/modules/quotes/quotes.schema';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { quotesKey } from '../../api/quotes';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { type Column, type ListState, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { QuoteStatusBadge } from './quote-badges';

type Filter = 'status';

function StatusFilter({ list }: { list: ListState<Filter> }) {
  const { t } = useTranslation();
  const value = list.filters.status?.split(',').filter(Boolean) ?? [];
  return (
    <MultiSelect
      aria-label={t('quotes.statusLabel')}
      placeholder={value.length ? undefined : t('quotes.list.allStatuses')}
      data={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`quotes.status.${s}`) }))}
      value={value}
      onChange={(v) => list.setFilter('status', v.join(','))}
      clearable
      w={{ base: '100%', sm: 300 }}
    />
  );
}

/** The repair quotes: status (as it reads today), customer, item, validity, total; search and status filter. */
export function QuotesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const list = useListState({ filters: ['status'] as const, defaultSort: '-createdAt' });
  const result = usePagedList<QuoteListItem>(quotesKey, '/repair-quotes', list.query);
  const columns: Column<QuoteListItem>[] = [
    {
      key: 'number',
      header: t('quotes.number'),
      sortKey: 'number',
      nowrap: true,
      phone: 'title',
      render: (q) => (
        <Anchor component={Link} to={`/quotes/${q.id}`} size="sm" ff="monospace" fw={500}>
          {q.number}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('quotes.statusLabel'),
      sortKey: 'status',
      phone: 'primary',
      render: (q) => <QuoteStatusBadge status={q.status} />,
    },
    { key: 'customer', header: t('quotes.customer'), phone: 'primary', render: (q) => q.customerName },
    {
      key: 'item',
      header: t('quotes.item'),
      phone: 'primary',
      render: (q) => (
        <Text size="sm" lineClamp={2}>
          {q.itemLabel}
        </Text>
      ),
    },
    {
      key: 'validUntil',
      header: t('quotes.validUntil'),
      sortKey: 'validUntil',
      nowrap: true,
      phone: 'secondary',
      render: (q) => formatDate(q.validUntil, locale),
    },
    {
      key: 'order',
      header: t('quotes.order'),
      nowrap: true,
      phone: 'secondary',
      render: (q) => q.orderNumber ?? '—',
    },
    {
      key: 'total',
      header: t('quotes.total'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (q) => formatMoney(q.totalCents, locale),
    },
  ];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('quotes.list.title')}
        description={t('quotes.list.description')}
        actions={
          canCall(user.role, 'POST /api/v1/repair-quotes') && (
            <Button
              component={Link}
              to="/quotes/new"
              leftSection={<IconPlus size={16} />}
              data-testid="new-quote"
            >
              {t('quotes.create.open')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('quotes.list.searchHint')}
        filters={<StatusFilter list={list} />}
        columns={columns}
        rowKey={(q) => q.id}
        rowHref={(q) => `/quotes/${q.id}`}
        minWidth={900}
        data-testid="quotes-table"
        empty={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('quotes.list.empty')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('quotes.list.hint')}
            </Text>
          </Stack>
        }
      />
    </Stack>
  );
}
