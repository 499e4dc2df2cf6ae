import { Alert, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { addDays, todayDate } from '@servix/server/kernel/calendar';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyJobs } from '../../api/field';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/page-header';
import { LoadError, PageLoader } from '../../ui/states';
import { CallAndMap, JobCard } from './job-parts';

/** "My jobs" on the phone: today's or tomorrow's visits of the signed-in technician, one card each. */
export function MyJobsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const today = todayDate();
  const [day, setDay] = useState<'today' | 'tomorrow'>('today');
  const date = day === 'today' ? today : addDays(today, 1);
  const jobs = useMyJobs(date);
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('field.title')} />
      <SegmentedControl
        fullWidth
        size="md"
        value={day}
        onChange={(v) => setDay(v as 'today' | 'tomorrow')}
        data={[
          { value: 'today', label: t('field.today') },
          { value: 'tomorrow', label: t('field.tomorrow') },
        ]}
        data-testid="job-day"
      />
      {!me.technicianId ? (
        <Alert color="gray">{t('field.notTechnician')}</Alert>
      ) : jobs.isPending ? (
        <PageLoader />
      ) : jobs.isError ? (
        <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <Text c="dimmed">{t('field.empty')}</Text>
      ) : (
        jobs.data.map((job) => (
          <JobCard key={job.id} job={job}>
            <CallAndMap job={job} />
            <Button component={Link} to={`/my-jobs/${job.id}`} size="md" fullWidth>
              {t('field.open')}
            </Button>
          </JobCard>
        ))
      )}
    </Stack>
  );
}
