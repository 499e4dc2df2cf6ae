import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateSiteBody, type Site } from '@servix/server/modules/parties/parties.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSite, useUpdateSite } from '../../api/parties';
import { fieldsIn, schemaErrors, showServerErrors } from '../../ui/forms';
import { FormAlert } from '../../ui/states';

interface SiteValues {
  name: string;
  city: string;
  address: string;
  contactPerson: string;
  contactPhone: string;
  accessNotes: string;
  workingHours: string;
  notes: string;
}

const FIELDS = [
  'name',
  'city',
  'address',
  'contactPerson',
  'contactPhone',
  'accessNotes',
  'workingHours',
  'notes',
] as const;

const text = (s: string) => (s.trim() === '' ? null : s.trim());

function valuesOf(site: Site | null): SiteValues {
  return {
    name: site?.name ?? '',
    city: site?.city ?? '',
    address: site?.address ?? '',
    contactPerson: site?.contactPerson ?? '',
    contactPhone: site?.contactPhone ?? '',
    accessNotes: site?.accessNotes ?? '',
    workingHours: site?.workingHours ?? '',
    notes: site?.notes ?? '',
  };
}

function bodyOf(partyId: string, v: SiteValues): CreateSiteBody {
  return {
    partyId,
    name: v.name.trim(),
    city: text(v.city),
    address: text(v.address),
    contactPerson: text(v.contactPerson),
    contactPhone: text(v.contactPhone),
    accessNotes: text(v.accessNotes),
    workingHours: text(v.workingHours),
    notes: text(v.notes),
  };
}

/** Adds a site to a customer (site null) or changes one; the server's field errors land on the inputs. */
export function SiteModal({
  partyId,
  site,
  onClose,
}: {
  partyId: string;
  site: Site | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSite();
  const update = useUpdateSite();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SiteValues>({
    initialValues: valuesOf(site),
    validate: (v) => {
      const errors = schemaErrors(CreateSiteBody, bodyOf(partyId, v), t);
      if (errors.contactPhone) errors.contactPhone = t('customers.errors.invalidPhone');
      return errors;
    },
  });

  return (
    <Modal opened onClose={onClose} title={site ? t('sites.editTitle') : t('sites.addTitle')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFailure(null);
          const body = bodyOf(partyId, v);
          const onError = (e: unknown) => setFailure(showServerErrors(form, e, fieldsIn(FIELDS)));
          const onSuccess = () => {
            notifications.show({ color: 'green', message: site ? t('common.saved') : t('sites.added') });
            onClose();
          };
          if (site) {
            const { partyId: _, ...patch } = body;
            update.mutate({ id: site.id, patch }, { onSuccess, onError });
          } else create.mutate(body, { onSuccess, onError });
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t('sites.name')}
            placeholder={t('sites.namePlaceholder')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('sites.city')} {...form.getInputProps('city')} />
            <TextInput label={t('sites.address')} {...form.getInputProps('address')} />
            <TextInput label={t('sites.contactPerson')} {...form.getInputProps('contactPerson')} />
            <TextInput label={t('sites.contactPhone')} type="tel" {...form.getInputProps('contactPhone')} />
          </SimpleGrid>
          <TextInput
            label={t('sites.workingHours')}
            placeholder={t('sites.workingHoursPlaceholder')}
            {...form.getInputProps('workingHours')}
          />
          <Textarea
            label={t('sites.accessNotes')}
            description={t('sites.accessNotesHint')}
            autosize
            minRows={2}
            {...form.getInputProps('accessNotes')}
          />
          <Textarea label={t('sites.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormAlert message={failure} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {site ? t('common.save') : t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
