import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { todayDate } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActiveTechnicians, useBook } from '../../api/visits';
import { currentLocale } from '../../i18n';
import { useAttempts } from './conflict-dialog';
import { useSlotFields } from './slot-fields';

/** The order's labour by norm time: how long its work block lasts unless the planner says otherwise. */
export function workMinutesOf(order: Pick<OrderDetail, 'lines'>): number {
  return (
    order.lines.filter((l) => l.kind === 'labour').reduce((sum, l) => sum + (l.normMinutes ?? 0), 0) || 60
  );
}

/**
 * A service order in the shop booked on the technicians' schedule as a work block (ADR 0031), so that occupancy
 * counts all work: the technician, the day, the start and the duration (the norm minutes of its labour first). A
 * conflict is named as on the calendar, with "book anyway" for a manager.
 */
export function PlanWorkBlock({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [planned, setPlanned] = useState<string | null>(null);
  const technicians = useActiveTechnicians();
  const book = useBook();
  const name = (id: string) => technicians.data?.find((x) => x.id === id)?.name ?? '';
  const attempts = useAttempts(name);
  const { fields, slot, day } = useSlotFields(
    {
      technicianId: order.technicianId,
      day: todayDate(),
      start: '09:00',
      durationMinutes: workMinutesOf(order),
    },
    technicians.data ?? [],
  );
  return (
    <Card withBorder radius="md" padding="md" data-testid="plan-work-block">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('visits.workBlock.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('visits.workBlock.hint')}
        </Text>
        {planned && (
          <Text size="sm">
            <Link to={`/visits/schedule?date=${planned}`}>
              {t('visits.workBlock.open', { date: formatDate(planned, currentLocale()) })}
            </Link>
          </Text>
        )}
        <Group>
          <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={() => setOpen(true)}>
            {t('visits.workBlock.action')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('visits.workBlock.title')} centered>
        <Stack gap="sm">
          {fields}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!slot}
              loading={book.isPending}
              onClick={async () => {
                if (!slot) return;
                const body = {
                  orderId: order.id,
                  technicianIds: [slot.technicianId],
                  start: slot.start.toISOString(),
                  durationMinutes: slot.durationMinutes,
                };
                const done = await attempts.run(
                  (override) => book.mutateAsync(override ? { ...body, override } : body),
                  t('visits.workBlock.booked'),
                );
                setOpen(false);
                if (done) setPlanned(day);
              }}
            >
              {t('visits.workBlock.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {attempts.dialog}
    </Card>
  );
}
