import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { todayDate } from '@servix/server/kernel/calendar';
import { type Item, TransferItemBody } from '@servix/server/modules/items/items.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransferItem } from '../../api/items';
import { DateField } from '../../ui/date-field';
import { fieldsIn, schemaErrors, showServerErrors } from '../../ui/forms';
import { FormAlert } from '../../ui/states';
import { CustomerPicker, SitePicker } from './pickers';

interface TransferValues {
  partyId: string | null;
  siteId: string | null;
  date: string | null;
  reason: string;
}

const bodyOf = (v: TransferValues): TransferItemBody => ({
  partyId: v.partyId ?? '',
  siteId: v.siteId,
  date: v.date ?? '',
  reason: v.reason.trim(),
});

/** Moves the item to another owner from a date: it keeps its id, serial and history. */
export function TransferModal({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const transfer = useTransferItem();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TransferValues>({
    initialValues: { partyId: null, siteId: null, date: todayDate(), reason: '' },
    validate: (v) => {
      const errors = schemaErrors(TransferItemBody, bodyOf(v), t);
      if (!v.partyId) errors.partyId = t('validation.required');
      if (!v.date) errors.date = t('validation.required');
      return errors;
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('items.transfer.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          transfer.mutate(
            { id: item.id, body: bodyOf(v) },
            {
              onSuccess: (moved) => {
                notifications.show({
                  color: 'green',
                  message: t('items.transfer.done', { owner: moved.partyName }),
                });
                onClose();
              },
              onError: (e) =>
                setFailure(showServerErrors(form, e, fieldsIn(['partyId', 'siteId', 'date', 'reason']))),
            },
          );
        })}
      >
        <Stack gap="sm">
          <Alert color="blue" variant="light">
            {t('items.transfer.explain', { owner: item.partyName })}
          </Alert>
          <CustomerPicker
            label={t('items.transfer.newOwner')}
            required
            data-autofocus
            {...form.getInputProps('partyId')}
            onChange={(v) => {
              form.setFieldValue('partyId', v);
              form.setFieldValue('siteId', null);
            }}
          />
          <SitePicker
            label={t('items.site')}
            partyId={form.values.partyId}
            {...form.getInputProps('siteId')}
          />
          <DateField
            label={t('items.transfer.date')}
            maxDate={new Date()}
            required
            {...form.getInputProps('date')}
          />
          <Textarea
            label={t('items.transfer.reason')}
            placeholder={t('items.transfer.reasonPlaceholder')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <FormAlert message={failure} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={transfer.isPending}>
              {t('items.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
