import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type {
  FiscalActionAnswer,
  FiscalDeviceKind,
  FiscalDeviceSettings,
  FiscalDeviceTestAnswer,
} from '@servix/server/modules/fiscal/fiscal.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import {
  type FiscalDeviceAction,
  useFiscalDeviceAction,
  useFiscalDeviceSettings,
  useSaveFiscalDeviceSettings,
  useTestFiscalDevice,
} from '../../api/fiscal';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { textToCents } from '../../ui/typed-values';

/** A task the device may or may not have done: the server names it so that it can be asked about again (FP-04). */
type Outcome =
  | { kind: 'ok'; text: string; warnings: string[] }
  | { kind: 'error'; text: string; taskId: string | null; unknown: boolean };

function SettingsForm({ settings }: { settings: FiscalDeviceSettings }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'PUT /api/v1/fiscal-device');
  const save = useSaveFiscalDeviceSettings();
  const [kind, setKind] = useState<FiscalDeviceKind>(settings.kind);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl ?? 'http://localhost:8001');
  const [printerId, setPrinterId] = useState(settings.printerId ?? '');
  const [operator, setOperator] = useState(settings.operator ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (removePassword = false) => {
    setFailure(null);
    setErrors({});
    save.mutate(
      {
        kind,
        ...(kind === 'erpnet_fp' ? { serverUrl, printerId, operator: operator || null } : {}),
        ...(removePassword ? { operatorPassword: null } : password ? { operatorPassword: password } : {}),
      },
      {
        onSuccess: () => {
          setPassword('');
          notifications.show({ color: 'green', message: t('fiscal.saved') });
        },
        onError: (err) => {
          if (err instanceof ApiError) setErrors(err.fieldErrors());
          setFailure(messageOf(err));
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        aria-label={t('fiscal.settings')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('fiscal.settings')}
          </Title>
          <FormAlert message={failure} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="fiscal-kind-label">
              {t('fiscal.kind.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="fiscal-kind-label"
              disabled={!canWrite}
              value={kind}
              onChange={(v) => setKind(v as FiscalDeviceKind)}
              data={[
                { value: 'none', label: t('fiscal.kind.none') },
                { value: 'erpnet_fp', label: t('fiscal.kind.erpnet_fp') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          {kind === 'none' ? (
            <Text size="sm" c="dimmed">
              {t('fiscal.noneHint')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('fiscal.serverUrl')}
                required
                disabled={!canWrite}
                value={serverUrl}
                onChange={(e) => setServerUrl(e.currentTarget.value)}
                error={errors.serverUrl}
                inputMode="url"
              />
              <TextInput
                label={t('fiscal.printerId')}
                description={t('fiscal.printerIdHint')}
                required
                disabled={!canWrite}
                value={printerId}
                onChange={(e) => setPrinterId(e.currentTarget.value)}
                error={errors.printerId}
              />
              <TextInput
                label={t('fiscal.operator')}
                disabled={!canWrite}
                value={operator}
                onChange={(e) => setOperator(e.currentTarget.value)}
                error={errors.operator}
              />
              <PasswordInput
                label={t('fiscal.password')}
                description={settings.passwordSet ? t('fiscal.passwordKept') : undefined}
                disabled={!canWrite}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.operatorPassword}
                autoComplete="new-password"
              />
            </SimpleGrid>
          )}
          <Text size="sm" c="dimmed">
            {t('fiscal.currencyToday', {
              currency: settings.currencyToday,
              date: formatDate(settings.eurFrom, currentLocale()),
            })}
          </Text>
          {canWrite && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('fiscal.save')}
              </Button>
              {settings.passwordSet && kind === 'erpnet_fp' && (
                <Button variant="subtle" color="red" onClick={() => submit(true)} disabled={save.isPending}>
                  {t('fiscal.removePassword')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function OutcomeAlert({
  outcome,
  onRetry,
}: {
  outcome: Outcome | null;
  onRetry: (reprint: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.kind === 'ok')
    return (
      <Alert color="green" role="status" title={outcome.text}>
        {outcome.warnings.map((w) => (
          <Text key={w} size="sm">
            {t('fiscal.warning', { text: w })}
          </Text>
        ))}
      </Alert>
    );
  return (
    <Alert color="red" role="alert">
      <Stack gap="xs">
        <Text size="sm">{outcome.text}</Text>
        {outcome.taskId && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => onRetry(false)}>
              {t('fiscal.checkAgain')}
            </Button>
            {outcome.unknown && (
              <Button size="xs" variant="light" color="red" onClick={() => onRetry(true)}>
                {t('fiscal.reprint')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function DeviceCard({ settings }: { settings: FiscalDeviceSettings }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canOperate = canCall(user.role, 'POST /api/v1/fiscal-device/x-report');
  const test = useTestFiscalDevice();
  const act = useFiscalDeviceAction();
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmZ, setConfirmZ] = useState(false);
  const busy = test.isPending || act.isPending;

  const failed = (err: unknown) => {
    const problem =
      err instanceof ApiError ? (err.problem as ApiError['problem'] & { taskId?: string }) : null;
    setOutcome({
      kind: 'error',
      text: messageOf(err),
      taskId: problem?.taskId && /^fiscal_task_(unknown|pending)$/.test(problem.code) ? problem.taskId : null,
      unknown: problem?.code === 'fiscal_task_unknown',
    });
  };
  const succeeded = (answer: FiscalActionAnswer) =>
    setOutcome({
      kind: 'ok',
      text: t(`fiscal.done.${answer.action}`, {
        amount: formatMoney(answer.amountCents ?? 0, locale, answer.currency ?? 'EUR'),
      }),
      warnings: answer.warnings.map((w) => w.text),
    });
  const run = (a: FiscalDeviceAction) => {
    setOutcome(null);
    act.mutate(a, { onSuccess: succeeded, onError: failed });
  };
  const lastTask = outcome?.kind === 'error' ? outcome.taskId : null;
  const money = (action: 'deposit' | 'withdraw') => {
    const c = textToCents(amount);
    if (!Number.isInteger(c) || c <= 0) {
      setAmountError(t('fiscal.amountInvalid'));
      return;
    }
    setAmountError(null);
    run({ action, amountCents: c });
  };
  const tested = (a: FiscalDeviceTestAnswer) =>
    setOutcome({
      kind: 'ok',
      text: t('fiscal.testOk', {
        model: `${a.manufacturer} ${a.model}`.trim(),
        serial: a.serialNumber,
        time: a.deviceDateTime ? a.deviceDateTime.replace('T', ' ') : '—',
      }),
      warnings: [
        ...a.messages.filter((m) => m.type !== 'info').map((m) => m.text),
        // FIS-05 (ADR 0037): sales are not printed while the device's clock is off by more than 2 minutes.
        ...(a.clockInSync === false
          ? [t('fiscal.clockOff', { minutes: Math.round((a.clockSkewSeconds ?? 0) / 60) })]
          : []),
      ],
    });

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('fiscal.device')}
        </Title>
        {settings.device ? (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4}>
            <Text size="sm">
              {t('fiscal.serialNumber')}: <b>{settings.device.serialNumber ?? '—'}</b>
            </Text>
            <Text size="sm">
              {t('fiscal.fiscalMemory')}: <b>{settings.device.fiscalMemorySerialNumber ?? '—'}</b>
            </Text>
            <Text size="sm">
              {t('fiscal.model')}: <b>{settings.device.model ?? '—'}</b>
            </Text>
            <Text size="sm">
              {t('fiscal.checkedAt')}: <b>{formatInstant(settings.device.checkedAt, locale)}</b>
            </Text>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('fiscal.notChecked')}
          </Text>
        )}
        {canOperate && (
          <>
            <Group>
              <Button
                variant="light"
                loading={test.isPending}
                disabled={busy}
                onClick={() => {
                  setOutcome(null);
                  test.mutate(undefined, { onSuccess: tested, onError: failed });
                }}
              >
                {t('fiscal.test')}
              </Button>
            </Group>

            <Title order={4} size="h5" mt="sm">
              {t('fiscal.actions')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('fiscal.actionsHint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={busy} onClick={() => run({ action: 'x-report' })}>
                {t('fiscal.xReport')}
              </Button>
              <Button variant="default" disabled={busy} onClick={() => setConfirmZ(true)}>
                {t('fiscal.zReport')}
              </Button>
              <Button variant="default" disabled={busy} onClick={() => run({ action: 'duplicate' })}>
                {t('fiscal.duplicate')}
              </Button>
            </Group>
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('fiscal.amount')}
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
                error={amountError}
                inputMode="decimal"
                rightSection={<Text size="sm">{settings.currencyToday === 'EUR' ? '€' : 'лв.'}</Text>}
                w={180}
              />
              <Button variant="default" disabled={busy} onClick={() => money('deposit')}>
                {t('fiscal.deposit')}
              </Button>
              <Button variant="default" disabled={busy} onClick={() => money('withdraw')}>
                {t('fiscal.withdraw')}
              </Button>
            </Group>
            <OutcomeAlert
              outcome={outcome}
              onRetry={(reprint) =>
                lastTask &&
                run({ action: 'retry', taskId: lastTask, ...(reprint ? { afterUnknown: 'reprint' } : {}) })
              }
            />
          </>
        )}
      </Stack>
      <Modal opened={confirmZ} onClose={() => setConfirmZ(false)} title={t('fiscal.zConfirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('fiscal.zConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmZ(false)}>
              {t('fiscal.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirmZ(false);
                run({ action: 'z-report' });
              }}
            >
              {t('fiscal.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The fiscal device: its setting (none or ErpNet.FP), a test, and the till's actions on it (ADR 0017). */
export function FiscalDevicePage() {
  const { t } = useTranslation();
  const settings = useFiscalDeviceSettings();
  return (
    <Stack gap={0}>
      <PageHeader title={t('fiscal.title')} description={t('fiscal.description')} />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Stack gap="md" maw={900}>
          <SettingsForm key={settings.data.updatedAt ?? 'new'} settings={settings.data} />
          {settings.data.kind === 'erpnet_fp' && <DeviceCard settings={settings.data} />}
        </Stack>
      )}
    </Stack>
  );
}
