import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  Input,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Model } from '@servix/server/modules/catalog/catalog.schema';
import { ITEM_WARRANTY_EDITORS } from '@servix/server/modules/items/items.access';
import type { Item } from '@servix/server/modules/items/items.schema';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { conflictOf } from '../../api/conflicts';
import { useCreateItem, useItem, useUpdateItem } from '../../api/items';
import { useParty } from '../../api/parties';
import { useSession } from '../../app/session';
import { DateField } from '../../ui/date-field';
import { fieldsIn, schemaErrors, showServerErrors } from '../../ui/forms';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import {
  CreateItemBody,
  ITEM_FIELDS,
  type ItemFormValues,
  newItemValues,
  previewWarranty,
  toCreateBody,
  toItemValues,
  toUpdateBody,
} from './item-form';
import { CustomerPicker, ModelPicker, SitePicker, useModel } from './pickers';
import { WarrantyBadge } from './warranty-badge';

/** A 409 duplicate serial: the item that has it and its owner, with links. */
function DuplicateSerial({ existingId }: { existingId: string }) {
  const { t } = useTranslation();
  const existing = useItem(existingId).data;
  return (
    <Alert color="orange" role="alert" title={t('items.duplicateTitle')}>
      {existing ? (
        <Text size="sm">
          {t('items.duplicateItem')}{' '}
          <Anchor component={Link} to={`/items/${existing.id}`} fw={600} size="sm">
            {existing.brandName} {existing.modelName} № {existing.serialNumber}
          </Anchor>{' '}
          · {t('items.owner')}:{' '}
          <Anchor component={Link} to={`/customers/${existing.partyId}`} fw={600} size="sm">
            {existing.partyName}
          </Anchor>
        </Text>
      ) : (
        <Anchor component={Link} to={`/items/${existingId}`} size="sm">
          <Group gap={4} component="span">
            {t('items.openExisting')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      )}
    </Alert>
  );
}

function ItemForm({ item, initialValues }: { item?: Item; initialValues: ItemFormValues }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateItem();
  const update = useUpdateItem();
  const owner = useParty(initialValues.partyId ?? undefined).data;
  const initialModel = useModel(item?.modelId).data ?? null;
  const [model, setModel] = useState<Model | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const form = useForm<ItemFormValues>({
    initialValues,
    validate: (v) => {
      const errors = schemaErrors(CreateItemBody, toCreateBody(v), t);
      if (!v.partyId) errors.partyId = t('validation.required');
      if (!v.modelId) errors.modelId = t('validation.required');
      return errors;
    },
  });
  const { values } = form;
  const chosenModel = model ?? (values.modelId === initialModel?.id ? initialModel : null);
  const defaultMonths = chosenModel?.defaultWarrantyMonths ?? null;
  const preview = previewWarranty(values, defaultMonths);
  const { user } = useSession();
  // A technician corrects an item but not its warranty: the server refuses that change (403).
  const warrantyLocked = Boolean(item) && !ITEM_WARRANTY_EDITORS.includes(user.role);
  const back = item
    ? `/items/${item.id}`
    : values.partyId
      ? `/customers/${values.partyId}?tab=items`
      : '/items';

  const submit = form.onSubmit((v) => {
    setFailure(null);
    setDuplicateOf(null);
    const onError = (e: unknown) => {
      setDuplicateOf(conflictOf(e, 'duplicate_serial')?.existingId ?? null);
      setFailure(showServerErrors(form, e, fieldsIn(ITEM_FIELDS)) ?? t('items.fixErrors'));
    };
    const onSuccess = (saved: Item) => {
      notifications.show({ color: 'green', message: item ? t('common.saved') : t('items.created') });
      navigate(`/items/${saved.id}`);
    };
    if (item) update.mutate({ id: item.id, patch: toUpdateBody(v) }, { onSuccess, onError });
    else create.mutate(toCreateBody(v), { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={item ? t('items.editTitle') : t('items.newTitle')}>
      <Stack gap="md">
        <Fieldset legend={t('items.section.owner')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {item ? (
              <TextInput
                label={t('items.owner')}
                value={item.partyName}
                disabled
                description={t('items.ownerByTransfer')}
              />
            ) : (
              <CustomerPicker
                label={t('items.owner')}
                required
                initial={owner ?? null}
                {...form.getInputProps('partyId')}
                onChange={(v) => {
                  form.setFieldValue('partyId', v);
                  form.setFieldValue('siteId', null);
                }}
              />
            )}
            <SitePicker
              label={t('items.site')}
              description={t('items.siteHint')}
              partyId={values.partyId}
              {...form.getInputProps('siteId')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('items.section.item')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <ModelPicker
              label={t('items.model')}
              required
              initial={initialModel}
              onModel={setModel}
              {...form.getInputProps('modelId')}
            />
            <TextInput
              label={t('items.serial')}
              description={t('items.serialHint')}
              required
              autoComplete="off"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('serialNumber')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('items.section.warranty')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DateField
              label={t('items.purchaseDate')}
              clearable
              maxDate={new Date()}
              disabled={warrantyLocked}
              {...form.getInputProps('purchaseDate')}
            />
            <TextInput label={t('items.seller')} {...form.getInputProps('seller')} />
            <TextInput
              label={t('items.warrantyDoc')}
              disabled={warrantyLocked}
              {...form.getInputProps('warrantyDocNumber')}
            />
            <NumberInput
              label={t('items.warrantyMonths')}
              description={
                defaultMonths === null
                  ? t('items.warrantyMonthsHint')
                  : t('items.warrantyMonthsDefault', { count: defaultMonths })
              }
              placeholder={defaultMonths === null ? '' : String(defaultMonths)}
              min={0}
              max={600}
              allowDecimal={false}
              allowNegative={false}
              disabled={warrantyLocked}
              {...form.getInputProps('warrantyMonths')}
            />
            <DateField
              label={t('items.warrantyEndExplicit')}
              description={warrantyLocked ? t('items.warrantyLocked') : t('items.warrantyEndHint')}
              clearable
              disabled={warrantyLocked}
              {...form.getInputProps('warrantyEnd')}
            />
            <Stack gap={4}>
              <Input.Label>{t('items.warrantyToday')}</Input.Label>
              <Input.Description>{t('items.warrantyPreviewHint')}</Input.Description>
              <Group mt={4}>{preview ? <WarrantyBadge warranty={preview} size="md" /> : '—'}</Group>
            </Stack>
          </SimpleGrid>
          <Textarea label={t('items.notes')} autosize minRows={2} mt="md" {...form.getInputProps('notes')} />
        </Fieldset>

        {duplicateOf ? <DuplicateSerial existingId={duplicateOf} /> : <FormAlert message={failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={back}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {item ? t('common.save') : t('items.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ItemNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const partyId = params.get('partyId');
  // A customer given in the link: show their name in the picker from the start.
  const owner = useParty(partyId ?? undefined);
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={t('items.newTitle')} description={t('items.newDescription')} />
      {partyId && owner.isPending ? (
        <PageLoader />
      ) : (
        <ItemForm initialValues={newItemValues({ partyId, siteId: params.get('siteId') })} />
      )}
    </Stack>
  );
}

export function ItemEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const item = useItem(id);
  const model = useModel(item.data?.modelId);
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader
        title={
          item.data
            ? `${item.data.brandName} ${item.data.modelName} № ${item.data.serialNumber}`
            : t('items.editTitle')
        }
        description={t('items.editDescription')}
      />
      {(item.isPending || (item.data && model.isPending)) && <PageLoader />}
      {item.isError && <LoadError error={item.error} onRetry={() => void item.refetch()} />}
      {item.data && !model.isPending && (
        <ItemForm key={item.data.id} item={item.data} initialValues={toItemValues(item.data)} />
      )}
    </Stack>
  );
}
