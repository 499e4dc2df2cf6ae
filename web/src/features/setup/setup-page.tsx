import {
  Alert,
  Box,
  Button,
  Center,
  Checkbox,
  Divider,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { SetupBody } from '@servix/server/modules/setup/setup.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSetup } from '../../api/session';
import { currentLocale, isLocale, type Locale, setLanguage } from '../../i18n';
import { Brand } from '../../ui/brand';
import { fieldsIn, schemaErrors, showServerErrors } from '../../ui/forms';

interface SetupValues {
  companyName: string;
  adminFullName: string;
  adminUsername: string;
  adminPassword: string;
  passwordConfirm: string;
  locale: Locale;
  demo: boolean;
}

const toBody = ({ passwordConfirm: _, ...body }: SetupValues): SetupBody => body;

/** First run: the company, the first administrator and the language; every path shows this until it is done. */
export function SetupPage({ version }: { version: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup(() => navigate('/', { replace: true }));
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SetupValues>({
    initialValues: {
      companyName: '',
      adminFullName: '',
      adminUsername: 'admin',
      adminPassword: '',
      passwordConfirm: '',
      locale: currentLocale(),
      demo: false,
    },
    validate: (values) => ({
      ...schemaErrors(SetupBody, toBody(values), t),
      ...(values.passwordConfirm !== values.adminPassword
        ? { passwordConfirm: t('validation.passwordMismatch') }
        : {}),
    }),
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    setup.mutate(toBody(values), {
      onError: (e) => setFailure(showServerErrors(form, e, fieldsIn(Object.keys(values)))),
    });
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Group justify="space-between" align="center">
              <Brand size="xl" />
              <Text size="xs" c="dimmed">
                {t('setup.version', { version })}
              </Text>
            </Group>
            <Box>
              <Title order={1} fz="h2">
                {t('setup.title')}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t('setup.intro')}
              </Text>
            </Box>

            <Divider label={t('setup.companySection')} labelPosition="left" />
            <TextInput
              label={t('setup.companyName')}
              description={t('setup.companyNameHint')}
              required
              autoFocus
              {...form.getInputProps('companyName')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('setup.language')}
              </Text>
              <SegmentedControl
                aria-label={t('setup.language')}
                data={[
                  { value: 'bg', label: t('lang.bg') },
                  { value: 'en', label: t('lang.en') },
                ]}
                value={form.values.locale}
                onChange={(value) => {
                  if (!isLocale(value)) return;
                  form.setFieldValue('locale', value);
                  void setLanguage(value);
                }}
                style={{ alignSelf: 'flex-start' }}
              />
            </Stack>

            <Divider label={t('setup.adminSection')} labelPosition="left" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('setup.adminFullName')}
                required
                autoComplete="name"
                {...form.getInputProps('adminFullName')}
              />
              <TextInput
                label={t('setup.adminUsername')}
                description={t('setup.usernameHint')}
                required
                autoComplete="username"
                {...form.getInputProps('adminUsername')}
              />
              <PasswordInput
                label={t('setup.password')}
                description={t('setup.passwordHint')}
                required
                autoComplete="new-password"
                {...form.getInputProps('adminPassword')}
              />
              <PasswordInput
                label={t('setup.passwordConfirm')}
                required
                autoComplete="new-password"
                {...form.getInputProps('passwordConfirm')}
              />
            </SimpleGrid>

            <Checkbox
              mt="xs"
              label={t('setup.demo')}
              description={t('setup.demoDescription')}
              {...form.getInputProps('demo', { type: 'checkbox' })}
            />

            {failure && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />}>
                {failure}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={setup.isPending}>
                {t('setup.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
