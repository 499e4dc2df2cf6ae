import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Category, CategoryInput } from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../api/catalog';
import { fieldsIn, schemaErrors } from '../../ui/forms';
import { ArchivedBadge, OpenCell } from '../../ui/record-list';
import { CatalogListPage } from './catalog-list';
import { RecordFieldset, RecordFormFooter, useSaveRecordForm } from './record-modal';

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
  return (
    <CatalogListPage
      res={CATEGORIES}
      createRoute="POST /api/v1/categories"
      listOptions={{ defaultSort: 'code' }}
      texts={{
        title: t('catalog.categories.title'),
        description: t('catalog.categories.description'),
        add: t('catalog.categories.add'),
        search: t('catalog.categories.search'),
      }}
      data-testid="categories"
      columns={(open) => [
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
      ]}
      menuName={(c) => c.code}
      dialogSize="md"
      dialogTitle={(c) =>
        c ? t('catalog.categories.editTitle', { code: c.code }) : t('catalog.categories.createTitle')
      }
      form={(props) => <CategoryForm {...props} />}
    />
  );
}
