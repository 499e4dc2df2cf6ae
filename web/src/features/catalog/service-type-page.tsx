import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import type { PriceSource, ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import { IconArrowLeft, IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SERVICE_TYPES, useCatalogRecord, useServiceQuote } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { ArchivedBadge } from '../../ui/record-list';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { CatalogRecordMenu } from './catalog-list';
import { formatNormTime } from './catalog-values';
import { ModelPicker } from './model-picker';
import { ServiceTypeForm, useServiceCategoryLabel } from './service-type-form';
import { ServiceTypeOverrides } from './service-type-overrides';
import { serviceName, serviceTypePath } from './service-types-page';
import { vatKindLabel } from './vat-kind-fields';

const SOURCE_COLOR: Record<PriceSource, string> = { model: 'teal', brand: 'blue', default: 'gray' };

function SourceBadge({ source }: { source: PriceSource }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={SOURCE_COLOR[source]} tt="none">
      {t(`catalog.quote.source.${source}`)}
    </Badge>
  );
}

function QuoteLine({ label, value, source }: { label: string; value: string; source?: PriceSource }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
        {source && <SourceBadge source={source} />}
      </Group>
    </Group>
  );
}

/** "Price for a model": the norm time and price of this service on one model, and where each came from. */
function QuoteBox({ service }: { service: ServiceType }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [modelId, setModelId] = useState<string | null>(null);
  const quote = useServiceQuote(service.id, modelId);
  return (
    <Paper withBorder radius="md" p="md" data-testid="quote">
      <Stack gap="sm">
        <Group gap={8} wrap="nowrap">
          <IconCalculator size={18} stroke={1.6} />
          <Title order={3} fz="h5">
            {t('catalog.quote.title')}
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          {t('catalog.quote.hint')}
        </Text>
        <ModelPicker label={t('catalog.quote.model')} value={modelId} onChange={setModelId} />
        {quote.isError && <LoadError error={quote.error} />}
        {quote.data && (
          <Stack gap={6} data-testid="quote-result">
            <QuoteLine
              label={t('catalog.quote.normTime')}
              value={formatNormTime(quote.data.normMinutes)}
              source={quote.data.source}
            />
            <QuoteLine
              label={t('catalog.quote.unitPrice')}
              value={formatMoney(quote.data.unitPriceCents, locale)}
              source={quote.data.priceSource}
            />
            <QuoteLine
              label={t('catalog.vatPercent')}
              value={vatKindLabel(t, quote.data.vatRateKind, quote.data.vatRateBp, locale)}
            />
            {quote.data.shopWarrantyMonths > 0 && (
              <QuoteLine
                label={t('catalog.serviceTypes.shopWarranty')}
                value={t('catalog.months', { count: quote.data.shopWarrantyMonths })}
              />
            )}
          </Stack>
        )}
        {!modelId && (
          <Stack gap={6}>
            <QuoteLine
              label={t('catalog.quote.defaultNorm')}
              value={formatNormTime(service.normMinutes)}
              source="default"
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** One labour or service type: its data, its norm times for brands and models, and its price for a model. */
export function ServiceTypePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { user } = useSession();
  const canEdit = canCall(user.role, 'PATCH /api/v1/service-types/:id');
  const service = useCatalogRecord(SERVICE_TYPES, id);
  const categoryLabel = useServiceCategoryLabel();
  const [tab, setTab] = useState<string | null>('overrides');

  if (service.isPending) return <PageLoader />;
  if (service.isError) {
    const notFound = service.error instanceof ApiError && service.error.status === 404;
    return notFound ? (
      <NotFound />
    ) : (
      <LoadError error={service.error} onRetry={() => void service.refetch()} />
    );
  }
  const s = service.data;
  return (
    <Stack gap={0} maw={1280}>
      <Anchor component={Link} to="/catalog/service-types" size="sm" mb="xs">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('catalog.serviceTypes.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={`${s.code} · ${serviceName(s, locale)}`}
        description={
          <>
            {categoryLabel(s)} ·{' '}
            {s.pricing === 'hourly'
              ? t('catalog.serviceTypes.summaryHourly', {
                  norm: formatNormTime(s.normMinutes),
                  rate: formatMoney(s.priceCents, locale),
                })
              : t('catalog.serviceTypes.summaryFixed', {
                  norm: formatNormTime(s.normMinutes),
                  price: formatMoney(s.priceCents, locale),
                })}
            <ArchivedBadge archived={s.archived} />
          </>
        }
        actions={
          <CatalogRecordMenu
            res={SERVICE_TYPES}
            record={s}
            name={s.code}
            canEdit={canEdit}
            onOpen={() => setTab('details')}
            onDeleted={() => navigate('/catalog/service-types')}
          />
        }
      />
      {!canEdit && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overrides">
                {t('catalog.overrides.tab')}
                {s.overrideCount > 0 && (
                  <Badge size="xs" variant="light" ml={6}>
                    {s.overrideCount}
                  </Badge>
                )}
              </Tabs.Tab>
              <Tabs.Tab value="details">{t('catalog.serviceTypes.detailsTab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overrides">
              <ServiceTypeOverrides service={s} canEdit={canEdit} />
            </Tabs.Panel>
            <Tabs.Panel value="details">
              <Paper withBorder radius="md" p="md">
                <ServiceTypeForm
                  key={s.updatedAt}
                  record={s}
                  readOnly={!canEdit}
                  onSaved={() => setTab('overrides')}
                  onCancel={() => setTab('overrides')}
                  onShowExisting={(other) => navigate(serviceTypePath(other))}
                />
              </Paper>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <QuoteBox service={s} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
