import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { wallClockOf } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import type { VisitRequestListItem } from '@servix/server/modules/visits/visits.schema';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  useActiveTechnicians,
  useBook,
  useBookings,
  useDaysOff,
  useMoveBooking,
  useUnplannedRequests,
} from '../../api/visits';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { useIsPhone } from '../../ui/phone';
import { LoadError } from '../../ui/states';
import { useAttempts } from './conflict-dialog';
import classes from './schedule.module.css';
import type { Drop } from './schedule-calendar';
import {
  daysOffSet,
  eventColor,
  eventsOf,
  isDayOff,
  isoDay,
  minutesBetween,
  moveBodyOf,
  rangeOf,
  type ScheduleEvent,
} from './schedule-model';
import { useSlotFields } from './slot-fields';

const ScheduleCalendar = lazy(() =>
  import('./schedule-calendar').then((m) => ({ default: m.ScheduleCalendar })),
);

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The date a ?date=YYYY-MM-DD names, at midnight, or today. */
function dateOf(param: string | null): Date {
  const m = param ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(param) : null;
  if (!m) {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * The technicians' schedule (ADR 0034): the waiting requests beside a calendar with one column per technician,
 * drag to plan, move, re-assign and resize; on a phone the day as cards per technician, moved through a dialog.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { user } = useSession();
  const mayPlan = canCall(user?.role, 'POST /api/v1/visit-bookings');
  const [params, setParams] = useSearchParams();
  const view: 'day' | 'week' = !phone && params.get('view') === 'week' ? 'week' : 'day';
  const date = dateOf(params.get('date'));
  const range = rangeOf(view, date);
  const bookings = useBookings(range.from, range.to);
  const technicians = useActiveTechnicians();
  const unplanned = useUnplannedRequests();
  const daysOff = useDaysOff(range.from, range.to);
  const offDays = useMemo(() => daysOffSet(daysOff.data?.items ?? []), [daysOff.data]);
  const book = useBook();
  const move = useMoveBooking();
  const [dragged, setDragged] = useState<VisitRequestListItem | null>(null);
  // A move in flight shows where it was dropped; a refusal clears it and the calendar reverts.
  const [moving, setMoving] = useState<{ event: ScheduleEvent; drop: Drop } | null>(null);
  const [moveDialog, setMoveDialog] = useState<ScheduleEvent | null>(null);
  const techs = technicians.data ?? [];
  const nameOf = (id: string) => techs.find((x) => x.id === id)?.name ?? id;
  const attempts = useAttempts(nameOf);

  const events = useMemo(() => {
    const all = eventsOf(bookings.data?.items ?? []);
    if (!moving) return all;
    return all.map((e) =>
      e.id === moving.event.id
        ? {
            ...e,
            start: moving.drop.start,
            end: moving.drop.end,
            resourceId: moving.drop.resourceId ?? e.resourceId,
          }
        : e,
    );
  }, [bookings.data, moving]);

  const go = (next: { date?: Date; view?: 'day' | 'week' }) => {
    const p = new URLSearchParams(params);
    if (next.date) p.set('date', isoDay(next.date));
    if (next.view) p.set('view', next.view);
    setParams(p, { replace: true });
  };
  const step = (sign: 1 | -1) => {
    const d = new Date(date);
    d.setDate(d.getDate() + sign * (view === 'week' ? 7 : 1));
    go({ date: d });
  };

  const moveTo = async (event: ScheduleEvent, drop: Drop) => {
    const body = moveBodyOf(event, drop.start, drop.end, drop.resourceId);
    if (!body) return;
    setMoving({ event, drop });
    await attempts.run(
      (override) =>
        move.mutateAsync({ id: event.bookingId, body: { ...body, ...(override ? { override } : {}) } }),
      t('visits.schedule.moved'),
    );
    setMoving(null);
  };
  const plan = async (request: VisitRequestListItem, drop: Drop) => {
    setDragged(null);
    if (!drop.resourceId) return;
    const technicianId = drop.resourceId;
    await attempts.run(
      (override) =>
        book.mutateAsync({
          requestId: request.id,
          technicianIds: [technicianId],
          start: drop.start.toISOString(),
          ...(override ? { override } : {}),
        }),
      t('visits.schedule.booked'),
    );
  };

  const title =
    view === 'day'
      ? formatDate(range.from, locale)
      : `${formatDate(range.from, locale)} – ${formatDate(range.to, locale)}`;

  const toolbar = (
    <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
      <Group gap={4} wrap="nowrap">
        <Button variant="default" size="xs" onClick={() => go({ date: new Date() })}>
          {t('visits.schedule.today')}
        </Button>
        <Button
          variant="default"
          size="xs"
          px={6}
          aria-label={t('visits.schedule.previous')}
          onClick={() => step(-1)}
        >
          <IconChevronLeft size={16} />
        </Button>
        <Button
          variant="default"
          size="xs"
          px={6}
          aria-label={t('visits.schedule.next')}
          onClick={() => step(1)}
        >
          <IconChevronRight size={16} />
        </Button>
        <Text fw={600} size="sm" ml="xs" data-testid="schedule-range">
          {title}
        </Text>
        {(bookings.isFetching || book.isPending || move.isPending) && <Loader size="xs" />}
      </Group>
      {!phone && (
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => go({ view: v as 'day' | 'week' })}
          data={[
            { value: 'day', label: t('visits.schedule.day') },
            { value: 'week', label: t('visits.schedule.week') },
          ]}
        />
      )}
    </Group>
  );

  const waiting = (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {t('visits.schedule.unplanned')}
      </Text>
      {!phone && mayPlan && (
        <Text size="xs" c="dimmed">
          {t('visits.schedule.unplannedHint')}
        </Text>
      )}
      {(unplanned.data?.items ?? []).map((r) => (
        <Paper
          key={r.id}
          withBorder
          p="xs"
          radius="sm"
          className={!phone && mayPlan ? classes.request : undefined}
          draggable={!phone && mayPlan}
          data-testid="unplanned-request"
          onDragStart={(e) => {
            e.dataTransfer.setData('text/plain', r.id);
            setDragged(r);
          }}
          onDragEnd={() => setDragged((d) => (d?.id === r.id ? null : d))}
        >
          <Text size="sm" fw={500} lineClamp={2}>
            {r.customerName}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {r.siteName}
          </Text>
          <Text size="xs" lineClamp={2}>
            {r.problem}
          </Text>
          <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('visits.minutes', {
                hours: Math.floor(r.expectedMinutes / 60),
                minutes: r.expectedMinutes % 60,
              })}
            </Text>
            <Button component={Link} to={`/visits/${r.id}`} size="compact-xs" variant="subtle">
              {phone ? t('visits.schedule.plan') : t('visits.open')}
            </Button>
          </Group>
        </Paper>
      ))}
      {unplanned.data && unplanned.data.items.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('visits.schedule.noUnplanned')}
        </Text>
      )}
    </Stack>
  );

  const error = bookings.error ?? technicians.error;
  return (
    <Stack gap={0}>
      <PageHeader
        title={t('visits.schedule.title')}
        description={t('visits.schedule.description')}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/visits/occupancy">
              {t('visits.schedule.openOccupancy')}
            </Button>
            <Button variant="default" component={Link} to="/visits">
              {t('visits.schedule.openQueue')}
            </Button>
          </Group>
        }
      />
      {toolbar}
      {error ? (
        <LoadError error={error} onRetry={() => void bookings.refetch()} />
      ) : technicians.data && techs.length === 0 ? (
        <Alert color="yellow">{t('visits.schedule.noTechnicians')}</Alert>
      ) : phone ? (
        <Stack gap="sm">
          {techs.map((tech) => (
            <TechnicianDay
              key={tech.id}
              technician={tech}
              events={events.filter((e) => e.resourceId === tech.id)}
              off={isDayOff(offDays, tech.id, date)}
              mayPlan={mayPlan}
              onMove={setMoveDialog}
              onOpen={(e) => e.requestId && navigate(`/visits/${e.requestId}`)}
            />
          ))}
          {waiting}
        </Stack>
      ) : (
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <ScrollArea.Autosize mah="calc(100dvh - 220px)" w={240} style={{ flexShrink: 0 }} type="auto">
            {waiting}
          </ScrollArea.Autosize>
          <div style={{ flex: 1, minWidth: 0 }}>
            {technicians.data && (
              <Suspense fallback={<Loader />}>
                <ScheduleCalendar
                  view={view}
                  date={date}
                  events={events}
                  technicians={techs}
                  daysOff={offDays}
                  dragged={mayPlan ? dragged : null}
                  onNavigate={(d) => go({ date: d })}
                  onMove={(e, drop) => void moveTo(e, drop)}
                  onDropRequest={(r, drop) => void plan(r, drop)}
                  onOpen={(e) => e.requestId && navigate(`/visits/${e.requestId}`)}
                />
              </Suspense>
            )}
          </div>
        </Group>
      )}
      {moveDialog && (
        <MoveDialog
          event={moveDialog}
          technicians={techs}
          onClose={() => setMoveDialog(null)}
          onMove={async (drop) => {
            setMoveDialog(null);
            await moveTo(moveDialog, drop);
          }}
        />
      )}
      {attempts.dialog}
    </Stack>
  );
}

/** A technician's day on a phone: their bookings as cards, each moved through a dialog. */
function TechnicianDay({
  technician,
  off,
  events,
  mayPlan,
  onMove,
  onOpen,
}: {
  technician: Technician;
  off: boolean;
  events: ScheduleEvent[];
  mayPlan: boolean;
  onMove: (e: ScheduleEvent) => void;
  onOpen: (e: ScheduleEvent) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => a.start.getTime() - b.start.getTime());
  return (
    <Card withBorder radius="md" padding="sm" data-testid="technician-day">
      <Group justify="space-between" mb={6} gap="xs">
        <Text fw={600}>{technician.name}</Text>
        {off && (
          <Badge variant="light" color="gray">
            {t('visits.conflict.code.technician_day_off')}
          </Badge>
        )}
      </Group>
      <Stack gap={6}>
        {sorted.map((e) => {
          const c = eventColor(e);
          return (
            <Paper
              key={e.id}
              p="xs"
              radius="sm"
              style={{ background: c.background, borderLeft: `4px solid ${c.border}` }}
              data-testid="schedule-event"
              data-booking={e.bookingId}
            >
              <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {hhmm(e.start)}–{hhmm(e.end)}
                    {e.overridden ? ' ⚠' : ''}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {e.title}
                  </Text>
                  <Group gap={4}>
                    <Badge size="xs" variant="light" color={e.kind === 'work_block' ? 'violet' : 'blue'}>
                      {t(`visits.schedule.kind.${e.kind}`)}
                    </Badge>
                    <Badge size="xs" variant="light" color={e.status === 'done' ? 'green' : 'gray'}>
                      {t(`visits.schedule.bookingStatus.${e.status}`)}
                    </Badge>
                  </Group>
                </Stack>
                <Stack gap={4} align="flex-end">
                  {mayPlan && e.status === 'planned' && (
                    <Button size="compact-xs" variant="default" onClick={() => onMove(e)}>
                      {t('visits.schedule.move')}
                    </Button>
                  )}
                  {e.requestId && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onOpen(e)}>
                      {t('visits.open')}
                    </Button>
                  )}
                </Stack>
              </Group>
            </Paper>
          );
        })}
        {sorted.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('visits.schedule.noBookings')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Move a booking without dragging (a phone): the technician, the day, the start and the duration. */
function MoveDialog({
  event,
  technicians,
  onClose,
  onMove,
}: {
  event: ScheduleEvent;
  technicians: Technician[];
  onClose: () => void;
  onMove: (drop: Drop) => Promise<void>;
}) {
  const { t } = useTranslation();
  const clock = wallClockOf(event.start);
  const { fields, slot } = useSlotFields(
    {
      technicianId: event.resourceId,
      day: clock.date,
      start: `${pad(Math.floor(clock.minute / 60))}:${pad(clock.minute % 60)}`,
      durationMinutes: minutesBetween(event.start, event.end),
    },
    technicians,
  );
  return (
    <Modal opened onClose={onClose} title={t('visits.schedule.moveTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{event.title}</Text>
        {fields}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('visits.conflict.keep')}
          </Button>
          <Button
            disabled={!slot}
            onClick={() => {
              if (!slot) return;
              void onMove({
                start: slot.start,
                end: new Date(slot.start.getTime() + slot.durationMinutes * 60_000),
                resourceId: slot.technicianId,
              });
            }}
          >
            {t('visits.schedule.saveMove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
