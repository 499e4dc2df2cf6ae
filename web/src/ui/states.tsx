import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { messageOf } from '../api/client';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('common.loading')}>
      <Loader size="sm" />
    </Center>
  );
}

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}

/** A failed load, with the server's message and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.unexpected')} my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{messageOf(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function Message({ icon, title, text }: { icon?: React.ReactNode; title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Center py={60}>
      <Stack align="center" gap="xs" maw={420} ta="center">
        {icon}
        <Title order={2} fz="h3">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('common.back')}
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return <Message title={t('errors.notFoundTitle')} text={t('errors.notFoundText')} />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Message
      icon={<IconLock size={36} stroke={1.5} />}
      title={t('errors.forbiddenTitle')}
      text={t('errors.forbiddenText')}
    />
  );
}

/** The error of a form submission that belongs to no single input. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
    </Alert>
  );
}

/**
 * A screen's code that did not download: the connection dropped, or a new version replaced the files this page
 * was built with. Either way a reload fixes it. Browsers word it differently (Chromium, Firefox, Safari, Vite).
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|module script failed|unable to preload css/i.test(error.message)
  );
}

/** The last resort when a screen fails to render: say so in the user's language and offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const notLoaded = isChunkLoadError(useRouteError());
  return (
    <Center py={60}>
      <Stack align="center" gap="xs" maw={420} ta="center" role="alert">
        <IconAlertTriangle size={36} stroke={1.5} />
        <Title order={2} fz="h3">
          {notLoaded ? t('errors.screenNotLoadedTitle') : t('errors.unexpected')}
        </Title>
        {notLoaded && <Text c="dimmed">{t('errors.screenNotLoadedText')}</Text>}
        <Button variant="light" mt="sm" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
