import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ApiToken, ApiTokenScope } from '@servix/server/modules/auth/auth.schema';
import { IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../../api/api-tokens';
import { messageOf } from '../../../api/client';
import { useUsers } from '../../../api/users';
import { useSession } from '../../../app/session';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { formatInstant } from '../../../ui/format';
import { fieldsIn, showServerErrors } from '../../../ui/forms';
import { ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../../ui/states';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

function StatusBadge({ status }: { status: TokenStatus }) {
  const { t } = useTranslation();
  const look = {
    active: { color: 'green', label: t('apiTokens.statusActive') },
    revoked: { color: 'gray', label: t('apiTokens.statusRevoked') },
    expired: { color: 'orange', label: t('apiTokens.statusExpired') },
  }[status];
  return (
    <Badge size="sm" variant="light" color={look.color}>
      {look.label}
    </Badge>
  );
}

interface CreateValues {
  name: string;
  userId: string;
  scope: ApiTokenScope;
  expiresOn: string | null;
}

/** The server's rules: 90 days when no date is chosen, at most a year ahead. */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 365;

function ScopeBadge({ scope }: { scope: ApiTokenScope }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="outline"
      color={scope === 'write' ? 'red' : 'blue'}
      tt="none"
      // The whole label, never "Само чет…": the column grows instead.
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {scope === 'write' ? t('apiTokens.scopeWrite') : t('apiTokens.scopeRead')}
    </Badge>
  );
}

function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: string) => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useUsers(opened);
  const create = useCreateApiToken();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CreateValues>({
    initialValues: {
      name: '',
      userId: user.id,
      scope: 'read',
      expiresOn: dayjs().add(DEFAULT_DAYS, 'day').format('YYYY-MM-DD'),
    },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  const userOptions = (users.data ?? [user])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username}, ${t(`roles.${u.role}`)})` }));

  return (
    <Modal opened={opened} onClose={close} title={t('apiTokens.createTitle')} size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          create.mutate(
            {
              name: v.name.trim(),
              userId: v.userId,
              scope: v.scope,
              // Valid through the whole chosen day, in the user's time zone; the server's default when cleared.
              ...(v.expiresOn ? { expiresAt: dayjs(v.expiresOn).endOf('day').toISOString() } : {}),
            },
            {
              onSuccess: (created) => {
                close();
                onCreated(created.token);
              },
              onError: (e) =>
                setFailure(
                  showServerErrors(form, e, (f) =>
                    f === 'expiresAt' ? 'expiresOn' : fieldsIn(['name', 'userId', 'scope'])(f),
                  ),
                ),
            },
          );
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t('apiTokens.name')}
            description={t('apiTokens.nameHint')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('apiTokens.user')}
            data={userOptions}
            allowDeselect={false}
            searchable
            {...form.getInputProps('userId')}
          />
          <Select
            label={t('apiTokens.scope')}
            description={t('apiTokens.scopeHint')}
            data={[
              { value: 'read', label: t('apiTokens.scopeRead') },
              { value: 'write', label: t('apiTokens.scopeWrite') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('scope')}
          />
          <DateField
            label={t('apiTokens.expiresAt')}
            description={t('apiTokens.expiresHint')}
            minDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
            maxDate={dayjs().add(MAX_DAYS, 'day').format('YYYY-MM-DD')}
            clearable
            {...form.getInputProps('expiresOn')}
          />
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

/** The new token, shown exactly once. */
function CreatedTokenModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('apiTokens.createdTitle')}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconKey size={18} />}>
          {t('apiTokens.createdWarning')}
        </Alert>
        <Group gap="xs" wrap="nowrap" align="stretch">
          <Code
            block
            style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            data-testid="new-token"
          >
            {token}
          </Code>
          <CopyButton value={token ?? ''}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                color={copied ? 'teal' : 'blue'}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                style={{ flexShrink: 0 }}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          {t('apiTokens.usage')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('apiTokens.revokeTitle')} size="md">
      <Stack gap="md">
        <Text size="sm">{t('apiTokens.revokeConfirm', { name: token?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              token &&
              revoke.mutate(token.id, {
                onSuccess: () => {
                  notifications.show({ message: t('apiTokens.revoked') });
                  onClose();
                },
                onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
              })
            }
          >
            {t('apiTokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const locale = currentLocale();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('apiTokens.title')}
        description={t('apiTokens.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('apiTokens.add')}
          </Button>
        }
      />
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && (
        <ResponsiveTable
          framed
          minWidth={960}
          rows={tokens.data}
          rowKey={(token) => token.id}
          rowTone={(token) => (statusOf(token) === 'active' ? undefined : 'dimmed')}
          empty={
            <Text size="sm" c="dimmed" ta="center">
              {t('apiTokens.empty')}
            </Text>
          }
          columns={[
            {
              key: 'name',
              header: t('apiTokens.name'),
              render: (token) => (
                <Text span fw={500} inherit>
                  {token.name}
                </Text>
              ),
            },
            {
              key: 'prefix',
              header: t('apiTokens.prefix'),
              nowrap: true,
              phone: 'secondary',
              render: (token) => (
                <Text span ff="monospace" inherit>
                  {token.prefix}…
                </Text>
              ),
            },
            { key: 'user', header: t('apiTokens.user'), phone: 'primary', render: (token) => token.username },
            {
              key: 'scope',
              header: t('apiTokens.scope'),
              nowrap: true,
              phone: 'primary',
              render: (token) => <ScopeBadge scope={token.scope} />,
            },
            {
              key: 'created',
              header: t('apiTokens.created'),
              phone: 'secondary',
              render: (token) => formatInstant(token.createdAt, locale),
            },
            {
              key: 'expires',
              header: t('apiTokens.expires'),
              phone: 'primary',
              render: (token) =>
                token.expiresAt ? formatInstant(token.expiresAt, locale) : t('apiTokens.never'),
            },
            {
              key: 'lastUsed',
              header: t('apiTokens.lastUsed'),
              phone: 'secondary',
              render: (token) =>
                token.lastUsedAt ? formatInstant(token.lastUsedAt, locale) : t('apiTokens.notUsed'),
            },
            {
              key: 'status',
              header: t('apiTokens.status'),
              phone: 'primary',
              render: (token) => <StatusBadge status={statusOf(token)} />,
            },
            {
              key: 'actions',
              header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
              align: 'right',
              render: (token) =>
                statusOf(token) !== 'revoked' && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRevoking(token)}>
                    {t('apiTokens.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <CreatedTokenModal token={created} onClose={() => setCreated(null)} />
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
