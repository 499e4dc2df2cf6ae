import { Box, Button, Card, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { addDays, addMonths } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import type { OccupancyAnswer } from '@servix/server/modules/visits/visits.schema';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOccupancy } from '../../api/visits';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { useIsPhone } from '../../ui/phone';
import { LoadError, PageLoader } from '../../ui/states';
import { hoursOf, isoDay, LOAD_COLOR, type LoadLevel, loadLevel, mondayOf } from './schedule-model';

type GroupBy = 'day' | 'week' | 'month';
type Load = OccupancyAnswer['technicians'][number]['total'];

/** The range each grouping shows from a date: the week's days, six weeks, three months. */
export function occupancyRange(
  groupBy: GroupBy,
  anchor: string,
): { from: string; to: string; step: (d: string, s: 1 | -1) => string } {
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
  if (groupBy === 'month') {
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    return { from, to: addDays(addMonths(from, 3), -1), step: (a, s) => addMonths(a, s * 3) };
  }
  const monday = isoDay(mondayOf(new Date(y, m - 1, d)));
  const days = groupBy === 'day' ? 7 : 42;
  return { from: monday, to: addDays(monday, days - 1), step: (a, s) => addDays(a, s * days) };
}

const LEVELS: LoadLevel[] = ['free', 'busy', 'over', 'off'];

function Cell({ load }: { load: Load }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const level = loadLevel(load.loadPercent);
  return (
    <Box
      data-testid="occupancy-cell"
      data-level={level}
      p={4}
      style={{ background: LOAD_COLOR[level], borderRadius: 4, textAlign: 'center', minWidth: 64 }}
    >
      <Text size="sm" fw={700}>
        {load.loadPercent === null ? '—' : `${load.loadPercent} %`}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {level === 'off' && load.bookedMinutes === 0
          ? t('visits.occupancy.off')
          : t('visits.occupancy.hours', {
              booked: hoursOf(load.bookedMinutes, locale),
              working: hoursOf(load.workingMinutes, locale),
            })}
      </Text>
    </Box>
  );
}

/** The occupancy heat map (ADR 0034): technicians × days, weeks or months, load coloured free, busy or over. */
export function OccupancyPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const groupBy = (['day', 'week', 'month'] as const).find((g) => g === params.get('groupBy')) ?? 'day';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') ?? '')
    ? (params.get('from') as string)
    : isoDay(new Date());
  const range = occupancyRange(groupBy, anchor);
  const answer = useOccupancy(range.from, range.to, groupBy);
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) p.set(k, v);
    setParams(p, { replace: true });
  };
  const periodLabel = (period: string) => {
    if (groupBy === 'month') return formatDate(period, locale).slice(3);
    if (groupBy === 'week')
      return t('visits.occupancy.weekOf', { date: formatDate(period, locale).slice(0, 5) });
    const d = new Date(`${period}T12:00:00`);
    const weekday = d.toLocaleDateString(locale === 'bg' ? 'bg-BG' : 'en-GB', { weekday: 'short' });
    return `${weekday} ${formatDate(period, locale).slice(0, 5)}`;
  };
  const periods = answer.data?.technicians[0]?.periods.map((p) => p.period) ?? [];

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('visits.occupancy.title')}
        description={t('visits.occupancy.description')}
        actions={
          <Button variant="default" component={Link} to="/visits/schedule">
            {t('visits.navSchedule')}
          </Button>
        }
      />
      <Group justify="space-between" gap="xs">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="xs" onClick={() => set({ from: isoDay(new Date()) })}>
            {t('visits.schedule.today')}
          </Button>
          <Button
            variant="default"
            size="xs"
            px={6}
            aria-label={t('visits.schedule.previous')}
            onClick={() => set({ from: range.step(range.from, -1) })}
          >
            <IconChevronLeft size={16} />
          </Button>
          <Button
            variant="default"
            size="xs"
            px={6}
            aria-label={t('visits.schedule.next')}
            onClick={() => set({ from: range.step(range.from, 1) })}
          >
            <IconChevronRight size={16} />
          </Button>
          <Text size="sm" fw={600} ml="xs">
            {formatDate(range.from, locale)} – {formatDate(range.to, locale)}
          </Text>
          {answer.isFetching && <Loader size="xs" />}
        </Group>
        <SegmentedControl
          size="xs"
          value={groupBy}
          onChange={(v) => set({ groupBy: v })}
          aria-label={t('visits.occupancy.groupBy')}
          data={(['day', 'week', 'month'] as const).map((g) => ({
            value: g,
            label: t(`visits.occupancy.${g}`),
          }))}
        />
      </Group>
      <Group gap="xs">
        {LEVELS.map((l) => (
          <Group key={l} gap={4}>
            <Box
              w={14}
              h={14}
              style={{
                background: LOAD_COLOR[l],
                borderRadius: 3,
                border: '1px solid var(--mantine-color-gray-4)',
              }}
            />
            <Text size="xs">{t(`visits.occupancy.${l}`)}</Text>
          </Group>
        ))}
      </Group>
      {answer.isPending ? (
        <PageLoader />
      ) : answer.error ? (
        <LoadError error={answer.error} onRetry={() => void answer.refetch()} />
      ) : answer.data.technicians.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('visits.occupancy.empty')}
        </Text>
      ) : phone ? (
        <Stack gap="sm">
          {answer.data.technicians.map((tech) => (
            <Card
              key={tech.technicianId}
              withBorder
              padding="sm"
              radius="md"
              data-testid="occupancy-technician"
            >
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Text fw={600}>{tech.technicianName}</Text>
                <Text size="xs" c="dimmed">
                  {t('visits.occupancy.total')}: {tech.total.loadPercent ?? '—'} %
                </Text>
              </Group>
              <Box
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))',
                  gap: 4,
                }}
              >
                {tech.periods.map((p) => (
                  <Stack key={p.period} gap={2} data-period={p.period}>
                    <Text size="xs" c="dimmed" ta="center">
                      {periodLabel(p.period)}
                    </Text>
                    <Cell load={p} />
                  </Stack>
                ))}
              </Box>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table
            withTableBorder
            withColumnBorders
            verticalSpacing={4}
            horizontalSpacing={4}
            data-testid="occupancy-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('visits.occupancy.technician')}</Table.Th>
                {periods.map((p) => (
                  <Table.Th key={p} ta="center" style={{ whiteSpace: 'nowrap' }}>
                    {periodLabel(p)}
                  </Table.Th>
                ))}
                <Table.Th ta="center">{t('visits.occupancy.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.data.technicians.map((tech) => (
                <Table.Tr key={tech.technicianId} data-technician={tech.technicianName}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {tech.technicianName}
                    </Text>
                  </Table.Td>
                  {tech.periods.map((p) => (
                    <Table.Td key={p.period} data-period={p.period}>
                      <Cell load={p} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Cell load={tech.total} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
