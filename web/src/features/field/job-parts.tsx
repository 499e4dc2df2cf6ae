import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { wallClockOf } from '@servix/server/kernel/calendar';
import type { Job } from '@servix/server/modules/visits/visits.schema';
import { IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** 10:30 in company time. */
export function clockOf(instant: string): string {
  const { minute } = wallClockOf(new Date(instant));
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The address as a link the phone opens in its maps app. */
export function mapUrl(address: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}`;
}

/** Where the job stands for the technician: planned, started (it has its order), done, cancelled. */
export function jobState(
  job: Pick<Job, 'status' | 'startedAt'>,
): 'planned' | 'started' | 'done' | 'cancelled' {
  if (job.status === 'planned') return job.startedAt ? 'started' : 'planned';
  return job.status;
}

const STATE_COLOR = { planned: 'blue', started: 'orange', done: 'green', cancelled: 'gray' } as const;

export function JobStateBadge({ job }: { job: Pick<Job, 'status' | 'startedAt'> }) {
  const { t } = useTranslation();
  const state = jobState(job);
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size="lg">
      {t(`field.status.${state}`)}
    </Badge>
  );
}

/** Call and map: two big buttons side by side (a thumb's width each). */
export function CallAndMap({ job }: { job: Job }) {
  const { t } = useTranslation();
  const address = job.siteAddress ?? job.siteName;
  return (
    <Group grow gap="xs" wrap="nowrap">
      <Button
        component="a"
        href={job.phone ? `tel:${job.phone.replace(/\s+/g, '')}` : undefined}
        disabled={!job.phone}
        variant="light"
        size="md"
        leftSection={<IconPhone size={18} />}
        data-testid="job-call"
      >
        {job.phone ? t('field.call') : t('field.noPhone')}
      </Button>
      <Button
        component="a"
        href={address ? mapUrl(address) : undefined}
        target="_blank"
        rel="noopener"
        disabled={!address}
        variant="light"
        size="md"
        leftSection={<IconMapPin size={18} />}
        data-testid="job-map"
      >
        {address ? t('field.map') : t('field.noAddress')}
      </Button>
    </Group>
  );
}

/** A job as a card: the time, the state, the customer and site, the item and the problem. */
export function JobSummary({ job }: { job: Job }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={700} fz="lg">
          {clockOf(job.start)}–{clockOf(job.end)}
        </Text>
        <JobStateBadge job={job} />
      </Group>
      <Text fw={600}>{job.customerName ?? job.title}</Text>
      {job.siteName && (
        <Text size="sm" c="dimmed">
          {[job.siteName, job.siteAddress].filter(Boolean).join(' — ')}
        </Text>
      )}
      {job.items.map((i) => (
        <Text key={i.id} size="sm">
          {i.label}
        </Text>
      ))}
      {job.problem && (
        <Text size="sm" fs="italic" lineClamp={3}>
          {job.problem}
        </Text>
      )}
    </Stack>
  );
}

export function JobCard({ job, children }: { job: Job; children?: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="job-card">
      <Stack gap="sm">
        <JobSummary job={job} />
        {children}
      </Stack>
    </Card>
  );
}
