import { Alert, Button, Fieldset, Group, Modal, type ModalProps, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogResource, useCatalogRecord, useCreateRecord, useUpdateRecord } from '../../api/catalog';
import { type FieldOf, type FormWithErrors, showServerErrors } from '../../ui/forms';
import readOnlyClasses from '../../ui/read-only.module.css';
import type { Editing as SharedEditing } from '../../ui/record-list';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { existingIdOf } from './catalog-values';

/** What a catalogue page's dialog shows: a new record, an existing one (by id), or nothing. */
export type Editing = SharedEditing<unknown>;

/**
 * The dialog of one catalogue record: loads it when editing (also when a conflict points at an existing
 * record), then renders the form; the form is keyed by the record so it starts fresh for each.
 */
export function RecordModal<Item extends { id: string }, Input, Patch>({
  res,
  editing,
  onClose,
  title,
  size = 'lg',
  children,
}: {
  res: CatalogResource<Item, Input, Patch>;
  editing: Editing;
  onClose: () => void;
  title: (record: Item | undefined) => string;
  size?: ModalProps['size'];
  children: (record: Item | undefined) => ReactNode;
}) {
  const id = editing?.mode === 'edit' ? editing.id : undefined;
  const loaded = useCatalogRecord(res, id);
  const record = id ? loaded.data : undefined;
  const waiting = id !== undefined && !loaded.data;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={waiting ? '' : title(record)} size={size}>
      {waiting && loaded.isError && <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />}
      {waiting && !loaded.isError && <PageLoader />}
      {!waiting && editing && <div key={record?.id ?? 'new'}>{children(record)}</div>}
    </Modal>
  );
}

/** Creates or changes a record: the form's body is sent whole, as the create or as the change. */
export function useSaveRecord<Item extends { id: string }, Input extends Patch, Patch>(
  res: CatalogResource<Item, Input, Patch>,
  record: Item | undefined,
) {
  const create = useCreateRecord(res);
  const update = useUpdateRecord(res);
  return {
    pending: create.isPending || update.isPending,
    save: (body: Input, on: { onSuccess: (saved: Item) => void; onError: (error: unknown) => void }) => {
      if (record) update.mutate({ id: record.id, patch: body }, on);
      else create.mutate(body, on);
    },
  };
}

/**
 * The save of a record form: clears the last failure, sends the body; on success says so and hands the saved
 * record on; on failure puts the server's field errors on the inputs and remembers a conflicting record.
 */
export function useSaveRecordForm<Item extends { id: string }, Input extends Patch, Patch>(
  res: CatalogResource<Item, Input, Patch>,
  record: Item | undefined,
) {
  const { t } = useTranslation();
  const { save, pending } = useSaveRecord(res, record);
  const [failure, setFailure] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const submit = (form: FormWithErrors, body: Input, fieldOf: FieldOf, onSaved: (saved: Item) => void) => {
    setFailure(null);
    setExistingId(null);
    save(body, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: record ? t('common.saved') : t('catalog.created') });
        onSaved(saved);
      },
      onError: (e) => {
        setFailure(showServerErrors(form, e, fieldOf));
        setExistingId(existingIdOf(e));
      },
    });
  };
  return { submit, pending, failure, existingId };
}

/** A record form's inputs, greyed and disabled for a role that may only read. */
export function RecordFieldset({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return (
    <Fieldset
      variant="unstyled"
      disabled={readOnly}
      className={readOnly ? readOnlyClasses.readOnly : undefined}
    >
      {children}
    </Fieldset>
  );
}

/** The end of a record form: the failure, a way to the existing record after a conflict, and the buttons. */
export function RecordFormFooter({
  failure,
  existingId,
  onShowExisting,
  readOnly,
  pending,
  isNew,
  onCancel,
}: {
  failure: string | null;
  existingId: string | null;
  onShowExisting?: (id: string) => void;
  readOnly: boolean;
  pending: boolean;
  isNew: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mt="sm">
      {existingId && onShowExisting ? (
        <Alert color="orange" role="alert" data-testid="conflict">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{failure ?? t('catalog.conflictHint')}</Text>
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconExternalLink size={14} />}
              onClick={() => onShowExisting(existingId)}
            >
              {t('catalog.showExisting')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <FormAlert message={failure} />
      )}
      <Group justify="flex-end">
        {readOnly ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {isNew ? t('common.add') : t('common.save')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
