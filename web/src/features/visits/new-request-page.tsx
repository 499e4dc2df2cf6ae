import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { instantAt } from '@servix/server/kernel/calendar';
import type { Item } from '@servix/server/modules/items/items.schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useCreateVisitRequest } from '../../api/visits';
import { DateField } from '../../ui/date-field';
import { fieldsIn, showServerErrors } from '../../ui/forms';
import type { PageOf } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { CustomerPicker, SitePicker } from '../items/pickers';
import { PRIORITIES } from './requests-page';

const SOURCES = ['phone', 'email', 'web', 'contract', 'other'] as const;
const FIELDS = [
  'partyId',
  'siteId',
  'itemIds',
  'problem',
  'priority',
  'source',
  'contactName',
  'contactPhone',
];

interface Values {
  partyId: string | null;
  siteId: string | null;
  itemIds: string[];
  problem: string;
  priority: (typeof PRIORITIES)[number];
  source: (typeof SOURCES)[number];
  date: string | null;
  from: string;
  to: string;
  contactName: string;
  contactPhone: string;
}

const minuteOf = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Takes a visit request: the customer's site, its items, the problem, when the customer can (company time). */
export function NewVisitRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateVisitRequest();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      partyId: null,
      siteId: null,
      itemIds: [],
      problem: '',
      priority: 'normal',
      source: 'phone',
      date: null,
      from: '08:00',
      to: '17:00',
      contactName: '',
      contactPhone: '',
    },
  });
  const { partyId, siteId } = form.values;
  const items = useQuery({
    queryKey: ['items', 'at-site', siteId],
    enabled: !!siteId,
    queryFn: () => api.get<PageOf<Item>>('/items', { siteId: siteId ?? '', pageSize: 200 }),
  });
  const itemOptions = (items.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.brandName} ${i.modelName}, ${i.serialNumber}`,
  }));

  const submit = form.onSubmit((v) => {
    setFailure(null);
    const from = minuteOf(v.from);
    const to = minuteOf(v.to);
    const windows =
      v.date && from !== null && to !== null && from < to
        ? [{ start: instantAt(v.date, from).toISOString(), end: instantAt(v.date, to).toISOString() }]
        : [];
    create.mutate(
      {
        partyId: v.partyId ?? '',
        siteId: v.siteId ?? '',
        itemIds: v.itemIds,
        problem: v.problem,
        priority: v.priority,
        source: v.source,
        windows,
        contactName: v.contactName || null,
        contactPhone: v.contactPhone || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('visits.created_') });
          navigate('/visits');
        },
        onError: (e) => setFailure(showServerErrors(form, e, fieldsIn(FIELDS)) ?? t('visits.fixErrors')),
      },
    );
  });

  return (
    <Stack gap={0} maw={900}>
      <Anchor component={Link} to="/visits" size="sm" mb="xs">
        ← {t('visits.back')}
      </Anchor>
      <PageHeader title={t('visits.newTitle')} />
      <form onSubmit={submit} noValidate aria-label={t('visits.newTitle')}>
        <Stack gap="md">
          {failure && <Alert color="red">{failure}</Alert>}
          <Fieldset legend={t('visits.site')} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <CustomerPicker
                label={t('visits.customer')}
                required
                {...form.getInputProps('partyId')}
                onChange={(v) => form.setValues({ partyId: v, siteId: null, itemIds: [] })}
              />
              <SitePicker
                label={t('visits.site')}
                required
                partyId={partyId}
                {...form.getInputProps('siteId')}
                onChange={(v) => form.setValues({ siteId: v, itemIds: [] })}
              />
            </SimpleGrid>
            <MultiSelect
              mt="md"
              label={t('visits.items')}
              data={itemOptions}
              disabled={!siteId}
              placeholder={
                !siteId
                  ? t('visits.itemsAfterSite')
                  : itemOptions.length === 0
                    ? t('visits.noItems')
                    : t('visits.itemsPlaceholder')
              }
              searchable
              {...form.getInputProps('itemIds')}
            />
          </Fieldset>
          <Fieldset legend={t('visits.problem')} radius="md">
            <Textarea
              label={t('visits.problem')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('problem')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
              <Select
                label={t('visits.priorityLabel')}
                data={PRIORITIES.map((p) => ({ value: p, label: t(`visits.priority.${p}`) }))}
                allowDeselect={false}
                {...form.getInputProps('priority')}
              />
              <Select
                label={t('visits.sourceLabel')}
                data={SOURCES.map((s) => ({ value: s, label: t(`visits.source.${s}`) }))}
                allowDeselect={false}
                {...form.getInputProps('source')}
              />
              <TextInput label={t('visits.contactName')} {...form.getInputProps('contactName')} />
              <TextInput
                label={t('visits.contactPhone')}
                type="tel"
                {...form.getInputProps('contactPhone')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('visits.window')} radius="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <DateField label={t('visits.windowDate')} {...form.getInputProps('date')} />
              <TextInput label={t('visits.windowFrom')} type="time" {...form.getInputProps('from')} />
              <TextInput label={t('visits.windowTo')} type="time" {...form.getInputProps('to')} />
            </SimpleGrid>
          </Fieldset>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('visits.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
