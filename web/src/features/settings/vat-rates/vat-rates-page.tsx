import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import { VAT_RATE_KINDS, type VatRateKind } from '@servix/server/kernel/vat-rate-kinds';
import type { VatRate } from '@servix/server/modules/company/vat-rates.schema';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateVatRate, useVatRates } from '../../../api/vat-rates';
import { canCall } from '../../../app/access';
import { useSession } from '../../../app/session';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { fieldsIn, showServerErrors } from '../../../ui/forms';
import { ResponsiveTable } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../../ui/states';

/** Basis points as a percentage in the user's language: 2000 → "20 %", 950 → "9,5 %". */
function percentOf(bp: number, locale: 'bg' | 'en'): string {
  return `${(bp / 100).toLocaleString(locale === 'bg' ? 'bg-BG' : 'en-GB', { maximumFractionDigits: 2 })} %`;
}

interface AddValues {
  kind: VatRateKind;
  percent: number | string;
  validFrom: string | null;
  vatReason: string;
}

/** Adds a rate of a kind from a day (a change by law); the server checks it and names the field it refuses. */
function AddRateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const create = useCreateVatRate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AddValues>({
    initialValues: { kind: 'standard', percent: 20, validFrom: null, vatReason: '' },
    validate: { validFrom: (v) => (v ? null : t('validation.required')) },
  });
  const zeroKind = form.values.kind === 'zero' || form.values.kind === 'exempt';
  return (
    <Modal opened onClose={onClose} title={t('vatRates.addTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          create.mutate(
            {
              kind: v.kind,
              rateBp: Math.round(Number(v.percent || 0) * 100),
              validFrom: v.validFrom ?? '',
              vatReason: v.vatReason.trim() || null,
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('vatRates.added') });
                onClose();
              },
              onError: (e) =>
                setFailure(
                  showServerErrors(form, e, (f) =>
                    f === 'rateBp' ? 'percent' : fieldsIn(['kind', 'validFrom', 'vatReason'])(f),
                  ),
                ),
            },
          );
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('vatRates.kind')}
              data={VAT_RATE_KINDS.map((k) => ({ value: k, label: t(`vatRates.kinds.${k}`) }))}
              allowDeselect={false}
              data-testid="vat-rate-kind"
              {...form.getInputProps('kind')}
              onChange={(k) => {
                if (!k) return;
                form.setFieldValue('kind', k as VatRateKind);
                if (k === 'zero' || k === 'exempt') form.setFieldValue('percent', 0);
              }}
            />
            <NumberInput
              label={t('vatRates.rate')}
              description={t('vatRates.rateHint')}
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator={locale === 'bg' ? ',' : '.'}
              allowNegative={false}
              disabled={zeroKind}
              rightSection="%"
              data-testid="vat-rate-percent"
              {...form.getInputProps('percent')}
            />
          </SimpleGrid>
          <DateField
            label={t('vatRates.validFrom')}
            required
            data-testid="vat-rate-valid-from"
            {...form.getInputProps('validFrom')}
          />
          {zeroKind && (
            <TextInput
              label={t('vatRates.reason')}
              description={t('vatRates.reasonHint')}
              required
              maxLength={300}
              data-testid="vat-rate-reason"
              {...form.getInputProps('vatReason')}
            />
          )}
          <FormAlert message={failure} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="vat-rate-submit">
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Settings → VAT rates (INV-08): the rate of each kind in force today, and every rate with its day. */
export function VatRatesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const rates = useVatRates();
  const canAdd = canCall(user.role, 'POST /api/v1/vat-rates');
  const [adding, setAdding] = useState(false);
  const columns = [
    {
      key: 'kind',
      header: t('vatRates.kind'),
      phone: 'title' as const,
      render: (r: VatRate) => t(`vatRates.kinds.${r.kind}`),
    },
    {
      key: 'rate',
      header: t('vatRates.rate'),
      nowrap: true,
      phone: 'primary' as const,
      render: (r: VatRate) => percentOf(r.rateBp, locale),
    },
    {
      key: 'validFrom',
      header: t('vatRates.validFrom'),
      nowrap: true,
      phone: 'primary' as const,
      render: (r: VatRate) => formatDate(r.validFrom, locale),
    },
    {
      key: 'reason',
      header: t('vatRates.reason'),
      phone: 'primary' as const,
      render: (r: VatRate) => r.vatReason ?? '—',
    },
  ];
  const order = (r: VatRate) => VAT_RATE_KINDS.indexOf(r.kind);
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('vatRates.title')}
        description={t('vatRates.description')}
        actions={
          canAdd && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              data-testid="vat-rate-add"
            >
              {t('vatRates.add')}
            </Button>
          )
        }
      />
      {!canAdd && (
        <Alert color="gray" mb="md">
          {t('common.readOnly')}
        </Alert>
      )}
      {rates.isPending && <PageLoader />}
      {rates.isError && <LoadError error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.data && (
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('vatRates.current')}
            </Title>
            <div data-testid="vat-rates-current">
              <ResponsiveTable
                framed
                minWidth={640}
                rows={[...rates.data.current].sort((a, b) => order(a) - order(b))}
                rowKey={(r) => r.id}
                columns={columns}
              />
            </div>
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('vatRates.history')}
            </Title>
            <div data-testid="vat-rates-history">
              <ResponsiveTable
                framed
                minWidth={640}
                rows={[...rates.data.items].sort(
                  (a, b) => order(a) - order(b) || b.validFrom.localeCompare(a.validFrom),
                )}
                rowKey={(r) => r.id}
                columns={columns}
              />
            </div>
          </Stack>
        </Stack>
      )}
      {adding && <AddRateModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}
