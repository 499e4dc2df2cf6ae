import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Brand, BrandInput } from '@servix/server/modules/catalog/catalog.schema';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRANDS } from '../../api/catalog';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { fieldsIn, schemaErrors } from '../../ui/forms';
import { ListView, useListState, usePagedList } from '../../ui/list';
import { EditableListHeader } from '../../ui/page-header';
import { ActionsHeader, ArchivedFilter, OpenCell } from './catalog-list';
import { ArchivedBadge, RecordMenu } from './record-actions';
import {
  type Editing,
  RecordFieldset,
  RecordFormFooter,
  RecordModal,
  useSaveRecordForm,
} from './record-modal';

interface Values {
  code: string;
  name: string;
  country: string;
}

const toBody = (v: Values): BrandInput => ({
  code: v.code.trim().toUpperCase(),
  name: v.name.trim(),
  country: v.country.trim().toUpperCase() || null,
});

function BrandForm({
  record,
  readOnly,
  onClose,
  onShowExisting,
}: {
  record: Brand | undefined;
  readOnly: boolean;
  onClose: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { submit, pending, failure, existingId } = useSaveRecordForm(BRANDS, record);
  const form = useForm<Values>({
    initialValues: { code: record?.code ?? '', name: record?.name ?? '', country: record?.country ?? '' },
    validate: (v) => schemaErrors(BrandInput, toBody(v), t),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => submit(form, toBody(v), fieldsIn(Object.keys(v)), onClose))}
    >
      <RecordFieldset readOnly={readOnly}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalog.code')}
              description={t('catalog.codeHint')}
              required
              maxLength={40}
              {...form.getInputProps('code')}
            />
            <TextInput label={t('catalog.brands.name')} required {...form.getInputProps('name')} />
          </SimpleGrid>
          <TextInput
            label={t('catalog.brands.country')}
            description={t('catalog.brands.countryHint')}
            maxLength={2}
            w={200}
            {...form.getInputProps('country')}
          />
        </Stack>
      </RecordFieldset>
      <RecordFormFooter
        failure={failure}
        existingId={existingId}
        onShowExisting={onShowExisting}
        readOnly={readOnly}
        pending={pending}
        isNew={!record}
        onCancel={onClose}
      />
    </form>
  );
}

export function BrandsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = canCall(user.role, 'POST /api/v1/brands');
  const list = useListState({ filters: ['archived'] as const, defaultSort: 'name' });
  const result = usePagedList<Brand>(BRANDS.key, BRANDS.path, list.query);
  const [editing, setEditing] = useState<Editing>(null);
  const open = (b: Brand) => setEditing({ mode: 'edit', id: b.id });

  return (
    <Stack gap={0} maw={1200}>
      <EditableListHeader
        title={t('catalog.brands.title')}
        description={t('catalog.brands.description')}
        canEdit={canEdit}
        add={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'new' })}>
            {t('catalog.brands.add')}
          </Button>
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('catalog.brands.search')}
        filters={<ArchivedFilter list={list} />}
        exportPath={BRANDS.path}
        rowKey={(b) => b.id}
        data-testid="brands"
        columns={[
          {
            key: 'name',
            header: t('catalog.brands.name'),
            sortKey: 'name',
            render: (b) => (
              <>
                <OpenCell onOpen={() => open(b)}>{b.name}</OpenCell>
                <ArchivedBadge archived={b.archived} />
              </>
            ),
          },
          { key: 'code', header: t('catalog.code'), sortKey: 'code', nowrap: true, render: (b) => b.code },
          {
            key: 'country',
            header: t('catalog.brands.country'),
            sortKey: 'country',
            width: 140,
            render: (b) => b.country ?? '',
          },
          {
            key: 'actions',
            header: <ActionsHeader />,
            width: 48,
            render: (b) => (
              <RecordMenu res={BRANDS} record={b} name={b.name} canEdit={canEdit} onOpen={() => open(b)} />
            ),
          },
        ]}
      />
      <RecordModal
        res={BRANDS}
        editing={editing}
        onClose={() => setEditing(null)}
        size="md"
        title={(b) => (b ? t('catalog.brands.editTitle', { name: b.name }) : t('catalog.brands.createTitle'))}
      >
        {(record) => (
          <BrandForm
            record={record}
            readOnly={!canEdit}
            onClose={() => setEditing(null)}
            onShowExisting={(id) => setEditing({ mode: 'edit', id })}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
