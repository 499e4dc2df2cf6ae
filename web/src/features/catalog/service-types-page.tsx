import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import { priceService } from '@servix/server/modules/catalog/catalog.pricing';
import type { ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SERVICE_TYPES } from '../../api/catalog';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { EditableListHeader } from '../../ui/page-header';
import { ActionsHeader, ArchivedFilter, OpenCell } from './catalog-list';
import { useCategorySelect } from './catalog-options';
import { formatNormTime } from './catalog-values';
import { ArchivedBadge, RecordMenu } from './record-actions';
import { type Editing, RecordModal } from './record-modal';
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
  const { user } = useSession();
  const canEdit = canCall(user.role, 'POST /api/v1/service-types');
  const list = useListState({ filters: ['categoryId', 'pricing', 'archived'] as const, defaultSort: 'code' });
  const result = usePagedList<ServiceType>(SERVICE_TYPES.key, SERVICE_TYPES.path, list.query);
  const categories = useCategorySelect();
  const categoryLabel = useServiceCategoryLabel();
  const [editing, setEditing] = useState<Editing>(null);
  const open = (s: ServiceType) => navigate(serviceTypePath(s.id));

  return (
    <Stack gap={0} maw={1280}>
      <EditableListHeader
        title={t('catalog.serviceTypes.title')}
        description={t('catalog.serviceTypes.description')}
        canEdit={canEdit}
        add={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'new' })}>
            {t('catalog.serviceTypes.add')}
          </Button>
        }
      />
      <ListView
        list={list}
        result={result}
        searchPlaceholder={t('catalog.serviceTypes.search')}
        filters={
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
            <ArchivedFilter list={list} />
          </>
        }
        exportPath={SERVICE_TYPES.path}
        rowKey={(s) => s.id}
        rowHref={(s) => serviceTypePath(s.id)}
        minWidth={940}
        data-testid="service-types"
        columns={[
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
          {
            key: 'actions',
            header: <ActionsHeader />,
            width: 48,
            render: (s) => (
              <RecordMenu
                res={SERVICE_TYPES}
                record={s}
                name={s.code}
                canEdit={canEdit}
                onOpen={() => open(s)}
              />
            ),
          },
        ]}
      />
      <RecordModal
        res={SERVICE_TYPES}
        editing={editing}
        onClose={() => setEditing(null)}
        size="xl"
        title={() => t('catalog.serviceTypes.createTitle')}
      >
        {() => (
          <ServiceTypeForm
            record={undefined}
            readOnly={!canEdit}
            onSaved={(saved) => {
              setEditing(null);
              navigate(serviceTypePath(saved.id));
            }}
            onCancel={() => setEditing(null)}
            onShowExisting={(id) => {
              setEditing(null);
              navigate(serviceTypePath(id));
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}
