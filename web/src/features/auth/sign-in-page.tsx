import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../../api/client';
import { useLogin, useMe } from '../../api/session';
import { Brand } from '../../ui/brand';
import { LanguageSwitch } from '../../ui/language-switch';

/** Only same-site paths: "next" comes from the address bar. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe(false).data;
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  if (me && !login.isSuccess) return <Navigate to={next} replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={400} gap="md">
        <Group justify="space-between">
          <Brand size="xl" />
          <LanguageSwitch size="sm" onChange={() => login.reset()} />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form
            noValidate
            onSubmit={form.onSubmit((values) =>
              login.mutate(
                { username: values.username.trim(), password: values.password },
                { onSuccess: () => navigate(next, { replace: true }) },
              ),
            )}
          >
            <Stack gap="md">
              <div>
                <Title order={1} fz="h3">
                  {t('auth.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('auth.subtitle')}
                </Text>
              </div>
              {login.isError && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
                  {messageOf(login.error)}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                autoComplete="username"
                autoFocus
                required
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
