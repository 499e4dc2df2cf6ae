import { Alert, Button, Group, List, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Party } from '@servix/server/modules/parties/parties.schema';
import {
  IconArchive,
  IconArchiveOff,
  IconChevronDown,
  IconDownload,
  IconShieldX,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { useDeleteParty, usePartyAction, usePrivacyExport } from '../../api/parties';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';
import { FormAlert } from '../../ui/states';

type Dialog = 'delete' | 'export' | 'anonymise' | null;

function PrivacyExportModal({ party, onClose }: { party: Party; onClose: () => void }) {
  const { t } = useTranslation();
  const download = usePrivacyExport();
  return (
    <Modal opened onClose={onClose} title={t('customers.privacy.exportTitle')}>
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconShieldX size={18} />}>
          <List size="sm" spacing={4}>
            <List.Item>{t('customers.privacy.exportWhat')}</List.Item>
            <List.Item>{t('customers.privacy.exportCare')}</List.Item>
            <List.Item>{t('customers.privacy.exportAudit')}</List.Item>
          </List>
        </Alert>
        <FormAlert message={download.error ? messageOf(download.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() =>
              download.mutate(party, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('customers.privacy.exported') });
                  onClose();
                },
              })
            }
          >
            {t('customers.privacy.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AnonymiseModal({ party, onClose }: { party: Party; onClose: () => void }) {
  const { t } = useTranslation();
  const action = usePartyAction();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === party.name.trim();
  return (
    <Modal opened onClose={onClose} title={t('customers.privacy.anonymiseTitle')} size="lg">
      <Stack gap="sm">
        <Alert color="red" icon={<IconShieldX size={18} />} title={t('customers.privacy.cannotUndo')}>
          <List size="sm" spacing={4}>
            <List.Item>{t('customers.privacy.anonymiseWhat')}</List.Item>
            <List.Item>{t('customers.privacy.anonymiseKeeps')}</List.Item>
            <List.Item>{t('customers.privacy.anonymiseExportFirst')}</List.Item>
          </List>
        </Alert>
        <TextInput
          label={t('customers.privacy.typeName', { name: party.name })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <FormAlert message={action.error ? messageOf(action.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!matches}
            loading={action.isPending}
            onClick={() =>
              action.mutate(
                { id: party.id, action: 'anonymise' },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('customers.privacy.anonymised') });
                    onClose();
                  },
                },
              )
            }
          >
            {t('customers.privacy.anonymise')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Archive or bring back, delete, and the data subject's requests (export, forget), as the role allows. */
export function CustomerActions({ party }: { party: Party }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const action = usePartyAction();
  const remove = useDeleteParty();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = (route: Parameters<typeof canCall>[1]) => canCall(user.role, route);
  const archived = party.archivedAt !== null;
  const anonymised = party.anonymisedAt !== null;

  const archive = (to: 'archive' | 'unarchive') =>
    action.mutate(
      { id: party.id, action: to },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: to === 'archive' ? t('customers.archivedNotice') : t('customers.unarchivedNotice'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
      },
    );

  const items = [
    can('POST /api/v1/parties/:id/archive') && !archived && (
      <Menu.Item key="archive" leftSection={<IconArchive size={16} />} onClick={() => archive('archive')}>
        {t('customers.archive')}
      </Menu.Item>
    ),
    can('POST /api/v1/parties/:id/unarchive') && archived && !anonymised && (
      <Menu.Item
        key="unarchive"
        leftSection={<IconArchiveOff size={16} />}
        onClick={() => archive('unarchive')}
      >
        {t('customers.unarchive')}
      </Menu.Item>
    ),
    can('GET /api/v1/parties/:id/privacy-export') && (
      <Menu.Item key="export" leftSection={<IconDownload size={16} />} onClick={() => setDialog('export')}>
        {t('customers.privacy.export')}
      </Menu.Item>
    ),
    can('POST /api/v1/parties/:id/anonymise') && party.kind === 'person' && !anonymised && (
      <Menu.Item
        key="anonymise"
        color="red"
        leftSection={<IconShieldX size={16} />}
        onClick={() => setDialog('anonymise')}
      >
        {t('customers.privacy.anonymise')}
      </Menu.Item>
    ),
    can('DELETE /api/v1/parties/:id') && (
      <Menu.Item
        key="delete"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setDialog('delete')}
      >
        {t('customers.delete')}
      </Menu.Item>
    ),
  ].filter(Boolean);

  if (items.length === 0) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />} loading={action.isPending}>
            {t('customers.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>{items}</Menu.Dropdown>
      </Menu>
      {dialog === 'delete' && (
        <ConfirmDeleteModal
          title={t('customers.deleteTitle')}
          text={t('customers.deleteText', { name: party.name })}
          mutation={remove}
          variables={party.id}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('customers.deleted') });
            navigate('/customers', { replace: true });
          }}
          onArchive={
            archived || !can('POST /api/v1/parties/:id/archive')
              ? undefined
              : () => {
                  setDialog(null);
                  archive('archive');
                }
          }
        />
      )}
      {dialog === 'export' && <PrivacyExportModal party={party} onClose={() => setDialog(null)} />}
      {dialog === 'anonymise' && <AnonymiseModal party={party} onClose={() => setDialog(null)} />}
    </>
  );
}

/** The ЕГН line of a person: masked for the roles that may not see it. */
export function EgnText({ party }: { party: Party }) {
  const { t } = useTranslation();
  if (!party.egn) return <>—</>;
  return (
    <Text span size="sm" ff="monospace">
      {party.egn}
      {party.egnMasked && (
        <Text span size="xs" c="dimmed" ff="body" ml={6}>
          ({t('customers.egnMaskedNote')})
        </Text>
      )}
    </Text>
  );
}
