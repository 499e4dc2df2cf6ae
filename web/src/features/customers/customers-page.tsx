import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { PartyListItem } from '@servix/server/modules/parties/parties.schema';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partiesKey } from '../../api/parties';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { type Column, FilterSelect, FilterSwitch, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { PhoneNumber } from '../../ui/phone-number';
import { KindBadge, PartyFlags } from './customer-badges';

const dash = (s: string | null) => s ?? '—';

export function CustomersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canCreate = canCall(user.role, 'POST /api/v1/parties');
  const list = useListState({ filters: ['kind', 'role', 'archived'] as const, defaultSort: 'name' });
  const result = usePagedList<PartyListItem>(partiesKey, '/parties', list.query);

  const columns: Column<PartyListItem>[] = [
    {
      key: 'name',
      header: t('customers.name'),
      sortKey: 'name',
      render: (p) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/customers/${p.id}`} fw={500} size="sm" c="inherit">
            {p.name}
          </Anchor>
          <PartyFlags party={p} />
        </Group>
      ),
    },
    {
      key: 'kind',
      phone: 'primary',
      header: t('customers.kind'),
      render: (p) => <KindBadge kind={p.kind} />,
      width: 130,
    },
    {
      key: 'uic',
      phone: 'secondary',
      header: t('customers.uicShort'),
      render: (p) => dash(p.uic),
      nowrap: true,
    },
    {
      key: 'phone',
      phone: 'primary',
      header: t('customers.phone'),
      render: (p) => (p.phone ? <PhoneNumber value={p.phone} /> : dash(null)),
      nowrap: true,
    },
    {
      key: 'email',
      phone: 'secondary',
      header: t('customers.email'),
      render: (p) =>
        p.email ? (
          <Text size="sm" truncate maw={240}>
            {p.email}
          </Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'city',
      phone: 'primary',
      header: t('customers.city'),
      sortKey: 'city',
      render: (p) => dash(p.city),
      nowrap: true,
    },
  ];

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          canCreate && (
            <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
              {t('customers.add')}
            </Button>
          )
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('customers.searchHint')}
        filters={
          <>
            <FilterSelect
              list={list}
              name="kind"
              label={t('customers.kind')}
              placeholder={t('customers.allKinds')}
              data={[
                { value: 'company', label: t('customers.kinds.company') },
                { value: 'person', label: t('customers.kinds.person') },
              ]}
              w={170}
            />
            <FilterSelect
              list={list}
              name="role"
              label={t('customers.role')}
              placeholder={t('customers.allRoles')}
              data={[
                { value: 'customer', label: t('customers.roles.customer') },
                { value: 'supplier', label: t('customers.roles.supplier') },
              ]}
              w={170}
            />
            <FilterSwitch list={list} name="archived" label={t('customers.showArchived')} />
          </>
        }
        exportPath="/parties"
        columns={columns}
        rowKey={(p) => p.id}
        rowHref={(p) => `/customers/${p.id}`}
        minWidth={900}
        data-testid="customers-table"
        empty={
          <Stack align="center" gap="xs">
            <Text size="sm" c="dimmed">
              {t('customers.empty')}
            </Text>
            {canCreate && (
              <Button component={Link} to="/customers/new" variant="light" size="xs">
                {t('customers.add')}
              </Button>
            )}
          </Stack>
        }
      />
    </Stack>
  );
}
