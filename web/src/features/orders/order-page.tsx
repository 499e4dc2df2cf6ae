import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import {
  EVENT_KINDS,
  type EventKind,
  type OrderDetail,
  type StatusLinkAnswer,
  type TimelineEvent,
} from '@servix/server/modules/orders/orders.schema';
import {
  IconCopy,
  IconExternalLink,
  IconFileTypePdf,
  IconLink,
  IconLinkOff,
  IconPrinter,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { messageOf } from '../../api/client';
import {
  orderPdfUrl,
  useCreateLink,
  useOrder,
  useOrderTimeline,
  useRevokeLink,
  useUpdateOrder,
} from '../../api/orders';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { formatPhone } from '../../ui/phone-number';
import { FormAlert, LoadError, NotFound, PageLoader } from '../../ui/states';
import { OrderInvoiceAction } from '../invoices/order-invoice-action';
import { SendMailButton } from '../mail/send-mail';
import { OrderQuoteAction } from '../quotes/order-quote-action';
import { PlanWorkBlock } from '../visits/plan-work-block';
import { OrderFlags, OrderStatusBadge } from './order-badges';
import { OrderClosingAction } from './order-closing';
import { OrderLines } from './order-lines';
import { OrderPhotosCard } from './order-photos';
import { OrderSignature } from './order-signature';
import { needsConfirmation, useStatusMove } from './status-move';

/** The buttons of the statuses this order may move to now (the server's nextStatuses). */
function StatusActions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { move, modal, pendingTo } = useStatusMove();
  return (
    <>
      {order.nextStatuses.map((to) => {
        const ask = needsConfirmation(order.status, to);
        return (
          <Button
            key={to}
            variant={to === 'cancelled' || ask === 'refused' ? 'default' : 'filled'}
            color={to === 'cancelled' ? 'red' : undefined}
            loading={pendingTo === to}
            onClick={() => move(order.id, order.status, to)}
            data-testid={`move-${to}`}
            title={to === 'ready' && !ask ? t('orders.order.finishWarn') : undefined}
          >
            {ask === 'refused' ? t('orders.order.refuseButton') : t(`orders.moveTo.${to}`)}
          </Button>
        );
      })}
      {modal}
    </>
  );
}

function OrderInfo({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <InfoCard title={t('orders.order.details')}>
      <DetailField label={t('orders.customer')}>
        <Anchor component={Link} to={`/customers/${order.partyId}`} size="sm" fw={500}>
          {order.customerName}
        </Anchor>
        {order.customerPhone && (
          <>
            {' · '}
            <Anchor href={`tel:${order.customerPhone}`} size="sm">
              {formatPhone(order.customerPhone)}
            </Anchor>
          </>
        )}
      </DetailField>
      <DetailField label={t('orders.item')}>
        <Anchor component={Link} to={`/items/${order.itemId}`} size="sm" fw={500} data-testid="order-item">
          {order.itemLabel}
        </Anchor>
      </DetailField>
      {order.siteName && <DetailField label={t('orders.order.site')}>{order.siteName}</DetailField>}
      <DetailField label={t('orders.locationLabel')}>{t(`orders.location.${order.location}`)}</DetailField>
      <DetailField label={t('orders.complaint')}>{order.complaint}</DetailField>
      <DetailField label={t('orders.order.accessories')}>
        {order.accessories.length ? order.accessories.join(', ') : t('orders.order.none')}
      </DetailField>
      <DetailField label={t('orders.order.condition')}>
        {order.conditionNotes ?? t('orders.order.none')}
      </DetailField>
      <DetailField label={t('orders.receivedAt')}>
        {formatInstant(order.receivedAt, locale)}
        {order.receivedByName && ` · ${order.receivedByName}`}
      </DetailField>
      <DetailField label={t('orders.technician')}>
        {order.technicianName ?? t('orders.noTechnician')}
      </DetailField>
      {order.deliveredWithoutDocumentReason && (
        <DetailField label={t('orderClosing.deliveredWithout')}>
          <span data-testid="order-delivered-without-document">{order.deliveredWithoutDocumentReason}</span>
        </DetailField>
      )}
      {order.cancelReason && (
        <DetailField label={t('orders.order.cancelReason')}>{order.cancelReason}</DetailField>
      )}
    </InfoCard>
  );
}

function NotesCard({ order, canWrite }: { order: OrderDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrder();
  const [values, setValues] = useState({
    diagnosis: order.diagnosis ?? '',
    internalNotes: order.internalNotes ?? '',
    customerNotes: order.customerNotes ?? '',
  });
  const [failure, setFailure] = useState<string | null>(null);
  const dirty =
    values.diagnosis !== (order.diagnosis ?? '') ||
    values.internalNotes !== (order.internalNotes ?? '') ||
    values.customerNotes !== (order.customerNotes ?? '');
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) =>
      setValues({ ...values, [key]: e.currentTarget.value }),
    readOnly: !canWrite,
    autosize: true,
    minRows: 2,
  });
  return (
    <SectionCard title={t('orders.notes.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFailure(null);
          update.mutate(
            {
              id: order.id,
              patch: {
                diagnosis: values.diagnosis.trim() || null,
                internalNotes: values.internalNotes.trim() || null,
                customerNotes: values.customerNotes.trim() || null,
              },
            },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('orders.notes.saved') }),
              onError: (err) => setFailure(messageOf(err)),
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <Textarea label={t('orders.notes.diagnosis')} {...field('diagnosis')} />
          <Textarea
            label={t('orders.notes.internal')}
            description={t('orders.notes.internalHint')}
            {...field('internalNotes')}
          />
          <Textarea
            label={t('orders.notes.customer')}
            description={t('orders.notes.customerHint')}
            {...field('customerNotes')}
          />
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" disabled={!dirty} loading={update.isPending}>
                {t('orders.notes.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

function DocumentsCard({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [language, setLanguage] = useState(i18n.language === 'en' ? 'en' : 'bg');
  const pdf = (doc: Parameters<typeof orderPdfUrl>[1], label: string) => (
    <Anchor href={orderPdfUrl(order.id, doc, language)} target="_blank" rel="noopener" size="sm">
      <Group gap={6} wrap="nowrap" component="span">
        <IconFileTypePdf size={16} />
        {label}
      </Group>
    </Anchor>
  );
  return (
    <SectionCard
      title={t('orders.documents.title')}
      action={
        <SegmentedControl
          size="xs"
          aria-label={t('orders.documents.language')}
          value={language}
          onChange={setLanguage}
          data={[
            { value: 'bg', label: 'BG' },
            { value: 'en', label: 'EN' },
          ]}
        />
      }
    >
      <Stack gap={8} data-testid="order-documents">
        {pdf('intake', t('orders.documents.intake'))}
        {pdf('work-report', t('orders.documents.workReport'))}
        {order.status !== 'cancelled' &&
          canCall(user.role, 'POST /api/v1/service-orders/:id/work-report/email') && (
            <Group>
              <SendMailButton
                document={{ type: 'work_report', id: order.id }}
                title={`${t('orders.documents.workReport')} ${order.number}`}
                languages={language === 'en' ? ['en', 'bg'] : ['bg', 'en']}
              />
            </Group>
          )}
        {order.warrantyRecords.length > 0 && pdf('warranty-protocol', t('orders.documents.warrantyProtocol'))}
        {order.warrantyRecords.length > 0 && pdf('warranty-card', t('orders.documents.warrantyCard'))}
        {order.documents.map((d) => (
          <Anchor
            key={d.id}
            component={Link}
            to={`/stock/documents/${d.id}`}
            size="sm"
            data-testid="stock-document"
          >
            <Group gap={6} wrap="nowrap" component="span">
              <IconExternalLink size={16} />
              {d.id === order.returnsDocumentId
                ? t('orders.documents.stockReturns')
                : t('orders.documents.stockIssue')}
              {d.number && ` № ${d.number}`}
              {d.status === 'reversed' && (
                <Badge size="xs" color="grape" variant="light">
                  {t('stock.docs.status.reversed')}
                </Badge>
              )}
            </Group>
          </Anchor>
        ))}
      </Stack>
    </SectionCard>
  );
}

function WarrantyCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard title={t('orders.warranty.title')}>
      {order.warrantyRecords.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.warranty.empty')}
        </Text>
      ) : (
        <Stack gap={8} data-testid="warranty-records">
          {order.warrantyRecords.map((w) => (
            <Stack key={w.id} gap={0}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                  {t(`orders.warranty.kind.${w.kind}`)}
                </Badge>
                <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {w.description}
                  {w.serial && (
                    <Text span size="xs" ff="monospace" c="dimmed">
                      {' '}
                      № {w.serial}
                    </Text>
                  )}
                </Text>
              </Group>
              <Text size="xs" c={w.status === 'void' ? 'red' : 'dimmed'}>
                {t('orders.warranty.months', { count: w.months })} ·{' '}
                {t('orders.warranty.until', { date: formatDate(w.validUntil, locale) })}
                {w.status === 'void' && ` · ${t('orders.warranty.void')}`}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function StatusLinkCard({
  order,
  fresh,
  canWrite,
}: {
  order: OrderDetail;
  fresh: StatusLinkAnswer | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const create = useCreateLink();
  const revoke = useRevokeLink();
  const [shown, setShown] = useState<StatusLinkAnswer | null>(fresh);
  const url = shown ? new URL(shown.url, window.location.origin).toString() : null;
  return (
    <SectionCard title={t('orders.link.title')}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('orders.link.hint')}
        </Text>
        {url && order.hasStatusLink ? (
          <>
            <TextInput
              readOnly
              value={url}
              aria-label={t('orders.link.title')}
              size="xs"
              data-testid="status-link"
            />
            <Text size="xs" c="orange.8">
              {t('orders.link.onlyOnce')}
            </Text>
          </>
        ) : (
          !order.hasStatusLink && (
            <Text size="sm" c="dimmed">
              {t('orders.link.none')}
            </Text>
          )
        )}
        <Group gap="xs">
          {url && order.hasStatusLink && (
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" leftSection={<IconCopy size={14} />} onClick={copy}>
                  {copied ? t('orders.link.copied') : t('orders.link.copy')}
                </Button>
              )}
            </CopyButton>
          )}
          {canWrite && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconLink size={14} />}
              loading={create.isPending}
              onClick={() =>
                create.mutate(order.id, {
                  onSuccess: setShown,
                  onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                })
              }
            >
              {t('orders.link.create')}
            </Button>
          )}
          {canWrite && order.hasStatusLink && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              leftSection={<IconLinkOff size={14} />}
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(order.id, {
                  onSuccess: () => {
                    setShown(null);
                    notifications.show({ color: 'green', message: t('orders.link.revoked') });
                  },
                  onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                })
              }
            >
              {t('orders.link.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </SectionCard>
  );
}

const isKnownEvent = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);

const QUOTE_ACTIONS = ['created', 'sent', 'accepted', 'rejected', 'expired', 'converted'] as const;
const STATUS_CAUSES = [
  'parts_waiting',
  'quote_sent',
  'quote_converted',
  'visit_started',
  'visit_finished',
] as const;
const isOneOf = <T extends string>(list: readonly T[], x: unknown): x is T =>
  typeof x === 'string' && (list as readonly string[]).includes(x);

export function eventText(e: TimelineEvent, t: TFunction): string {
  const details = e.details ?? {};
  if (e.kind === 'quote') {
    const head = t('orders.timeline.kind.quote', { number: String(details.quoteNumber ?? '') });
    return isOneOf(QUOTE_ACTIONS, details.action)
      ? `${head}: ${t(`orders.timeline.quote.${details.action}`)}`
      : head;
  }
  const kind = t(`orders.timeline.kind.${isKnownEvent(e.kind) ? e.kind : 'other'}`);
  const move =
    e.kind === 'created'
      ? ''
      : e.fromStatus && e.toStatus
        ? `: ${t(`orders.status.${e.fromStatus}`)} → ${t(`orders.status.${e.toStatus}`)}`
        : e.toStatus
          ? `: ${t(`orders.status.${e.toStatus}`)}`
          : '';
  const described = typeof details.description === 'string' ? ` — ${details.description}` : '';
  const reason = typeof details.reason === 'string' ? ` (${details.reason})` : '';
  const cause = isOneOf(STATUS_CAUSES, details.cause)
    ? ` (${t(`orders.timeline.cause.${details.cause}`, { quoteNumber: String(details.quoteNumber ?? '') })})`
    : '';
  return `${kind}${move}${described}${reason}${cause}`;
}

function TimelineCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const timeline = useOrderTimeline(orderId);
  const events = timeline.data ? (Array.isArray(timeline.data) ? timeline.data : timeline.data.items) : [];
  return (
    <SectionCard title={t('orders.timeline.title')}>
      {timeline.isError ? (
        <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="order-timeline">
          {events.map((e) => (
            <Timeline.Item key={e.id} title={<Text size="sm">{eventText(e, t)}</Text>}>
              <Text size="xs" c="dimmed">
                {formatInstant(e.at, locale)}
                {e.userName && ` · ${e.userName}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

/** A service order: its header and next statuses, lines and totals, notes, documents, warranties, status link, timeline. */
export function OrderPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const { user } = useSession();
  const location = useLocation();
  const fresh = (location.state as { statusLink?: StatusLinkAnswer } | null)?.statusLink ?? null;
  const query = useOrder(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const order = query.data;
  const canWrite = canCall(user.role, 'POST /api/v1/service-orders/:id/status');
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('orders.order.title', { number: order.number })}
        description={
          <Group gap="xs" component="span">
            <OrderStatusBadge status={order.status} size="md" />
            <OrderFlags
              status={order.status}
              overdue={order.overdue}
              partsArrived={order.partsArrivedAt !== null}
            />
            <Text span size="sm" c="dimmed">
              {order.customerName} · {order.itemLabel} ·{' '}
              {order.promisedDate
                ? t('orders.order.promised', { date: formatDate(order.promisedDate, locale) })
                : t('orders.order.noPromised')}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <OrderQuoteAction order={order} />
            <OrderInvoiceAction order={order} />
            <OrderClosingAction order={order} />
            <Button
              component="a"
              href={orderPdfUrl(order.id, 'intake', locale, fresh?.token)}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconPrinter size={16} />}
            >
              {t('orders.order.printIntake')}
            </Button>
          </Group>
        }
      />
      {canWrite && order.nextStatuses.length > 0 && (
        <Group gap="xs" data-testid="status-actions">
          <StatusActions order={order} />
        </Group>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <OrderLines order={order} />
            <NotesCard
              key={order.updatedAt}
              order={order}
              canWrite={canWrite && order.status !== 'delivered'}
            />
            <TimelineCard orderId={order.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <OrderInfo order={order} />
            <OrderPhotosCard
              orderId={order.id}
              canWrite={canCall(user.role, 'POST /api/v1/service-orders/:id/photos')}
            />
            <OrderSignature order={order} />
            {order.location === 'shop' &&
              order.editable &&
              canCall(user.role, 'POST /api/v1/visit-bookings') && <PlanWorkBlock order={order} />}
            <DocumentsCard order={order} />
            <WarrantyCard order={order} />
            <StatusLinkCard order={order} fresh={fresh} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
