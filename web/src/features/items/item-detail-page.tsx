import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import type { Item } from '@servix/server/modules/items/items.schema';
import {
  IconArchive,
  IconArchiveOff,
  IconArrowLeft,
  IconArrowsExchange,
  IconChevronDown,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { useDeleteItem, useItem, useItemAction, useItemHistory, useItemWarranty } from '../../api/items';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';
import { DateField } from '../../ui/date-field';
import { DetailField, InfoCard } from '../../ui/detail';
import { ResponsiveTable } from '../../ui/list';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { TransferModal } from './transfer-modal';
import { WarrantyBadge } from './warranty-badge';

/** The warranty today, and on any other date the user asks about (a repair date, a claim date). */
function WarrantyCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [date, setDate] = useState<string | null>(null);
  const onDate = useItemWarranty(item.id, date);
  const d = (s: string | null) => (s ? formatDate(s, locale) : '—');
  return (
    <InfoCard title={t('items.section.warranty')}>
      <Group gap="sm">
        <Text size="sm" c="dimmed" w={170}>
          {t('items.warrantyToday')}
        </Text>
        <WarrantyBadge warranty={item.warranty} size="lg" />
      </Group>
      <DetailField label={t('items.purchaseDate')}>{d(item.purchaseDate)}</DetailField>
      <DetailField label={t('items.warrantyMonths')}>
        {item.warrantyMonths === null ? '—' : t('items.months', { count: item.warrantyMonths })}
      </DetailField>
      {item.warrantyEnd && (
        <DetailField label={t('items.warrantyEndExplicit')}>{d(item.warrantyEnd)}</DetailField>
      )}
      <DetailField label={t('items.warrantyDoc')}>{item.warrantyDocNumber ?? '—'}</DetailField>
      <DetailField label={t('items.seller')}>{item.seller ?? '—'}</DetailField>
      <Card withBorder radius="sm" bg="gray.0" p="sm" mt="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField
            label={t('items.warrantyOnDate')}
            placeholder={t('items.pickDate')}
            value={date}
            onChange={(v) => setDate(v)}
            clearable
            w={200}
          />
          {date && onDate.data && (
            <Stack gap={2} pb={4}>
              <WarrantyBadge warranty={onDate.data} size="lg" />
              <Text size="xs" c="dimmed" data-testid="warranty-on-date">
                {onDate.data.underWarranty
                  ? t('items.coveredOn', { date: formatDate(onDate.data.date, locale) })
                  : t('items.notCoveredOn', { date: formatDate(onDate.data.date, locale) })}
              </Text>
            </Stack>
          )}
          {date && onDate.isError && (
            <Text size="sm" c="red">
              {messageOf(onDate.error)}
            </Text>
          )}
        </Group>
      </Card>
    </InfoCard>
  );
}

function OwnerHistory({ item }: { item: Item }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const history = useItemHistory(item.id);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  const owners = [...history.data.owners].reverse();
  return (
    <Stack gap="md">
      <InfoCard title={t('items.section.owners')}>
        <ResponsiveTable
          minWidth={600}
          data-testid="owner-history"
          rows={owners}
          rowKey={(o) => o.id}
          columns={[
            {
              key: 'owner',
              header: t('items.owner'),
              render: (o) => (
                <Anchor component={Link} to={`/customers/${o.partyId}`} size="sm">
                  {o.partyName}
                </Anchor>
              ),
            },
            { key: 'site', header: t('items.site'), render: (o) => o.siteName ?? '—' },
            {
              key: 'from',
              header: t('items.fromDate'),
              nowrap: true,
              render: (o) => formatDate(o.fromDate, locale),
            },
            {
              key: 'to',
              header: t('items.toDate'),
              nowrap: true,
              render: (o) =>
                o.toDate ? (
                  formatDate(o.toDate, locale)
                ) : (
                  <Badge size="sm" variant="light" color="blue" tt="none">
                    {t('items.currentOwner')}
                  </Badge>
                ),
            },
            { key: 'reason', header: t('items.transfer.reason'), render: (o) => o.reason ?? '—' },
          ]}
        />
      </InfoCard>
      {/* Records other modules keep about the item (service orders…) appear here once there are any. */}
      {history.data.events.length > 0 && (
        <InfoCard title={t('items.section.events')}>
          <Timeline bulletSize={14} lineWidth={2}>
            {history.data.events.map((e) => (
              <Timeline.Item key={`${e.source}-${e.id}`} title={e.title}>
                <Text size="xs" c="dimmed">
                  {formatDate(e.date.slice(0, 10), locale)}
                </Text>
                {e.source === 'service_order' && e.status && (
                  <Text size="xs">{t(`orderCodes.status.${e.status}`, { defaultValue: '' })}</Text>
                )}
                {e.detail && <Text size="sm">{e.detail}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </InfoCard>
      )}
    </Stack>
  );
}

function ItemActions({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const action = useItemAction();
  const remove = useDeleteItem();
  const [dialog, setDialog] = useState<'transfer' | 'delete' | null>(null);
  const canKeep = canCall(user.role, 'POST /api/v1/items/:id/transfer');
  const canDelete = canCall(user.role, 'DELETE /api/v1/items/:id');
  const archived = item.archivedAt !== null;
  const archive = (to: 'archive' | 'unarchive') =>
    action.mutate(
      { id: item.id, action: to },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: to === 'archive' ? t('items.archivedNotice') : t('items.unarchivedNotice'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
      },
    );
  return (
    <>
      {canKeep && !archived && (
        <Button
          variant="default"
          leftSection={<IconArrowsExchange size={16} />}
          onClick={() => setDialog('transfer')}
        >
          {t('items.transfer.action')}
        </Button>
      )}
      {(canKeep || canDelete) && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={action.isPending}>
              {t('customers.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canKeep &&
              (archived ? (
                <Menu.Item leftSection={<IconArchiveOff size={16} />} onClick={() => archive('unarchive')}>
                  {t('items.unarchive')}
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => archive('archive')}>
                  {t('items.archive')}
                </Menu.Item>
              ))}
            {canDelete && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                {t('items.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      {dialog === 'transfer' && <TransferModal item={item} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <ConfirmDeleteModal
          title={t('items.deleteTitle')}
          text={t('items.deleteText', { serial: item.serialNumber })}
          mutation={remove}
          variables={item.id}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('items.deleted') });
            navigate('/items', { replace: true });
          }}
          onArchive={
            archived
              ? undefined
              : () => {
                  setDialog(null);
                  archive('archive');
                }
          }
        />
      )}
    </>
  );
}

export function ItemDetailPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const { id } = useParams();
  const item = useItem(id);
  if (item.isPending) return <PageLoader />;
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.status === 404) return <NotFound />;
    return <LoadError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const i = item.data;
  const canEdit = canCall(user.role, 'PATCH /api/v1/items/:id');
  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to="/items" size="sm" c="dimmed">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('items.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={2} fz="h3">
            {i.brandName} {i.modelName}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('items.serial')}:
            </Text>
            <Text size="sm" ff="monospace" fw={600} data-testid="item-serial">
              {i.serialNumber}
            </Text>
            <WarrantyBadge warranty={i.warranty} />
            {i.archivedAt && (
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t('customers.archived')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {canEdit && (
            <Button component={Link} to={`/items/${i.id}/edit`} leftSection={<IconPencil size={16} />}>
              {t('common.edit')}
            </Button>
          )}
          <ItemActions item={i} />
        </Group>
      </Group>
      {i.archivedAt && <Alert color="gray">{t('items.archivedBanner')}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <InfoCard title={t('items.section.item')}>
          <DetailField label={t('items.owner')}>
            <Anchor component={Link} to={`/customers/${i.partyId}`} size="sm" fw={500}>
              {i.partyName}
            </Anchor>
          </DetailField>
          <DetailField label={t('items.site')}>
            {i.siteName ? (
              <Anchor component={Link} to={`/customers/${i.partyId}?tab=sites`} size="sm">
                {i.siteName}
              </Anchor>
            ) : (
              '—'
            )}
          </DetailField>
          <DetailField label={t('items.brand')}>{i.brandName}</DetailField>
          <DetailField label={t('items.model')}>{i.modelName}</DetailField>
          <DetailField label={t('items.serial')}>
            <Text span size="sm" ff="monospace">
              {i.serialNumber}
            </Text>
          </DetailField>
          <DetailField label={t('items.registered')}>
            {formatDate(i.createdAt.slice(0, 10), locale)}
          </DetailField>
          {i.notes && (
            <DetailField label={t('items.notes')}>
              <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.notes}
              </Text>
            </DetailField>
          )}
        </InfoCard>
        <WarrantyCard item={i} />
      </SimpleGrid>
      <OwnerHistory item={i} />
    </Stack>
  );
}
