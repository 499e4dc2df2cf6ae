import {
  Alert,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { DEMO_COMPANY_NAME, DEMO_PASSWORD, SetupBody } from '@servix/server/modules/setup/setup.schema';
import { IconAlertTriangle, IconBuildingStore, IconFlask } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
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

/** The request: the demo company has its own fixed name, so the name typed for one's own company is not sent. */
const toBody = ({ passwordConfirm: _, companyName, ...body }: SetupValues): SetupBody =>
  body.demo ? body : { ...body, companyName };

/** One of the two ways to start, as a card: its title, what it makes, and the radio that says it is chosen. */
function ChoiceCard({
  value,
  icon,
  title,
  description,
}: {
  value: string;
  icon: ReactNode;
  title: string;
  description: string;
}) {
  return (
    <Radio.Card
      value={value}
      radius="md"
      p="md"
      data-testid={`setup-choice-${value}`}
      style={{ display: 'flex', alignItems: 'flex-start' }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Box style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {icon}
            <Text fw={600}>{title}</Text>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        </Box>
      </Group>
    </Radio.Card>
  );
}

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

            <Radio.Group
              label={t('setup.choice')}
              value={form.values.demo ? 'demo' : 'own'}
              onChange={(value) => form.setFieldValue('demo', value === 'demo')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
                <ChoiceCard
                  value="own"
                  icon={<IconBuildingStore size={18} />}
                  title={t('setup.own')}
                  description={t('setup.ownDescription')}
                />
                <ChoiceCard
                  value="demo"
                  icon={<IconFlask size={18} />}
                  title={t('setup.demoChoice')}
                  description={t('setup.demoChoiceDescription', {
                    name: DEMO_COMPANY_NAME,
                    password: DEMO_PASSWORD,
                  })}
                />
              </SimpleGrid>
            </Radio.Group>

            <Divider label={t('setup.companySection')} labelPosition="left" />
            {form.values.demo ? (
              <Alert color="yellow" icon={<IconFlask size={18} />} data-testid="setup-demo-company">
                <Text size="sm" fw={600}>
                  {t('setup.demoCompany', { name: DEMO_COMPANY_NAME })}
                </Text>
                <Text size="sm">{t('setup.demoCompanyHint')}</Text>
              </Alert>
            ) : (
              <TextInput
                label={t('setup.companyName')}
                description={t('setup.companyNameHint')}
                required
                {...form.getInputProps('companyName')}
              />
            )}
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
