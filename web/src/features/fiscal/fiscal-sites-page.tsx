import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FiscalSite } from '@servix/server/modules/fiscal/fiscal.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, chooseWorkstation, currentWorkstation, messageOf } from '../../api/client';
import { type FiscalSiteWrite, useFiscalSites, useWriteFiscalSite } from '../../api/fiscal';
import { useMoneyAccounts } from '../../api/money';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';

/** One form's submit: the write, its field errors and its message. */
function useSubmit() {
  const { t } = useTranslation();
  const write = useWriteFiscalSite();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (w: FiscalSiteWrite, done?: () => void) => {
    setErrors({});
    setFailure(null);
    write.mutate(w, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('fiscalSites.saved') });
        done?.();
      },
      onError: (err) => {
        if (err instanceof ApiError) setErrors(err.fieldErrors());
        setFailure(messageOf(err));
      },
    });
  };
  return { submit, errors, failure, pending: write.isPending };
}

function NewSiteForm() {
  const { t } = useTranslation();
  const { submit, errors, failure, pending } = useSubmit();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  return (
    <Card withBorder radius="md" padding="md">
      <form
        noValidate
        aria-label={t('fiscalSites.newSite')}
        onSubmit={(e) => {
          e.preventDefault();
          submit({ entity: 'site', body: { name, address, napSiteCode: code || null } }, () => {
            setName('');
            setAddress('');
            setCode('');
          });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('fiscalSites.newSite')}
          </Title>
          <FormAlert message={failure} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('fiscalSites.siteName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('fiscalSites.address')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={errors.address}
            />
            <TextInput
              label={t('fiscalSites.napSiteCode')}
              description={t('fiscalSites.napSiteCodeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.napSiteCode}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={pending}>
              {t('fiscalSites.addSite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewDeviceForm({ site }: { site: FiscalSite }) {
  const { t } = useTranslation();
  const { submit, errors, failure, pending } = useSubmit();
  const accounts = useMoneyAccounts();
  const [name, setName] = useState('');
  const [fiscalNumber, setFiscalNumber] = useState('');
  const [serverUrl, setServerUrl] = useState('http://localhost:8001');
  const [printerId, setPrinterId] = useState('');
  const [operator, setOperator] = useState('');
  const [cashDeskId, setCashDeskId] = useState<string | null>(null);
  const desks = (accounts.data?.items ?? []).filter((a) => a.kind === 'cash' && !a.archived);
  return (
    <form
      noValidate
      aria-label={t('fiscalSites.newDevice')}
      onSubmit={(e) => {
        e.preventDefault();
        submit(
          {
            entity: 'device',
            body: {
              siteId: site.id,
              name,
              kind: printerId ? 'erpnet_fp' : 'none',
              ...(printerId ? { serverUrl, printerId, operator: operator || null } : {}),
              fiscalNumber: fiscalNumber || null,
              cashDeskId,
            },
          },
          () => {
            setName('');
            setFiscalNumber('');
            setPrinterId('');
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('fiscalSites.newDevice')}
        </Text>
        <FormAlert message={failure} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('fiscalSites.deviceName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('fiscalSites.fiscalNumber')}
            description={t('fiscalSites.fiscalNumberHint')}
            value={fiscalNumber}
            onChange={(e) => setFiscalNumber(e.currentTarget.value.toUpperCase())}
            error={errors.fiscalNumber}
          />
          <Select
            label={t('fiscalSites.cashDesk')}
            clearable
            data={desks.map((a) => ({ value: a.id, label: a.name }))}
            value={cashDeskId}
            onChange={setCashDeskId}
            error={errors.cashDeskId}
          />
          <TextInput
            label={t('fiscal.serverUrl')}
            value={serverUrl}
            onChange={(e) => setServerUrl(e.currentTarget.value)}
            error={errors.serverUrl}
            inputMode="url"
          />
          <TextInput
            label={t('fiscal.printerId')}
            description={t('fiscalSites.printerIdHint')}
            value={printerId}
            onChange={(e) => setPrinterId(e.currentTarget.value)}
            error={errors.printerId}
          />
          <TextInput
            label={t('fiscal.operator')}
            value={operator}
            onChange={(e) => setOperator(e.currentTarget.value)}
            error={errors.operator}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={pending}>
            {t('fiscalSites.addDevice')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewWorkstationForm({ site }: { site: FiscalSite }) {
  const { t } = useTranslation();
  const { submit, errors, failure, pending } = useSubmit();
  const [name, setName] = useState('');
  // Undefined: the site's first device (devices added after the form appeared included); null: none chosen.
  const [chosen, setDeviceId] = useState<string | null | undefined>(undefined);
  const deviceId = chosen === undefined ? (site.devices[0]?.id ?? null) : chosen;
  return (
    <form
      noValidate
      aria-label={t('fiscalSites.newWorkstation')}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ entity: 'workstation', body: { siteId: site.id, name, deviceId } }, () => setName(''));
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('fiscalSites.newWorkstation')}
        </Text>
        <FormAlert message={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('fiscalSites.workstationName')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t('fiscalSites.workstationDevice')}
            clearable
            data={site.devices.map((d) => ({ value: d.id, label: d.name }))}
            value={deviceId}
            onChange={setDeviceId}
            error={errors.deviceId}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={pending}>
            {t('fiscalSites.addWorkstation')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SiteCard({
  site,
  canWrite,
  mine,
  onChoose,
}: {
  site: FiscalSite;
  canWrite: boolean;
  mine: string | null;
  onChoose: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { submit } = useSubmit();
  return (
    <Card withBorder radius="md" padding="md" data-testid="fiscal-site">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {site.name}
          </Title>
          <Text size="sm" c="dimmed">
            {[site.address, site.napSiteCode ? t('fiscalSites.codeIs', { code: site.napSiteCode }) : null]
              .filter(Boolean)
              .join(' · ') || t('fiscalSites.noAddress')}
          </Text>
        </div>
        <Text fw={600} size="sm">
          {t('fiscalSites.devices')}
        </Text>
        {site.devices.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('fiscalSites.noDevices')}
          </Text>
        )}
        {site.devices.map((d) => (
          <Card key={d.id} withBorder radius="sm" padding="sm" data-testid="fiscal-device">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={500}>{d.name}</Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[
                    d.fiscalNumber ?? d.serialNumber ?? t('fiscalSites.noNumber'),
                    d.kind === 'erpnet_fp' ? `ErpNet.FP ${d.printerId ?? ''}` : t('fiscal.kind.none'),
                  ].join(' · ')}
                </Text>
              </Stack>
              <Group gap="xs">
                {d.isDefault && <Badge variant="light">{t('fiscalSites.default')}</Badge>}
                <Switch
                  label={t('fiscalSites.active')}
                  checked={d.active}
                  disabled={!canWrite}
                  onChange={(e) =>
                    submit({ entity: 'device-patch', id: d.id, body: { active: e.currentTarget.checked } })
                  }
                />
              </Group>
            </Group>
          </Card>
        ))}
        <Text fw={600} size="sm">
          {t('fiscalSites.workstations')}
        </Text>
        {site.workstations.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('fiscalSites.noWorkstations')}
          </Text>
        )}
        {site.workstations.map((w) => (
          <Card key={w.id} withBorder radius="sm" padding="sm" data-testid="fiscal-workstation">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text fw={500}>{w.name}</Text>
                <Text size="sm" c="dimmed">
                  {t('fiscalSites.printsOn', { device: w.deviceName ?? t('fiscalSites.defaultDevice') })}
                </Text>
              </Stack>
              {mine === w.id ? (
                <Group gap="xs">
                  <Badge color="green">{t('fiscalSites.thisBrowser')}</Badge>
                  <Button size="compact-sm" variant="subtle" onClick={() => onChoose(null)}>
                    {t('fiscalSites.forget')}
                  </Button>
                </Group>
              ) : (
                <Button size="compact-sm" variant="light" onClick={() => onChoose(w.id)}>
                  {t('fiscalSites.useHere')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
        {canWrite && (
          <>
            <NewDeviceForm site={site} />
            <NewWorkstationForm site={site} />
          </>
        )}
      </Stack>
    </Card>
  );
}

/**
 * Settings → sale sites (ADR 0041): each търговски обект with its fiscal devices and workstations, and this browser's
 * workstation — the till a sale made here is printed on.
 */
export function FiscalSitesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'POST /api/v1/fiscal-sites');
  const sites = useFiscalSites();
  const [mine, setMine] = useState(currentWorkstation());
  const choose = (id: string | null) => {
    chooseWorkstation(id);
    setMine(id);
    notifications.show({ color: 'green', message: t(id ? 'fiscalSites.chosen' : 'fiscalSites.forgotten') });
  };
  return (
    <Stack gap="md">
      <PageHeader title={t('fiscalSites.title')} description={t('fiscalSites.description')} />
      {sites.isPending ? (
        <PageLoader />
      ) : sites.isError ? (
        <LoadError error={sites.error} onRetry={() => sites.refetch()} />
      ) : (
        <>
          {sites.data.items.length === 0 && <Text c="dimmed">{t('fiscalSites.none')}</Text>}
          {sites.data.items.map((s) => (
            <SiteCard key={s.id} site={s} canWrite={canWrite} mine={mine} onChoose={choose} />
          ))}
          {canWrite && <NewSiteForm />}
        </>
      )}
    </Stack>
  );
}
