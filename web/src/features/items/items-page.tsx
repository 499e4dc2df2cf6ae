import { Anchor, Button, Stack, Text } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { Brand } from '@servix/server/modules/catalog/catalog.schema';
import type { Item } from '@servix/server/modules/items/items.schema';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { itemsKey } from '../../api/items';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import {
  type Column,
  FilterSelect,
  FilterSwitch,
  ListView,
  type PageOf,
  useListState,
  usePagedList,
} from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { WarrantyBadge } from './warranty-badge';

/** Every brand for the filter (a service company works with a few dozen). */
function useBrandOptions() {
  return useQuery({
    queryKey: ['catalog', 'brands', 'options'],
    queryFn: () => api.get<PageOf<Brand>>('/brands', { pageSize: 200, sort: 'name' }),
    staleTime: 60_000,
  });
}

export function ItemsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const canCreate = canCall(user.role, 'POST /api/v1/items');
  const list = useListState({
    filters: ['brandId', 'underWarranty', 'archived'] as const,
    defaultSort: '-createdAt',
  });
  const result = usePagedList<Item>(itemsKey, '/items', list.query);
  const brands = useBrandOptions().data?.items ?? [];

  const columns: Column<Item>[] = [
    {
      key: 'serial',
      header: t('items.serial'),
      sortKey: 'serial',
      nowrap: true,
      render: (i) => (
        <Anchor component={Link} to={`/items/${i.id}`} size="sm" ff="monospace" fw={500}>
          {i.serialNumber}
        </Anchor>
      ),
    },
    {
      key: 'model',
      phone: 'primary',
      header: t('items.model'),
      render: (i) => (
        <Text size="sm">
          <Text span size="sm" fw={500}>
            {i.brandName}
          </Text>{' '}
          {i.modelName}
        </Text>
      ),
    },
    {
      key: 'owner',
      phone: 'primary',
      header: t('items.owner'),
      render: (i) => (
        <Anchor component={Link} to={`/customers/${i.partyId}`} size="sm" c="inherit">
          {i.partyName}
        </Anchor>
      ),
    },
    { key: 'site', phone: 'secondary', header: t('items.site'), render: (i) => i.siteName ?? '—' },
    {
      key: 'purchase',
      phone: 'secondary',
      header: t('items.purchaseDate'),
      nowrap: true,
      render: (i) => (i.purchaseDate ? formatDate(i.purchaseDate, locale) : '—'),
    },
    {
      key: 'warranty',
      phone: 'primary',
      header: t('items.warrantyEnd'),
      sortKey: 'warrantyEnd',
      nowrap: true,
      render: (i) => <WarrantyBadge warranty={i.warranty} compact />,
    },
  ];

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('items.title')}
        description={t('items.description')}
        actions={
          canCreate && (
            <Button component={Link} to="/items/new" leftSection={<IconPlus size={16} />}>
              {t('items.add')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('items.searchHint')}
        filters={
          <>
            <FilterSelect
              list={list}
              name="brandId"
              label={t('items.brand')}
              placeholder={t('items.allBrands')}
              data={brands.map((b) => ({ value: b.id, label: b.name }))}
              w={190}
            />
            <FilterSelect
              list={list}
              name="underWarranty"
              label={t('items.warranty')}
              placeholder={t('items.anyWarranty')}
              data={[
                { value: 'true', label: t('items.underWarranty') },
                { value: 'false', label: t('items.notUnderWarranty') },
              ]}
              w={190}
            />
            <FilterSwitch list={list} name="archived" label={t('items.showArchived')} />
          </>
        }
        exportPath="/items"
        columns={columns}
        rowKey={(i) => i.id}
        rowHref={(i) => `/items/${i.id}`}
        minWidth={980}
        data-testid="items-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('items.empty')}
          </Text>
        }
      />
    </Stack>
  );
}
