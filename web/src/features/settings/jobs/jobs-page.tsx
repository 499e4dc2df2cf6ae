import { Badge, Progress, Stack, Text } from '@mantine/core';
import type { Job } from '@servix/server/modules/jobs/jobs.schema';
import { useTranslation } from 'react-i18next';
import { JOBS_POLL_MS } from '../../../api/jobs';
import { currentLocale, i18n } from '../../../i18n';
import { formatInstant } from '../../../ui/format';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;
const STATUS_COLOR: Record<Job['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

/** Text for a code the server may extend (kinds, error codes): the translation when there is one, else the code. */
function textFor(key: string, fallback: string): string {
  const text: unknown = i18n.getResource(i18n.language, 'translation', key);
  return typeof text === 'string' ? text : fallback;
}

function StatusBadge({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[job.status]} data-testid="job-status">
      {t(`jobs.statuses.${job.status}`)}
    </Badge>
  );
}

function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  const locale = currentLocale();
  const n = (x: number) => x.toLocaleString(locale === 'bg' ? 'bg-BG' : 'en-GB');
  return (
    <Stack gap={2} miw={120}>
      <Progress value={(100 * done) / (total ?? 1)} size="sm" color={STATUS_COLOR[job.status]} aria-hidden />
      <Text size="xs" c="dimmed">
        {t('jobs.progressOf', { done: n(done), total: n(total ?? 0) })}
      </Text>
    </Stack>
  );
}

/** A job's progress, when it counts anything; a dash when it does not. */
const progressOf = (job: Job) =>
  job.progress.total === null || job.progress.total === 0 ? '—' : <JobProgress job={job} />;

/** Whether a job on the page is still to change: the list is asked again until none is. */
const stillRunning = (jobs: { items: Job[] }) =>
  jobs.items.some((j) => j.status === 'queued' || j.status === 'running') ? JOBS_POLL_MS : false;

/** The background jobs for the office managers: what runs, how far it is, what failed and why. */
export function JobsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState({ filters: ['status'] as const });
  const result = usePagedList<Job>(['jobs'], '/jobs', list.query, true, { refreshWhile: stillRunning });
  const columns: Column<Job>[] = [
    { key: 'kind', header: t('jobs.kind'), render: (job) => textFor(`jobs.kinds.${job.kind}`, job.kind) },
    { key: 'status', header: t('jobs.status'), render: (job) => <StatusBadge job={job} />, phone: 'primary' },
    { key: 'progress', header: t('jobs.progress'), render: progressOf, phone: 'primary' },
    {
      key: 'attempts',
      header: t('jobs.attempts'),
      align: 'right',
      render: (job) => `${job.attempts} / ${job.maxAttempts}`,
      phone: 'secondary',
    },
    {
      key: 'lastError',
      header: t('jobs.lastError'),
      render: (job) =>
        job.lastError && (
          <Text size="sm" c="red.8">
            {textFor(`jobs.errors.${job.lastError}`, job.lastError)}
          </Text>
        ),
      phone: 'primary',
    },
    {
      key: 'createdBy',
      header: t('jobs.createdBy'),
      render: (job) =>
        job.createdByName ?? (
          <Text span size="sm" c="dimmed">
            {t('jobs.system')}
          </Text>
        ),
      phone: 'secondary',
    },
    {
      key: 'createdAt',
      header: t('jobs.createdAt'),
      nowrap: true,
      render: (job) => formatInstant(job.createdAt, locale),
      phone: 'primary',
    },
  ];

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <ListView
        list={list}
        result={result}
        columns={columns}
        rowKey={(job) => job.id}
        filters={
          <FilterSelect
            list={list}
            name="status"
            data={STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
            placeholder={t('jobs.allStatuses')}
            label={t('jobs.status')}
            w={220}
          />
        }
        empty={
          <Text size="sm" c="dimmed">
            {t('jobs.empty')}
          </Text>
        }
        minWidth={860}
        rowTestId="job-row"
        data-testid="jobs-list"
      />
    </Stack>
  );
}
