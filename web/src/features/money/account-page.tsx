import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type {
  AccountMovement,
  DayReport,
  FiscalReconciliation,
  MoneyAccount,
} from '@servix/server/modules/money/money.schema';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import {
  dayReportPdfUrl,
  useAccountMovements,
  useCashDeskZReport,
  useCreateCashEntry,
  useCreateMovement,
  useDayReport,
  useMoneyAccount,
  useMoneyAccounts,
  useReverseMovement,
  useUpdateMoneyAccount,
} from '../../api/money';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { textToCents } from '../../ui/typed-values';

/** Today in the company's time zone (Europe/Sofia), as the server counts days. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Sofia' }).format(new Date());
}

/**
 * A fresh id for a fiscal device task (FP-04): kept while the device has not answered, so that sending the same
 * again finishes that task instead of printing another. getRandomValues works where randomUUID does not (plain http).
 */
function newTaskId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The device has not said what became of the task: keep its id and send the same again. */
const isOpenTask = (err: unknown) =>
  err instanceof ApiError && (err.code === 'fiscal_task_pending' || err.code === 'fiscal_task_unknown');

/** One account: its balance, its movements in a period with the running balance, a new movement, the day report. */
export function MoneyAccountPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const account = useMoneyAccount(id);
  const { user } = useSession();
  if (account.isPending) return <PageLoader />;
  if (account.isError) return <LoadError error={account.error} onRetry={() => account.refetch()} />;
  const a = account.data;
  return (
    <>
      <Anchor component={Link} to="/money/accounts" size="sm">
        ← {t('money.account.back')}
      </Anchor>
      <PageHeader
        title={a.name}
        description={`${t(`money.kind.${a.kind}`)}${a.iban ? ` · ${a.bankName} · ${a.iban}` : ''}`}
        actions={
          <Text fw={700} size="lg" data-testid="balance">
            {formatMoney(a.balanceCents, currentLocale())}
          </Text>
        }
      />
      <Stack gap="md">
        <MovementForm account={a} />
        {a.kind === 'cash' && <DayReportCard account={a} />}
        {a.kind === 'bank' &&
          !a.archived &&
          canCall(user.role, 'POST /api/v1/money-accounts/:id/bank-statement/preview') && (
            <Card withBorder radius="md" padding="md">
              <Anchor component={Link} to={`/money/accounts/${a.id}/bank-statement`}>
                {t('payments.bank.open')}
              </Anchor>
            </Card>
          )}
        <Movements account={a} />
      </Stack>
    </>
  );
}

type FormKind = 'cash_in' | 'cash_out' | 'expense' | 'transfer';

function MovementForm({ account }: { account: MoneyAccount }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const full = canCall(user.role, 'POST /api/v1/money-movements');
  const cashOnly =
    !full && account.kind === 'cash' && canCall(user.role, 'POST /api/v1/money-accounts/:id/cash');
  const accounts = useMoneyAccounts();
  const createFull = useCreateMovement();
  const createCash = useCreateCashEntry(account.id);
  const [kind, setKind] = useState<FormKind>('cash_in');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState<string | null>(today());
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState('');
  const [toAccountId, setToAccountId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [taskId, setTaskId] = useState(newTaskId);
  const [unknownTask, setUnknownTask] = useState(false);
  if (!full && !cashOnly) return null;
  const kinds: FormKind[] = cashOnly
    ? ['cash_in', 'cash_out']
    : ['cash_in', 'cash_out', 'expense', 'transfer'];
  const submit = (afterUnknown?: 'reprint') => {
    setErrors({});
    setFailure(null);
    const amountCents = textToCents(amount);
    const base = {
      date: date ?? '',
      amountCents,
      reason,
      ...(account.fiscalDevice ? { taskId, ...(afterUnknown ? { afterUnknown } : {}) } : {}),
    };
    const handlers = {
      onSuccess: (m: { number: string }) => {
        notifications.show({ color: 'green', message: t('money.movement.saved', { number: m.number }) });
        setAmount('');
        setReason('');
        setCategory('');
        setTaskId(newTaskId());
        setUnknownTask(false);
      },
      onError: (err: Error) => {
        if (err instanceof ApiError) setErrors(err.fieldErrors());
        setFailure(messageOf(err));
        setUnknownTask(err instanceof ApiError && err.code === 'fiscal_task_unknown');
        if (!isOpenTask(err)) setTaskId(newTaskId());
      },
    };
    if (cashOnly) createCash.mutate({ kind: kind as 'cash_in' | 'cash_out', ...base }, handlers);
    else
      createFull.mutate(
        {
          kind,
          accountId: account.id,
          ...base,
          ...(kind === 'expense' && category.trim() ? { category } : {}),
          ...(kind === 'transfer' ? { toAccountId: toAccountId ?? '' } : {}),
        },
        handlers,
      );
  };
  const others = (accounts.data?.items ?? []).filter((a) => a.id !== account.id);
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        aria-label={t('money.movement.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('money.movement.title')}
          </Title>
          {account.fiscalDevice && (
            <Text size="sm" c="dimmed">
              {t('money.fiscal.formHint')}
            </Text>
          )}
          <FormAlert message={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('money.movement.kind')}
              value={kind}
              onChange={(v) => v && setKind(v as FormKind)}
              allowDeselect={false}
              data={kinds.map((k) => ({ value: k, label: t(`money.movement.kinds.${k}`) }))}
              error={errors.kind}
            />
            <TextInput
              label={t('money.movement.amount')}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.amountCents}
            />
            <DateField
              label={t('money.movement.date')}
              required
              value={date}
              onChange={setDate}
              error={errors.date}
            />
            {kind === 'transfer' && (
              <Select
                label={t('money.movement.toAccount')}
                required
                value={toAccountId}
                onChange={setToAccountId}
                data={others.map((a) => ({ value: a.id, label: a.name }))}
                error={errors.toAccountId}
              />
            )}
            {kind === 'expense' && (
              <TextInput
                label={t('money.movement.category')}
                value={category}
                onChange={(e) => setCategory(e.currentTarget.value)}
                error={errors.category}
              />
            )}
          </SimpleGrid>
          <TextInput
            label={t('money.movement.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end">
            {unknownTask && (
              <Button
                variant="outline"
                color="orange"
                onClick={() => submit('reprint')}
                loading={createFull.isPending || createCash.isPending}
              >
                {t('money.fiscal.reprint')}
              </Button>
            )}
            <Button type="submit" loading={createFull.isPending || createCash.isPending}>
              {t('money.movement.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DayReportCard({ account }: { account: MoneyAccount }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [date, setDate] = useState<string | null>(today());
  const day = date ?? today();
  const link = (language: 'bg' | 'bg+en', label: string) => (
    <Anchor href={dayReportPdfUrl(account.id, day, language)} target="_blank" rel="noopener" size="sm">
      <Group gap={6} wrap="nowrap" component="span">
        <IconFileTypePdf size={16} />
        {label}
      </Group>
    </Anchor>
  );
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Group gap="md" align="flex-end">
          <DateField label={t('money.account.reportDate')} value={date} onChange={setDate} w={170} />
          {link('bg', t('money.account.dayReport'))}
          {link('bg+en', t('money.account.dayReportBoth'))}
        </Group>
        {account.fiscalDevice && <Reconciliation account={account} day={day} />}
        <DaySales account={account} day={day} />
        {canCall(user.role, 'PATCH /api/v1/money-accounts/:id') && !account.archived && (
          <FiscalTillSwitch account={account} />
        )}
      </Stack>
    </Card>
  );
}

type SalesPlace = DayReport['sales']['places'][number];
type SalesDevice = DayReport['sales']['devices'][number];

/**
 * The day's fiscal receipts and stornos of the desk by site · workstation · device (FIS-05, ADR 0043): count, total
 * and payment method per place, then per device the desk's part against all the device printed that day — what its
 * Z report counts (FIS-03).
 */
function DaySales({ account, day }: { account: MoneyAccount; day: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const report = useDayReport(account.id, day, 'z_report');
  const sales = report.data?.sales;
  const money = (cents: number) => formatMoney(cents, locale);
  const deviceOf = (x: {
    deviceId: string | null;
    deviceName: string | null;
    fiscalNumber: string | null;
  }) => (x.deviceId ? [x.deviceName, x.fiscalNumber].filter(Boolean).join(' ') : t('money.sales.noDevice'));
  const counted = (n: number, cents: number) => `${n} · ${money(cents)}`;
  const methods = (p: SalesPlace) =>
    p.byMethod.map((m) => `${t(`money.sales.${m.method}`)} ${money(m.netCents)}`).join(' · ');
  return (
    <Stack gap="xs" component="section" aria-label={t('money.sales.title')} data-testid="day-sales">
      <Title order={3} size="h5">
        {t('money.sales.title')}
      </Title>
      {report.isError && <FormAlert message={messageOf(report.error)} />}
      {sales && !sales.places.length && (
        <Text size="sm" c="dimmed" data-testid="day-sales-none">
          {t('money.sales.none')}
        </Text>
      )}
      {sales && sales.places.length > 0 && (
        <>
          <ResponsiveTable<SalesPlace>
            rows={sales.places}
            rowKey={(p) => `${p.siteId}|${p.workstationId}|${p.deviceId}`}
            rowTestId="day-sales-place"
            columns={[
              {
                key: 'place',
                header: t('money.sales.place'),
                render: (p) => [p.siteName, p.workstationName].filter(Boolean).join(' · ') || '—',
                phone: 'title',
              },
              { key: 'device', header: t('money.sales.device'), render: deviceOf, phone: 'primary' },
              {
                key: 'receipts',
                header: t('money.sales.receipts'),
                render: (p) => counted(p.receipts, p.receiptsCents),
                align: 'right',
                phone: 'primary',
              },
              {
                key: 'stornos',
                header: t('money.sales.stornos'),
                render: (p) => counted(p.stornos, p.stornosCents),
                align: 'right',
                phone: 'primary',
              },
              { key: 'methods', header: t('money.sales.byMethod'), render: methods, phone: 'primary' },
              { key: 'net', header: t('money.sales.net'), render: (p) => money(p.netCents), align: 'right' },
            ]}
            totals={{
              label: t('money.sales.total'),
              cells: {
                receipts: counted(sales.total.receipts, sales.total.receiptsCents),
                stornos: counted(sales.total.stornos, sales.total.stornosCents),
                net: <span data-testid="day-sales-net">{money(sales.total.netCents)}</span>,
              },
            }}
          />
          {sales.devices.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('money.sales.byDevice')}
              </Text>
              <ResponsiveTable<SalesDevice>
                rows={sales.devices}
                rowKey={(d) => d.deviceId}
                rowTestId="day-sales-device"
                columns={[
                  { key: 'device', header: t('money.sales.device'), render: deviceOf, phone: 'title' },
                  {
                    key: 'own',
                    header: t('money.sales.thisDesk'),
                    render: (d) => money(d.netCents),
                    align: 'right',
                    phone: 'primary',
                  },
                  {
                    key: 'day',
                    header: t('money.sales.deviceDay'),
                    render: (d) => money(d.deviceDay.netCents),
                    align: 'right',
                    phone: 'primary',
                  },
                  {
                    key: 'z',
                    header: t('money.sales.zReport'),
                    render: (d) =>
                      d.zReports.length
                        ? d.zReports
                            .map((z) =>
                              new Date(z.at).toLocaleTimeString(locale === 'bg' ? 'bg-BG' : 'en-GB', {
                                timeZone: 'Europe/Sofia',
                                hour: '2-digit',
                                minute: '2-digit',
                              }),
                            )
                            .join(', ')
                        : t('money.sales.noZ'),
                    phone: 'primary',
                  },
                  {
                    key: 'matches',
                    header: t('money.sales.check'),
                    render: (d) => (
                      <Badge color={d.matchesDevice ? 'teal' : 'orange'} variant="light">
                        {d.matchesDevice ? t('money.sales.matches') : t('money.sales.otherAccounts')}
                      </Badge>
                    ),
                    phone: 'primary',
                  },
                ]}
              />
            </>
          )}
          {sales.total.notPrinted > 0 && (
            <Text size="sm" c="orange">
              {t('money.sales.notPrinted', { count: sales.total.notPrinted })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** Ties the cash desk to the fiscal device, or unties it (one till per device). */
function FiscalTillSwitch({ account }: { account: MoneyAccount }) {
  const { t } = useTranslation();
  const update = useUpdateMoneyAccount(account.id);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Stack gap={4}>
      <Checkbox
        label={t('money.fiscal.till')}
        description={t('money.fiscal.tillHint')}
        checked={account.fiscalDevice}
        disabled={update.isPending}
        onChange={(e) => {
          setFailure(null);
          update.mutate(
            { fiscalDevice: e.currentTarget.checked },
            { onError: (err) => setFailure(messageOf(err)) },
          );
        }}
      />
      <FormAlert message={failure} />
    </Stack>
  );
}

/** The till against the fiscal device (FIS-03): closing balance, the device's cash, the difference, flagged. */
function Reconciliation({ account, day }: { account: MoneyAccount; day: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const [live, setLive] = useState(false);
  const isToday = day === today();
  const report = useDayReport(account.id, day, live && isToday ? 'live' : 'z_report');
  const zReport = useCashDeskZReport(account.id);
  const [confirm, setConfirm] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const canZ = canCall(user.role, 'POST /api/v1/money-accounts/:id/z-report') && isToday;
  const x: FiscalReconciliation | null | undefined = report.data?.fiscal;
  const money = (cents: number) => formatMoney(cents, locale);
  const row = (label: string, value: string, testId: string, strong = false) => (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Stack gap="xs" aria-label={t('money.fiscal.title')} component="section">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          {t('money.fiscal.title')}
        </Title>
        {x && x.reconciled !== null && (
          <Badge color={x.reconciled ? 'teal' : 'red'} data-testid="reconciled">
            {x.reconciled ? t('money.fiscal.reconciled') : t('money.fiscal.difference')}
          </Badge>
        )}
      </Group>
      {report.isError && <FormAlert message={messageOf(report.error)} />}
      {x && (
        <>
          {row(t('money.account.closing'), money(x.closingCents), 'fiscal-closing')}
          {x.deviceCashCents === null ? (
            <Text size="sm" c="dimmed">
              {t('money.fiscal.noZReport')}
            </Text>
          ) : (
            <>
              {row(
                x.source === 'live' ? t('money.fiscal.deviceCashLive') : t('money.fiscal.deviceCashZ'),
                money(x.deviceCashCents),
                'fiscal-device-cash',
              )}
              {row(
                t('money.fiscal.differenceLabel'),
                money(x.differenceCents ?? 0),
                'fiscal-difference',
                true,
              )}
              {x.readAt && (
                <Text size="xs" c="dimmed">
                  {t('money.fiscal.readAt', {
                    at: new Date(x.readAt).toLocaleString(locale === 'bg' ? 'bg-BG' : 'en-GB', {
                      timeZone: 'Europe/Sofia',
                    }),
                  })}
                </Text>
              )}
            </>
          )}
          {x.reconciled === false && (
            <Alert color="red" variant="light" p="xs">
              {t('money.fiscal.differenceHint')}
            </Alert>
          )}
          {x.notFiscalised > 0 && (
            <Text size="xs" c="orange">
              {t('money.fiscal.notFiscalised', { count: x.notFiscalised })}
            </Text>
          )}
        </>
      )}
      <FormAlert message={failure} />
      <Group gap="sm">
        {isToday && (
          <Button size="xs" variant="light" onClick={() => setLive(true)} loading={report.isFetching && live}>
            {t('money.fiscal.readNow')}
          </Button>
        )}
        {canZ && (
          <Button size="xs" color="orange" onClick={() => setConfirm(true)}>
            {t('money.fiscal.zReport')}
          </Button>
        )}
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('money.fiscal.zReport')}>
        <Stack gap="sm">
          <Text size="sm">{t('money.fiscal.zConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('money.form.cancel')}
            </Button>
            <Button
              color="orange"
              loading={zReport.isPending}
              onClick={() => {
                setFailure(null);
                zReport.mutate(undefined, {
                  onSuccess: () => {
                    setLive(false);
                    setConfirm(false);
                    notifications.show({ color: 'green', message: t('money.fiscal.zDone') });
                  },
                  onError: (err) => {
                    setConfirm(false);
                    setFailure(messageOf(err));
                  },
                });
              }}
            >
              {t('money.fiscal.zRun')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Movements({ account }: { account: MoneyAccount }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const moves = useAccountMovements(account.id, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <DateField label={t('money.account.from')} value={from} onChange={setFrom} clearable w={160} />
        <DateField label={t('money.account.to')} value={to} onChange={setTo} clearable w={160} />
      </Group>
      {moves.isPending ? (
        <PageLoader />
      ) : moves.isError ? (
        <LoadError error={moves.error} onRetry={() => moves.refetch()} />
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('money.account.opening')}
            </Text>
            <Text size="sm">{formatMoney(moves.data.openingCents, locale)}</Text>
          </Group>
          {moves.data.items.length === 0 ? (
            <Text c="dimmed">{t('money.account.empty')}</Text>
          ) : (
            moves.data.items.map((m) => <MovementCard key={m.id} movement={m} />)
          )}
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('money.account.closing')}
            </Text>
            <Text size="sm" fw={600}>
              {formatMoney(moves.data.closingCents, locale)}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}

function MovementCard({ movement: m }: { movement: AccountMovement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canReverse =
    m.kind !== 'reversal' &&
    m.kind !== 'customer_payment' &&
    !m.reversedById &&
    canCall(user.role, 'POST /api/v1/money-movements/:id/reverse');
  return (
    <Card withBorder radius="sm" padding="sm" component="article" aria-label={m.number}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {t(`money.movement.kinds.${m.kind}`)}
            </Text>
            {m.reversedById && (
              <Badge size="xs" color="gray">
                {t('money.account.reversed')}
              </Badge>
            )}
            {m.fiscalStatus && (
              <Badge size="xs" variant="light" color={m.fiscalStatus === 'printed' ? 'teal' : 'orange'}>
                {t(`money.fiscal.status.${m.fiscalStatus}`)}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            № {m.number} · {formatDate(m.date, locale)}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {[m.reason, m.category, m.counterAccountName, m.partyName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fw={700} c={m.amountCents < 0 ? 'red' : 'teal'}>
            {formatMoney(m.amountCents, locale)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('money.account.balanceAfter', { amount: formatMoney(m.balanceCents, locale) })}
          </Text>
          {canReverse && <ReverseButton movement={m} />}
        </Stack>
      </Group>
    </Card>
  );
}

function ReverseButton({ movement }: { movement: AccountMovement }) {
  const { t } = useTranslation();
  const reverse = useReverseMovement();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // A reversal on the fiscal till goes to the device too: the same task id until the device has answered.
  const [taskId, setTaskId] = useState(newTaskId);
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('money.reverse.action')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('money.reverse.title', { number: movement.number })}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setFailure(null);
            reverse.mutate(
              { id: movement.id, reason, ...(movement.fiscalStatus ? { taskId } : {}) },
              {
                onSuccess: (m) => {
                  setTaskId(newTaskId());
                  notifications.show({
                    color: 'green',
                    message: t('money.movement.saved', { number: m.number }),
                  });
                  setOpen(false);
                },
                onError: (err) => {
                  setFailure(messageOf(err));
                  if (!isOpenTask(err)) setTaskId(newTaskId());
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <FormAlert message={failure} />
            <TextInput
              label={t('money.movement.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={reverse.isPending}>
                {t('money.reverse.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
