import { Badge, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { FirstStep, FirstStepKey } from '@servix/server/modules/onboarding/onboarding.schema';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFirstSteps } from '../../api/first-steps';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';

type StepAction =
  | `home.firstSteps.${FirstStepKey}.action`
  | 'home.firstSteps.catalog.parts'
  | 'home.firstSteps.catalog.import';

interface StepLink {
  to: string;
  label: StepAction;
}

/** The screens that do each step; a step may offer a second way (the catalogue by hand, or an import). */
function linksOf(key: FirstStepKey, role: Parameters<typeof canCall>[0]): StepLink[] {
  switch (key) {
    case 'company':
      return [{ to: '/settings/company', label: 'home.firstSteps.company.action' }];
    case 'warehouse':
      return [{ to: '/stock/warehouses', label: 'home.firstSteps.warehouse.action' }];
    case 'catalog':
      return [
        (canCall(role, 'POST /api/v1/models')
          ? { to: '/catalog/models', label: 'home.firstSteps.catalog.action' }
          : { to: '/catalog/parts', label: 'home.firstSteps.catalog.parts' }) satisfies StepLink,
        ...(canCall(role, 'POST /api/v1/imports/:entity/jobs')
          ? [{ to: '/import', label: 'home.firstSteps.catalog.import' } satisfies StepLink]
          : []),
      ];
    case 'technicians':
      return [{ to: '/settings/technicians/new', label: 'home.firstSteps.technicians.action' }];
    case 'users':
      return [{ to: '/settings/users', label: 'home.firstSteps.users.action' }];
    case 'numbering':
      return [{ to: '/settings/numbering', label: 'home.firstSteps.numbering.action' }];
    case 'stockReceipt':
      return [{ to: '/stock/documents/new?type=receipt', label: 'home.firstSteps.stockReceipt.action' }];
  }
}

function StepRow({ step, index }: { step: FirstStep; index: number }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const links = step.mayAct && !step.done ? linksOf(step.key, user.role) : [];
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid={`first-step-${step.key}`}
      data-done={step.done}
    >
      <ThemeIcon
        variant={step.done ? 'filled' : 'light'}
        color={step.done ? 'teal' : 'gray'}
        radius="xl"
        size={28}
        aria-label={t(step.done ? 'home.firstSteps.done' : 'home.firstSteps.open')}
      >
        {step.done ? <IconCheck size={16} stroke={2.4} /> : <Text size="sm">{index + 1}</Text>}
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} c={step.done ? 'dimmed' : undefined}>
          {t(`home.firstSteps.${step.key}.title`)}
          {step.done && step.count !== null && step.count > 0 ? ` · ${step.count}` : ''}
        </Text>
        {!step.done && (
          <Text size="sm" c="dimmed">
            {t(`home.firstSteps.${step.key}.why`)}
          </Text>
        )}
        {!step.done && !step.mayAct && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('home.firstSteps.notYours')}
          </Text>
        )}
        {links.length > 0 && (
          <Group gap="xs" mt={2}>
            {links.map((l, i) => (
              <Button key={l.to} component={Link} to={l.to} size="xs" variant={i === 0 ? 'light' : 'subtle'}>
                {t(l.label)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Group>
  );
}

/**
 * The first steps of a new company, first on home while any is open: each ticks itself from the data (the server
 * decides), with why it matters and a link to the screen that does it. Once all are done it folds into one line.
 */
export function FirstStepsChecklist() {
  const { t } = useTranslation();
  const { data } = useFirstSteps();
  if (!data) return null;
  if (data.allDone) {
    return (
      <Group gap="xs" data-testid="first-steps-done">
        <ThemeIcon variant="light" color="teal" radius="xl" size={22}>
          <IconCheck size={14} />
        </ThemeIcon>
        <Text size="sm" c="dimmed">
          {t('home.firstSteps.allDone')}
        </Text>
      </Group>
    );
  }
  return (
    <Card withBorder radius="md" padding="lg" data-testid="first-steps">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} fz="h3">
            {t('home.firstSteps.title')}
          </Title>
          <Badge size="lg" variant="light" data-testid="first-steps-progress">
            {t('home.firstSteps.progress', { done: data.doneCount, total: data.total })}
          </Badge>
        </Group>
        <Progress
          value={(100 * data.doneCount) / data.total}
          size="sm"
          color="teal"
          aria-label={t('home.firstSteps.progress', { done: data.doneCount, total: data.total })}
        />
        <Text size="sm" c="dimmed">
          {t('home.firstSteps.intro')}
        </Text>
        <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {data.steps.map((s, i) => (
            <StepRow key={s.key} step={s} index={i} />
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          {t('home.firstSteps.next')}
        </Text>
      </Stack>
    </Card>
  );
}
