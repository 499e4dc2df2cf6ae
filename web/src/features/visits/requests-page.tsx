import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { VISIT_REQUEST_STATUSES } from '@servix/server/modules/visits/visits.lifecycle';
import type { VisitRequestListItem } from '@servix/server/modules/visits/visits.schema';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visitRequestsKey } from '../../api/visits';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../ui/format';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const PRIORITY_COLOR = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' } as const;
export const STATUS_COLOR = {
  new: 'yellow',
  planned: 'blue',
  in_progress: 'grape',
  done: 'green',
  cancelled: 'gray',
} as const;

/** The queue of visit requests: open ones first by default, with filters (cards on a phone). */
export function VisitRequestsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const list = useListState({ filters: ['status', 'priority'] as const, defaultSort: '-createdAt' });
  const result = usePagedList<VisitRequestListItem>(visitRequestsKey, '/visit-requests', list.query);
  const duration = (m: number) => t('visits.minutes', { hours: Math.floor(m / 60), minutes: m % 60 });

  const columns: Column<VisitRequestListItem>[] = [
    {
      key: 'customer',
      header: t('visits.customer'),
      sortKey: 'customer',
      phone: 'title',
      render: (r) => (
        <Anchor component={Link} to={`/visits/${r.id}`} size="sm" fw={500}>
          {r.customerName}
        </Anchor>
      ),
    },
    {
      key: 'site',
      header: t('visits.site'),
      phone: 'primary',
      render: (r) => [r.siteName, r.siteAddress].filter(Boolean).join(', '),
    },
    { key: 'problem', header: t('visits.problem'), phone: 'primary', render: (r) => r.problem },
    {
      key: 'priority',
      header: t('visits.priorityLabel'),
      sortKey: 'priority',
      phone: 'primary',
      nowrap: true,
      render: (r) => (
        <Badge variant="light" color={PRIORITY_COLOR[r.priority]}>
          {t(`visits.priority.${r.priority}`)}
        </Badge>
      ),
    },
    {
      key: 'status',
      header: t('visits.statusLabel'),
      sortKey: 'status',
      phone: 'primary',
      nowrap: true,
      render: (r) => (
        <Badge variant="light" color={STATUS_COLOR[r.status]}>
          {t(`visits.status.${r.status}`)}
        </Badge>
      ),
    },
    {
      key: 'expected',
      header: t('visits.expected'),
      phone: 'secondary',
      nowrap: true,
      render: (r) => duration(r.expectedMinutes),
    },
    {
      key: 'window',
      header: t('visits.window'),
      phone: 'secondary',
      nowrap: true,
      render: (r) => (r.firstWindowStart ? formatInstant(r.firstWindowStart, locale) : t('visits.noWindow')),
    },
    {
      key: 'created',
      header: t('visits.created'),
      sortKey: 'createdAt',
      phone: 'secondary',
      nowrap: true,
      render: (r) => formatInstant(r.createdAt, locale),
    },
  ];

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('visits.title')}
        description={t('visits.description')}
        actions={
          canCall(user?.role, 'POST /api/v1/visit-requests') && (
            <Button component={Link} to="/visits/new" leftSection={<IconPlus size={16} />}>
              {t('visits.add')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('visits.searchHint')}
        filters={
          <>
            <FilterSelect
              list={list}
              name="status"
              label={t('visits.statusLabel')}
              placeholder={t('visits.allStatuses')}
              data={VISIT_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
              w={170}
            />
            <FilterSelect
              list={list}
              name="priority"
              label={t('visits.priorityLabel')}
              placeholder={t('visits.allPriorities')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`visits.priority.${p}`) }))}
              w={170}
            />
          </>
        }
        columns={columns}
        rowKey={(r) => r.id}
        rowHref={(r) => `/visits/${r.id}`}
        minWidth={960}
        data-testid="visit-requests-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('visits.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
