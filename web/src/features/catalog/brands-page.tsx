import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Brand, BrandInput } from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { BRANDS } from '../../api/catalog';
import { fieldsIn, schemaErrors } from '../../ui/forms';
import { ArchivedBadge, OpenCell } from '../../ui/record-list';
import { CatalogListPage } from './catalog-list';
import { RecordFieldset, RecordFormFooter, useSaveRecordForm } from './record-modal';

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
  return (
    <CatalogListPage
      res={BRANDS}
      createRoute="POST /api/v1/brands"
      listOptions={{ defaultSort: 'name' }}
      texts={{
        title: t('catalog.brands.title'),
        description: t('catalog.brands.description'),
        add: t('catalog.brands.add'),
        search: t('catalog.brands.search'),
      }}
      data-testid="brands"
      columns={(open) => [
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
      ]}
      menuName={(b) => b.name}
      dialogSize="md"
      dialogTitle={(b) =>
        b ? t('catalog.brands.editTitle', { name: b.name }) : t('catalog.brands.createTitle')
      }
      form={(props) => <BrandForm {...props} />}
    />
  );
}
