import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Item } from '@servix/server/modules/items/items.schema';
import type { PartyListItem } from '@servix/server/modules/parties/parties.schema';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, messageOf } from '../../api/client';
import { usePartyOptions } from '../../api/parties';
import { useCreateQuote } from '../../api/quotes';
import { DateField } from '../../ui/date-field';
import type { PageOf } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { formatPhone } from '../../ui/phone-number';
import { type SearchOption, SearchSelect } from '../../ui/search-select';
import { FormAlert } from '../../ui/states';
import { ModelPicker } from '../items/pickers';

const NEW_ITEM = '__new_item__';

const partyOption = (p: PartyListItem): SearchOption => ({
  value: p.id,
  label: p.name,
  description: [formatPhone(p.phone), p.uic, p.city].filter(Boolean).join(' · ') || undefined,
});

/**
 * A quote without an order: a customer asks what a repair costs before bringing the item in. The customer, one of
 * their items or a new one (serial and model: registered with the quote), the complaint and the validity; the lines
 * are added on the quote's page that opens next.
 */
export function NewQuotePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateQuote();
  const [q, setQ] = useState('');
  const found = usePartyOptions(q, 'customer');
  const [party, setParty] = useState<SearchOption | null>(null);
  const [itemChoice, setItemChoice] = useState<string | null>(null);
  const [serial, setSerial] = useState('');
  const [modelId, setModelId] = useState<string | null>(null);
  const [purchaseDate, setPurchaseDate] = useState<string | null>(null);
  const [complaint, setComplaint] = useState('');
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const items = useQuery({
    queryKey: ['items', 'of-party', party?.value],
    enabled: Boolean(party),
    queryFn: () => api.get<PageOf<Item>>('/items', { partyId: party?.value, pageSize: 100 }),
  });
  const itemOptions = [
    ...(items.data?.items ?? []).map((i) => ({
      value: i.id,
      label: `${i.brandName} ${i.modelName} · ${i.serialNumber}`,
    })),
    { value: NEW_ITEM, label: t('quotes.create.newItem') },
  ];
  const newItem = itemChoice === NEW_ITEM;
  // A customer without items (a new one, usually): the new item is the only choice, so it is made.
  const noItems = items.isSuccess && items.data.items.length === 0;
  useEffect(() => {
    if (noItems) setItemChoice((c) => c ?? NEW_ITEM);
  }, [noItems]);
  const err = (field: string) => errors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!party) missing.partyId = t('quotes.create.required');
    if (!itemChoice) missing.itemId = t('quotes.create.required');
    if (newItem && !serial.trim()) missing.serialNumber = t('quotes.create.required');
    if (newItem && !modelId) missing.modelId = t('quotes.create.required');
    if (!complaint.trim()) missing.complaint = t('quotes.create.required');
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length || !party) return;
    create.mutate(
      {
        partyId: party.value,
        ...(newItem
          ? { serialNumber: serial, modelId: modelId ?? undefined, purchaseDate: purchaseDate ?? undefined }
          : { itemId: itemChoice ?? undefined }),
        complaint,
        validUntil: validUntil ?? undefined,
      },
      {
        onSuccess: (quote) => void navigate(`/quotes/${quote.id}`),
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          setFailure(messageOf(e));
        },
      },
    );
  };

  return (
    <Stack gap={0} maw={900}>
      <PageHeader title={t('quotes.create.title')} description={t('quotes.create.description')} />
      <form onSubmit={submit} noValidate aria-label={t('quotes.create.title')}>
        <Stack gap="md">
          <FormAlert message={failure} />
          <Fieldset legend={t('quotes.customer')} radius="md">
            <SearchSelect
              label={t('quotes.create.findCustomer')}
              required
              autoFocus
              value={party?.value ?? null}
              options={(found.data?.items ?? []).map(partyOption)}
              loading={found.isFetching}
              onSearch={setQ}
              onChange={(_, option) => {
                setParty(option);
                setItemChoice(null);
              }}
              error={err('partyId')}
              clearable
              data-testid="quote-customer"
            />
          </Fieldset>
          <Fieldset legend={t('quotes.item')} radius="md">
            <Stack gap="sm">
              <Select
                label={t('quotes.create.item')}
                required
                disabled={!party}
                placeholder={party ? undefined : t('quotes.create.customerFirst')}
                data={itemOptions}
                value={itemChoice}
                onChange={setItemChoice}
                error={err('itemId')}
                data-testid="quote-item"
              />
              {newItem && (
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <TextInput
                    label={t('quotes.create.serial')}
                    required
                    autoComplete="off"
                    spellCheck={false}
                    value={serial}
                    onChange={(e) => setSerial(e.currentTarget.value)}
                    error={err('serialNumber')}
                  />
                  <ModelPicker
                    label={t('quotes.create.model')}
                    required
                    value={modelId}
                    onChange={setModelId}
                    error={err('modelId')}
                  />
                  <DateField
                    label={t('quotes.create.purchaseDate')}
                    clearable
                    maxDate={new Date()}
                    value={purchaseDate}
                    onChange={(v) => setPurchaseDate(v)}
                    error={err('purchaseDate')}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Fieldset>
          <Textarea
            label={t('quotes.complaint')}
            required
            autosize
            minRows={2}
            value={complaint}
            onChange={(e) => setComplaint(e.currentTarget.value)}
            error={err('complaint')}
          />
          <DateField
            label={t('quotes.validUntil')}
            description={t('quotes.create.validHint')}
            clearable
            minDate={new Date()}
            value={validUntil}
            onChange={(v) => setValidUntil(v)}
            error={err('validUntil')}
            maw={{ base: '100%', sm: 260 }}
          />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/quotes">
              {t('quotes.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-quote">
              {t('quotes.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
