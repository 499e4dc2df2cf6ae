import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Item } from '@servix/server/modules/items/items.schema';
import { normalizeSerial } from '@servix/server/modules/items/items.schema';
import type { IntakeAnswer } from '@servix/server/modules/orders/orders.schema';
import type { PartyListItem } from '@servix/server/modules/parties/parties.schema';
import { IconArrowBackUp, IconUserPlus } from '@tabler/icons-react';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, messageOf } from '../../api/client';
import { uploadOrderPhoto } from '../../api/order-photos';
import { useIntake } from '../../api/orders';
import { usePartyOptions } from '../../api/parties';
import { DateField } from '../../ui/date-field';
import type { PageOf } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { formatPhone } from '../../ui/phone-number';
import { type SearchOption, SearchSelect } from '../../ui/search-select';
import { FormAlert } from '../../ui/states';
import { ModelPicker } from '../items/pickers';
import { IntakeCheckPanel } from './intake-check-panel';
import { IntakePhotosField } from './order-photos';
import { useTechnicianOptions } from './technician-options';

/** The accessories a desk ticks most often; anything else goes into the free text. */
export const ACCESSORIES = [
  'powerCord',
  'remote',
  'charger',
  'bag',
  'box',
  'warrantyCard',
  'receipt',
] as const;
type Accessory = (typeof ACCESSORIES)[number];

const NEW_CUSTOMER = '__new_customer__';

/** Looks like a phone number: digits with spaces, dashes, brackets or a leading +, at least six digits. */
export function looksLikePhone(text: string): boolean {
  return /^\+?[\d\s\-()/]+$/.test(text) && text.replace(/\D/g, '').length >= 6;
}

type Serial =
  | { state: 'idle' }
  | { state: 'looking'; serial: string }
  | { state: 'known'; serial: string; item: Item }
  | { state: 'unknown'; serial: string };

/** The item with exactly this serial (as stored: trimmed, upper case), if the company has it. */
async function findItemBySerial(serial: string): Promise<Item | null> {
  const wanted = normalizeSerial(serial);
  const page = await api.get<PageOf<Item>>('/items', { q: wanted, pageSize: 20 });
  return page.items.find((i) => i.serialNumber === wanted) ?? null;
}

/** Focuses a field (or the first input inside a box) once the screen has drawn it: tries for a moment. */
function focusSoon(ref: RefObject<HTMLElement | null>, tries = 20) {
  setTimeout(() => {
    const el = ref.current;
    const target =
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
        ? el
        : el?.querySelector<HTMLInputElement>('input');
    if (target) target.focus();
    else if (tries > 0) focusSoon(ref, tries - 1);
  }, 25);
}

/**
 * Enter moves to the next field (a barcode scanner ends every scan with Enter), as Tab does; Ctrl+Enter takes
 * the item in from anywhere. Enter stays Enter where it means something: a text area, a button, an open list.
 */
function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  const form = event.currentTarget;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement)) return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  event.preventDefault();
  const fields = [...form.querySelectorAll<HTMLElement>('input, textarea, select, button')].filter(
    (el) =>
      !(el as HTMLInputElement).disabled &&
      el.tabIndex >= 0 &&
      (el as HTMLInputElement).type !== 'hidden' &&
      el.offsetParent !== null,
  );
  const next = fields[fields.indexOf(target) + 1];
  next?.focus();
}

const partyOption = (p: PartyListItem): SearchOption => ({
  value: p.id,
  label: p.name,
  description: [formatPhone(p.phone), p.uic, p.city].filter(Boolean).join(' · ') || undefined,
});

/** The fast intake: customer, item by serial, complaint, accessories, condition, promised date, place, technician. */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const intake = useIntake();
  const technicians = useTechnicianOptions();

  const serialRef = useRef<HTMLInputElement>(null);
  const modelRef = useRef<HTMLDivElement>(null);
  const complaintRef = useRef<HTMLTextAreaElement>(null);
  const newNameRef = useRef<HTMLInputElement>(null);
  const newPhoneRef = useRef<HTMLInputElement>(null);

  const [q, setQ] = useState('');
  const found = usePartyOptions(q, 'customer');
  const [party, setParty] = useState<SearchOption | null>(null);
  const [newCustomer, setNewCustomer] = useState<{ name: string; phone: string } | null>(null);
  const [serialText, setSerialText] = useState('');
  const [serial, setSerial] = useState<Serial>({ state: 'idle' });
  const [modelId, setModelId] = useState<string | null>(null);
  const [complaint, setComplaint] = useState('');
  const [accessories, setAccessories] = useState<Accessory[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [otherAccessories, setOtherAccessories] = useState('');
  const [condition, setCondition] = useState('');
  const [promisedDate, setPromisedDate] = useState<string | null>(null);
  const [location, setLocation] = useState<'shop' | 'on_site'>('shop');
  const [technicianId, setTechnicianId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const typed = q.trim();
  const options = useMemo<SearchOption[]>(() => {
    const list = (found.data?.items ?? []).map(partyOption);
    return typed
      ? [...list, { value: NEW_CUSTOMER, label: t('orders.intake.newCustomerOffer', { text: typed }) }]
      : list;
  }, [found.data, typed, t]);

  const itemOwner = serial.state === 'known' ? serial.item : null;
  const otherOwner = itemOwner && party && itemOwner.partyId !== party.value ? itemOwner : null;

  async function lookUpSerial() {
    const text = serialText.trim();
    if (!text) return;
    if (serial.state !== 'idle' && serial.serial === normalizeSerial(text)) {
      focusSoon(serial.state === 'unknown' && !modelId ? modelRef : complaintRef);
      return;
    }
    const wanted = normalizeSerial(text);
    setSerial({ state: 'looking', serial: wanted });
    try {
      const item = await findItemBySerial(text);
      if (item) {
        setSerial({ state: 'known', serial: wanted, item });
        // The item's owner is the customer when none was chosen yet: scanning first is the fastest way in.
        if (!party && !newCustomer) setParty({ value: item.partyId, label: item.partyName });
        focusSoon(complaintRef);
      } else {
        setSerial({ state: 'unknown', serial: wanted });
        focusSoon(modelRef);
      }
    } catch (e) {
      setSerial({ state: 'idle' });
      setFailure(messageOf(e));
    }
  }

  function chooseParty(value: string | null, option: SearchOption | null) {
    setErrors(({ partyId: _, ...rest }) => rest);
    if (value === NEW_CUSTOMER) {
      const phone = looksLikePhone(typed);
      setNewCustomer({ name: phone ? '' : typed, phone: phone ? typed : '' });
      setParty(null);
      focusSoon(phone ? newNameRef : newPhoneRef);
      return;
    }
    setParty(value && option ? option : null);
    if (value) focusSoon(serialRef);
  }

  function validate(): Record<string, string> {
    const out: Record<string, string> = {};
    if (newCustomer) {
      if (!newCustomer.name.trim()) out['newCustomer.name'] = t('validation.required');
    } else if (!party) out.partyId = t('orders.intake.needCustomer');
    if (serial.state === 'idle' || serial.state === 'looking') out.serialNumber = t('orders.intake.needItem');
    if (serial.state === 'unknown' && !modelId) out.modelId = t('orders.intake.needModel');
    if (!complaint.trim()) out.complaint = t('validation.required');
    return out;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(t('orders.intake.fixErrors'));
      return;
    }
    const ticked = accessories.map((a) => t(`orders.intake.accessory.${a}`));
    const other = otherAccessories.trim();
    intake.mutate(
      {
        ...(newCustomer
          ? {
              newCustomer: { name: newCustomer.name.trim(), phone: newCustomer.phone.trim() || null },
            }
          : { partyId: party?.value ?? '' }),
        ...(serial.state === 'known'
          ? { itemId: serial.item.id }
          : { modelId: modelId ?? '', serialNumber: serialText.trim() }),
        complaint: complaint.trim(),
        accessories: other ? [...ticked, other] : ticked,
        conditionNotes: condition.trim() || undefined,
        promisedDate: promisedDate ?? undefined,
        location,
        technicianId: technicianId ?? undefined,
      },
      {
        onSuccess: async (order: IntakeAnswer) => {
          notifications.show({
            color: 'green',
            message: t('orders.intake.created', { number: order.number }),
          });
          // The photos go up once the order exists, one by one; one refused does not undo the order.
          if (photos.length > 0) {
            setUploading(true);
            for (const photo of photos)
              await uploadOrderPhoto(order.id, photo).catch((e: unknown) =>
                notifications.show({
                  color: 'red',
                  autoClose: false,
                  message: t('orderPhotos.uploadFailed', { message: messageOf(e) }),
                }),
              );
            setUploading(false);
          }
          // The status link is answered once (only its hash is kept): the order page shows it this one time.
          navigate(`/orders/${order.id}`, { state: { statusLink: order.statusLink } });
        },
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          setFailure(messageOf(e));
        },
      },
    );
  }

  // From an item's or a customer's page: "/orders/new?itemId=…" or "?partyId=…" starts with them chosen.
  const [params] = useSearchParams();
  const startItem = params.get('itemId');
  const startParty = params.get('partyId');
  useEffect(() => {
    if (startItem)
      void api.get<Item>(`/items/${encodeURIComponent(startItem)}`).then((item) => {
        setSerialText(item.serialNumber);
        setSerial({ state: 'known', serial: item.serialNumber, item });
        setParty({ value: item.partyId, label: item.partyName });
        focusSoon(complaintRef);
      });
    else if (startParty)
      void api.get<PartyListItem>(`/parties/${encodeURIComponent(startParty)}`).then((p) => {
        setParty(partyOption(p));
        focusSoon(serialRef);
      });
  }, [startItem, startParty]);

  const err = (...fields: string[]) => fields.map((f) => errors[f]).find(Boolean);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('orders.intake.title')} description={t('orders.intake.description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form onSubmit={submit} onKeyDown={onFormKeyDown} noValidate aria-label={t('orders.intake.title')}>
            <Stack gap="md">
              <FormAlert message={failure} />
              <Fieldset legend={t('orders.intake.customerSection')} radius="md">
                {newCustomer ? (
                  <Stack gap="xs">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <TextInput
                        ref={newNameRef}
                        label={t('orders.intake.newCustomerName')}
                        required
                        autoComplete="off"
                        value={newCustomer.name}
                        onChange={(e) => setNewCustomer({ ...newCustomer, name: e.currentTarget.value })}
                        error={err('newCustomer.name', 'newCustomer')}
                      />
                      <TextInput
                        ref={newPhoneRef}
                        label={t('orders.intake.newCustomerPhone')}
                        type="tel"
                        autoComplete="off"
                        value={newCustomer.phone}
                        onChange={(e) => setNewCustomer({ ...newCustomer, phone: e.currentTarget.value })}
                        error={err('newCustomer.phone')}
                      />
                    </SimpleGrid>
                    <Group gap="xs">
                      <IconUserPlus size={16} />
                      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                        {t('orders.intake.newCustomer')}
                      </Text>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconArrowBackUp size={14} />}
                        onClick={() => setNewCustomer(null)}
                        tabIndex={-1}
                      >
                        {t('orders.intake.pickExisting')}
                      </Button>
                    </Group>
                  </Stack>
                ) : (
                  <SearchSelect
                    label={t('orders.intake.findCustomer')}
                    description={t('orders.intake.findCustomerHint')}
                    required
                    data-autofocus
                    autoFocus
                    value={party?.value ?? null}
                    initialOption={party}
                    options={options}
                    loading={found.isFetching}
                    onSearch={setQ}
                    onChange={chooseParty}
                    error={err('partyId')}
                    clearable
                  />
                )}
              </Fieldset>

              <Fieldset legend={t('orders.intake.itemSection')} radius="md">
                <Stack gap="sm">
                  <TextInput
                    ref={serialRef}
                    label={t('orders.intake.serial')}
                    required
                    autoComplete="off"
                    spellCheck={false}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    value={serialText}
                    onChange={(e) => {
                      setSerialText(e.currentTarget.value);
                      if (serial.state !== 'idle') setSerial({ state: 'idle' });
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                        e.preventDefault();
                        void lookUpSerial();
                      }
                    }}
                    onBlur={() => {
                      if (serial.state === 'idle') void lookUpSerial();
                    }}
                    rightSection={serial.state === 'looking' ? <Loader size={14} /> : undefined}
                    error={err('serialNumber', 'itemId')}
                  />
                  {serial.state === 'known' && (
                    <Alert color="blue" variant="light" p="xs" data-testid="known-item">
                      <Text size="sm">
                        {t('orders.intake.serialKnown')}:{' '}
                        <Anchor
                          component={Link}
                          to={`/items/${serial.item.id}`}
                          size="sm"
                          fw={600}
                          tabIndex={-1}
                        >
                          {serial.item.brandName} {serial.item.modelName}
                        </Anchor>{' '}
                        · {serial.item.partyName}
                      </Text>
                      {otherOwner && (
                        <Group gap="xs" mt={4}>
                          <Text size="sm" c="orange.8">
                            {t('orders.intake.ownedByOther', { name: otherOwner.partyName })}
                          </Text>
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => {
                              setNewCustomer(null);
                              setParty({ value: otherOwner.partyId, label: otherOwner.partyName });
                            }}
                          >
                            {t('orders.intake.takeOwner')}
                          </Button>
                        </Group>
                      )}
                    </Alert>
                  )}
                  {serial.state === 'unknown' && (
                    <>
                      <Text size="sm" c="dimmed">
                        {t('orders.intake.serialUnknown')}
                      </Text>
                      <div ref={modelRef}>
                        <ModelPicker
                          label={t('orders.intake.model')}
                          required
                          value={modelId}
                          onChange={(v) => {
                            setModelId(v);
                            setErrors(({ modelId: _, ...rest }) => rest);
                            if (v) focusSoon(complaintRef);
                          }}
                          error={err('modelId')}
                        />
                      </div>
                    </>
                  )}
                </Stack>
              </Fieldset>

              <Fieldset legend={t('orders.intake.repairSection')} radius="md">
                <Stack gap="sm">
                  <Textarea
                    ref={complaintRef}
                    label={t('orders.intake.complaint')}
                    required
                    autosize
                    minRows={2}
                    value={complaint}
                    onChange={(e) => setComplaint(e.currentTarget.value)}
                    error={err('complaint')}
                  />
                  <Checkbox.Group
                    label={t('orders.intake.accessories')}
                    value={accessories}
                    onChange={(v) => setAccessories(v as Accessory[])}
                  >
                    <Group gap="md" mt={6}>
                      {ACCESSORIES.map((a) => (
                        <Checkbox key={a} value={a} label={t(`orders.intake.accessory.${a}`)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <TextInput
                    label={t('orders.intake.accessoriesOther')}
                    autoComplete="off"
                    value={otherAccessories}
                    onChange={(e) => setOtherAccessories(e.currentTarget.value)}
                    error={err('accessories')}
                  />
                  <TextInput
                    label={t('orders.intake.condition')}
                    placeholder={t('orders.intake.conditionHint')}
                    autoComplete="off"
                    value={condition}
                    onChange={(e) => setCondition(e.currentTarget.value)}
                    error={err('conditionNotes')}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                    <DateField
                      label={t('orders.intake.promisedDate')}
                      clearable
                      minDate={new Date()}
                      value={promisedDate}
                      onChange={(v) => setPromisedDate(v)}
                      error={err('promisedDate')}
                    />
                    <Stack gap={4}>
                      <Text size="sm" fw={500} id="intake-location">
                        {t('orders.intake.location')}
                      </Text>
                      <SegmentedControl
                        aria-labelledby="intake-location"
                        value={location}
                        onChange={(v) => setLocation(v as 'shop' | 'on_site')}
                        data={[
                          { value: 'shop', label: t('orders.location.shop') },
                          { value: 'on_site', label: t('orders.location.on_site') },
                        ]}
                      />
                    </Stack>
                    <Select
                      label={t('orders.intake.technician')}
                      placeholder={t('orders.noTechnician')}
                      searchable
                      clearable
                      data={technicians}
                      value={technicianId}
                      onChange={setTechnicianId}
                      error={err('technicianId')}
                    />
                  </SimpleGrid>
                  <IntakePhotosField files={photos} onChange={setPhotos} />
                </Stack>
              </Fieldset>
              <Group justify="flex-end">
                <Button type="submit" loading={intake.isPending || uploading} size="md">
                  {t('orders.intake.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <IntakeCheckPanel
            partyId={party?.value ?? null}
            itemId={serial.state === 'known' ? serial.item.id : null}
            item={serial.state === 'known' ? serial.item : null}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
