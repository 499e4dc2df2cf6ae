import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/client';
import { inUseReasons } from '../api/conflicts';

/**
 * "Delete this record?" When the server refuses (409 in_use), its reasons are listed and the user is
 * pointed to archiving instead; nothing was written.
 */
export function ConfirmDeleteModal<T>({
  title,
  text,
  mutation,
  variables,
  onDeleted,
  onClose,
  onArchive,
}: {
  title: string;
  text: string;
  mutation: UseMutationResult<unknown, Error, T>;
  variables: T;
  onDeleted: () => void;
  onClose: () => void;
  /** Offered when the record is in use. */
  onArchive?: () => void;
}) {
  const { t } = useTranslation();
  const error = mutation.error;
  const reasons = inUseReasons(error);
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={title}>
      <Stack gap="sm">
        <Text size="sm">{text}</Text>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={messageOf(error)}>
            {reasons.length > 0 && (
              <List size="sm" spacing={2}>
                {reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {reasons.length > 0 && onArchive ? (
            <Button
              onClick={() => {
                mutation.reset();
                onArchive();
              }}
            >
              {t('confirmDelete.archiveInstead')}
            </Button>
          ) : (
            <Button
              color="red"
              loading={mutation.isPending}
              disabled={reasons.length > 0}
              onClick={() => mutation.mutate(variables, { onSuccess: onDeleted })}
            >
              {t('confirmDelete.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
