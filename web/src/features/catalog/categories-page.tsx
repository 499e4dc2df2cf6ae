import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Category, CategoryInput } from '@servix/server/modules/catalog/catalog.schema';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../api/catalog';
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
  nameBg: string;
  nameEn: string;
}

const toBody = (v: Values): CategoryInput => ({
  code: v.code.trim().toUpperCase(),
  nameBg: v.nameBg.trim(),
  nameEn: v.nameEn.trim() || null,
});

function CategoryForm({
  record,
  readOnly,
  onClose,
  onShowExisting,
}: {
  record: Category | undefined;
  readOnly: boolean;
  onClose: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { submit, pending, failure, existingId } = useSaveRecordForm(CATEGORIES, record);
  const form = useForm<Values>({
    initialValues: { code: record?.code ?? '', nameBg: record?.nameBg ?? '', nameEn: record?.nameEn ?? '' },
    validate: (v) => schemaErrors(CategoryInput, toBody(v), t),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => submit(form, toBody(v), fieldsIn(Object.keys(v)), onClose))}
    >
      <RecordFieldset readOnly={readOnly}>
        <Stack gap="sm">
          <TextInput
            label={t('catalog.code')}
            description={t('catalog.codeHint')}
            required
            maxLength={40}
            {...form.getInputProps('code')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('catalog.nameBg')} required {...form.getInputProps('nameBg')} />
            <TextInput label={t('catalog.nameEn')} {...form.getInputProps('nameEn')} />
          </SimpleGrid>
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

export function CategoriesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = canCall(user.role, 'POST /api/v1/categories');
  const list = useListState({ filters: ['archived'] as const, defaultSort: 'code' });
  const result = usePagedList<Category>(CATEGORIES.key, CATEGORIES.path, list.query);
  const [editing, setEditing] = useState<Editing>(null);
  const open = (c: Category) => setEditing({ mode: 'edit', id: c.id });

  return (
    <Stack gap={0} maw={1200}>
      <EditableListHeader
        title={t('catalog.categories.title')}
        description={t('catalog.categories.description')}
        canEdit={canEdit}
        add={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'new' })}>
            {t('catalog.categories.add')}
          </Button>
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('catalog.categories.search')}
        filters={<ArchivedFilter list={list} />}
        exportPath={CATEGORIES.path}
        rowKey={(c) => c.id}
        data-testid="categories"
        columns={[
          {
            key: 'code',
            header: t('catalog.code'),
            sortKey: 'code',
            nowrap: true,
            width: 200,
            render: (c) => (
              <OpenCell onOpen={() => open(c)} code>
                {c.code}
              </OpenCell>
            ),
          },
          {
            key: 'nameBg',
            header: t('catalog.nameBg'),
            sortKey: 'nameBg',
            render: (c) => (
              <>
                {c.nameBg}
                <ArchivedBadge archived={c.archived} />
              </>
            ),
          },
          { key: 'nameEn', header: t('catalog.nameEn'), sortKey: 'nameEn', render: (c) => c.nameEn ?? '' },
          {
            key: 'actions',
            header: <ActionsHeader />,
            width: 48,
            render: (c) => (
              <RecordMenu
                res={CATEGORIES}
                record={c}
                name={c.code}
                canEdit={canEdit}
                onOpen={() => open(c)}
              />
            ),
          },
        ]}
      />
      <RecordModal
        res={CATEGORIES}
        editing={editing}
        onClose={() => setEditing(null)}
        size="md"
        title={(c) =>
          c ? t('catalog.categories.editTitle', { code: c.code }) : t('catalog.categories.createTitle')
        }
      >
        {(record) => (
          <CategoryForm
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
