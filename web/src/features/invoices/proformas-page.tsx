import { Anchor, Badge, Stack, Text } from '@mantine/core';
import {
  PROFORMA_STATUSES,
  type ProformaListItem,
  type ProformaStatus,
} from '@servix/server/modules/sales/proforma.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { proformasKey } from '../../api/proformas';
import { currentLocale } from '../../i18n';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { saleDocumentColumns } from './sale-document-columns';

const COLOR: Record<ProformaStatus, string> = { issued: 'blue', converted: 'green', cancelled: 'red' };

export function ProformaStatusBadge({ status, size = 'sm' }: { status: ProformaStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size={size} data-testid="proforma-status">
      {t(`proformas.status.${status}`)}
    </Badge>
  );
}

/** The proforma invoices (INV-13): number, status, date, recipient, order, total; search and a status filter. */
export function ProformasPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState({ filters: ['status'] as const, defaultSort: '-createdAt' });
  const result = usePagedList<ProformaListItem>(proformasKey, '/proformas', list.query);
  const columns: Column<ProformaListItem>[] = [
    {
      key: 'number',
      header: t('invoices.number'),
      sortKey: 'number',
      nowrap: true,
      phone: 'title',
      render: (p) => (
        <Anchor component={Link} to={`/proformas/${p.id}`} size="sm" ff="monospace" fw={500}>
          {p.number}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('invoices.statusLabel'),
      phone: 'primary',
      render: (p) => <ProformaStatusBadge status={p.status} />,
    },
    ...saleDocumentColumns<ProformaListItem>(t, locale),
  ];
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t('proformas.list.title')} description={t('proformas.list.description')} />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('proformas.list.searchHint')}
        filters={
          <FilterSelect
            list={list}
            name="status"
            label={t('invoices.statusLabel')}
            placeholder={t('proformas.list.allStatuses')}
            data={PROFORMA_STATUSES.map((s) => ({ value: s, label: t(`proformas.status.${s}`) }))}
          />
        }
        columns={columns}
        rowKey={(p) => p.id}
        rowHref={(p) => `/proformas/${p.id}`}
        minWidth={760}
        data-testid="proformas-table"
        empty={
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('proformas.list.empty')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('proformas.list.hint')}
            </Text>
          </Stack>
        }
      />
    </Stack>
  );
}
