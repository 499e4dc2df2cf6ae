import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addDays, todayDate } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import type { VisitSettings } from '@servix/server/modules/visits/visits.schema';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../api/client';
import { scheduleKey, useActiveTechnicians } from '../../api/visits';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { SectionCard } from '../../ui/detail';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { CustomerPicker, SitePicker } from '../items/pickers';

const settingsKey = [...scheduleKey, 'settings'] as const;
const daysOffKey = [...scheduleKey, 'days-off'] as const;

interface DayOff {
  id: string;
  technicianId: string | null;
  date: string;
  note: string | null;
}

/** The planning settings (ADR 0034): default travel and visit times, the slot step, a site's travel, days off. */
export function PlanningSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<VisitSettings>('/visit-settings'),
  });
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('visits.settings.title')} description={t('visits.settings.description')} />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.error ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <DefaultsCard settings={settings.data} />
      )}
      <SiteTravelCard />
      <DaysOffCard />
    </Stack>
  );
}

function useMayWrite() {
  const { user } = useSession();
  return canCall(user?.role, 'PUT /api/v1/visit-settings');
}

function DefaultsCard({ settings }: { settings: VisitSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite();
  const [travel, setTravel] = useState<number | string>(settings.defaultTravelMinutes);
  const [visit, setVisit] = useState<number | string>(settings.defaultVisitMinutes);
  const [step, setStep] = useState<number | string>(settings.slotStepMinutes);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.put<VisitSettings>('/visit-settings', {
        defaultTravelMinutes: Number(travel),
        defaultVisitMinutes: Number(visit),
        slotStepMinutes: Number(step),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKey }),
  });
  return (
    <SectionCard title={t('visits.settings.defaults')}>
      <form
        noValidate
        aria-label={t('visits.settings.defaults')}
        onSubmit={(e) => {
          e.preventDefault();
          setFailure(null);
          save.mutate(undefined, {
            onSuccess: () => notifications.show({ color: 'green', message: t('visits.settings.saved') }),
            onError: (error) => setFailure(messageOf(error)),
          });
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('visits.settings.travel')}
              value={travel}
              onChange={setTravel}
              min={0}
              max={600}
              readOnly={!mayWrite}
            />
            <NumberInput
              label={t('visits.settings.visit')}
              value={visit}
              onChange={setVisit}
              min={5}
              max={1440}
              readOnly={!mayWrite}
            />
            <NumberInput
              label={t('visits.settings.step')}
              value={step}
              onChange={setStep}
              min={5}
              max={240}
              readOnly={!mayWrite}
            />
          </SimpleGrid>
          {mayWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('visits.settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

function SiteTravelCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite();
  const [partyId, setPartyId] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<number | string>('');
  const save = useMutation({
    mutationFn: () =>
      api.put(`/visit-settings/sites/${encodeURIComponent(siteId ?? '')}`, {
        travelMinutes: minutes === '' ? null : Number(minutes),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: scheduleKey });
      notifications.show({ color: 'green', message: t('visits.settings.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: messageOf(error) }),
  });
  if (!mayWrite) return null;
  return (
    <SectionCard title={t('visits.settings.siteTravel')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('visits.settings.siteTravelHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CustomerPicker
          label={t('visits.customer')}
          value={partyId}
          onChange={(v) => {
            setPartyId(v);
            setSiteId(null);
          }}
        />
        <SitePicker label={t('visits.site')} partyId={partyId} value={siteId} onChange={setSiteId} />
        <NumberInput
          label={t('visits.settings.travel')}
          description={t('visits.settings.emptyDefault')}
          value={minutes}
          onChange={setMinutes}
          min={0}
          max={600}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button disabled={!siteId} loading={save.isPending} onClick={() => save.mutate()}>
          {t('visits.settings.save')}
        </Button>
      </Group>
    </SectionCard>
  );
}

function DaysOffCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const mayWrite = useMayWrite();
  const from = todayDate();
  const to = addDays(from, 365);
  const technicians = useActiveTechnicians();
  const days = useQuery({
    queryKey: [...daysOffKey, from],
    queryFn: () => api.get<{ items: DayOff[] }>('/visit-days-off', { from, to }),
  });
  const [technicianId, setTechnicianId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: scheduleKey });
  const add = useMutation({
    mutationFn: () => api.post<DayOff>('/visit-days-off', { technicianId, date, note: note.trim() || null }),
    onSuccess: () => {
      setDate(null);
      setNote('');
      void refresh();
    },
    onError: (error) => setFailure(messageOf(error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/visit-days-off/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
  const nameOf = (id: string | null) =>
    id === null ? t('visits.settings.everyone') : (technicians.data?.find((x) => x.id === id)?.name ?? id);

  return (
    <SectionCard title={t('visits.settings.daysOff')}>
      {mayWrite && (
        <form
          noValidate
          aria-label={t('visits.settings.addDayOff')}
          onSubmit={(e) => {
            e.preventDefault();
            setFailure(null);
            add.mutate();
          }}
        >
          <Stack gap="sm" mb="md">
            <FormAlert message={failure} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('visits.schedule.technician')}
                placeholder={t('visits.settings.everyone')}
                data={(technicians.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                value={technicianId}
                onChange={setTechnicianId}
                clearable
              />
              <DateField label={t('visits.schedule.date')} value={date} onChange={(v) => setDate(v)} />
              <TextInput
                label={t('visits.settings.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" disabled={!date} loading={add.isPending}>
                {t('visits.settings.addDayOff')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {days.error && <LoadError error={days.error} />}
      <Table data-testid="days-off" verticalSpacing={4}>
        <Table.Tbody>
          {(days.data?.items ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date, locale)}</Table.Td>
              <Table.Td>{nameOf(d.technicianId)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.note}</Table.Td>
              <Table.Td w={40}>
                {mayWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('visits.settings.removeDayOff', { date: formatDate(d.date, locale) })}
                    onClick={() => remove.mutate(d.id)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {days.data && days.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('visits.settings.noDaysOff')}
        </Text>
      )}
    </SectionCard>
  );
}
