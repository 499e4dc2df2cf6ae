import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { SmtpSettings } from '@servix/server/modules/mail/mail.schema';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useSaveSmtpSettings, useSmtpSettings, useTestSmtp } from '../../api/mail';
import { showServerErrors } from '../../ui/forms';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { mailErrorText } from './send-mail';

type Security = 'tls' | 'starttls' | 'none';

interface Values {
  host: string;
  port: number | string;
  security: Security;
  username: string;
  password: string;
  removePassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string;
}

const DEFAULT_PORT: Record<Security, number> = { tls: 465, starttls: 587, none: 25 };

function valuesOf(s: SmtpSettings): Values {
  return {
    host: s.host ?? '',
    port: s.port ?? 587,
    security: s.security ?? 'starttls',
    username: s.username ?? '',
    password: '',
    removePassword: false,
    fromAddress: s.fromAddress ?? '',
    fromName: s.fromName ?? '',
    replyTo: s.replyTo ?? '',
  };
}

function SmtpForm({ settings }: { settings: SmtpSettings }) {
  const { t } = useTranslation();
  const save = useSaveSmtpSettings();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(settings) });
  const submit = (v: Values) => {
    setFormError(null);
    save.mutate(
      {
        host: v.host.trim(),
        port: Number(v.port),
        security: v.security,
        username: v.username.trim() || null,
        // Left empty: the stored password stays; "remove" clears it.
        ...(v.removePassword ? { password: null } : v.password ? { password: v.password } : {}),
        fromAddress: v.fromAddress.trim(),
        fromName: v.fromName.trim() || null,
        replyTo: v.replyTo.trim() || null,
      },
      {
        onSuccess: (s) => {
          form.setValues(valuesOf(s));
          form.resetDirty(valuesOf(s));
          notifications.show({ color: 'green', message: t('mail.settings.saved') });
        },
        onError: (e) => setFormError(showServerErrors(form, e, (f) => f)),
      },
    );
  };
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm" data-testid="smtp-form">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('mail.settings.host')}
              required
              placeholder="smtp.example.bg"
              data-testid="smtp-host"
              {...form.getInputProps('host')}
            />
            <Select
              label={t('mail.settings.security')}
              allowDeselect={false}
              data={(['starttls', 'tls', 'none'] as const).map((s) => ({
                value: s,
                label: t(`mail.settings.securities.${s}`),
              }))}
              data-testid="smtp-security"
              {...form.getInputProps('security')}
              onChange={(v) => {
                const s = (v ?? 'starttls') as Security;
                form.setFieldValue('security', s);
                form.setFieldValue('port', DEFAULT_PORT[s]);
              }}
            />
            <NumberInput
              label={t('mail.settings.port')}
              required
              min={1}
              max={65535}
              allowDecimal={false}
              data-testid="smtp-port"
              {...form.getInputProps('port')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('mail.settings.username')}
              autoComplete="off"
              data-testid="smtp-username"
              {...form.getInputProps('username')}
            />
            <Stack gap={4}>
              <PasswordInput
                label={t('mail.settings.password')}
                autoComplete="new-password"
                description={settings.passwordSet ? t('mail.settings.passwordSet') : undefined}
                disabled={form.values.removePassword}
                data-testid="smtp-password"
                {...form.getInputProps('password')}
              />
              {settings.passwordSet && (
                <Checkbox
                  size="xs"
                  label={t('mail.settings.removePassword')}
                  {...form.getInputProps('removePassword', { type: 'checkbox' })}
                />
              )}
            </Stack>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('mail.settings.fromAddress')}
              required
              type="email"
              data-testid="smtp-from"
              {...form.getInputProps('fromAddress')}
            />
            <TextInput
              label={t('mail.settings.fromName')}
              data-testid="smtp-from-name"
              {...form.getInputProps('fromName')}
            />
            <TextInput
              label={t('mail.settings.replyTo')}
              type="email"
              data-testid="smtp-reply-to"
              {...form.getInputProps('replyTo')}
            />
          </SimpleGrid>
          <FormAlert message={formError} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="smtp-save">
              {t('mail.settings.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function TestMail({ configured, defaultTo }: { configured: boolean; defaultTo: string }) {
  const { t } = useTranslation();
  const test = useTestSmtp();
  const [to, setTo] = useState(defaultTo);
  const result = test.data;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={3} fz="sm" fw={600} c="dimmed" tt="uppercase">
          {t('mail.settings.testTitle')}
        </Title>
        {!configured && (
          <Text size="sm" c="dimmed">
            {t('mail.settings.saveFirst')}
          </Text>
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('mail.settings.testTo')}
            type="email"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
            data-testid="smtp-test-to"
          />
          <Button
            variant="light"
            leftSection={<IconMailCheck size={16} />}
            disabled={!configured || !to.trim()}
            loading={test.isPending}
            onClick={() => test.mutate(to.trim())}
            data-testid="smtp-test"
          >
            {t('mail.settings.test')}
          </Button>
        </Group>
        {test.isError && <Alert color="red">{messageOf(test.error)}</Alert>}
        {result?.ok && (
          <Alert color="green" data-testid="smtp-test-ok">
            {t('mail.settings.testOk', { to })}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" data-testid="smtp-test-failed">
            {t('mail.settings.testFailed', {
              error: `${mailErrorText(result.error ?? 'smtp_error')}${result.detail ? ` — ${result.detail}` : ''}`,
            })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Settings → E-mail: the company's SMTP server (the administrator's) and a test message. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const query = useSmtpSettings();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={t('mail.settings.title')} description={t('mail.settings.description')} />
      <SmtpForm settings={query.data} />
      <TestMail configured={query.data.configured} defaultTo={query.data.fromAddress ?? ''} />
    </Stack>
  );
}
