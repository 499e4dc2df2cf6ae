import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { OrderDetail, OrderStatus } from '@servix/server/modules/orders/orders.schema';
import type { Job } from '@servix/server/modules/visits/visits.schema';
import { IconArrowLeft, IconCheck, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/client';
import { useFinishVisit, useJob, useStartVisit, useWarehouseLevels } from '../../api/field';
import { useItemHistory } from '../../api/items';
import { useLineWrite, useOrder } from '../../api/orders';
import { useMyVans } from '../../api/stock';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { SendMailButton } from '../mail/send-mail';
import { useServiceTypeSearch } from '../orders/order-lines';
import { OrderPhotosCard } from '../orders/order-photos';
import { OrderSignature } from '../orders/order-signature';
import { CallAndMap, JobSummary } from './job-parts';

/** The item's earlier service orders (its history, this visit's own order aside), newest first. */
function ItemHistoryCard({ itemId, orderId }: { itemId: string; orderId: string | null }) {
  const { t } = useTranslation();
  const history = useItemHistory(itemId);
  const orders = (history.data?.events ?? []).filter((e) => e.source === 'service_order' && e.id !== orderId);
  return (
    <SectionCard title={t('field.history')}>
      {history.isError && <FormAlert message={messageOf(history.error)} />}
      {history.isSuccess && orders.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('field.historyEmpty')}
        </Text>
      )}
      <Stack gap="xs" data-testid="job-history">
        {orders.map((e) => (
          <Stack key={e.id} gap={0}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/orders/${e.id}`} fw={600} size="sm">
                {e.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(e.date, currentLocale())}
                {e.status ? ` · ${t(`orders.status.${e.status as OrderStatus}`)}` : ''}
              </Text>
            </Group>
            {e.detail && (
              <Text size="sm" lineClamp={2}>
                {e.detail}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** What the order holds now: each part and labour line as a row that fits a phone. */
function OrderLinesCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard
      title={t('field.lines')}
      action={
        <Anchor component={Link} to={`/orders/${order.id}`} size="sm">
          {t('field.order', { number: order.number })}
        </Anchor>
      }
    >
      {order.lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('field.linesEmpty')}
        </Text>
      )}
      <Stack gap="xs" data-testid="job-lines">
        {order.lines.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {l.description}
              </Text>
              <Text size="xs" c="dimmed">
                {formatQuantity(l.quantityMilli, locale)} {l.unit}
                {l.kind === 'labour' && l.normMinutes !== null
                  ? ` · ${t('field.minutes', { count: l.normMinutes })}`
                  : ''}
                {l.warehouseCode ? ` · ${l.warehouseCode}` : ''}
              </Text>
            </Stack>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(l.netCents, locale)}
            </Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** The parts in the technician's own van with their free quantity (on hand less reserved), each added in one tap. */
function VanPartsCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const vans = useMyVans();
  const van = vans.data?.[0];
  const levels = useWarehouseLevels(van?.id);
  const write = useLineWrite();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const free = (levels.data ?? []).filter((l) => l.availableMilli > 0);
  const add = (partId: string, name: string) =>
    write.mutate(
      {
        orderId,
        method: 'POST',
        body: {
          kind: 'part',
          partId,
          warehouseId: van?.id,
          quantityMilli: Math.round((quantities[partId] ?? 1) * 1000),
        },
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('field.partAdded', { name }) }) },
    );
  return (
    <SectionCard title={van ? `${t('field.parts')} · ${van.code}` : t('field.parts')}>
      {write.isError && <FormAlert message={messageOf(write.error)} />}
      {vans.isSuccess && !van && (
        <Text size="sm" c="dimmed">
          {t('field.noVan')}
        </Text>
      )}
      {levels.isSuccess && free.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('field.vanEmpty')}
        </Text>
      )}
      <Stack gap="sm" data-testid="van-parts">
        {free.map((l) => (
          <Card key={l.partId} withBorder padding="sm" radius="sm" data-testid="van-part">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {l.partName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.partCode}
                  </Text>
                </Stack>
                <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                  {t('field.free', { quantity: formatQuantity(l.availableMilli, locale), unit: l.unit })}
                </Badge>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <NumberInput
                  aria-label={`${t('field.quantity')} ${l.partName}`}
                  size="md"
                  min={1}
                  max={l.availableMilli / 1000}
                  value={quantities[l.partId] ?? 1}
                  onChange={(v) => setQuantities((q) => ({ ...q, [l.partId]: Number(v) || 1 }))}
                  style={{ flex: 1 }}
                  inputMode="decimal"
                />
                <Button
                  size="md"
                  leftSection={<IconPlus size={18} />}
                  loading={write.isPending && write.variables?.body?.partId === l.partId}
                  onClick={() => add(l.partId, l.partName)}
                >
                  {t('field.addPart')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** Labour from the catalogue: pick a service, add it (priced and timed by the catalogue for the item's model). */
function LabourCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const serviceTypeId = chosen?.value ?? null;
  // What was typed searches the catalogue; once a service is chosen the box shows its label, not a search.
  const services = useServiceTypeSearch(chosen ? '' : q);
  const write = useLineWrite();
  const found = (services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} — ${s.nameBg}` }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  const add = () => {
    if (!serviceTypeId) return;
    const name = chosen?.label ?? '';
    write.mutate(
      { orderId, method: 'POST', body: { kind: 'labour', serviceTypeId, quantityMilli: 1000 } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('field.labourAdded', { name }) });
          setChosen(null);
          setQ('');
        },
      },
    );
  };
  return (
    <SectionCard title={t('field.labour')}>
      {write.isError && <FormAlert message={messageOf(write.error)} />}
      <Stack gap="xs">
        <Select
          label={t('field.service')}
          placeholder={t('field.servicePlaceholder')}
          size="md"
          searchable
          clearable
          data={options}
          value={serviceTypeId}
          onChange={(_, option) => setChosen(option ? { value: option.value, label: option.label } : null)}
          searchValue={q}
          onSearchChange={setQ}
          filter={({ options: o }) => o}
          nothingFoundMessage="—"
          data-testid="labour-service"
        />
        <Button
          size="md"
          variant="light"
          leftSection={<IconPlus size={18} />}
          disabled={!serviceTypeId}
          loading={write.isPending}
          onClick={add}
        >
          {t('field.addLabour')}
        </Button>
      </Stack>
    </SectionCard>
  );
}

/** Finish: asks the actual minutes (the booking's norm minutes first), then finishes the order and the booking. */
function FinishButton({ job }: { job: Job }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState<number>(job.normMinutes);
  const finish = useFinishVisit();
  return (
    <>
      <Button
        size="lg"
        color="green"
        fullWidth
        leftSection={<IconCheck size={20} />}
        onClick={() => setOpen(true)}
      >
        {t('field.finish')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('field.finishTitle')} centered>
        <Stack gap="sm">
          <NumberInput
            label={t('field.actualMinutes')}
            description={t('field.actualHint')}
            size="md"
            min={0}
            max={1440}
            allowDecimal={false}
            value={minutes}
            onChange={(v) => setMinutes(Number(v) || 0)}
            inputMode="numeric"
            data-autofocus
          />
          {finish.isError && <FormAlert message={messageOf(finish.error)} />}
          <Group grow>
            <Button variant="default" size="md" onClick={() => setOpen(false)}>
              {t('field.cancel')}
            </Button>
            <Button
              color="green"
              size="md"
              loading={finish.isPending}
              onClick={() =>
                finish.mutate(
                  { id: job.id, actualMinutes: minutes },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      notifications.show({ color: 'green', message: t('field.finished') });
                    },
                  },
                )
              }
            >
              {t('field.confirmFinish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The work report sent to the customer by e-mail from the site (ADR 0036), in the phone's language first. */
function WorkReportMail({ orderId, number }: { orderId: string; number: string }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  if (!canCall(me.user.role, 'POST /api/v1/service-orders/:id/work-report/email')) return null;
  return (
    <Group>
      <SendMailButton
        document={{ type: 'work_report', id: orderId }}
        title={`${t('orders.documents.workReport')} ${number}`}
        languages={i18n.language === 'en' ? ['en', 'bg'] : ['bg', 'en']}
      />
    </Group>
  );
}

/** The work on a started visit: its lines, parts from the van, labour, photos, then finishing. */
function StartedWork({ job, orderId }: { job: Job; orderId: string }) {
  const me = useSession();
  const order = useOrder(orderId);
  if (order.isPending) return <PageLoader />;
  if (order.isError) return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  return (
    <>
      <OrderLinesCard order={order.data} />
      <VanPartsCard orderId={orderId} />
      <LabourCard orderId={orderId} />
      <OrderPhotosCard
        orderId={orderId}
        canWrite={canCall(me.user.role, 'POST /api/v1/service-orders/:id/photos')}
      />
      <OrderSignature
        order={{ id: orderId, editable: order.data.editable, customerName: order.data.customerName }}
      />
      <WorkReportMail orderId={orderId} number={order.data.number} />
      <FinishButton job={job} />
    </>
  );
}

/** A finished visit: what was done, the order as it is now. */
function DoneWork({ job }: { job: Job }) {
  const { t } = useTranslation();
  const order = useOrder(job.orderId ?? undefined);
  return (
    <>
      <Alert color="green" data-testid="job-done">
        {t('field.doneText', {
          count: job.actualMinutes ?? 0,
          number: job.orderNumber ?? '',
          status: job.orderStatus ? t(`orders.status.${job.orderStatus as OrderStatus}`) : '',
        })}
      </Alert>
      {order.data && <OrderLinesCard order={order.data} />}
      {order.data && (
        <OrderSignature
          order={{ id: order.data.id, editable: order.data.editable, customerName: order.data.customerName }}
        />
      )}
      {order.data && <WorkReportMail orderId={order.data.id} number={order.data.number} />}
    </>
  );
}

/** One job on the phone: who, where and what; the item's history; start, the work, finish. */
export function JobPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const job = useJob(id);
  const start = useStartVisit();
  if (job.isPending) return <PageLoader />;
  if (job.isError) return <LoadError error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const firstItem = j.items[0];
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to="/my-jobs" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} />
          {t('field.back')}
        </Group>
      </Anchor>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <JobSummary job={j} />
          {j.contactName && (
            <Text size="sm">
              {t('field.contact')}: {j.contactName}
            </Text>
          )}
          {j.services.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('field.plannedWork')}:{' '}
              {j.services
                .map((s) => `${s.name} (${t('field.minutes', { count: s.normMinutes })})`)
                .join(', ')}
            </Text>
          )}
          <CallAndMap job={j} />
        </Stack>
      </Card>
      {j.status === 'cancelled' && <Alert color="gray">{t('field.cancelledText')}</Alert>}
      {j.status === 'planned' && !j.orderId && (
        <>
          {start.isError && <FormAlert message={messageOf(start.error)} />}
          <Button
            size="lg"
            fullWidth
            leftSection={<IconPlayerPlay size={20} />}
            loading={start.isPending}
            onClick={() =>
              start.mutate(j.id, {
                onSuccess: (b) =>
                  notifications.show({
                    color: 'green',
                    message: t('field.started', { number: b.orderNumber ?? '' }),
                  }),
              })
            }
          >
            {t('field.start')}
          </Button>
        </>
      )}
      {j.status === 'planned' && j.orderId && <StartedWork job={j} orderId={j.orderId} />}
      {j.status === 'done' && <DoneWork job={j} />}
      {firstItem && <ItemHistoryCard itemId={firstItem.id} orderId={j.orderId} />}
    </Stack>
  );
}
