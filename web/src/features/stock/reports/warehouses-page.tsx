import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  CreateWarehouseBody,
  UpdateWarehouseBody,
  type Warehouse,
  type WarehouseKind,
} from '@servix/server/modules/stock/stock.schema';
import {
  IconArchive,
  IconArchiveOff,
  IconDots,
  IconPencil,
  IconStack2,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../../api/client';
import {
  useCreateWarehouse,
  useDeleteWarehouse,
  useUpdateWarehouse,
  useWarehouseAction,
  warehousesKey,
} from '../../../api/stock';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { ConfirmDeleteModal } from '../../../ui/confirm-delete-modal';
import { fieldsIn, schemaErrors, showServerErrors } from '../../../ui/forms';
import { type Column, FilterSelect, FilterSwitch, useListState, usePagedList } from '../../../ui/list';
import { RecordListPage } from '../../../ui/record-list';
import { FormAlert } from '../../../ui/states';
import { useTechnicianOptions } from './queries';

interface Values {
  code: string;
  name: string;
  kind: WarehouseKind;
  technicianId: string | null;
  molName: string;
}

const FIELDS = ['code', 'name', 'kind', 'technicianId', 'molName'] as const;

/**
 * The МОЛ as typed: a van without its own МОЛ answers with its technician's name, which is left empty
 * here so that it keeps following the van's technician.
 */
function ownMolName(w: Warehouse): string {
  if (w.kind === 'van' && w.molName === w.technicianName) return '';
  return w.molName ?? '';
}

const createBody = (v: Values): CreateWarehouseBody => ({
  code: v.code.trim().toUpperCase(),
  name: v.name.trim(),
  kind: v.kind,
  technicianId: v.kind === 'van' ? v.technicianId : null,
  molName: v.molName.trim() || null,
});

const updateBody = (v: Values, kind: WarehouseKind): UpdateWarehouseBody => ({
  code: v.code.trim().toUpperCase(),
  name: v.name.trim(),
  molName: v.molName.trim() || null,
  ...(kind === 'van' && v.technicianId ? { technicianId: v.technicianId } : {}),
});

function WarehouseForm({
  record,
  readOnly,
  onClose,
}: {
  record: Warehouse | undefined;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWarehouse();
  const update = useUpdateWarehouse();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      code: record?.code ?? '',
      name: record?.name ?? '',
      kind: record?.kind ?? 'store',
      technicianId: record?.technicianId ?? null,
      molName: record ? ownMolName(record) : '',
    },
    validate: (v) => {
      const errors = record
        ? schemaErrors(UpdateWarehouseBody, updateBody(v, record.kind), t)
        : schemaErrors(CreateWarehouseBody, createBody(v), t);
      if (v.kind === 'van' && !v.technicianId) errors.technicianId = t('validation.required');
      return errors;
    },
  });
  const isVan = form.values.kind === 'van';
  const technicians = useTechnicianOptions(isVan).data ?? [];
  const technicianData = technicians.map((x) => ({ value: x.id, label: x.name }));
  // The van's technician may since have been archived: still show them.
  if (record?.technicianId && !technicianData.some((o) => o.value === record.technicianId))
    technicianData.unshift({
      value: record.technicianId,
      label: record.technicianName ?? record.technicianId,
    });

  const on = {
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: record ? t('common.saved') : t('stock.reports.warehouses.created'),
      });
      onClose();
    },
    onError: (e: unknown) => setFailure(showServerErrors(form, e, fieldsIn(FIELDS))),
  };

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setFailure(null);
        if (record) update.mutate({ id: record.id, patch: updateBody(v, record.kind) }, on);
        else create.mutate(createBody(v), on);
      })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('stock.reports.warehouses.code')}
            description={t('stock.reports.warehouses.codeHint')}
            required
            maxLength={20}
            readOnly={readOnly}
            data-autofocus
            {...form.getInputProps('code')}
          />
          <TextInput
            label={t('stock.reports.warehouses.name')}
            required
            maxLength={200}
            readOnly={readOnly}
            {...form.getInputProps('name')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Input.Label id="warehouse-kind">{t('stock.reports.warehouses.kind')}</Input.Label>
          <SegmentedControl
            aria-labelledby="warehouse-kind"
            data={[
              { value: 'store', label: t('stock.reports.warehouses.kinds.store') },
              { value: 'van', label: t('stock.reports.warehouses.kinds.van') },
            ]}
            disabled={record !== undefined || readOnly}
            value={form.values.kind}
            onChange={(v) => form.setFieldValue('kind', v as WarehouseKind)}
            w="fit-content"
          />
          {record && <Input.Description>{t('stock.reports.warehouses.kindFixed')}</Input.Description>}
        </Stack>
        {isVan && (
          <Select
            label={t('stock.reports.warehouses.technician')}
            description={t('stock.reports.warehouses.technicianHint')}
            placeholder={t('stock.reports.warehouses.pickTechnician')}
            required
            searchable
            readOnly={readOnly}
            data={technicianData}
            {...form.getInputProps('technicianId')}
          />
        )}
        <TextInput
          label={t('stock.reports.warehouses.mol')}
          description={isVan ? t('stock.reports.warehouses.molOfVan') : t('stock.reports.warehouses.molHint')}
          placeholder={isVan ? (technicians.find((x) => x.id === form.values.technicianId)?.name ?? '') : ''}
          maxLength={200}
          readOnly={readOnly}
          {...form.getInputProps('molName')}
        />
        <FormAlert message={failure} />
        <Group justify="flex-end" mt="sm">
          {readOnly ? (
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {record ? t('common.save') : t('common.add')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function WarehouseMenu({ warehouse, onEdit }: { warehouse: Warehouse; onEdit: () => void }) {
  const { t } = useTranslation();
  const action = useWarehouseAction();
  const remove = useDeleteWarehouse();
  const [deleting, setDeleting] = useState(false);
  const code = warehouse.code;
  const toggleArchived = () =>
    action.mutate(
      { id: warehouse.id, action: warehouse.archived ? 'unarchive' : 'archive' },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: warehouse.archived
              ? t('stock.reports.warehouses.unarchivedDone', { code })
              : t('stock.reports.warehouses.archivedDone', { code }),
          }),
        onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
      },
    );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('stock.reports.warehouses.actionsOf', { code })}
            loading={action.isPending}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
            {t('stock.reports.warehouses.edit')}
          </Menu.Item>
          <Menu.Item
            leftSection={warehouse.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
            onClick={toggleArchived}
          >
            {warehouse.archived
              ? t('stock.reports.warehouses.unarchive')
              : t('stock.reports.warehouses.archive')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
            {t('stock.reports.warehouses.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {deleting && (
        <ConfirmDeleteModal
          title={t('stock.reports.warehouses.deleteTitle', { code })}
          text={t('stock.reports.warehouses.deleteText', { name: warehouse.name })}
          mutation={remove}
          variables={warehouse.id}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('stock.reports.warehouses.deleted', { code }) });
            setDeleting(false);
          }}
          onClose={() => setDeleting(false)}
          onArchive={
            warehouse.archived
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

export function WarehousesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = canCall(user.role, 'POST /api/v1/warehouses');
  const list = useListState({ filters: ['kind', 'archived'] as const, defaultSort: 'code' });
  const result = usePagedList<Warehouse>(warehousesKey, '/warehouses', list.query);

  const columns = (open: (w: Warehouse) => void): Column<Warehouse>[] => [
    {
      key: 'code',
      header: t('stock.reports.warehouses.code'),
      sortKey: 'code',
      nowrap: true,
      render: (w) => (
        <Anchor component="button" type="button" onClick={() => open(w)} size="sm" ff="monospace" fw={500}>
          {w.code}
        </Anchor>
      ),
    },
    {
      key: 'name',
      header: t('stock.reports.warehouses.name'),
      sortKey: 'name',
      render: (w) => (
        <>
          {w.name}
          {w.archived && (
            <Badge size="xs" variant="light" color="gray" ml={6} tt="none">
              {t('stock.reports.warehouses.archived')}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('stock.reports.warehouses.kind'),
      sortKey: 'kind',
      nowrap: true,
      render: (w) => (
        <Badge size="sm" variant="light" color={w.kind === 'van' ? 'indigo' : 'gray'} tt="none">
          {t(`stock.reports.warehouses.kindShort.${w.kind}`)}
        </Badge>
      ),
    },
    {
      key: 'technician',
      header: t('stock.reports.warehouses.technician'),
      render: (w) => w.technicianName ?? '—',
    },
    { key: 'mol', header: t('stock.reports.warehouses.molShort'), render: (w) => w.molName ?? '—' },
    {
      key: 'levels',
      header: t('stock.reports.warehouses.levels'),
      nowrap: true,
      render: (w) => (
        <Anchor
          component={Link}
          to={`/stock/levels?warehouseId=${encodeURIComponent(w.id)}`}
          size="sm"
          aria-label={t('stock.reports.warehouses.levelsOf', { code: w.code })}
        >
          <Group gap={4} component="span" wrap="nowrap">
            <IconStack2 size={14} aria-hidden />
            {t('stock.reports.warehouses.levels')}
          </Group>
        </Anchor>
      ),
    },
  ];
  return (
    <RecordListPage
      title={t('stock.reports.warehouses.title')}
      description={t('stock.reports.warehouses.description')}
      canEdit={canEdit}
      addLabel={t('stock.reports.warehouses.add')}
      list={list}
      result={result}
      searchPlaceholder={t('stock.reports.warehouses.search')}
      filters={
        <>
          <FilterSelect
            list={list}
            name="kind"
            label={t('stock.reports.warehouses.kind')}
            placeholder={t('stock.reports.warehouses.allKinds')}
            data={[
              { value: 'store', label: t('stock.reports.warehouses.kindShort.store') },
              { value: 'van', label: t('stock.reports.warehouses.kindShort.van') },
            ]}
            w={170}
          />
          <FilterSwitch list={list} name="archived" label={t('stock.reports.warehouses.showArchived')} />
        </>
      }
      exportPath="/warehouses"
      columns={columns}
      rowMenu={canEdit ? (w, open) => <WarehouseMenu warehouse={w} onEdit={open} /> : undefined}
      minWidth={880}
      data-testid="warehouses"
      empty={
        <Text size="sm" c="dimmed">
          {t('stock.reports.warehouses.empty')}
        </Text>
      }
      dialog={(editing, setEditing) => {
        const edited = editing?.mode === 'edit' ? editing.row : undefined;
        return (
          <Modal
            opened={editing !== null}
            onClose={() => setEditing(null)}
            title={
              edited
                ? t('stock.reports.warehouses.editTitle', { code: edited.code })
                : t('stock.reports.warehouses.createTitle')
            }
            size="lg"
          >
            {editing && (
              <WarehouseForm
                key={edited?.id ?? 'new'}
                record={edited}
                readOnly={!canEdit}
                onClose={() => setEditing(null)}
              />
            )}
          </Modal>
        );
      }}
    />
  );
}
