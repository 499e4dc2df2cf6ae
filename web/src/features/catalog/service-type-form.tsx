import {
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatMoney } from '@servix/server/kernel/format';
import { priceService } from '@servix/server/modules/catalog/catalog.pricing';
import {
  type Pricing,
  type ServiceType,
  ServiceTypeInput,
} from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../api/catalog';
import { currentLocale } from '../../i18n';
import { schemaErrors } from '../../ui/forms';
import { centsToText, textToCents } from '../../ui/typed-values';
import { useCategorySelect } from './catalog-options';
import { formatNormTime, moneyProblem, onInputs, parseNormTime, renamedFields } from './catalog-values';
import { RecordFieldset, RecordFormFooter, useSaveRecordForm } from './record-modal';
import {
  VAT_KIND_FIELDS,
  VatKindFields,
  type VatKindValues,
  vatKindBody,
  vatKindInitial,
} from './vat-kind-fields';

interface Values extends VatKindValues {
  code: string;
  nameBg: string;
  nameEn: string;
  categoryId: string | null;
  normTime: string;
  pricing: Pricing;
  price: string;
  shopWarrantyMonths: number | string;
}

const FIELDS = ['code', 'nameBg', 'nameEn', 'categoryId', 'pricing', 'shopWarrantyMonths'];
const fieldOf = renamedFields(FIELDS, {
  normMinutes: 'normTime',
  priceCents: 'price',
  ...VAT_KIND_FIELDS,
});

function toBody(v: Values): ServiceTypeInput {
  return {
    code: v.code.trim().toUpperCase(),
    nameBg: v.nameBg.trim(),
    nameEn: v.nameEn.trim() || null,
    categoryId: v.categoryId,
    normMinutes: parseNormTime(v.normTime),
    pricing: v.pricing,
    priceCents: textToCents(v.price),
    ...vatKindBody(v),
    shopWarrantyMonths: v.shopWarrantyMonths === '' ? Number.NaN : Number(v.shopWarrantyMonths),
  };
}

/** The price of one norm as the form stands: "1:30 × 45,00 €/h = 67,50 €"; null while a value is not valid. */
function PricePreview({ values }: { values: Values }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const normMinutes = parseNormTime(values.normTime);
  const priceCents = textToCents(values.price);
  if (Number.isNaN(normMinutes) || Number.isNaN(priceCents) || priceCents < 0) return null;
  const { unitPriceCents } = priceService({
    serviceType: { normMinutes, pricing: values.pricing, priceCents },
    overrides: [],
  });
  return (
    <Text size="sm" c="dimmed" data-testid="price-preview">
      {values.pricing === 'hourly'
        ? t('catalog.serviceTypes.hourlyPreview', {
            norm: formatNormTime(normMinutes),
            rate: formatMoney(priceCents, locale),
            price: formatMoney(unitPriceCents, locale),
          })
        : t('catalog.serviceTypes.fixedPreview', { price: formatMoney(unitPriceCents, locale) })}
    </Text>
  );
}

/** A labour or service type: adds one (record undefined) or changes one. */
export function ServiceTypeForm({
  record,
  readOnly,
  onSaved,
  onCancel,
  onShowExisting,
}: {
  record: ServiceType | undefined;
  readOnly: boolean;
  onSaved: (saved: ServiceType) => void;
  onCancel: () => void;
  onShowExisting: (id: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { submit, pending, failure, existingId } = useSaveRecordForm(SERVICE_TYPES, record);
  const categories = useCategorySelect(
    record?.categoryId && record.categoryCode
      ? { value: record.categoryId, label: record.categoryCode }
      : null,
  );
  const form = useForm<Values>({
    initialValues: {
      code: record?.code ?? '',
      nameBg: record?.nameBg ?? '',
      nameEn: record?.nameEn ?? '',
      categoryId: record?.categoryId ?? null,
      normTime: record ? formatNormTime(record.normMinutes) : '',
      pricing: record?.pricing ?? 'hourly',
      price: record ? centsToText(record.priceCents, locale) : '',
      ...vatKindInitial(record, locale),
      shopWarrantyMonths: record?.shopWarrantyMonths ?? 0,
    },
    validate: (v) => {
      const errors = onInputs(schemaErrors(ServiceTypeInput, toBody(v), t), fieldOf);
      if (Number.isNaN(parseNormTime(v.normTime)) && v.normTime.trim() !== '')
        errors.normTime = t('catalog.serviceTypes.normTimeInvalid');
      const money = moneyProblem(v.price);
      if (money) errors.price = t(`catalog.${money}`);
      return errors;
    },
  });
  const hourly = form.values.pricing === 'hourly';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        submit(form, toBody(v), fieldOf, (saved) => {
          if (record) form.resetDirty();
          onSaved(saved);
        }),
      )}
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
            <Select
              label={t('catalog.category')}
              description={t('catalog.serviceTypes.categoryHint')}
              placeholder={t('catalog.serviceTypes.general')}
              data={categories}
              searchable
              clearable
              nothingFoundMessage={t('catalog.nothingFound')}
              {...form.getInputProps('categoryId')}
            />
            <TextInput label={t('catalog.nameBg')} required {...form.getInputProps('nameBg')} />
            <TextInput label={t('catalog.nameEn')} {...form.getInputProps('nameEn')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('catalog.serviceTypes.pricing')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'hourly', label: t('catalog.serviceTypes.pricingHourly') },
                { value: 'fixed', label: t('catalog.serviceTypes.pricingFixed') },
              ]}
              disabled={readOnly}
              w="fit-content"
              {...form.getInputProps('pricing')}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('catalog.serviceTypes.normTime')}
              description={t('catalog.serviceTypes.normTimeHint')}
              placeholder="1:30"
              required
              {...form.getInputProps('normTime')}
            />
            <TextInput
              label={hourly ? t('catalog.serviceTypes.rate') : t('catalog.serviceTypes.fixedPrice')}
              description={t('catalog.withoutVat')}
              required
              inputMode="decimal"
              rightSection={<Text size="sm">{hourly ? t('catalog.perHourUnit') : '€'}</Text>}
              rightSectionWidth={hourly ? 44 : 28}
              {...form.getInputProps('price')}
            />
            <VatKindFields
              values={form.values}
              inputs={(name) => form.getInputProps(name)}
              setReason={(r) => form.setFieldValue('vatReason', r)}
              readOnly={readOnly}
            />
          </SimpleGrid>
          <Group align="flex-end" justify="space-between" gap="sm">
            <NumberInput
              label={t('catalog.serviceTypes.shopWarranty')}
              description={t('catalog.serviceTypes.shopWarrantyHint')}
              min={0}
              max={600}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('catalog.monthsShort')}`}
              w={260}
              {...form.getInputProps('shopWarrantyMonths')}
            />
            <PricePreview values={form.values} />
          </Group>
          {record && !record.categoryId && (
            <Text size="xs" c="dimmed">
              {t('catalog.serviceTypes.generalHint')}
            </Text>
          )}
        </Stack>
      </RecordFieldset>
      <RecordFormFooter
        failure={failure}
        existingId={existingId}
        onShowExisting={onShowExisting}
        readOnly={readOnly}
        pending={pending}
        isNew={!record}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The service's category as a word in the UI language, or "general". */
export function useServiceCategoryLabel() {
  const { t } = useTranslation();
  const categories = useCategorySelect();
  return (s: Pick<ServiceType, 'categoryId' | 'categoryCode'>) =>
    s.categoryId
      ? (categories.find((c) => c.value === s.categoryId)?.label ?? s.categoryCode ?? '')
      : t('catalog.serviceTypes.general');
}
