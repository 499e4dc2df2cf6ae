import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Booking, VisitRequestStatus } from '@servix/server/modules/visits/visits.schema';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/client';
import {
  useBook,
  useBookingDetail,
  useRequestStatus,
  useSuggestions,
  useVisitRequest,
} from '../../api/visits';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { useAttempts } from './conflict-dialog';
import { STATUS_COLOR } from './requests-page';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A visit request (ADR 0034): its data, items, windows, status, the suggested slots to book and its visits. */
export function VisitRequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const mayPlan = canCall(user?.role, 'POST /api/v1/visit-bookings');
  const request = useVisitRequest(id);
  const open = request.data?.status === 'new';
  const suggestions = useSuggestions(open ? id : undefined);
  const status = useRequestStatus(id ?? '');
  const book = useBook();
  const nameOf = (tid: string) =>
    suggestions.data?.suggestions.find((s) => s.technicianId === tid)?.technicianName ?? tid;
  const attempts = useAttempts(nameOf);
  const duration = (m: number) => t('visits.minutes', { hours: Math.floor(m / 60), minutes: m % 60 });

  if (request.isPending) return <PageLoader />;
  if (request.error) {
    if ((request.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={request.error} onRetry={() => void request.refetch()} />;
  }
  const r = request.data;
  const move = async (to: VisitRequestStatus) => {
    try {
      await status.mutateAsync(to);
      notifications.show({ color: 'green', message: t('visits.detail.statusChanged') });
    } catch (e) {
      notifications.show({ color: 'red', message: messageOf(e) });
    }
  };
  const actions = mayPlan && (
    <Group gap="xs">
      {r.nextStatuses.includes('cancelled') && (
        <Button
          variant="default"
          color="red"
          onClick={() => void move('cancelled')}
          loading={status.isPending}
        >
          {t('visits.detail.cancel')}
        </Button>
      )}
      {r.status === 'cancelled' && r.nextStatuses.includes('new') && (
        <Button variant="default" onClick={() => void move('new')} loading={status.isPending}>
          {t('visits.detail.reopen')}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to="/visits" size="sm">
        ← {t('visits.back')}
      </Anchor>
      <PageHeader
        title={r.customerName}
        description={[r.siteName, r.siteAddress].filter(Boolean).join(', ')}
        actions={actions}
      />
      <Group gap="xs">
        <Badge variant="light" color={STATUS_COLOR[r.status]} data-testid="request-status">
          {t(`visits.status.${r.status}`)}
        </Badge>
        <Badge variant="light">{t(`visits.priority.${r.priority}`)}</Badge>
        <Badge variant="light" color="gray">
          {t(`visits.source.${r.source}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <InfoCard title={t('visits.detail.data')}>
          <DetailField label={t('visits.problem')}>{r.problem}</DetailField>
          <DetailField label={t('visits.expected')}>
            {duration(r.expectedMinutes)}
            {r.services.length > 0 &&
              ` (${t('visits.detail.norm')} ${r.normMinutes}′ + ${t('visits.detail.travel')} ${r.travelMinutes}′)`}
          </DetailField>
          {(r.contactName || r.contactPhone) && (
            <DetailField label={t('visits.detail.contact')}>
              {[r.contactName, r.contactPhone].filter(Boolean).join(', ')}
            </DetailField>
          )}
          {r.notes && <DetailField label={t('visits.notes')}>{r.notes}</DetailField>}
          <DetailField label={t('visits.created')}>{formatInstant(r.createdAt, locale)}</DetailField>
          <DetailField label={t('visits.detail.windows')}>
            {r.windows.length
              ? r.windows.map((w) => (
                  <div key={w.start}>
                    {formatInstant(w.start, locale)} – {hhmm(w.end)}
                  </div>
                ))
              : t('visits.noWindow')}
          </DetailField>
        </InfoCard>
        <SectionCard title={t('visits.detail.items')}>
          <Stack gap={4}>
            {r.items.map((i) => (
              <Anchor key={i.id} component={Link} to={`/items/${i.id}`} size="sm">
                {i.label}
              </Anchor>
            ))}
            {r.items.length === 0 && (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Stack>
          <Text fw={600} size="sm" mt="sm">
            {t('visits.detail.services')}
          </Text>
          {r.services.length ? (
            r.services.map((s) => (
              <Text size="sm" key={`${s.serviceTypeId}:${s.itemId ?? ''}`}>
                {s.code} {s.name} × {s.quantityMilli / 1000} — {s.normMinutes}′
              </Text>
            ))
          ) : (
            <Text size="sm" c="dimmed">
              {t('visits.detail.noServices')}
            </Text>
          )}
        </SectionCard>
      </SimpleGrid>

      {open && (
        <SectionCard title={t('visits.detail.suggestions')}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('visits.detail.suggestionsHint')}
          </Text>
          {suggestions.isPending && <Text size="sm">…</Text>}
          {suggestions.error && <LoadError error={suggestions.error} />}
          <Stack gap="xs" data-testid="suggestions">
            {suggestions.data?.suggestions.map((s) => (
              <Group key={s.technicianId} gap="xs" align="center" wrap="wrap">
                <Text size="sm" fw={600} miw={140}>
                  {s.technicianName}
                </Text>
                {s.loadPercent !== null && (
                  <Badge variant="light" color="gray" size="sm">
                    {t('visits.detail.load', { percent: s.loadPercent })}
                  </Badge>
                )}
                {s.slots.map((slot) => (
                  <Button
                    key={slot.start}
                    size="compact-sm"
                    variant="light"
                    disabled={!mayPlan}
                    loading={book.isPending && book.variables?.start === slot.start}
                    onClick={() =>
                      void attempts.run(
                        (override) =>
                          book.mutateAsync({
                            requestId: r.id,
                            technicianIds: [s.technicianId],
                            start: slot.start,
                            ...(override ? { override } : {}),
                          }),
                        t('visits.schedule.booked'),
                      )
                    }
                  >
                    {t('visits.detail.book', { time: formatInstant(slot.start, locale) })}
                  </Button>
                ))}
              </Group>
            ))}
            {suggestions.data && suggestions.data.suggestions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('visits.detail.noSuggestions')}
              </Text>
            )}
          </Stack>
        </SectionCard>
      )}

      <SectionCard
        title={t('visits.detail.bookings')}
        action={
          <Button
            size="compact-sm"
            variant="subtle"
            component={Link}
            to={`/visits/schedule?date=${r.bookings[0]?.date ?? ''}`}
            leftSection={<IconCalendarEvent size={14} />}
          >
            {t('visits.detail.onCalendar')}
          </Button>
        }
      >
        <Stack gap="sm" data-testid="request-bookings">
          {r.bookings.map((b) => (
            <BookingHistory key={b.id} booking={b} />
          ))}
          {r.bookings.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('visits.detail.noBookings')}
            </Text>
          )}
        </Stack>
      </SectionCard>
      {attempts.dialog}
    </Stack>
  );
}

/** One visit of the request: its slot, technicians and status, and what happened to it. */
function BookingHistory({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const detail = useBookingDetail(booking.id);
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {formatInstant(booking.start, locale)} – {hhmm(booking.end)}
        </Text>
        <Text size="sm">{booking.technicians.map((x) => x.name).join(', ')}</Text>
        <Badge
          size="sm"
          variant="light"
          color={booking.status === 'done' ? 'green' : booking.status === 'cancelled' ? 'gray' : 'blue'}
        >
          {t(`visits.schedule.bookingStatus.${booking.status}`)}
        </Badge>
      </Group>
      {detail.data && (
        <Timeline bulletSize={10} lineWidth={1} mt={6} ml={4}>
          {detail.data.history.map((h) => (
            <Timeline.Item
              key={`${h.at}:${h.action}`}
              title={
                <Text size="xs" fw={600}>
                  {t(`visits.detail.event.${h.action}`)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatInstant(h.at, locale)}
                {h.toStart ? ` · ${formatInstant(h.toStart, locale)}–${h.toEnd ? hhmm(h.toEnd) : ''}` : ''}
              </Text>
              {h.overrideReason && (
                <Text size="xs" c="orange">
                  {t('visits.detail.overrideReason', { reason: h.overrideReason })}
                </Text>
              )}
              {h.reason && <Text size="xs">{h.reason}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </div>
  );
}
