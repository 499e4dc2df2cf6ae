import {
  Autocomplete,
  Badge,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatMoney, formatQuantity } from '@servix/server/kernel/format';
import { PART_UNITS, type Part, PartInput } from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { PARTS } from '../../api/catalog';
import { useSeesPartCosts } from '../../app/fields';
import { currentLocale } from '../../i18n';
import { schemaErrors } from '../../ui/forms';
import { FilterSelect } from '../../ui/list';
import { ArchivedBadge, OpenCell } from '../../ui/record-list';
import {
  centsToText,
  milliToText,
  textToCents,
  textToMilli,
  textToOptionalCents,
} from '../../ui/typed-values';
import { SupplierPicker } from '../stock/documents/document-inputs';
import { CatalogListPage } from './catalog-list';
import { useBrandSelect, useCategorySelect } from './catalog-options';
import { moneyProblem, onInputs, renamedFields } from './catalog-values';
import { ModelMultiPicker, ModelPicker } from './model-picker';
import { RecordFieldset, RecordFormFooter, useSaveRecordForm } from './record-modal';
import {
  VAT_KIND_FIELDS,
  VatKindFields,
  type VatKindValues,
  vatKindBody,
  vatKindInitial,
  vatKindLabel,
} from './vat-kind-fields';

interface Values extends VatKindValues {
  code: string;
  barcode: string;
  nameBg: string;
  nameEn: string;
  unit: string;
  categoryId: string | null;
  salePrice: string;
  typicalCost: string;
  minStock: string;
  serialTracked: boolean;
  warrantyMonths: string;
  preferredSupplierId: string | null;
  compatibleBrandIds: string[];
  compatibleModelIds: string[];
}

const FIELDS = [
  'code',
  'barcode',
  'nameBg',
  'nameEn',
  'unit',
  'categoryId',
  'serialTracked',
  'warrantyMonths',
  'preferredSupplierId',
  'compatibleBrandIds',
  'compatibleModelIds',
];
const RENAMED: Record<string, string> = {
  salePriceCents: 'salePrice',
  typicalCostCents: 'typicalCost',
  ...VAT_KIND_FIELDS,
  minStockMilli: 'minStock',
};
/** Server fields to inputs; an error on one entry of a list ("compatibleModelIds.3") goes on the list. */
const fieldOf = (field: string) =>
  renamedFields(FIELDS, RENAMED)(field.replace(/^(compatibleBrandIds|compatibleModelIds)\.\d+$/, '$1'));

function toBody(v: Values): PartInput {
  return {
    code: v.code.trim().toUpperCase(),
    barcode: v.barcode.trim() || null,
    nameBg: v.nameBg.trim(),
    nameEn: v.nameEn.trim() || null,
    unit: v.unit.trim(),
    categoryId: v.categoryId,
    salePriceCents: textToCents(v.salePrice),
    typicalCostCents: textToOptionalCents(v.typicalCost),
    ...vatKindBody(v),
    minStockMilli: v.minStock.trim() === '' ? 0 : textToMilli(v.minStock),
    serialTracked: v.serialTracked,
    warrantyMonths: v.warrantyMonths.trim() === '' ? null : Number(v.warrantyMonths.trim()),
    preferredSupplierId: v.preferredSupplierId,
    compatibleBrandIds: v.compatibleBrandIds,
    compatibleModelIds: v.compatibleModelIds,
  };
}

function PartForm({
  record,
  readOnly,
  onClose,
  onShowExisting,
}: {
  record: Part | undefined;
  readOnly: boolean;
  onClose: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { submit, pending, failure, existingId } = useSaveRecordForm(PARTS, record);
  // The typical cost only for those who may see costs (the server leaves it out for the others; every parts
  // editor may see it, so a save never clears a cost the editor could not see).
  const seesCost = useSeesPartCosts();
  const categories = useCategorySelect(
    record?.categoryId && record.categoryCode
      ? { value: record.categoryId, label: record.categoryCode }
      : null,
  );
  const brands = useBrandSelect();
  const brandOptions = [
    ...(record?.compatibleBrands ?? [])
      .filter((b) => !brands.some((o) => o.value === b.id))
      .map((b) => ({ value: b.id, label: b.name })),
    ...brands,
  ];
  const form = useForm<Values>({
    initialValues: {
      code: record?.code ?? '',
      barcode: record?.barcode ?? '',
      nameBg: record?.nameBg ?? '',
      nameEn: record?.nameEn ?? '',
      unit: record?.unit ?? PART_UNITS[0],
      categoryId: record?.categoryId ?? null,
      salePrice: record ? centsToText(record.salePriceCents, locale) : '',
      typicalCost: record?.typicalCostCents == null ? '' : centsToText(record.typicalCostCents, locale),
      ...vatKindInitial(record, locale),
      minStock: record ? milliToText(record.minStockMilli, locale) : '0',
      serialTracked: record?.serialTracked ?? false,
      warrantyMonths: record?.warrantyMonths == null ? '' : String(record.warrantyMonths),
      preferredSupplierId: record?.preferredSupplierId ?? null,
      compatibleBrandIds: record?.compatibleBrands.map((b) => b.id) ?? [],
      compatibleModelIds: record?.compatibleModels.map((m) => m.id) ?? [],
    },
    validate: (v) => {
      const errors = onInputs(schemaErrors(PartInput, toBody(v), t), fieldOf);
      const sale = moneyProblem(v.salePrice);
      if (sale) errors.salePrice = t(`catalog.${sale}`);
      const cost = moneyProblem(v.typicalCost, true);
      if (cost) errors.typicalCost = t(`catalog.${cost}`);
      if (errors.minStock) errors.minStock = t('catalog.parts.minStockInvalid');
      if (errors.warrantyMonths || (v.warrantyMonths.trim() !== '' && !/^\d+$/.test(v.warrantyMonths.trim())))
        errors.warrantyMonths = t('catalog.parts.warrantyMonthsInvalid');
      return errors;
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => submit(form, toBody(v), fieldOf, onClose))}>
      <RecordFieldset readOnly={readOnly}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('catalog.code')}
              description={t('catalog.codeHint')}
              required
              maxLength={40}
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('catalog.parts.barcode')}
              description={t('catalog.parts.barcodeHint')}
              maxLength={64}
              {...form.getInputProps('barcode')}
            />
            <Select
              label={t('catalog.category')}
              data={categories}
              searchable
              clearable
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('categoryId')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('catalog.nameBg')} required {...form.getInputProps('nameBg')} />
            <TextInput label={t('catalog.nameEn')} {...form.getInputProps('nameEn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <TextInput
              label={t('catalog.parts.salePrice')}
              description={t('catalog.withoutVat')}
              required
              inputMode="decimal"
              rightSection={<Text size="sm">€</Text>}
              {...form.getInputProps('salePrice')}
            />
            {seesCost && (
              <TextInput
                label={t('catalog.parts.typicalCost')}
                description={t('catalog.withoutVat')}
                inputMode="decimal"
                rightSection={<Text size="sm">€</Text>}
                {...form.getInputProps('typicalCost')}
              />
            )}
            <VatKindFields
              values={form.values}
              inputs={(name) => form.getInputProps(name)}
              setReason={(r) => form.setFieldValue('vatReason', r)}
              readOnly={readOnly}
            />
            <Autocomplete
              label={t('catalog.parts.unit')}
              description={t('catalog.parts.unitHint')}
              data={[...PART_UNITS]}
              required
              maxLength={12}
              {...form.getInputProps('unit')}
            />
            <TextInput
              label={t('catalog.parts.minStock')}
              description={t('catalog.parts.minStockHint')}
              inputMode="decimal"
              {...form.getInputProps('minStock')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalog.parts.warrantyMonths')}
              description={t('catalog.parts.warrantyMonthsHint')}
              inputMode="numeric"
              maxLength={3}
              {...form.getInputProps('warrantyMonths')}
            />
            <Checkbox
              mt={{ sm: 'xl' }}
              label={t('catalog.parts.serialTracked')}
              description={t('catalog.parts.serialTrackedHint')}
              {...form.getInputProps('serialTracked', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <SupplierPicker
            label={t('catalog.parts.preferredSupplier')}
            value={form.values.preferredSupplierId}
            initialName={record?.preferredSupplierName ?? ''}
            onChange={(id) => form.setFieldValue('preferredSupplierId', id)}
            error={form.errors.preferredSupplierId as string | undefined}
          />
          <Fieldset legend={t('catalog.parts.compatibility')} radius="md" disabled={readOnly}>
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {t('catalog.parts.compatibilityHint')}
              </Text>
              <MultiSelect
                label={t('catalog.parts.compatibleBrands')}
                data={brandOptions}
                searchable
                hidePickedOptions
                nothingFoundMessage={t('catalog.nothingFound')}
                {...form.getInputProps('compatibleBrandIds')}
              />
              <ModelMultiPicker
                label={t('catalog.parts.compatibleModels')}
                known={(record?.compatibleModels ?? []).map((m) => ({
                  value: m.id,
                  label: `${brandOptions.find((b) => b.value === m.brandId)?.label ?? m.brandCode} ${m.name}`,
                }))}
                value={form.values.compatibleModelIds}
                onChange={(ids) => form.setFieldValue('compatibleModelIds', ids)}
                error={form.errors.compatibleModelIds}
                disabled={readOnly}
              />
            </Stack>
          </Fieldset>
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

function Compatibility({ part }: { part: Part }) {
  const { t } = useTranslation();
  const names = [
    ...part.compatibleBrands.map((b) => b.name),
    ...part.compatibleModels.map((m) => `${m.brandCode} ${m.name}`),
  ];
  if (names.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        {t('catalog.parts.universal')}
      </Text>
    );
  const [first, ...rest] = names;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color="gray" tt="none" maw={150}>
        {first}
      </Badge>
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')} multiline maw={360}>
          <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', cursor: 'default' }}>
            +{rest.length}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

export function PartsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const categories = useCategorySelect();

  return (
    <CatalogListPage
      res={PARTS}
      createRoute="POST /api/v1/parts"
      listOptions={{ filters: ['categoryId', 'compatibleModelId'] as const, defaultSort: 'code' }}
      texts={{
        title: t('catalog.parts.title'),
        description: t('catalog.parts.description'),
        add: t('catalog.parts.add'),
        search: t('catalog.parts.search'),
      }}
      maw={1280}
      minWidth={960}
      data-testid="parts"
      filters={(list) => (
        <>
          <FilterSelect
            list={list}
            name="categoryId"
            data={categories}
            label={t('catalog.category')}
            placeholder={t('catalog.allCategories')}
            w={190}
          />
          <ModelPicker
            placeholder={t('catalog.parts.fitsModel')}
            value={list.filters.compatibleModelId ?? null}
            onChange={(id) => list.setFilter('compatibleModelId', id)}
            w={230}
          />
        </>
      )}
      columns={(open) => [
        {
          key: 'code',
          header: t('catalog.code'),
          sortKey: 'code',
          nowrap: true,
          render: (p) => (
            <OpenCell onOpen={() => open(p)} code>
              {p.code}
            </OpenCell>
          ),
        },
        {
          key: 'name',
          header: t('catalog.name'),
          sortKey: 'nameBg',
          render: (p) => (
            <>
              {locale === 'en' && p.nameEn ? p.nameEn : p.nameBg}
              <ArchivedBadge archived={p.archived} />
              {p.barcode && (
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.barcode}
                </Text>
              )}
            </>
          ),
        },
        {
          key: 'category',
          header: t('catalog.category'),
          render: (p) => categories.find((c) => c.value === p.categoryId)?.label ?? p.categoryCode ?? '',
        },
        {
          key: 'price',
          header: t('catalog.parts.salePrice'),
          sortKey: 'salePriceCents',
          align: 'right',
          nowrap: true,
          render: (p) => (
            <Text size="sm" fw={500}>
              {formatMoney(p.salePriceCents, locale)}
            </Text>
          ),
        },
        {
          key: 'vat',
          header: t('catalog.vatShort'),
          align: 'right',
          nowrap: true,
          render: (p) => vatKindLabel(t, p.vatRateKind, p.vatRateBp, locale),
        },
        {
          key: 'minStock',
          header: t('catalog.parts.minStockShort'),
          align: 'right',
          nowrap: true,
          render: (p) => `${formatQuantity(p.minStockMilli, locale)} ${p.unit}`,
        },
        {
          key: 'compatible',
          header: t('catalog.parts.compatible'),
          render: (p) => <Compatibility part={p} />,
        },
      ]}
      menuName={(p) => p.code}
      dialogSize="xl"
      dialogTitle={(p) =>
        p ? t('catalog.parts.editTitle', { code: p.code }) : t('catalog.parts.createTitle')
      }
      form={(props) => <PartForm {...props} />}
    />
  );
}
