import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { isValidUic } from '@servix/server/kernel/identifiers';
import { PERSONAL_ID_READERS } from '@servix/server/modules/parties/parties.access';
import { AddressLabel, type Party, type PartyKind } from '@servix/server/modules/parties/parties.schema';
import { IconCircleCheck, IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { conflictOf } from '../../api/conflicts';
import { useCreateParty, useParty, useUpdateParty } from '../../api/parties';
import { useSession } from '../../app/session';
import { showServerErrors } from '../../ui/forms';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import {
  type CustomerFormValues,
  customerFieldOf,
  customerFormErrors,
  emptyAddress,
  emptyContact,
  emptyEmail,
  emptyPhone,
  newCustomerValues,
  toBody,
  toFormValues,
} from './customer-form';

/**
 * What the ЕИК typed so far says: the rule while it is incomplete, a tick once it is valid, a wrong check digit
 * while typing. Once the field shows its error, the hint steps back, so the fault is said once.
 */
function UicHint({ uic, hasError }: { uic: string; hasError: boolean }) {
  const { t } = useTranslation();
  const s = uic.replace(/\s+/g, '').replace(/^BG/i, '');
  if (!hasError && /^\d{9}(\d{4})?$/.test(s)) {
    return isValidUic(s) ? (
      <Group gap={4} component="span" c="green.8">
        <IconCircleCheck size={14} />
        {t('customers.uicValid')}
      </Group>
    ) : (
      <Text span size="xs" c="orange.8">
        {t('customers.uicCheckDigit')}
      </Text>
    );
  }
  return t('customers.uicHint');
}

/** A 409 duplicate ЕИК: the existing customer, with a link to open it instead. */
function DuplicateUic({ existingId }: { existingId: string }) {
  const { t } = useTranslation();
  const existing = useParty(existingId).data;
  return (
    <Alert color="orange" role="alert" title={t('customers.duplicateTitle')}>
      <Group gap="xs">
        <Text size="sm">{t('customers.duplicateText')}</Text>
        <Anchor component={Link} to={`/customers/${existingId}`} size="sm" fw={600}>
          <Group gap={4} component="span">
            {existing?.name ?? t('customers.openExisting')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
    </Alert>
  );
}

function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mt={{ base: 0, sm: 26 }}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function AddRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md">
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

function CustomerForm({ party }: { party?: Party }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const create = useCreateParty();
  const update = useUpdateParty();
  const canSeeEgn = PERSONAL_ID_READERS.includes(user.role);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const form = useForm<CustomerFormValues>({
    initialValues: party ? toFormValues(party) : newCustomerValues(),
    validate: (v) => customerFormErrors(v, toBody(v, { canSeeEgn, initial: party }), t),
  });
  const { values } = form;
  const company = values.kind === 'company';
  const saving = create.isPending || update.isPending;
  const back = party ? `/customers/${party.id}` : '/customers';

  const submit = form.onSubmit(
    (v) => {
      setFailure(null);
      setDuplicateOf(null);
      const body = toBody(v, { canSeeEgn, initial: party });
      const onError = (e: unknown) => {
        setDuplicateOf(conflictOf(e, 'duplicate_uic')?.existingId ?? null);
        setFailure(showServerErrors(form, e, customerFieldOf(v)) ?? t('customers.fixErrors'));
      };
      const onSuccess = (saved: Party) => {
        notifications.show({ color: 'green', message: party ? t('common.saved') : t('customers.created') });
        navigate(`/customers/${saved.id}`);
      };
      if (party) update.mutate({ id: party.id, patch: body }, { onSuccess, onError });
      else create.mutate(body, { onSuccess, onError });
    },
    () => setFailure(t('customers.fixErrors')),
  );

  const addressLabels = AddressLabel.options.map((l) => ({
    value: l,
    label: t(`customers.addressLabels.${l}`),
  }));

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={party ? t('customers.editTitle') : t('customers.newTitle')}
    >
      <Stack gap="md">
        <Section legend={t('customers.section.identity')}>
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Input.Label>{t('customers.kind')}</Input.Label>
              <SegmentedControl
                aria-label={t('customers.kind')}
                value={values.kind}
                onChange={(k) => form.setFieldValue('kind', k as PartyKind)}
                data={[
                  { value: 'company', label: t('customers.kinds.company') },
                  { value: 'person', label: t('customers.kinds.person') },
                ]}
              />
            </Stack>
            <Group gap="lg" pb={6}>
              <Checkbox
                label={t('customers.isCustomer')}
                {...form.getInputProps('isCustomer', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('customers.isSupplier')}
                {...form.getInputProps('isSupplier', { type: 'checkbox' })}
              />
            </Group>
          </Group>
          <TextInput
            label={company ? t('customers.companyName') : t('customers.personName')}
            required
            {...form.getInputProps('name')}
          />
          {company ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                label={t('customers.uic')}
                maxLength={20}
                description={<UicHint uic={values.uic} hasError={Boolean(form.errors.uic)} />}
                {...form.getInputProps('uic')}
              />
              <TextInput
                label={t('customers.vatNumber')}
                placeholder={values.uic.trim() ? `BG${values.uic.trim()}` : 'BG…'}
                description={t('customers.vatNumberHint')}
                maxLength={14}
                {...form.getInputProps('vatNumber')}
              />
              <TextInput
                label={t('customers.mol')}
                description={t('customers.molHint')}
                {...form.getInputProps('mol')}
              />
            </SimpleGrid>
          ) : (
            <Stack gap="xs">
              <Checkbox
                label={t('customers.wantsInvoices')}
                description={t('customers.wantsInvoicesHint')}
                {...form.getInputProps('wantsInvoices', { type: 'checkbox' })}
              />
              {canSeeEgn && values.wantsInvoices && (
                <TextInput
                  label={t('customers.egn')}
                  description={t('customers.egnHint')}
                  inputMode="numeric"
                  maxLength={10}
                  maw={320}
                  autoComplete="off"
                  {...form.getInputProps('egn')}
                />
              )}
              {canSeeEgn && values.wantsInvoices && (
                <TextInput
                  label={t('customers.vatNumber')}
                  description={t('customers.personVatNumberHint')}
                  placeholder={values.egn.trim() ? `BG${values.egn.trim()}` : 'BG…'}
                  maxLength={14}
                  maw={320}
                  autoComplete="off"
                  {...form.getInputProps('vatNumber')}
                />
              )}
              {!canSeeEgn && party?.egnMasked && values.wantsInvoices && (
                <Text size="sm" c="dimmed">
                  {t('customers.egnHidden', { egn: party.egn })}
                </Text>
              )}
            </Stack>
          )}
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section legend={t('customers.section.phones')}>
            {values.phones.map((p, i) => (
              <Grid key={p.key} gap="sm" align="flex-start">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('customers.phone')}
                    type="tel"
                    placeholder="+359 888 123 456"
                    {...form.getInputProps(`phones.${i}.number`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 5 }}>
                  <TextInput
                    label={t('customers.rowLabel')}
                    placeholder={t('customers.phoneLabelHint')}
                    {...form.getInputProps(`phones.${i}.label`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <RemoveRow
                    label={t('customers.removePhone')}
                    onClick={() => form.removeListItem('phones', i)}
                  />
                </Grid.Col>
              </Grid>
            ))}
            <AddRow
              label={t('customers.addPhone')}
              onClick={() => form.insertListItem('phones', emptyPhone())}
            />
          </Section>

          <Section legend={t('customers.section.emails')}>
            {values.emails.map((e, i) => (
              <Grid key={e.key} gap="sm" align="flex-start">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('customers.email')}
                    type="email"
                    {...form.getInputProps(`emails.${i}.email`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 5 }}>
                  <TextInput
                    label={t('customers.rowLabel')}
                    placeholder={t('customers.emailLabelHint')}
                    {...form.getInputProps(`emails.${i}.label`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <RemoveRow
                    label={t('customers.removeEmail')}
                    onClick={() => form.removeListItem('emails', i)}
                  />
                </Grid.Col>
              </Grid>
            ))}
            <AddRow
              label={t('customers.addEmail')}
              onClick={() => form.insertListItem('emails', emptyEmail())}
            />
          </Section>
        </SimpleGrid>

        <Section legend={t('customers.section.addresses')}>
          {values.addresses.map((a, i) => (
            <Grid key={a.key} gap="sm" align="flex-start">
              <Grid.Col span={{ base: 12, sm: 2 }}>
                <Select
                  label={t('customers.addressLabel')}
                  data={addressLabels}
                  allowDeselect={false}
                  {...form.getInputProps(`addresses.${i}.label`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 1.5 }}>
                <TextInput
                  label={t('customers.postcode')}
                  {...form.getInputProps(`addresses.${i}.postcode`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 8, sm: 2.5 }}>
                <TextInput label={t('customers.city')} {...form.getInputProps(`addresses.${i}.city`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4.5 }}>
                <TextInput label={t('customers.address')} {...form.getInputProps(`addresses.${i}.address`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 1 }}>
                <TextInput
                  label={t('customers.country')}
                  maxLength={2}
                  {...form.getInputProps(`addresses.${i}.country`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 0.5 }}>
                <RemoveRow
                  label={t('customers.removeAddress')}
                  onClick={() => form.removeListItem('addresses', i)}
                />
              </Grid.Col>
            </Grid>
          ))}
          <AddRow
            label={t('customers.addAddress')}
            onClick={() => form.insertListItem('addresses', emptyAddress())}
          />
        </Section>

        <Section legend={t('customers.section.contacts')}>
          {values.contacts.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('customers.noContacts')}
            </Text>
          )}
          {values.contacts.map((c, i) => (
            <Paper key={c.key} withBorder radius="sm" p="sm" bg="gray.0">
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput
                    label={t('customers.contactName')}
                    required
                    {...form.getInputProps(`contacts.${i}.name`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 2.5 }}>
                  <TextInput
                    label={t('customers.position')}
                    {...form.getInputProps(`contacts.${i}.position`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 2.5 }}>
                  <TextInput
                    label={t('customers.phone')}
                    type="tel"
                    {...form.getInputProps(`contacts.${i}.phone`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 3.5 }}>
                  <TextInput
                    label={t('customers.email')}
                    type="email"
                    {...form.getInputProps(`contacts.${i}.email`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 0.5 }}>
                  <RemoveRow
                    label={t('customers.removeContact')}
                    onClick={() => form.removeListItem('contacts', i)}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput
                    placeholder={t('customers.contactNotes')}
                    aria-label={t('customers.contactNotes')}
                    {...form.getInputProps(`contacts.${i}.notes`)}
                  />
                </Grid.Col>
              </Grid>
            </Paper>
          ))}
          <AddRow
            label={t('customers.addContact')}
            onClick={() => form.insertListItem('contacts', emptyContact())}
          />
        </Section>

        <Section legend={t('customers.section.notes')}>
          <Textarea
            aria-label={t('customers.notes')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('notes')}
          />
        </Section>

        {duplicateOf ? <DuplicateUic existingId={duplicateOf} /> : <FormAlert message={failure} />}
        <Group justify="flex-end" gap="sm" wrap="nowrap">
          <Button variant="default" component={Link} to={back}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {party ? t('common.save') : t('customers.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CustomerNewPage() {
  const { t } = useTranslation();
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={t('customers.newTitle')} description={t('customers.newDescription')} />
      <CustomerForm />
    </Stack>
  );
}

export function CustomerEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const party = useParty(id);
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader
        title={party.data ? party.data.name : t('customers.editTitle')}
        description={t('customers.editDescription')}
      />
      {party.isPending && <PageLoader />}
      {party.isError && <LoadError error={party.error} onRetry={() => void party.refetch()} />}
      {party.data && <CustomerForm key={party.data.id} party={party.data} />}
    </Stack>
  );
}
