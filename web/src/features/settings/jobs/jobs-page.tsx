import { Badge, Card, Group, Pagination, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
import type { Job } from '@servix/server/modules/jobs/jobs.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobs } from '../../../api/jobs';
import { currentLocale, i18n } from '../../../i18n';
import { formatInstant } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { LoadError, PageLoader } from '../../../ui/states';

const PAGE_SIZE = 25;
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
  if (total === null || total === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const locale = currentLocale();
  const n = (x: number) => x.toLocaleString(locale === 'bg' ? 'bg-BG' : 'en-GB');
  return (
    <Stack gap={2} miw={120}>
      <Progress value={(100 * done) / total} size="sm" color={STATUS_COLOR[job.status]} aria-hidden />
      <Text size="xs" c="dimmed">
        {t('jobs.progressOf', { done: n(done), total: n(total) })}
      </Text>
    </Stack>
  );
}

function LastError({ job }: { job: Job }) {
  if (!job.lastError) return null;
  return (
    <Text size="sm" c="red.8">
      {textFor(`jobs.errors.${job.lastError}`, job.lastError)}
    </Text>
  );
}

function JobCard({ job }: { job: Job }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="job-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{textFor(`jobs.kinds.${job.kind}`, job.kind)}</Text>
          <StatusBadge job={job} />
        </Group>
        <JobProgress job={job} />
        <LastError job={job} />
        <Text size="xs" c="dimmed">
          {t('jobs.createdBy')}: {job.createdByName ?? t('jobs.system')} ·{' '}
          {formatInstant(job.createdAt, locale)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('jobs.attempts')}: {job.attempts} / {job.maxAttempts}
        </Text>
      </Stack>
    </Card>
  );
}

/** The background jobs for the office managers: what runs, how far it is, what failed and why. */
export function JobsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const jobs = useJobs({ status: status ?? undefined, page, pageSize: PAGE_SIZE });
  const pages = jobs.data ? Math.max(1, Math.ceil(jobs.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <Group justify="space-between" mb="sm" gap="sm">
        <Select
          aria-label={t('jobs.status')}
          placeholder={t('jobs.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          w={220}
        />
        {jobs.data && (
          <Text size="sm" c="dimmed">
            {t('jobs.total', { count: jobs.data.total })}
          </Text>
        )}
      </Group>
      {jobs.isPending && <PageLoader />}
      {jobs.isError && <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && jobs.data.items.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('jobs.empty')}
        </Text>
      )}
      {jobs.data && jobs.data.items.length > 0 && (
        <>
          <Paper withBorder radius="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" data-testid="jobs-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jobs.kind')}</Table.Th>
                    <Table.Th>{t('jobs.status')}</Table.Th>
                    <Table.Th>{t('jobs.progress')}</Table.Th>
                    <Table.Th ta="right">{t('jobs.attempts')}</Table.Th>
                    <Table.Th>{t('jobs.lastError')}</Table.Th>
                    <Table.Th>{t('jobs.createdBy')}</Table.Th>
                    <Table.Th>{t('jobs.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.items.map((job) => (
                    <Table.Tr key={job.id} data-testid="job-row">
                      <Table.Td>{textFor(`jobs.kinds.${job.kind}`, job.kind)}</Table.Td>
                      <Table.Td>
                        <StatusBadge job={job} />
                      </Table.Td>
                      <Table.Td>
                        <JobProgress job={job} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {job.attempts} / {job.maxAttempts}
                      </Table.Td>
                      <Table.Td>
                        <LastError job={job} />
                      </Table.Td>
                      <Table.Td>
                        {job.createdByName ?? (
                          <Text span size="sm" c="dimmed">
                            {t('jobs.system')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(job.createdAt, locale)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Stack gap="sm" hiddenFrom="sm" data-testid="jobs-cards">
            {jobs.data.items.map((job) => (
              <JobCard key={job.id} job={job} />
            ))}
          </Stack>
        </>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
