import { Alert, Badge, Center, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import { IconLinkOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { currentLocale, savedLocale, setLanguage } from '../../i18n';
import { Brand } from '../../ui/brand';
import { formatInstant } from '../../ui/format';
import { LanguageSwitch } from '../../ui/language-switch';
import { FullPageLoader, LoadError } from '../../ui/states';
import type { PublicOrderStatus, ServiceOrderStatus } from './public-status.types';

/** How often an open page asks again, so a customer who keeps it open sees the status change. */
const REFRESH_MS = 60_000;

const STATUS_COLOR: Record<ServiceOrderStatus, string> = {
  received: 'gray',
  diagnosing: 'blue',
  awaiting_approval: 'orange',
  awaiting_parts: 'yellow',
  in_repair: 'indigo',
  ready: 'green',
  delivered: 'teal',
  cancelled: 'red',
};

/** The customer's language: the one chosen on this browser with the switch, else the browser's own. */
function browserLocale(): 'bg' | 'en' {
  const saved = savedLocale();
  if (saved) return saved;
  const languages = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'bg'];
  return languages.some((l) => l.toLowerCase().startsWith('bg')) ? 'bg' : 'en';
}

function usePublicStatus(token: string) {
  return useQuery({
    queryKey: ['public-status', token],
    queryFn: () => api.get<PublicOrderStatus>(`/public/orders/${encodeURIComponent(token)}`),
    refetchInterval: (query) => (query.state.error ? false : REFRESH_MS),
  });
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0" style={{ alignItems: 'flex-start' }}>
      <Stack w="100%" maw={480} gap="md" mt={{ base: 'md', sm: 60 }}>
        <Group justify="space-between" wrap="nowrap">
          <Brand />
          <LanguageSwitch size="sm" />
        </Group>
        {children}
      </Stack>
    </Center>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** /s/:token — a repair's status for its customer: no sign-in, read-only, behind a revocable token. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const status = usePublicStatus(token);
  const locale = currentLocale();

  useEffect(() => {
    const wanted = browserLocale();
    // Not remembered: only the switch makes a choice that sticks on this browser.
    if (wanted !== currentLocale()) void setLanguage(wanted, { remember: false });
  }, []);

  useEffect(() => {
    document.title = `${t('publicStatus.title')} · Servix`;
  }, [t]);

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    const invalid = status.error instanceof ApiError && status.error.status === 404;
    return (
      <Shell>
        {invalid ? (
          <Paper withBorder radius="md" p="xl" role="alert" data-testid="public-status-invalid">
            <Stack align="center" ta="center" gap="xs">
              <IconLinkOff size={40} stroke={1.5} color="var(--mantine-color-red-6)" aria-hidden />
              <Title order={1} fz="h3">
                {t('publicStatus.invalidTitle')}
              </Title>
              <Text c="dimmed">{t('publicStatus.invalidText')}</Text>
            </Stack>
          </Paper>
        ) : (
          <LoadError error={status.error} onRetry={() => void status.refetch()} />
        )}
      </Shell>
    );
  }

  const order = status.data;
  return (
    <Shell>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} shadow="xs">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {order.companyName}
            </Text>
            <Title order={1} fz="h3">
              {t('publicStatus.title')}
            </Title>
            <Text size="sm">
              {t('publicStatus.order')} <strong>{order.number}</strong>
            </Text>
          </div>
          <Alert
            color={STATUS_COLOR[order.status]}
            variant="light"
            title={
              <Group gap="xs">
                <Text size="sm" c="dimmed" span>
                  {t('publicStatus.status')}:
                </Text>
                <Badge size="lg" color={STATUS_COLOR[order.status]} data-testid="public-status-value">
                  {t(`publicStatus.states.${order.status}`)}
                </Badge>
              </Group>
            }
          >
            {t(`publicStatus.hints.${order.status}`)}
          </Alert>
          {order.itemLabel && <Fact label={t('publicStatus.item')}>{order.itemLabel}</Fact>}
          <Fact label={t('publicStatus.promisedDate')}>
            {order.promisedDate ? formatDate(order.promisedDate, locale) : t('publicStatus.noPromisedDate')}
          </Fact>
          {order.customerNotes?.trim() && (
            <div>
              <Text size="sm" c="dimmed">
                {t('publicStatus.notes')}
              </Text>
              <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{order.customerNotes}</Text>
            </div>
          )}
          <Divider />
          <Text size="xs" c="dimmed">
            {t('publicStatus.updatedAt')}: {formatInstant(order.statusChangedAt, locale)} ·{' '}
            {t('publicStatus.footer')}
          </Text>
        </Stack>
      </Paper>
    </Shell>
  );
}
