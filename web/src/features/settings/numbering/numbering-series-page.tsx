import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  NumberInput,
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
import { formatDocumentNumber } from '@servix/server/kernel/numbering';
import {
  CreateSeriesBody,
  DOC_TYPES,
  type DocType,
  type NumberingSeries,
} from '@servix/server/modules/numbering/numbering.schema';
import { IconLock, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSeries, useNumberingSeries, useUpdateSeries } from '../../../api/numbering';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { fieldsIn, schemaErrors, showServerErrors } from '../../../ui/forms';
import { ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../../ui/states';
import { YesNo } from '../../../ui/yes-no';

function documentNumber(s: NumberingSeries): string {
  try {
    return formatDocumentNumber(s.nextNumber, s.width);
  } catch {
    return String(s.nextNumber); // an exhausted series: show the raw number rather than fail the page
  }
}

function useDocTypeOptions() {
  const { t } = useTranslation();
  return DOC_TYPES.map((d) => ({ value: d, label: t(`numbering.docTypes.${d}`) }));
}

function CreateSeriesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSeries();
  const docTypes = useDocTypeOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CreateSeriesBody>({
    initialValues: { docType: 'invoice', code: '', name: '', nextNumber: 1, width: 10, isDefault: false },
    validate: (v) => schemaErrors(CreateSeriesBody, v, t),
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('numbering.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          create.mutate(
            { ...v, code: v.code.trim().toUpperCase() },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('numbering.created') });
                close();
              },
              onError: (e) => setFailure(showServerErrors(form, e, fieldsIn(Object.keys(v)))),
            },
          );
        })}
      >
        <Stack gap="sm">
          <Select
            label={t('numbering.docType')}
            data={docTypes}
            allowDeselect={false}
            searchable
            required
            {...form.getInputProps('docType')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('numbering.code')}
              description={t('numbering.codeHint')}
              required
              maxLength={20}
              {...form.getInputProps('code')}
            />
            <TextInput label={t('numbering.name')} required {...form.getInputProps('name')} />
            <NumberInput
              label={t('numbering.nextNumber')}
              description={t('numbering.nextNumberHint')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('nextNumber')}
            />
            <NumberInput
              label={t('numbering.width')}
              min={1}
              max={10}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('width')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('numbering.isDefault')}
            {...form.getInputProps('isDefault', { type: 'checkbox' })}
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

interface EditValues {
  name: string;
  nextNumber: number | string;
  isDefault: boolean;
  active: boolean;
}

function EditSeriesModal({ series, onClose }: { series: NumberingSeries; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSeries();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<EditValues>({
    initialValues: {
      name: series.name,
      nextNumber: series.nextNumber,
      isDefault: series.isDefault,
      active: series.active,
    },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  return (
    <Modal opened onClose={onClose} title={t('numbering.editTitle', { code: series.code })} size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          update.mutate(
            {
              id: series.id,
              patch: {
                name: v.name.trim(),
                isDefault: v.isDefault,
                active: v.active,
                // A used series keeps its number; sending it unchanged would still be refused.
                ...(series.used || Number(v.nextNumber) === series.nextNumber
                  ? {}
                  : { nextNumber: Number(v.nextNumber) }),
              },
            },
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
          <Text size="sm" c="dimmed">
            {t(`numbering.docTypes.${series.docType}`)}
          </Text>
          <TextInput label={t('numbering.name')} required {...form.getInputProps('name')} />
          <NumberInput
            label={t('numbering.nextNumber')}
            description={series.used ? t('numbering.nextNumberLocked') : t('numbering.nextNumberHint')}
            disabled={series.used}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            rightSection={series.used ? <IconLock size={16} /> : undefined}
            {...form.getInputProps('nextNumber')}
          />
          <Checkbox
            label={t('numbering.isDefault')}
            {...form.getInputProps('isDefault', { type: 'checkbox' })}
          />
          <Checkbox label={t('numbering.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
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

const docTypeOrder = (d: DocType) => DOC_TYPES.indexOf(d);

export function NumberingSeriesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const series = useNumberingSeries();
  const canEdit = canCall(user.role, 'PATCH /api/v1/numbering-series/:id');
  const canCreate = canCall(user.role, 'POST /api/v1/numbering-series');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<NumberingSeries | null>(null);
  const rows = [...(series.data ?? [])].sort(
    (a, b) => docTypeOrder(a.docType) - docTypeOrder(b.docType) || a.code.localeCompare(b.code),
  );

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('numbering.title')}
        description={t('numbering.description')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('numbering.add')}
            </Button>
          )
        }
      />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      {series.isPending && <PageLoader />}
      {series.isError && <LoadError error={series.error} onRetry={() => void series.refetch()} />}
      {series.data && (
        <ResponsiveTable
          framed
          minWidth={760}
          rows={rows}
          rowKey={(s) => s.id}
          rowTone={(s) => (s.active ? undefined : 'dimmed')}
          columns={[
            {
              key: 'docType',
              header: t('numbering.docType'),
              phone: 'primary',
              render: (s) => t(`numbering.docTypes.${s.docType}`),
            },
            {
              key: 'code',
              header: t('numbering.code'),
              nowrap: true,
              phone: 'primary',
              render: (s) => <Code>{s.code}</Code>,
            },
            { key: 'name', header: t('numbering.name'), phone: 'title', render: (s) => s.name },
            {
              key: 'nextNumber',
              header: t('numbering.nextNumber'),
              nowrap: true,
              phone: 'primary',
              render: (s) => documentNumber(s),
            },
            {
              key: 'isDefault',
              header: t('numbering.isDefault'),
              phone: 'secondary',
              render: (s) => <YesNo value={s.isDefault} />,
            },
            {
              key: 'active',
              header: t('numbering.active'),
              phone: 'secondary',
              render: (s) => <YesNo value={s.active} />,
            },
            {
              key: 'used',
              header: t('numbering.used'),
              phone: 'secondary',
              render: (s) => <YesNo value={s.used} />,
            },
            canEdit && {
              key: 'actions',
              header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
              width: 48,
              render: (s) => (
                <Tooltip label={t('common.edit')}>
                  <ActionIcon
                    size="sm"
                    aria-label={`${t('common.edit')} ${s.code} ${t(`numbering.docTypes.${s.docType}`)}`}
                    onClick={() => setEditing(s)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
      {canCreate && <CreateSeriesModal opened={creating} onClose={() => setCreating(false)} />}
      {editing && <EditSeriesModal key={editing.id} series={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
