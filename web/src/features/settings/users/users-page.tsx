import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ROLES } from '@servix/server/kernel/access';
import {
  CreateUserBody,
  type Role,
  UpdateUserBody,
  type User,
} from '@servix/server/modules/auth/auth.schema';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUpdateUser, useUsers } from '../../../api/users';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { currentLocale, type Locale } from '../../../i18n';
import { formatInstant } from '../../../ui/format';
import { fieldsIn, schemaErrors, showServerErrors } from '../../../ui/forms';
import { ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../../ui/states';

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

function useLocaleOptions() {
  const { t } = useTranslation();
  return [
    { value: 'bg', label: t('lang.bg') },
    { value: 'en', label: t('lang.en') },
  ];
}

interface CreateValues {
  username: string;
  fullName: string;
  email: string;
  role: Role;
  password: string;
  locale: Locale;
}

function toCreateBody(v: CreateValues): CreateUserBody {
  return { ...v, username: v.username.trim(), fullName: v.fullName.trim(), email: v.email.trim() || null };
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const roles = useRoleOptions();
  const locales = useLocaleOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CreateValues>({
    initialValues: { username: '', fullName: '', email: '', role: 'technician', password: '', locale: 'bg' },
    validate: (v) => schemaErrors(CreateUserBody, toCreateBody(v), t),
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          create.mutate(toCreateBody(v), {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('users.created') });
              close();
            },
            onError: (e) => setFailure(showServerErrors(form, e, fieldsIn(Object.keys(v)))),
          });
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
            <TextInput
              label={t('users.username')}
              description={t('setup.usernameHint')}
              required
              autoComplete="off"
              {...form.getInputProps('username')}
            />
            <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
            <Select
              label={t('users.role')}
              data={roles}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
            <PasswordInput
              label={t('users.password')}
              description={t('setup.passwordHint')}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Select
              label={t('users.language')}
              data={locales}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <FormAlert message={failure} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface EditValues {
  fullName: string;
  email: string;
  role: Role;
  active: boolean;
  locale: Locale;
  password: string;
}

function toUpdateBody(v: EditValues): UpdateUserBody {
  return {
    fullName: v.fullName.trim(),
    email: v.email.trim() || null,
    role: v.role,
    active: v.active,
    locale: v.locale,
    ...(v.password ? { password: v.password } : {}),
  };
}

function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const roles = useRoleOptions();
  const locales = useLocaleOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<EditValues>({
    initialValues: {
      fullName: user.fullName,
      email: user.email ?? '',
      role: user.role,
      active: user.active,
      locale: user.locale,
      password: '',
    },
    validate: (v) => schemaErrors(UpdateUserBody, toUpdateBody(v), t),
  });
  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { username: user.username })} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          update.mutate(
            { id: user.id, patch: toUpdateBody(v) },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('common.saved') });
                onClose();
              },
              onError: (e) => setFailure(showServerErrors(form, e, fieldsIn(Object.keys(v)))),
            },
          );
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.fullName')} required {...form.getInputProps('fullName')} />
            <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
            <Select
              label={t('users.role')}
              data={roles}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
            <Select
              label={t('users.language')}
              data={locales}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Switch
            label={t('users.activeLabel')}
            mt="xs"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.newPasswordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <FormAlert message={failure} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const users = useUsers();
  const locale = currentLocale();
  const canCreate = canCall(me.role, 'POST /api/v1/users');
  const canEdit = canCall(me.role, 'PATCH /api/v1/users/:id');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('users.add')}
            </Button>
          )
        }
      />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      {users.isPending && <PageLoader />}
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <ResponsiveTable
          framed
          minWidth={820}
          rows={users.data}
          rowKey={(u) => u.id}
          rowTone={(u) => (u.active ? undefined : 'dimmed')}
          columns={[
            {
              key: 'fullName',
              header: t('users.fullName'),
              render: (u) => (
                <Text span fw={500} inherit>
                  {u.fullName}
                </Text>
              ),
            },
            { key: 'username', header: t('users.username'), phone: 'primary', render: (u) => u.username },
            {
              key: 'email',
              header: t('users.email'),
              phone: 'secondary',
              render: (u) => u.email ?? t('common.none'),
            },
            { key: 'role', header: t('users.role'), phone: 'primary', render: (u) => t(`roles.${u.role}`) },
            {
              key: 'language',
              header: t('users.language'),
              phone: 'secondary',
              render: (u) => t(`lang.short_${u.locale}`),
            },
            {
              key: 'status',
              header: t('users.status'),
              phone: 'primary',
              render: (u) => (
                <Badge size="sm" variant="light" color={u.active ? 'green' : 'gray'}>
                  {u.active ? t('common.active') : t('common.inactive')}
                </Badge>
              ),
            },
            {
              key: 'lastLogin',
              header: t('users.lastLogin'),
              nowrap: true,
              phone: 'secondary',
              render: (u) =>
                u.lastLoginAt ? (
                  formatInstant(u.lastLoginAt, locale)
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('users.never')}
                  </Text>
                ),
            },
            canEdit && {
              key: 'actions',
              header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
              width: 48,
              render: (u) => (
                <Tooltip label={t('common.edit')}>
                  <ActionIcon
                    size="sm"
                    aria-label={`${t('common.edit')} ${u.username}`}
                    onClick={() => setEditing(u)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
      {canCreate && <CreateUserModal opened={creating} onClose={() => setCreating(false)} />}
      {editing && <EditUserModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
