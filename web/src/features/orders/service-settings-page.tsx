import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import { OPEN_STATUSES } from '@servix/server/modules/orders/orders.lifecycle';
import type { OrderStatus, ServiceSettings } from '@servix/server/modules/orders/orders.schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, messageOf } from '../../api/client';
import { useSaveServiceSettings, useServiceSettings } from '../../api/orders';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import type { PageOf } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';

type Hours = Partial<Record<OrderStatus, number | string>>;

function SettingsForm({ settings }: { settings: ServiceSettings }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'PUT /api/v1/service-settings');
  const save = useSaveServiceSettings();
  const serviceTypes = useQuery({
    queryKey: ['catalog', 'service-types', 'settings-options'],
    queryFn: () => api.get<PageOf<ServiceType>>('/service-types', { pageSize: 200, sort: 'code' }),
    staleTime: 60_000,
  });
  const [limits, setLimits] = useState<Hours>(() =>
    Object.fromEntries(OPEN_STATUSES.map((s) => [s, settings.statusLimits[s] ?? ''])),
  );
  const [fee, setFee] = useState(settings.diagnosticFee);
  const [feeService, setFeeService] = useState(settings.diagnosticServiceTypeId);
  const [overdue, setOverdue] = useState(settings.overdueCustomers);
  const [partMonths, setPartMonths] = useState<number | string>(settings.partWarrantyMonths);
  const [labourMonths, setLabourMonths] = useState<number | string>(settings.labourWarrantyMonths);
  const [earningsRule, setEarningsRule] = useState(settings.earningsWarrantyRule);
  const [keepLocation, setKeepLocation] = useState(settings.keepPhotoLocation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <form
      noValidate
      aria-label={t('orders.settings.title')}
      onSubmit={(e) => {
        e.preventDefault();
        setFailure(null);
        save.mutate(
          {
            statusLimits: Object.fromEntries(
              OPEN_STATUSES.map((s) => [
                s,
                limits[s] === '' || limits[s] === undefined ? null : Number(limits[s]),
              ]),
            ),
            diagnosticFee: fee,
            diagnosticServiceTypeId: fee === 'charge' ? feeService : null,
            overdueCustomers: overdue,
            partWarrantyMonths: Number(partMonths),
            labourWarrantyMonths: Number(labourMonths),
            earningsWarrantyRule: earningsRule,
            keepPhotoLocation: keepLocation,
          },
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('orders.settings.saved') }),
            onError: (err) => {
              if (err instanceof ApiError) setErrors(err.fieldErrors());
              setFailure(messageOf(err));
            },
          },
        );
      }}
    >
      <Stack gap="md" maw={900}>
        <FormAlert message={failure} />
        <Fieldset legend={t('orders.settings.limits')} radius="md" disabled={!canWrite}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('orders.settings.limitsHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {OPEN_STATUSES.map((s) => (
              <NumberInput
                key={s}
                label={t(`orders.status.${s}`)}
                min={0}
                allowDecimal={false}
                suffix={locale === 'bg' ? ' ч' : ' h'}
                value={limits[s] ?? ''}
                onChange={(v) => setLimits({ ...limits, [s]: v })}
                error={errors[`statusLimits.${s}`]}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('orders.settings.diagnosticFee')} radius="md" disabled={!canWrite}>
          <Stack gap="sm">
            <SegmentedControl
              value={fee}
              onChange={(v) => setFee(v as ServiceSettings['diagnosticFee'])}
              data={[
                { value: 'charge', label: t('orders.settings.fee.charge') },
                { value: 'none', label: t('orders.settings.fee.none') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            {fee === 'charge' && (
              <Select
                label={t('orders.settings.diagnosticService')}
                required
                searchable
                data={(serviceTypes.data?.items ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.code} — ${locale === 'en' && s.nameEn ? s.nameEn : s.nameBg}`,
                }))}
                value={feeService}
                onChange={setFeeService}
                error={errors.diagnosticServiceTypeId}
                maw={420}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('orders.settings.overdueCustomers')} radius="md" disabled={!canWrite}>
          <SegmentedControl
            value={overdue}
            onChange={(v) => setOverdue(v as ServiceSettings['overdueCustomers'])}
            data={[
              { value: 'warn', label: t('orders.settings.overduePolicy.warn') },
              { value: 'refuse', label: t('orders.settings.overduePolicy.refuse') },
            ]}
          />
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('orders.settings.partMonths')}
            min={0}
            max={240}
            allowDecimal={false}
            disabled={!canWrite}
            value={partMonths}
            onChange={setPartMonths}
            error={errors.partWarrantyMonths}
          />
          <NumberInput
            label={t('orders.settings.labourMonths')}
            min={0}
            max={240}
            allowDecimal={false}
            disabled={!canWrite}
            value={labourMonths}
            onChange={setLabourMonths}
            error={errors.labourWarrantyMonths}
          />
        </SimpleGrid>
        <Fieldset legend={t('orders.settings.earningsRule')} radius="md" disabled={!canWrite}>
          <Radio.Group
            value={earningsRule}
            onChange={(v) => setEarningsRule(v as ServiceSettings['earningsWarrantyRule'])}
          >
            <Stack gap="xs">
              {(['pay', 'hours_only', 'exclude'] as const).map((rule) => (
                <Radio key={rule} value={rule} label={t(`reports.earnings.rule.${rule}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </Fieldset>
        <Switch
          label={t('orders.settings.keepPhotoLocation')}
          description={t('orders.settings.keepPhotoLocationHint')}
          checked={keepLocation}
          disabled={!canWrite}
          onChange={(e) => setKeepLocation(e.currentTarget.checked)}
        />
        {canWrite && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('orders.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The service settings: time limits per status, the diagnostic fee, overdue customers, warranty terms. */
export function ServiceSettingsPage() {
  const { t } = useTranslation();
  const settings = useServiceSettings();
  return (
    <Stack gap={0}>
      <PageHeader title={t('orders.settings.title')} description={t('orders.settings.description')} />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
      )}
    </Stack>
  );
}
