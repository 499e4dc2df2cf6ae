import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  FileButton,
  Grid,
  Group,
  Image,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import { isValidIban, isValidUic } from '@servix/server/kernel/identifiers';
import type { CompanySettings } from '@servix/server/modules/company/company.schema';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconLock,
  IconLockOpen,
  IconPlus,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../api/client';
import { logoUrl, useCompany, useCompanyLogo, useSaveCompany, useSetLockDate } from '../../../api/company';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { showServerErrors } from '../../../ui/forms';
import { PageHeader } from '../../../ui/page-header';
import readOnlyClasses from '../../../ui/read-only.module.css';
import { LoadError, PageLoader } from '../../../ui/states';
import {
  type CompanyFormValues,
  CURRENCIES,
  companyFieldOf,
  emptyBankAccount,
  toFormValues,
  toInput,
} from './company-form';

const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** The server re-encodes these as PNG and refuses anything else (SVG could carry a script). */
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** A green tick when a client-side check passes; the server still decides (its error shows on the input). */
function ValidMark({ valid, label }: { valid: boolean; label: string }) {
  if (!valid) return null;
  return (
    <Tooltip label={label}>
      <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-label={label} />
    </Tooltip>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function LogoSection({ company, canEdit }: { company: CompanySettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const logo = useCompanyLogo();
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    setError(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setError(t('company.logo.unsupported'));
    if (file.size > MAX_LOGO_BYTES) return setError(t('company.logo.tooLarge'));
    logo.mutate(await readAsDataUrl(file), {
      onSuccess: () => notifications.show({ color: 'green', message: t('company.logo.saved') }),
      onError: (e) => setError(messageOf(e)),
    });
  };

  return (
    <Fieldset legend={t('company.section.logo')} radius="md">
      <Group align="center" gap="lg">
        <Paper withBorder radius="sm" w={200} h={88} p="xs" bg="white">
          {company.hasLogo ? (
            <Image
              src={logoUrl(company.updatedAt)}
              alt={t('company.logo.alt')}
              h="100%"
              w="100%"
              fit="contain"
            />
          ) : (
            <Text size="sm" c="dimmed" ta="center" lh="68px">
              {t('company.logo.none')}
            </Text>
          )}
        </Paper>
        <Stack gap="xs">
          {canEdit && (
            <Group gap="xs">
              <FileButton onChange={(f) => void upload(f)} accept={LOGO_TYPES.join(',')}>
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    leftSection={<IconUpload size={16} />}
                    loading={logo.isPending}
                  >
                    {company.hasLogo ? t('company.logo.replace') : t('company.logo.upload')}
                  </Button>
                )}
              </FileButton>
              {company.hasLogo && (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() =>
                    logo.mutate(null, {
                      onSuccess: () => notifications.show({ message: t('company.logo.removed') }),
                      onError: (e) => setError(messageOf(e)),
                    })
                  }
                >
                  {t('company.logo.remove')}
                </Button>
              )}
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {t('company.logo.hint')}
          </Text>
          {error && (
            <Text size="sm" c="red">
              {error}
            </Text>
          )}
        </Stack>
      </Group>
    </Fieldset>
  );
}

/** The closed period: the accountant (or the admin) sets or clears the lock date; the others see it. */
function LockDateSection({ company, canEdit }: { company: CompanySettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSetLockDate();
  const [value, setValue] = useState<string | null>(company.lockDate);
  const [error, setError] = useState<string | null>(null);

  const send = (lockDate: string | null) => {
    setError(null);
    save.mutate(lockDate, {
      onSuccess: (saved) => {
        setValue(saved.lockDate);
        notifications.show({
          color: 'green',
          message: saved.lockDate ? t('company.lockDate.saved') : t('company.lockDate.cleared'),
        });
      },
      onError: (e) => setError(messageOf(e)),
    });
  };

  return (
    <Fieldset legend={t('company.section.lockDate')} radius="md" data-testid="lock-date">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {company.lockDate
            ? t('company.lockDate.closedUntil', { date: formatDate(company.lockDate, locale) })
            : t('company.lockDate.none')}
        </Text>
        {canEdit && (
          <Group align="flex-end" gap="sm">
            <DateField
              label={t('company.lockDate.label')}
              value={value}
              onChange={(v) => setValue(v)}
              clearable
              w={{ base: '100%', xs: 220 }}
            />
            <Button
              leftSection={<IconLock size={16} />}
              disabled={!value || value === company.lockDate}
              loading={save.isPending}
              onClick={() => send(value)}
            >
              {t('company.lockDate.save')}
            </Button>
            {company.lockDate && (
              <Button
                variant="subtle"
                leftSection={<IconLockOpen size={16} />}
                disabled={save.isPending}
                onClick={() => send(null)}
              >
                {t('company.lockDate.clear')}
              </Button>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('company.lockDate.hint')}
        </Text>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

function CompanyForm({ company, canEdit }: { company: CompanySettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveCompany();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CompanyFormValues>({ initialValues: toFormValues(company) });
  const { values } = form;

  const submit = form.onSubmit((v) => {
    setFailure(null);
    save.mutate(toInput(v), {
      onSuccess: (saved) => {
        form.setValues(toFormValues(saved));
        form.resetDirty(toFormValues(saved));
        notifications.show({ color: 'green', message: t('common.saved') });
      },
      onError: (e) => setFailure(showServerErrors(form, e, companyFieldOf) ?? t('company.fixErrors')),
    });
  });

  const setDefaultAccount = (index: number) =>
    form.setFieldValue(
      'bankAccounts',
      values.bankAccounts.map((a, i) => ({ ...a, isDefault: i === index })),
    );

  // The server keeps exactly one default account: when the default goes, the first remaining one takes over.
  const removeAccount = (index: number) => {
    const rest = values.bankAccounts.filter((_, i) => i !== index);
    const first = rest[0];
    if (first && !rest.some((a) => a.isDefault)) rest[0] = { ...first, isDefault: true };
    form.clearErrors();
    form.setFieldValue('bankAccounts', rest);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('company.title')}>
      <Stack gap="md" className={canEdit ? undefined : readOnlyClasses.readOnly}>
        <Fieldset legend={t('company.section.requisites')} radius="md" disabled={!canEdit}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t('company.legalName')}
              required
              style={{ gridColumn: '1 / -1' }}
              {...form.getInputProps('legalName')}
            />
            <TextInput
              label={t('company.uic')}
              inputMode="numeric"
              maxLength={13}
              rightSection={<ValidMark valid={isValidUic(values.uic.trim())} label={t('company.uicValid')} />}
              {...form.getInputProps('uic')}
            />
            <TextInput
              label={t('company.vatNumber')}
              placeholder={t('company.vatNumberHint')}
              maxLength={14}
              {...form.getInputProps('vatNumber')}
            />
            <Stack gap={6} justify="flex-end">
              <Switch
                label={t('company.vatRegistered')}
                {...form.getInputProps('vatRegistered', { type: 'checkbox' })}
                mb={8}
              />
            </Stack>
            <DateField
              label={t('company.vatRegisteredFrom')}
              clearable
              disabled={!values.vatRegistered || !canEdit}
              {...form.getInputProps('vatRegisteredFrom')}
            />
            <TextInput label={t('company.mol')} {...form.getInputProps('mol')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('company.section.address')} radius="md" disabled={!canEdit}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput label={t('company.country')} maxLength={2} {...form.getInputProps('country')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput label={t('company.postcode')} {...form.getInputProps('postcode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('company.city')} {...form.getInputProps('city')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t('company.address')} {...form.getInputProps('address')} />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset legend={t('company.section.contacts')} radius="md" disabled={!canEdit}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('company.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('company.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('company.website')} {...form.getInputProps('website')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('company.section.defaults')} radius="md" disabled={!canEdit}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('company.defaultVatRate')}
              suffix=" %"
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator={locale === 'bg' ? ',' : '.'}
              maw={220}
              {...form.getInputProps('vatRatePercent')}
            />
            <Switch
              label={t('company.fiscalDeviceRequired')}
              description={t('company.fiscalDeviceHint')}
              mt={{ base: 0, sm: 26 }}
              {...form.getInputProps('fiscalDeviceRequired', { type: 'checkbox' })}
            />
            <DateField
              label={t('company.dualDisplayUntil')}
              description={t('company.dualDisplayHint')}
              maw={220}
              data-testid="company-dual-display-until"
              {...form.getInputProps('dualDisplayUntil')}
            />
            <Switch
              label={t('company.invoiceOtherCurrency')}
              description={t('company.invoiceOtherCurrencyHint')}
              mt={{ base: 0, sm: 26 }}
              data-testid="company-invoice-other-currency"
              {...form.getInputProps('invoiceOtherCurrency', { type: 'checkbox' })}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('company.section.bank')} radius="md" disabled={!canEdit}>
          <Stack gap="sm">
            {values.bankAccounts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('company.bank.none')}
              </Text>
            )}
            {values.bankAccounts.map((account, i) => (
              <Grid key={account.key} gap="sm" align="flex-start" data-testid={`bank-account-${i}`}>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <TextInput
                    label={t('company.bank.iban')}
                    required
                    rightSection={
                      <ValidMark
                        valid={account.iban.trim() !== '' && isValidIban(account.iban)}
                        label={t('company.bank.ibanValid')}
                      />
                    }
                    {...form.getInputProps(`bankAccounts.${i}.iban`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 2 }}>
                  <TextInput label={t('company.bank.bic')} {...form.getInputProps(`bankAccounts.${i}.bic`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <TextInput
                    label={t('company.bank.bankName')}
                    {...form.getInputProps(`bankAccounts.${i}.bankName`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 5, md: 1.5 }}>
                  <Select
                    label={t('company.bank.currency')}
                    data={[...CURRENCIES]}
                    allowDeselect={false}
                    {...form.getInputProps(`bankAccounts.${i}.currency`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 7, md: 1.5 }}>
                  <Group gap="xs" wrap="nowrap" mt={{ base: 0, md: 32 }} justify="space-between">
                    <Radio
                      name="defaultBankAccount"
                      label={t('company.bank.isDefault')}
                      checked={account.isDefault}
                      onChange={() => setDefaultAccount(i)}
                    />
                    {canEdit && (
                      <Tooltip label={t('company.bank.remove')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('company.bank.remove')}
                          onClick={() => removeAccount(i)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Grid.Col>
              </Grid>
            ))}
            {canEdit && (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() =>
                    form.insertListItem('bankAccounts', emptyBankAccount(values.bankAccounts.length === 0))
                  }
                >
                  {t('company.bank.add')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </Stack>

      {canEdit && (
        <Group justify="flex-end" wrap="nowrap" mt="md" gap="md">
          {failure && (
            <Group gap={6} wrap="nowrap" role="alert" style={{ minWidth: 0 }}>
              <IconAlertTriangle size={18} color="var(--mantine-color-red-filled)" />
              <Text size="sm" c="red">
                {failure}
              </Text>
            </Group>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      )}
    </form>
  );
}

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const company = useCompany();
  const canEdit = canCall(user.role, 'PUT /api/v1/company');
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={t('company.title')} description={t('company.description')} />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      {company.isPending && <PageLoader />}
      {company.isError && <LoadError error={company.error} onRetry={() => void company.refetch()} />}
      {company.data && (
        <Stack gap="md">
          <CompanyForm key={company.data.id} company={company.data} canEdit={canEdit} />
          <LogoSection company={company.data} canEdit={canEdit} />
          <LockDateSection
            company={company.data}
            canEdit={canCall(user.role, 'PUT /api/v1/company/lock-date')}
          />
        </Stack>
      )}
    </Stack>
  );
}
