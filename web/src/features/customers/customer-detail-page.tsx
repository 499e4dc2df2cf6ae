import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import type { Item } from '@servix/server/modules/items/items.schema';
import type { Party, Site } from '@servix/server/modules/parties/parties.schema';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowLeft,
  IconDots,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { itemsKey } from '../../api/items';
import { sitesKey, useDeleteSite, useParty, useSiteAction } from '../../api/parties';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';
import { DetailField, InfoCard } from '../../ui/detail';
import { type Column, FilterSwitch, ListView, useListState, usePagedList } from '../../ui/list';
import { formatPhone, PhoneNumber } from '../../ui/phone-number';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { WarrantyBadge } from '../items/warranty-badge';
import { EinvoiceConsentCard } from '../mail/einvoice-consent-card';
import { CustomerActions, EgnText } from './customer-actions';
import { KindBadge, PartyFlags } from './customer-badges';
import { SiteModal } from './site-modal';

const TABS = ['overview', 'sites', 'items'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

function Overview({ party }: { party: Party }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const company = party.kind === 'company';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <InfoCard title={t('customers.section.identity')}>
        <DetailField labelWidth={150} label={t('customers.kind')}>
          {t(`customers.kinds.${party.kind}`)}
        </DetailField>
        {company ? (
          <>
            <DetailField labelWidth={150} label={t('customers.uicShort')}>
              {party.uic ?? '—'}
            </DetailField>
            <DetailField labelWidth={150} label={t('customers.vatNumber')}>
              {party.vatNumber ?? '—'}
            </DetailField>
            <DetailField labelWidth={150} label={t('customers.mol')}>
              {party.mol ?? '—'}
            </DetailField>
          </>
        ) : (
          <>
            <DetailField labelWidth={150} label={t('customers.wantsInvoicesShort')}>
              {party.wantsInvoices ? t('common.yes') : t('common.no')}
            </DetailField>
            {party.wantsInvoices && (
              <DetailField labelWidth={150} label={t('customers.egn')}>
                <EgnText party={party} />
              </DetailField>
            )}
          </>
        )}
        <DetailField labelWidth={150} label={t('customers.role')}>
          {[
            party.isCustomer && t('customers.roles.customer'),
            party.isSupplier && t('customers.roles.supplier'),
          ]
            .filter(Boolean)
            .join(', ')}
        </DetailField>
      </InfoCard>

      <InfoCard title={t('customers.section.contactData')}>
        {party.phones.length === 0 && party.emails.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customers.noContactData')}
          </Text>
        )}
        {party.phones.map((p) => (
          <DetailField labelWidth={150} key={p.id} label={p.label ?? t('customers.phone')}>
            <Text size="sm" component="span">
              <PhoneNumber value={p.number} />
            </Text>
          </DetailField>
        ))}
        {party.emails.map((e) => (
          <DetailField labelWidth={150} key={e.id} label={e.label ?? t('customers.email')}>
            <Anchor href={`mailto:${e.email}`} size="sm">
              {e.email}
            </Anchor>
          </DetailField>
        ))}
      </InfoCard>

      <InfoCard title={t('customers.section.addresses')}>
        {party.addresses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customers.noAddresses')}
          </Text>
        )}
        {party.addresses.map((a) => (
          <DetailField labelWidth={150} key={a.id} label={t(`customers.addressLabels.${a.label}`)}>
            {[
              a.address,
              [a.postcode, a.city].filter(Boolean).join(' '),
              a.country === 'BG' ? null : a.country,
            ]
              .filter(Boolean)
              .join(', ') || '—'}
          </DetailField>
        ))}
      </InfoCard>

      <InfoCard title={t('customers.section.contacts')}>
        {party.contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customers.noContacts')}
          </Text>
        )}
        {party.contacts.map((c) => (
          <Stack key={c.id} gap={0}>
            <Text size="sm" fw={500}>
              {c.name}
              {c.position && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {c.position}
                </Text>
              )}
            </Text>
            <Text size="sm" c="dimmed">
              {[formatPhone(c.phone), c.email].filter(Boolean).join(' · ')}
            </Text>
            {c.notes && (
              <Text size="xs" c="dimmed">
                {c.notes}
              </Text>
            )}
          </Stack>
        ))}
      </InfoCard>

      {party.isCustomer && canCall(user.role, 'GET /api/v1/parties/:id/einvoice-consent') && (
        <EinvoiceConsentCard
          partyId={party.id}
          defaultEmail={party.emails[0]?.email ?? null}
          canEdit={
            canCall(user.role, 'PUT /api/v1/parties/:id/einvoice-consent') &&
            party.anonymisedAt === null &&
            party.archivedAt === null
          }
        />
      )}

      {party.notes && (
        <InfoCard title={t('customers.section.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {party.notes}
          </Text>
        </InfoCard>
      )}
    </SimpleGrid>
  );
}

function SiteRowActions({ site, partyLive, onEdit }: { site: Site; partyLive: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const action = useSiteAction();
  const remove = useDeleteSite();
  const [deleting, setDeleting] = useState(false);
  const canWrite = canCall(user.role, 'PATCH /api/v1/sites/:id');
  const canAddItem = canCall(user.role, 'POST /api/v1/items') && partyLive && site.archivedAt === null;
  const archive = (to: 'archive' | 'unarchive') =>
    action.mutate(
      { id: site.id, action: to },
      { onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }) },
    );
  if (!canWrite && !canAddItem) return null;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {canWrite && (
        <Tooltip label={t('common.edit')}>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={`${t('common.edit')} ${site.name}`}
            onClick={onEdit}
          >
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={`${t('common.actions')} ${site.name}`}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canAddItem && (
            <Menu.Item
              leftSection={<IconPlus size={16} />}
              component={Link}
              to={`/items/new?partyId=${site.partyId}&siteId=${site.id}`}
            >
              {t('sites.addItemHere')}
            </Menu.Item>
          )}
          {canWrite &&
            (site.archivedAt === null ? (
              <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => archive('archive')}>
                {t('sites.archive')}
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconArchiveOff size={16} />} onClick={() => archive('unarchive')}>
                {t('sites.unarchive')}
              </Menu.Item>
            ))}
          {canWrite && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              {t('sites.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {deleting && (
        <ConfirmDeleteModal
          title={t('sites.deleteTitle')}
          text={t('sites.deleteText', { name: site.name })}
          mutation={remove}
          variables={site.id}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            notifications.show({ color: 'green', message: t('sites.deleted') });
          }}
          onArchive={
            site.archivedAt === null
              ? () => {
                  setDeleting(false);
                  archive('archive');
                }
              : undefined
          }
        />
      )}
    </Group>
  );
}

function SitesTab({ party }: { party: Party }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const list = useListState({ filters: ['archived'] as const, defaultSort: 'name', pageSize: 50 });
  const result = usePagedList<Site>(sitesKey, `/customers/${encodeURIComponent(party.id)}/sites`, list.query);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const live = party.archivedAt === null && party.isCustomer;
  const canAdd = canCall(user.role, 'POST /api/v1/sites') && live;

  const columns: Column<Site>[] = [
    {
      key: 'name',
      header: t('sites.name'),
      sortKey: 'name',
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {s.name}
          </Text>
          {s.archivedAt && (
            <Badge size="sm" variant="light" color="gray" tt="none">
              {t('customers.archived')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'address',
      header: t('sites.address'),
      sortKey: 'city',
      render: (s) => [s.address, s.city].filter(Boolean).join(', ') || '—',
    },
    {
      key: 'contact',
      header: t('sites.contact'),
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm">{s.contactPerson ?? '—'}</Text>
          {s.contactPhone && (
            <Text size="xs" c="dimmed">
              {s.contactPhone}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'hours',
      header: t('sites.hoursAndAccess'),
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm">{s.workingHours ?? '—'}</Text>
          {s.accessNotes && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {s.accessNotes}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: '',
      width: 80,
      render: (s) => <SiteRowActions site={s} partyLive={live} onEdit={() => setEditing(s)} />,
    },
  ];

  return (
    <Stack gap="sm">
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('sites.searchHint')}
        filters={
          <>
            <FilterSwitch list={list} name="archived" label={t('sites.showArchived')} />
            {canAdd && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditing('new')}
                ml="auto"
                variant="light"
              >
                {t('sites.add')}
              </Button>
            )}
          </>
        }
        columns={columns}
        rowKey={(s) => s.id}
        minWidth={820}
        data-testid="sites-table"
        empty={
          <Text size="sm" c="dimmed">
            {t('sites.empty')}
          </Text>
        }
      />
      {editing && (
        <SiteModal
          partyId={party.id}
          site={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function ItemsTab({ party }: { party: Party }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const list = useListState({ defaultSort: '-createdAt', pageSize: 50 });
  const result = usePagedList<Item>(itemsKey, '/items', { ...list.query, partyId: party.id });
  const canAdd = canCall(user.role, 'POST /api/v1/items') && party.archivedAt === null && party.isCustomer;

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
    { key: 'model', header: t('items.model'), render: (i) => `${i.brandName} ${i.modelName}` },
    { key: 'site', header: t('items.site'), render: (i) => i.siteName ?? '—' },
    {
      key: 'purchase',
      header: t('items.purchaseDate'),
      nowrap: true,
      render: (i) => (i.purchaseDate ? formatDate(i.purchaseDate, locale) : '—'),
    },
    {
      key: 'warranty',
      header: t('items.warrantyEnd'),
      sortKey: 'warrantyEnd',
      nowrap: true,
      render: (i) => <WarrantyBadge warranty={i.warranty} compact />,
    },
  ];

  return (
    <ListView
      list={list}
      result={result}
      searchPlaceholder={t('items.searchHintShort')}
      filters={
        canAdd && (
          <Button
            component={Link}
            to={`/items/new?partyId=${party.id}`}
            leftSection={<IconPlus size={16} />}
            ml="auto"
            variant="light"
          >
            {t('items.add')}
          </Button>
        )
      }
      columns={columns}
      rowKey={(i) => i.id}
      rowHref={(i) => `/items/${i.id}`}
      minWidth={760}
      data-testid="customer-items-table"
      empty={
        <Text size="sm" c="dimmed">
          {t('items.emptyForCustomer')}
        </Text>
      }
    />
  );
}

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { id } = useParams();
  const party = useParty(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'overview';

  if (party.isPending) return <PageLoader />;
  if (party.isError) {
    if (party.error instanceof ApiError && party.error.status === 404) return <NotFound />;
    return <LoadError error={party.error} onRetry={() => void party.refetch()} />;
  }
  const p = party.data;
  const canEdit = canCall(user.role, 'PATCH /api/v1/parties/:id') && p.anonymisedAt === null;
  // Each tab has its own list: switching starts it afresh.
  const openTab = (next: string | null) =>
    setParams(next && next !== 'overview' ? { tab: next } : {}, { replace: true });

  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to="/customers" size="sm" c="dimmed">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('customers.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={2} fz="h3">
            {p.name}
          </Title>
          <Group gap="xs">
            <KindBadge kind={p.kind} />
            <PartyFlags party={p} />
            <Text size="sm" c="dimmed">
              {[p.uic && `${t('customers.uicShort')} ${p.uic}`, formatPhone(p.phone), p.city]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {canEdit && (
            <Button component={Link} to={`/customers/${p.id}/edit`} leftSection={<IconPencil size={16} />}>
              {t('common.edit')}
            </Button>
          )}
          <CustomerActions party={p} />
        </Group>
      </Group>
      {p.anonymisedAt && (
        <Alert color="gray">
          {t('customers.anonymisedNotice', {
            date: formatDate(p.anonymisedAt.slice(0, 10), currentLocale()),
          })}
        </Alert>
      )}
      {!p.anonymisedAt && p.archivedAt && <Alert color="gray">{t('customers.archivedBanner')}</Alert>}
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('customers.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab
            value="sites"
            rightSection={
              <Badge size="xs" variant="light" circle={p.siteCount < 10}>
                {p.siteCount}
              </Badge>
            }
          >
            {t('customers.tabs.sites')}
          </Tabs.Tab>
          <Tabs.Tab value="items">{t('customers.tabs.items')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview party={p} />
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <SitesTab party={p} />
        </Tabs.Panel>
        <Tabs.Panel value="items">
          <ItemsTab party={p} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
