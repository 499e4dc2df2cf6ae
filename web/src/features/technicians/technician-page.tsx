import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import { parsePercentBp } from '@servix/server/modules/technicians/technicians.pay';
import {
  CreateTechnicianBody,
  type PayTermsInput,
  type Technician,
  type UpdateTechnicianBody,
} from '@servix/server/modules/technicians/technicians.schema';
import { IconArchive, IconArchiveOff, IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCategoryOptions } from '../../api/catalog';
import { ApiError, messageOf } from '../../api/client';
import {
  useAddPayTerms,
  useCreateTechnician,
  useSetTechnicianArchived,
  useTechnician,
  useUpdateTechnician,
} from '../../api/technicians';
import { useUsers } from '../../api/users';
import { canCall } from '../../app/access';
import { useSeesPay } from '../../app/fields';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { type FieldOf, schemaErrors, showServerErrors } from '../../ui/forms';
import { PageHeader } from '../../ui/page-header';
import readOnlyClasses from '../../ui/read-only.module.css';
import { FormAlert, LoadError, NotFound, PageLoader } from '../../ui/states';
import { textToCents } from '../../ui/typed-values';
import { categoryName } from '../catalog/catalog-list';
import { onInputs } from '../catalog/catalog-values';
import {
  overlappingRow,
  PAY_TYPES,
  payTermsText,
  type TechnicianValues,
  toIntervals,
  toRows,
} from './technician-values';
import { technicianPath } from './technicians-page';
import { WorkingHoursEditor } from './working-hours-editor';

type PayType = (typeof PAY_TYPES)[number];

/** Today in Sofia as YYYY-MM-DD, the day pay terms usually start from. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Sofia' }).format(new Date());
}

function payTermsOf(from: string | null, payType: PayType, value: string): PayTermsInput {
  return {
    validFrom: from ?? '',
    payType,
    ...(payType === 'commission'
      ? { commissionBp: parsePercentBp(value) ?? Number.NaN }
      : { rateCents: textToCents(value) }),
  };
}

function toCreateBody(v: TechnicianValues): CreateTechnicianBody {
  return {
    name: v.name.trim(),
    phone: v.phone.trim() || null,
    userId: v.userId,
    active: v.active,
    skills: v.skills,
    hours: toIntervals(v.hours),
    payTerms: v.withPay ? [payTermsOf(v.payFrom, v.payType, v.payValue)] : [],
    notes: v.notes.trim() || null,
  };
}

function toUpdateBody(v: TechnicianValues): UpdateTechnicianBody {
  const { payTerms: _pay, ...rest } = toCreateBody(v);
  return rest;
}

const SIMPLE = new Set(['name', 'phone', 'userId', 'active', 'skills', 'notes']);

/** Server (and schema) fields to the form's inputs; "hours" as a whole goes above the hours editor. */
const technicianFieldOf: FieldOf = (field) => {
  if (SIMPLE.has(field) || /^skills\.\d+$/.test(field)) return field.replace(/\.\d+$/, '');
  const hours = /^hours\.(\d+)(?:\.(startMinute|endMinute|weekday))?$/.exec(field);
  if (hours) return `hours.${hours[1]}.${hours[2] === 'startMinute' ? 'start' : 'end'}`;
  if (field === 'hours') return 'hoursAll';
  if (field === 'payTerms.0.validFrom') return 'payFrom';
  if (/^payTerms\.0\.(commissionBp|rateCents)$/.test(field)) return 'payValue';
  return null;
};

function useUserOptions(current: Technician | undefined) {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useUsers(canCall(user.role, 'GET /api/v1/users')).data ?? [];
  const options = users
    .filter((u) => u.active || u.id === current?.userId)
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username}) · ${t(`roles.${u.role}`)}` }));
  if (current?.userId && !options.some((o) => o.value === current.userId))
    options.unshift({ value: current.userId, label: current.username ?? current.userId });
  return options;
}

function PayValueInput({ form }: { form: UseFormReturnType<TechnicianValues> }) {
  const { t } = useTranslation();
  const payType = form.values.payType;
  return (
    <TextInput
      label={payType === 'commission' ? t('technicians.pay.commission') : t('technicians.pay.rate')}
      description={
        payType === 'commission' ? t('technicians.pay.commissionHint') : t('technicians.pay.rateHint')
      }
      inputMode="decimal"
      required
      rightSection={<Text size="sm">{payType === 'commission' ? '%' : '€'}</Text>}
      {...form.getInputProps('payValue')}
    />
  );
}

/** Pay terms: the history (latest first, the one in force marked) and "add pay terms from a date". */
function PayTermsPanel({ technician, canEdit }: { technician: Technician; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const add = useAddPayTerms(technician.id);
  const terms = technician.payTerms ?? [];
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ validFrom: string | null; payType: PayType; value: string }>({
    initialValues: { validFrom: today(), payType: 'commission', value: '' },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.validFrom) errors.validFrom = t('validation.required');
      const body = payTermsOf(v.validFrom, v.payType, v.value);
      const amount = v.payType === 'commission' ? body.commissionBp : body.rateCents;
      if (v.value.trim() === '') errors.value = t('validation.required');
      else if (amount === undefined || amount === null || Number.isNaN(amount) || amount < 0)
        errors.value =
          v.payType === 'commission' ? t('technicians.pay.percentInvalid') : t('catalog.invalidAmount');
      return errors;
    },
  });
  const fieldOf: FieldOf = (f) =>
    f === 'validFrom'
      ? 'validFrom'
      : f === 'commissionBp' || f === 'rateCents'
        ? 'value'
        : f === 'payType'
          ? 'payType'
          : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="pay-terms">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('technicians.pay.title')}
        </Title>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('technicians.pay.from')}</Table.Th>
              <Table.Th>{t('technicians.pay.terms')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="dimmed">
                    {t('technicians.pay.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {terms.map((p) => {
              const current = technician.currentPayTerms?.id === p.id;
              return (
                <Table.Tr key={p.id} fw={current ? 600 : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.validFrom, locale)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {payTermsText(p, t, locale)}
                      {current && (
                        <Badge size="xs" color="green" variant="light">
                          {t('technicians.pay.inForce')}
                        </Badge>
                      )}
                      {!current && p.validFrom > today() && (
                        <Badge size="xs" color="blue" variant="light">
                          {t('technicians.pay.future')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <form
            noValidate
            onSubmit={form.onSubmit((v) => {
              setFailure(null);
              add.mutate(payTermsOf(v.validFrom, v.payType, v.value), {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('technicians.pay.added') });
                  form.reset();
                },
                onError: (e) => setFailure(showServerErrors(form, e, fieldOf)),
              });
            })}
          >
            <Fieldset legend={t('technicians.pay.addTitle')} radius="md">
              <Stack gap="sm">
                <SegmentedControl
                  data={PAY_TYPES.map((p) => ({ value: p, label: t(`technicians.pay.type.${p}`) }))}
                  {...form.getInputProps('payType')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateField
                    label={t('technicians.pay.from')}
                    required
                    {...form.getInputProps('validFrom')}
                  />
                  <TextInput
                    label={
                      form.values.payType === 'commission'
                        ? t('technicians.pay.commission')
                        : t('technicians.pay.rate')
                    }
                    inputMode="decimal"
                    required
                    rightSection={<Text size="sm">{form.values.payType === 'commission' ? '%' : '€'}</Text>}
                    {...form.getInputProps('value')}
                  />
                </SimpleGrid>
                <FormAlert message={failure} />
                <Group justify="flex-end">
                  <Button
                    type="submit"
                    size="sm"
                    leftSection={<IconPlus size={16} />}
                    loading={add.isPending}
                  >
                    {t('technicians.pay.add')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function TechnicianForm({ technician, canEdit }: { technician: Technician | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const create = useCreateTechnician();
  const update = useUpdateTechnician();
  const categories = useCategoryOptions().data ?? [];
  const userOptions = useUserOptions(technician);
  const [failure, setFailure] = useState<string | null>(null);
  const isNew = technician === undefined;

  const form = useForm<TechnicianValues>({
    initialValues: {
      name: technician?.name ?? '',
      phone: technician?.phone ?? '',
      userId: technician?.userId ?? null,
      active: technician?.active ?? true,
      notes: technician?.notes ?? '',
      skills: technician?.skills ?? [],
      hours: toRows(technician?.hours ?? []),
      withPay: false,
      payFrom: today(),
      payType: 'commission',
      payValue: '',
    },
    validate: (v) => {
      const errors = onInputs(schemaErrors(CreateTechnicianBody, toCreateBody(v), t), technicianFieldOf);
      v.hours.forEach((r, i) => {
        for (const f of ['start', 'end'] as const) {
          const key = `hours.${i}.${f}`;
          if (r[f].trim() === '') errors[key] = t('validation.required');
          else if (errors[key]) errors[key] = t('technicians.timeInvalid');
        }
      });
      if (errors.payValue)
        errors.payValue =
          v.payType === 'commission' ? t('technicians.pay.percentInvalid') : t('catalog.invalidAmount');
      delete errors.hoursAll;
      return errors;
    },
  });

  const onError = (e: unknown) => {
    const left = showServerErrors(form, e, technicianFieldOf);
    // The hours as a whole (overlapping intervals) are shown above the hours, not as a general failure.
    setFailure(e instanceof ApiError && e.problem.field === 'hours' ? null : left);
    // Mark the interval that overlaps another, so the user sees which one to change.
    if (e instanceof ApiError && e.code === 'hours_overlap') {
      const clash = overlappingRow(form.values.hours);
      if (clash)
        form.setFieldError(
          `hours.${clash.index}.start`,
          t('technicians.overlapsWith', { interval: clash.with }),
        );
    }
  };

  const skillOptions = [
    ...categories.map((c) => ({ value: c.code, label: categoryName(c, locale) })),
    ...form.values.skills
      .filter((s) => !categories.some((c) => c.code === s))
      .map((s) => ({ value: s, label: s })),
  ];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setFailure(null);
        if (technician)
          update.mutate(
            { id: technician.id, patch: toUpdateBody(v) },
            {
              onSuccess: (saved) => {
                notifications.show({ color: 'green', message: t('common.saved') });
                form.setValues({ hours: toRows(saved.hours) });
                form.resetDirty();
              },
              onError,
            },
          );
        else
          create.mutate(toCreateBody(v), {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', message: t('technicians.created') });
              navigate(technicianPath(saved.id), { replace: true });
            },
            onError,
          });
      })}
    >
      <Stack gap="md" className={canEdit ? undefined : readOnlyClasses.readOnly}>
        <Fieldset legend={t('technicians.section.person')} radius="md" disabled={!canEdit}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('technicians.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('technicians.phone')} type="tel" {...form.getInputProps('phone')} />
            <Select
              label={t('technicians.user')}
              description={t('technicians.userHint')}
              placeholder={t('technicians.noUser')}
              data={userOptions}
              searchable
              clearable
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('userId')}
            />
            <Switch
              label={t('technicians.activeLabel')}
              description={t('technicians.activeHint')}
              mt={{ base: 0, sm: 28 }}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('technicians.skills')}
            description={t('technicians.skillsHint')}
            placeholder={form.values.skills.length ? undefined : t('technicians.skillsPlaceholder')}
            data={skillOptions}
            searchable
            hidePickedOptions
            mt="sm"
            nothingFoundMessage={t('catalog.nothingFound')}
            {...form.getInputProps('skills')}
          />
          <Textarea
            label={t('technicians.notes')}
            autosize
            minRows={2}
            mt="sm"
            {...form.getInputProps('notes')}
          />
        </Fieldset>

        <Fieldset legend={t('technicians.hours')} radius="md" disabled={!canEdit}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('technicians.hoursHint')}
          </Text>
          <WorkingHoursEditor
            form={form}
            disabled={!canEdit}
            error={form.errors.hoursAll as string | undefined}
          />
        </Fieldset>

        {isNew && (
          <Fieldset legend={t('technicians.pay.title')} radius="md">
            <Checkbox
              label={t('technicians.pay.setNow')}
              {...form.getInputProps('withPay', { type: 'checkbox' })}
            />
            {form.values.withPay && (
              <Stack gap="sm" mt="sm">
                <SegmentedControl
                  data={PAY_TYPES.map((p) => ({ value: p, label: t(`technicians.pay.type.${p}`) }))}
                  w="fit-content"
                  {...form.getInputProps('payType')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <DateField label={t('technicians.pay.from')} required {...form.getInputProps('payFrom')} />
                  <PayValueInput form={form} />
                </SimpleGrid>
              </Stack>
            )}
          </Fieldset>
        )}

        <FormAlert message={failure} />
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/settings/technicians">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {isNew ? t('common.add') : t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function ArchiveButton({ technician }: { technician: Technician }) {
  const { t } = useTranslation();
  const archive = useSetTechnicianArchived();
  const archived = technician.archivedAt !== null;
  return (
    <Button
      variant="default"
      leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
      loading={archive.isPending}
      onClick={() =>
        archive.mutate(
          { id: technician.id, archived: !archived },
          {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: archived
                  ? t('records.restoredDone', { name: technician.name })
                  : t('records.archivedDone', { name: technician.name }),
              }),
            onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
          },
        )
      }
    >
      {archived ? t('records.restore') : t('records.archive')}
    </Button>
  );
}

/** A technician: add one (/settings/technicians/new) or see and change one. */
export function TechnicianPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const { user } = useSession();
  const isNew = id === 'new';
  // Pay terms only for those who may see them: the server leaves them out for the others.
  const seesPay = useSeesPay();
  const canEdit = canCall(user.role, isNew ? 'POST /api/v1/technicians' : 'PATCH /api/v1/technicians/:id');
  const loaded = useTechnician(isNew ? undefined : id);

  if (!isNew && loaded.isPending) return <PageLoader />;
  if (!isNew && loaded.isError) {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFound />;
    return <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  const technician = isNew ? undefined : loaded.data;
  if (isNew && !canEdit) return <NotFound />;

  return (
    <Stack gap={0} maw={1280}>
      <Anchor component={Link} to="/settings/technicians" size="sm" mb="xs">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('technicians.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={technician ? technician.name : t('technicians.createTitle')}
        description={
          technician?.archivedAt ? (
            <Badge color="gray" variant="light">
              {t('records.archived')}
            </Badge>
          ) : (
            t('technicians.formDescription')
          )
        }
        actions={technician && canEdit && <ArchiveButton technician={technician} />}
      />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: technician && seesPay ? 8 : 12 }}>
          <TechnicianForm key={technician?.id ?? 'new'} technician={technician} canEdit={canEdit} />
        </Grid.Col>
        {technician && seesPay && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <PayTermsPanel technician={technician} canEdit={canEdit} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
