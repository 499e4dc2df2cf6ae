import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatMoney } from '@servix/server/kernel/format';
import { priceService } from '@servix/server/modules/catalog/catalog.pricing';
import type { NormOverride, ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOverride, useDeleteOverride, useOverrides, useUpdateOverride } from '../../api/catalog';
import { messageOf } from '../../api/client';
import { currentLocale } from '../../i18n';
import { showServerErrors } from '../../ui/forms';
import { ResponsiveTable } from '../../ui/list';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { centsToText, textToOptionalCents } from '../../ui/typed-values';
import { useBrandSelect } from './catalog-options';
import { existingIdOf, formatNormTime, moneyProblem, parseNormTime, renamedFields } from './catalog-values';
import { ModelPicker } from './model-picker';
import { RecordFormFooter } from './record-modal';

interface Values {
  brandId: string | null;
  modelId: string | null;
  normTime: string;
  price: string;
}

const fieldOf = renamedFields(['brandId', 'modelId'], { normMinutes: 'normTime', priceCents: 'price' });

type OverrideEditing = { mode: 'new' } | { mode: 'edit'; override: NormOverride } | null;

function OverrideForm({
  service,
  override,
  onClose,
  onShowExisting,
}: {
  service: ServiceType;
  override: NormOverride | undefined;
  onClose: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateOverride(service.id);
  const update = useUpdateOverride(service.id);
  const brands = useBrandSelect();
  const [failure, setFailure] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      brandId: override?.brandId ?? null,
      modelId: override?.modelId ?? null,
      normTime: formatNormTime(override?.normMinutes ?? service.normMinutes),
      price: override?.priceCents == null ? '' : centsToText(override.priceCents, locale),
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!override && !v.brandId && !v.modelId) errors.brandId = t('validation.required');
      if (Number.isNaN(parseNormTime(v.normTime)))
        errors.normTime = v.normTime.trim()
          ? t('catalog.serviceTypes.normTimeInvalid')
          : t('validation.required');
      const money = moneyProblem(v.price, true);
      if (money) errors.price = t(`catalog.${money}`);
      return errors;
    },
  });
  const hourly = service.pricing === 'hourly';
  const onError = (e: unknown) => {
    setFailure(showServerErrors(form, e, fieldOf));
    setExistingId(existingIdOf(e));
  };
  const onSuccess = () => {
    notifications.show({ color: 'green', message: t('common.saved') });
    onClose();
  };
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setFailure(null);
        setExistingId(null);
        const normMinutes = parseNormTime(v.normTime);
        const priceCents = textToOptionalCents(v.price);
        if (override)
          update.mutate({ id: override.id, patch: { normMinutes, priceCents } }, { onSuccess, onError });
        else
          create.mutate(
            { brandId: v.brandId ?? undefined, modelId: v.modelId, normMinutes, priceCents },
            { onSuccess, onError },
          );
      })}
    >
      <Stack gap="sm">
        {override ? (
          <Text size="sm">
            {override.modelName
              ? `${override.brandName} ${override.modelName}`
              : t('catalog.overrides.wholeBrand', { brand: override.brandName })}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalog.models.brand')}
              description={t('catalog.overrides.brandHint')}
              data={brands}
              searchable
              clearable
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('brandId')}
              onChange={(v) => {
                form.setFieldValue('brandId', v);
                form.setFieldValue('modelId', null);
              }}
            />
            <ModelPicker
              label={t('catalog.overrides.model')}
              description={t('catalog.overrides.modelHint')}
              placeholder={t('catalog.overrides.allModels')}
              brandId={form.values.brandId}
              value={form.values.modelId}
              onChange={(id) => form.setFieldValue('modelId', id)}
              error={form.errors.modelId}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('catalog.serviceTypes.normTime')}
            description={t('catalog.overrides.normHint', { norm: formatNormTime(service.normMinutes) })}
            required
            {...form.getInputProps('normTime')}
          />
          <TextInput
            label={hourly ? t('catalog.serviceTypes.rate') : t('catalog.serviceTypes.fixedPrice')}
            description={t('catalog.overrides.priceHint', {
              price: hourly
                ? `${formatMoney(service.priceCents, locale)}${t('catalog.perHourSuffix')}`
                : formatMoney(service.priceCents, locale),
            })}
            inputMode="decimal"
            rightSection={<Text size="sm">{hourly ? t('catalog.perHourUnit') : '€'}</Text>}
            rightSectionWidth={hourly ? 44 : 28}
            {...form.getInputProps('price')}
          />
        </SimpleGrid>
      </Stack>
      <RecordFormFooter
        failure={failure}
        existingId={existingId}
        onShowExisting={onShowExisting}
        readOnly={false}
        pending={create.isPending || update.isPending}
        isNew={!override}
        onCancel={onClose}
      />
    </form>
  );
}

function DeleteOverrideModal({
  service,
  override,
  onClose,
}: {
  service: ServiceType;
  override: NormOverride;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteOverride(service.id);
  const [failure, setFailure] = useState<string | null>(null);
  const target = override.modelName ? `${override.brandName} ${override.modelName}` : override.brandName;
  return (
    <Modal opened onClose={onClose} title={t('catalog.overrides.deleteTitle')} size="md">
      <Stack gap="sm">
        <Text size="sm">{t('catalog.overrides.deleteConfirm', { target })}</Text>
        <FormAlert message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(override.id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('catalog.overrides.deleted') });
                  onClose();
                },
                onError: (e) => setFailure(messageOf(e)),
              })
            }
          >
            {t('records.delete.button')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A service's norm times (and prices) for brands and models, with add, change and remove. */
export function ServiceTypeOverrides({ service, canEdit }: { service: ServiceType; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const overrides = useOverrides(service.id);
  const [editing, setEditing] = useState<OverrideEditing>(null);
  const [deleting, setDeleting] = useState<NormOverride | null>(null);
  const hourly = service.pricing === 'hourly';
  const rows = [...(overrides.data ?? [])].sort(
    (a, b) => a.brandName.localeCompare(b.brandName) || (a.modelName ?? '').localeCompare(b.modelName ?? ''),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          {t('catalog.overrides.description')}
        </Text>
        {canEdit && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'new' })}>
            {t('catalog.overrides.add')}
          </Button>
        )}
      </Group>
      {overrides.isPending && <PageLoader />}
      {overrides.isError && <LoadError error={overrides.error} onRetry={() => void overrides.refetch()} />}
      {overrides.data && (
        <ResponsiveTable
          framed
          minWidth={560}
          data-testid="overrides"
          rows={rows}
          rowKey={(o) => o.id}
          empty={
            <Text size="sm" c="dimmed" ta="center">
              {t('catalog.overrides.empty')}
            </Text>
          }
          columns={[
            {
              key: 'brand',
              header: t('catalog.models.brand'),
              render: (o) => (
                <Text span fw={500} inherit>
                  {o.brandName}
                </Text>
              ),
            },
            {
              key: 'model',
              header: t('catalog.overrides.model'),
              phone: 'primary',
              render: (o) =>
                o.modelName ?? (
                  <Text span size="sm" c="dimmed">
                    {t('catalog.overrides.allModels')}
                  </Text>
                ),
            },
            {
              key: 'norm',
              header: t('catalog.serviceTypes.normShort'),
              align: 'right',
              nowrap: true,
              phone: 'primary',
              render: (o) => formatNormTime(o.normMinutes),
            },
            {
              key: 'price',
              header: hourly ? t('catalog.serviceTypes.rate') : t('catalog.serviceTypes.fixedPrice'),
              align: 'right',
              nowrap: true,
              phone: 'secondary',
              render: (o) =>
                o.priceCents === null ? (
                  <Text span size="sm" c="dimmed">
                    {t('catalog.overrides.servicePrice')}
                  </Text>
                ) : (
                  `${formatMoney(o.priceCents, locale)}${hourly ? t('catalog.perHourSuffix') : ''}`
                ),
            },
            {
              key: 'unitPrice',
              header: t('catalog.serviceTypes.unitPrice'),
              align: 'right',
              nowrap: true,
              phone: 'primary',
              render: (o) => (
                <Text span fw={500} inherit>
                  {formatMoney(
                    priceService({
                      serviceType: service,
                      overrides: [o],
                      brandId: o.brandId,
                      modelId: o.modelId,
                    }).unitPriceCents,
                    locale,
                  )}
                </Text>
              ),
            },
            canEdit && {
              key: 'actions',
              header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
              width: 80,
              render: (o) => (
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={`${t('common.edit')} ${o.brandName} ${o.modelName ?? ''}`.trim()}
                      onClick={() => setEditing({ mode: 'edit', override: o })}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('records.delete.button')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={`${t('records.delete.button')} ${o.brandName} ${o.modelName ?? ''}`.trim()}
                      onClick={() => setDeleting(o)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ),
            },
          ]}
        />
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.mode === 'edit' ? t('catalog.overrides.editTitle') : t('catalog.overrides.createTitle')
        }
        size="lg"
      >
        {editing && (
          <OverrideForm
            key={editing.mode === 'edit' ? editing.override.id : 'new'}
            service={service}
            override={editing.mode === 'edit' ? editing.override : undefined}
            onClose={() => setEditing(null)}
            onShowExisting={(id) => {
              const existing = overrides.data?.find((o) => o.id === id);
              if (existing) setEditing({ mode: 'edit', override: existing });
            }}
          />
        )}
      </Modal>
      {deleting && (
        <DeleteOverrideModal service={service} override={deleting} onClose={() => setDeleting(null)} />
      )}
    </Stack>
  );
}
