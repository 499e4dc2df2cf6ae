import { Alert, Anchor, Badge, Card, Drawer, Group, Select, Stack, Text } from '@mantine/core';
import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { EarningsLine, EarningsRow } from '@servix/server/modules/orders/orders.earnings.schema';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { ExportCsvButton, ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { useIsPhone } from '../../ui/phone';
import { LoadError, PageLoader } from '../../ui/states';
import { useTechnicianOptions } from '../stock/reports/queries';
import { useEarningsLines, useTechnicianEarnings } from './queries';

const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;

/** Minutes × share basis points as hours, two decimals, in the UI language ("1,25"). */
function useHours() {
  const locale = currentLocale();
  const format = new Intl.NumberFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (minuteBp: number) => format.format(minuteBp / 600_000);
}

function usePercent() {
  const locale = currentLocale();
  const format = new Intl.NumberFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', { maximumFractionDigits: 1 });
  return (bp: number | null) => (bp === null ? '—' : `${format.format(bp / 100)} %`);
}

type Row = EarningsRow & { subtotal?: boolean };

export function TechnicianEarningsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
  const hours = useHours();
  const percent = usePercent();
  const money = (c: number) => formatMoney(c, locale);
  const [params, setParams] = useSearchParams();
  const fallback = lastMonth(todayDate());
  const from = params.get('from') || fallback.from;
  const to = params.get('to') || fallback.to;
  const technicianId = params.get('technicianId') || undefined;
  const drillTechnician = params.get('lines') || null;
  const drillService = params.get('service') || undefined;
  const set = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const technicians = useTechnicianOptions(true).data ?? [];
  const report = useTechnicianEarnings({ from, to, technicianId });
  const serviceName = (r: { serviceTypeName: string; serviceTypeNameEn: string | null }) =>
    locale === 'en' && r.serviceTypeNameEn ? r.serviceTypeNameEn : r.serviceTypeName;

  // Rows grouped by technician, each group closed by its subtotal when it has more than one service.
  const rows: Row[] = [];
  for (const tech of report.data?.byTechnician ?? []) {
    const own = (report.data?.rows ?? []).filter((r) => r.technicianId === tech.technicianId);
    rows.push(...own);
    if (own.length > 1)
      rows.push({
        ...tech,
        serviceTypeId: '',
        serviceTypeCode: '',
        serviceTypeName: t('reports.earnings.totalOf', { name: tech.technicianName }),
        serviceTypeNameEn: null,
        subtotal: true,
      });
  }
  const drillHref = (r: Row) => {
    const next = new URLSearchParams(params);
    next.set('lines', r.technicianId);
    if (r.serviceTypeId) next.set('service', r.serviceTypeId);
    else next.delete('service');
    return `?${next.toString()}`;
  };
  const total = report.data?.total;

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('reports.earnings.title')}
        description={t('reports.earnings.description')}
        actions={<ExportCsvButton path="/reports/technician-earnings" query={{ from, to, technicianId }} />}
      />
      <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
        <DateField
          label={t('reports.earnings.from')}
          value={from}
          onChange={(v) => set({ from: v })}
          w={160}
        />
        <DateField label={t('reports.earnings.to')} value={to} onChange={(v) => set({ to: v })} w={160} />
        <Select
          label={t('reports.earnings.technician')}
          placeholder={t('reports.earnings.allTechnicians')}
          data={technicians.map((x) => ({ value: x.id, label: x.name }))}
          value={technicianId ?? null}
          onChange={(v) => set({ technicianId: v })}
          clearable
          searchable
          w={phone ? '100%' : 240}
        />
      </Group>
      {report.isPending && <PageLoader />}
      {report.isError && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && total && (
        <Stack gap="md" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('reports.earnings.earnings')} · {formatDate(report.data.from, locale)} –{' '}
                  {formatDate(report.data.to, locale)}
                </Text>
                <Text fz={28} fw={700} style={NUMERIC} data-testid="earnings-total">
                  {money(total.earningsCents)}
                </Text>
              </Stack>
              <Group gap="lg" wrap="wrap">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('reports.earnings.normHours')}
                  </Text>
                  <Text fw={600} style={NUMERIC}>
                    {hours(total.normMinuteBp)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('reports.earnings.efficiency')}
                  </Text>
                  <Text fw={600} style={NUMERIC}>
                    {percent(total.efficiencyBp)}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('reports.earnings.labourValue')}
                  </Text>
                  <Text fw={600} style={NUMERIC}>
                    {money(total.labourValueCents)}
                  </Text>
                </Stack>
              </Group>
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              {t(`reports.earnings.rule.${report.data.warrantyRule}`)}
            </Text>
          </Card>
          <ResponsiveTable
            framed
            rows={rows}
            rowKey={(r) => `${r.technicianId}:${r.serviceTypeId || 'total'}`}
            rowHref={drillHref}
            rowTone={(r) => (r.subtotal ? 'strong' : undefined)}
            rowTestId="earnings-row"
            empty={t('reports.earnings.empty')}
            totals={{
              label: t('reports.earnings.total'),
              cells: {
                lines: total.lines,
                norm: hours(total.normMinuteBp),
                actual: hours(total.actualMinuteBp),
                efficiency: percent(total.efficiencyBp),
                value: money(total.labourValueCents),
                earnings: money(total.earningsCents),
              },
            }}
            columns={[
              {
                key: 'technician',
                header: t('reports.earnings.technician'),
                phone: 'title',
                render: (r) => (
                  <Group gap={6} wrap="nowrap">
                    <span>{r.subtotal ? '' : r.technicianName}</span>
                    {r.missingTerms && !r.subtotal && (
                      <Badge
                        color="orange"
                        variant="light"
                        size="sm"
                        title={t('reports.earnings.missingTerms')}
                      >
                        !
                      </Badge>
                    )}
                  </Group>
                ),
              },
              {
                key: 'service',
                header: t('reports.earnings.service'),
                phone: 'primary',
                render: (r) => serviceName(r),
              },
              {
                key: 'lines',
                header: t('reports.earnings.lines'),
                align: 'right',
                width: 80,
                render: (r) => r.lines,
              },
              {
                key: 'norm',
                header: t('reports.earnings.normHours'),
                align: 'right',
                width: 110,
                headerWrap: true,
                phone: 'primary',
                render: (r) => <span style={NUMERIC}>{hours(r.normMinuteBp)}</span>,
              },
              {
                key: 'actual',
                header: t('reports.earnings.actualHours'),
                align: 'right',
                width: 110,
                headerWrap: true,
                phone: 'secondary',
                render: (r) => <span style={NUMERIC}>{hours(r.actualMinuteBp)}</span>,
              },
              {
                key: 'efficiency',
                header: t('reports.earnings.efficiency'),
                align: 'right',
                width: 110,
                phone: 'secondary',
                render: (r) => <span style={NUMERIC}>{percent(r.efficiencyBp)}</span>,
              },
              {
                key: 'value',
                header: t('reports.earnings.labourValue'),
                align: 'right',
                width: 130,
                headerWrap: true,
                phone: 'secondary',
                render: (r) => <span style={NUMERIC}>{money(r.labourValueCents)}</span>,
              },
              {
                key: 'earnings',
                header: t('reports.earnings.earnings'),
                align: 'right',
                width: 140,
                phone: 'primary',
                render: (r) => (
                  <Text span fw={600} inherit style={NUMERIC}>
                    {money(r.earningsCents)}
                  </Text>
                ),
              },
            ]}
          />
        </Stack>
      )}
      <EarningsDrawer
        from={from}
        to={to}
        technicianId={drillTechnician}
        serviceTypeId={drillService}
        onClose={() => set({ lines: null, service: null })}
      />
    </Stack>
  );
}

function EarningsDrawer({
  from,
  to,
  technicianId,
  serviceTypeId,
  onClose,
}: {
  from: string;
  to: string;
  technicianId: string | null;
  serviceTypeId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
  const hours = useHours();
  const lines = useEarningsLines(technicianId ? { from, to, technicianId, serviceTypeId } : null);
  const money = (c: number) => formatMoney(c, locale);
  const first = lines.data?.lines[0];
  const service =
    serviceTypeId && first
      ? locale === 'en' && first.serviceTypeNameEn
        ? first.serviceTypeNameEn
        : first.serviceTypeName
      : t('reports.earnings.drill.allServices');
  const terms = (l: EarningsLine) => {
    if (!l.paid) return t('reports.earnings.drill.notPaid');
    if (l.payType === 'commission')
      return t('reports.earnings.drill.commission', { percent: (l.commissionBp ?? 0) / 100 });
    if (l.payType === 'per_norm_hour')
      return t('reports.earnings.drill.perNormHour', { rate: money(l.rateCents ?? 0) });
    return t('reports.earnings.drill.noTerms');
  };
  return (
    <Drawer
      opened={technicianId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={
        lines.data ? t('reports.earnings.drill.title', { name: lines.data.technicianName, service }) : ''
      }
    >
      {lines.isPending && <PageLoader />}
      {lines.isError && <Alert color="red">{String(lines.error)}</Alert>}
      {lines.data && (
        <ResponsiveTable
          rows={lines.data.lines}
          rowKey={(l) => l.lineId}
          rowTestId="earnings-line"
          empty={t('reports.earnings.empty')}
          columns={[
            {
              key: 'order',
              header: t('reports.earnings.drill.order'),
              phone: 'title',
              nowrap: true,
              render: (l) => (
                <Anchor
                  component={Link}
                  to={`/orders/${encodeURIComponent(l.orderId)}`}
                  size="sm"
                  ff="monospace"
                >
                  {l.orderNumber}
                </Anchor>
              ),
            },
            {
              key: 'date',
              header: t('reports.earnings.drill.date'),
              nowrap: true,
              phone: 'primary',
              render: (l) => formatDate(l.date, locale),
            },
            {
              key: 'payer',
              header: t('reports.earnings.drill.payer'),
              phone: 'secondary',
              render: (l) => t(`reports.earnings.payer.${l.payer}`),
            },
            {
              key: 'norm',
              header: t('reports.earnings.normHours'),
              align: 'right',
              headerWrap: true,
              phone: 'primary',
              render: (l) => hours(l.normMinuteBp),
            },
            {
              key: 'share',
              header: t('reports.earnings.drill.share'),
              align: 'right',
              phone: 'secondary',
              render: (l) => `${l.shareBp / 100} %`,
            },
            { key: 'terms', header: t('reports.earnings.drill.terms'), phone: 'secondary', render: terms },
            {
              key: 'earnings',
              header: t('reports.earnings.earnings'),
              align: 'right',
              phone: 'primary',
              render: (l) => money(l.earningsCents),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
