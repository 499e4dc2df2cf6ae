import { ActionIcon, Badge, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconDots, IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogResource, useDeleteRecord, useSetArchived } from '../../api/catalog';
import { messageOf } from '../../api/client';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';

/** "Archived" next to a record's name. */
export function ArchivedBadge({ archived }: { archived: boolean }) {
  const { t } = useTranslation();
  if (!archived) return null;
  return (
    <Badge size="xs" variant="light" color="gray" ml={6}>
      {t('catalog.archived')}
    </Badge>
  );
}

/** A record's menu in a list row: open (edit, or view for read-only roles), archive or restore, delete. */
export function RecordMenu<Item, Input, Patch>({
  res,
  record,
  name,
  canEdit,
  onOpen,
  onDeleted,
}: {
  res: CatalogResource<Item, Input, Patch>;
  record: { id: string; archived: boolean };
  /** How the record is called in messages and for screen readers: its code or name. */
  name: string;
  canEdit: boolean;
  onOpen: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const setArchived = useSetArchived(res);
  const remove = useDeleteRecord(res);
  const [deleting, setDeleting] = useState(false);
  const toggleArchived = () =>
    setArchived.mutate(
      { id: record.id, archived: !record.archived },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: record.archived
              ? t('catalog.restoredDone', { name })
              : t('catalog.archivedDone', { name }),
          }),
        onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
      },
    );
  if (!canEdit) {
    return (
      <ActionIcon variant="subtle" size="sm" aria-label={`${t('catalog.view')} ${name}`} onClick={onOpen}>
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
            {record.archived ? t('catalog.restore') : t('catalog.archive')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            {t('catalog.delete.button')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {deleting && (
        <ConfirmDeleteModal
          title={t('catalog.delete.title', { name })}
          text={t('catalog.delete.confirm', { name })}
          mutation={remove}
          variables={record.id}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('catalog.deleted', { name }) });
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
