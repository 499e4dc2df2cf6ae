import { NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Model, ModelInput } from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../../api/catalog';
import { currentLocale } from '../../i18n';
import { fieldsIn, schemaErrors } from '../../ui/forms';
import { FilterSelect } from '../../ui/list';
import { ArchivedBadge, OpenCell } from '../../ui/record-list';
import { CatalogListPage, categoryName } from './catalog-list';
import { useBrandSelect, useCategorySelect } from './catalog-options';
import { RecordFieldset, RecordFormFooter, useSaveRecordForm } from './record-modal';

interface Values {
  brandId: string | null;
  categoryId: string | null;
  name: string;
  defaultWarrantyMonths: number | string;
}

const toBody = (v: Values): ModelInput => ({
  brandId: v.brandId ?? '',
  categoryId: v.categoryId ?? '',
  name: v.name.trim(),
  defaultWarrantyMonths: v.defaultWarrantyMonths === '' ? Number.NaN : Number(v.defaultWarrantyMonths),
});

function ModelForm({
  record,
  readOnly,
  onClose,
  onShowExisting,
}: {
  record: Model | undefined;
  readOnly: boolean;
  onClose: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { submit, pending, failure, existingId } = useSaveRecordForm(MODELS, record);
  const brands = useBrandSelect(record && { value: record.brandId, label: record.brandName });
  const categories = useCategorySelect(
    record && {
      value: record.categoryId,
      label: categoryName({ nameBg: record.categoryNameBg, nameEn: record.categoryNameEn }, locale),
    },
  );
  const form = useForm<Values>({
    initialValues: {
      brandId: record?.brandId ?? null,
      categoryId: record?.categoryId ?? null,
      name: record?.name ?? '',
      defaultWarrantyMonths: record?.defaultWarrantyMonths ?? 24,
    },
    validate: (v) => schemaErrors(ModelInput, toBody(v), t),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => submit(form, toBody(v), fieldsIn(Object.keys(v)), onClose))}
    >
      <RecordFieldset readOnly={readOnly}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalog.models.brand')}
              data={brands}
              searchable
              required
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('brandId')}
            />
            <Select
              label={t('catalog.category')}
              data={categories}
              searchable
              required
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('categoryId')}
            />
            <TextInput
              label={t('catalog.models.name')}
              description={t('catalog.models.nameHint')}
              required
              maxLength={120}
              {...form.getInputProps('name')}
            />
            <NumberInput
              label={t('catalog.models.warranty')}
              description={t('catalog.models.warrantyHint')}
              min={0}
              max={600}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('catalog.monthsShort')}`}
              {...form.getInputProps('defaultWarrantyMonths')}
            />
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

export function ModelsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const brands = useBrandSelect();
  const categories = useCategorySelect();
  return (
    <CatalogListPage
      res={MODELS}
      createRoute="POST /api/v1/models"
      listOptions={{ filters: ['brandId', 'categoryId'] as const, defaultSort: 'name' }}
      texts={{
        title: t('catalog.models.title'),
        description: t('catalog.models.description'),
        add: t('catalog.models.add'),
        search: t('catalog.models.search'),
      }}
      data-testid="models"
      filters={(list) => (
        <>
          <FilterSelect
            list={list}
            name="brandId"
            data={brands}
            label={t('catalog.models.brand')}
            placeholder={t('catalog.allBrands')}
            w={180}
          />
          <FilterSelect
            list={list}
            name="categoryId"
            data={categories}
            label={t('catalog.category')}
            placeholder={t('catalog.allCategories')}
            w={200}
          />
        </>
      )}
      columns={(open) => [
        {
          key: 'name',
          header: t('catalog.models.name'),
          sortKey: 'name',
          render: (m) => (
            <>
              <OpenCell onOpen={() => open(m)}>{m.name}</OpenCell>
              <ArchivedBadge archived={m.archived} />
            </>
          ),
        },
        { key: 'brand', header: t('catalog.models.brand'), sortKey: 'brand', render: (m) => m.brandName },
        {
          key: 'category',
          header: t('catalog.category'),
          sortKey: 'category',
          render: (m) => categoryName({ nameBg: m.categoryNameBg, nameEn: m.categoryNameEn }, locale),
        },
        {
          key: 'warranty',
          header: t('catalog.models.warranty'),
          sortKey: 'defaultWarrantyMonths',
          align: 'right',
          nowrap: true,
          render: (m) => t('catalog.months', { count: m.defaultWarrantyMonths }),
        },
      ]}
      menuName={(m) => `${m.brandName} ${m.name}`}
      dialogTitle={(m) =>
        m
          ? t('catalog.models.editTitle', { name: `${m.brandName} ${m.name}` })
          : t('catalog.models.createTitle')
      }
      form={(props) => <ModelForm {...props} />}
    />
  );
}
