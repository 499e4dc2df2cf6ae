import { Badge, Group, Text } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import { priceService } from '@servix/server/modules/catalog/catalog.pricing';
import type { ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SERVICE_TYPES } from '../../api/catalog';
import { currentLocale } from '../../i18n';
import { FilterSelect } from '../../ui/list';
import { ArchivedBadge, OpenCell } from '../../ui/record-list';
import { CatalogListPage } from './catalog-list';
import { useCategorySelect } from './catalog-options';
import { formatNormTime } from './catalog-values';
import { ServiceTypeForm, useServiceCategoryLabel } from './service-type-form';

export const serviceTypePath = (id: string) => `/catalog/service-types/${encodeURIComponent(id)}`;

/** The name in the UI language. */
export function serviceName(s: Pick<ServiceType, 'nameBg' | 'nameEn'>, locale: 'bg' | 'en'): string {
  return locale === 'en' && s.nameEn ? s.nameEn : s.nameBg;
}

/** The price of one norm without VAT: the fixed price, or the hourly rate times the norm time. */
export function unitPrice(s: Pick<ServiceType, 'normMinutes' | 'pricing' | 'priceCents'>): number {
  return priceService({ serviceType: s, overrides: [] }).unitPriceCents;
}

export function ServiceTypesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const categories = useCategorySelect();
  const categoryLabel = useServiceCategoryLabel();
  const open = (s: ServiceType) => navigate(serviceTypePath(s.id));

  return (
    <CatalogListPage
      res={SERVICE_TYPES}
      createRoute="POST /api/v1/service-types"
      listOptions={{ filters: ['categoryId', 'pricing'] as const, defaultSort: 'code' }}
      texts={{
        title: t('catalog.serviceTypes.title'),
        description: t('catalog.serviceTypes.description'),
        add: t('catalog.serviceTypes.add'),
        search: t('catalog.serviceTypes.search'),
      }}
      maw={1280}
      minWidth={940}
      data-testid="service-types"
      filters={(list) => (
        <>
          <FilterSelect
            list={list}
            name="categoryId"
            data={categories}
            label={t('catalog.category')}
            placeholder={t('catalog.allCategories')}
            w={200}
          />
          <FilterSelect
            list={list}
            name="pricing"
            data={[
              { value: 'hourly', label: t('catalog.serviceTypes.pricingHourly') },
              { value: 'fixed', label: t('catalog.serviceTypes.pricingFixed') },
            ]}
            label={t('catalog.serviceTypes.pricing')}
            placeholder={t('catalog.serviceTypes.anyPricing')}
            w={190}
          />
        </>
      )}
      onOpen={open}
      rowHref={(s) => serviceTypePath(s.id)}
      columns={() => [
        {
          key: 'code',
          header: t('catalog.code'),
          sortKey: 'code',
          nowrap: true,
          render: (s) => (
            <OpenCell onOpen={() => open(s)} code>
              {s.code}
            </OpenCell>
          ),
        },
        {
          key: 'name',
          header: t('catalog.name'),
          sortKey: 'nameBg',
          render: (s) => (
            <>
              {serviceName(s, locale)}
              <ArchivedBadge archived={s.archived} />
            </>
          ),
        },
        { key: 'category', header: t('catalog.category'), render: (s) => categoryLabel(s) },
        {
          key: 'norm',
          header: t('catalog.serviceTypes.normShort'),
          sortKey: 'normMinutes',
          align: 'right',
          nowrap: true,
          render: (s) => formatNormTime(s.normMinutes),
        },
        {
          key: 'price',
          header: t('catalog.serviceTypes.rateOrPrice'),
          sortKey: 'priceCents',
          align: 'right',
          nowrap: true,
          render: (s) =>
            s.pricing === 'hourly' ? (
              `${formatMoney(s.priceCents, locale)}${t('catalog.perHourSuffix')}`
            ) : (
              <Group gap={6} justify="flex-end" wrap="nowrap">
                <Badge size="xs" variant="light" color="grape">
                  {t('catalog.serviceTypes.fixedShort')}
                </Badge>
                {formatMoney(s.priceCents, locale)}
              </Group>
            ),
        },
        {
          key: 'unitPrice',
          header: t('catalog.serviceTypes.unitPrice'),
          align: 'right',
          nowrap: true,
          render: (s) => (
            <Text size="sm" fw={500}>
              {formatMoney(unitPrice(s), locale)}
            </Text>
          ),
        },
        {
          key: 'overrides',
          header: t('catalog.serviceTypes.overridesShort'),
          align: 'right',
          render: (s) =>
            s.overrideCount ? (
              <Badge size="sm" variant="outline">
                {s.overrideCount}
              </Badge>
            ) : (
              <Text span c="dimmed">
                –
              </Text>
            ),
        },
      ]}
      menuName={(s) => s.code}
      dialogSize="xl"
      dialogTitle={() => t('catalog.serviceTypes.createTitle')}
      form={({ readOnly, onClose }) => (
        <ServiceTypeForm
          record={undefined}
          readOnly={readOnly}
          onSaved={(saved) => {
            onClose();
            navigate(serviceTypePath(saved.id));
          }}
          onCancel={onClose}
          onShowExisting={(id) => {
            onClose();
            navigate(serviceTypePath(id));
          }}
        />
      )}
    />
  );
}
