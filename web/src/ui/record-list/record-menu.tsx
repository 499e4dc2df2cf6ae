import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconDots, IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { ConfirmDeleteModal } from '../confirm-delete-modal';

/**
 * A record's menu in a list row: open (edit, or view for read-only roles), archive or restore, delete. A delete
 * the server refuses (the record is in use) lists its reasons and offers archiving instead.
 */
export function RecordMenu({
  record,
  name,
  canEdit,
  onOpen,
  onDeleted,
  archive,
  remove,
}: {
  record: { id: string; archived: boolean };
  /** How the record is called in messages and for screen readers: its code or name. */
  name: string;
  canEdit: boolean;
  onOpen: () => void;
  onDeleted?: () => void;
  archive: UseMutationResult<unknown, Error, { id: string; archived: boolean }>;
  remove: UseMutationResult<unknown, Error, string>;
}) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const toggleArchived = () =>
    archive.mutate(
      { id: record.id, archived: !record.archived },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: record.archived
              ? t('records.restoredDone', { name })
              : t('records.archivedDone', { name }),
          }),
        onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
      },
    );
  if (!canEdit) {
    return (
      <ActionIcon variant="subtle" size="sm" aria-label={`${t('records.view')} ${name}`} onClick={onOpen}>
        <IconEye size={16} />
      </ActionIcon>
    );
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`${t('common.actions')} ${name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={onOpen}>
            {t('common.edit')}
          </Menu.Item>
          <Menu.Item
            leftSection={record.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
            onClick={toggleArchived}
          >
            {record.archived ? t('records.restore') : t('records.archive')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            {t('records.delete.button')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {deleting && (
        <ConfirmDeleteModal
          title={t('records.delete.title', { name })}
          text={t('records.delete.confirm', { name })}
          mutation={remove}
          variables={record.id}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('records.deleted', { name }) });
            setDeleting(false);
            onDeleted?.();
          }}
          onClose={() => setDeleting(false)}
          onArchive={
            record.archived
              ? undefined
              : () => {
                  setDeleting(false);
                  toggleArchived();
                }
          }
        />
      )}
    </>
  );
}
