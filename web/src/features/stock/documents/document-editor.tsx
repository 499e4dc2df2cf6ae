import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { Part } from '@servix/server/modules/catalog/catalog.schema';
import type { StockDocument, StockDocumentType, StockLevel } from '@servix/server/modules/stock/stock.schema';
import { IconAlertTriangle, IconBarcode, IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, messageOf } from '../../../api/client';
import { usePartyOptions } from '../../../api/parties';
import {
  type Shortfall,
  shortfallOf,
  useCreateStockDocument,
  useDeleteStockDocument,
  usePostStockDocument,
  useUpdateStockDocument,
  useWarehouseOptions,
} from '../../../api/stock';
import { currentLocale } from '../../../i18n';
import { ConfirmDeleteModal } from '../../../ui/confirm-delete-modal';
import { dateInputFormat } from '../../../ui/format';
import { showServerErrors } from '../../../ui/forms';
import type { PageOf } from '../../../ui/list';
import { type SearchOption, SearchSelect } from '../../../ui/search-select';
import { FormAlert } from '../../../ui/states';
import { centsToText, milliToText } from '../../catalog/catalog-values';
import {
  addScanned,
  clientErrors,
  type DocumentValues,
  documentFieldOf,
  emptyLine,
  HAS,
  type LineValues,
  newLineKey,
  partLabel,
  type ScannedPart,
  sentLineIndexes,
  toCreateBody,
  toUpdateBody,
  typedLineValue,
} from './document-form';
import { PartPicker, useAvailable } from './part-picker';

/** Today in the user's time zone, 'YYYY-MM-DD' (the server dates a document today when no date is sent). */
const todayIso = () => new Date().toLocaleDateString('sv-SE');

/** What the editor carries to the saved draft's page when posting a new document fails. */
export interface PostFailure {
  problem: ApiError['problem'];
}

function SupplierPicker({
  value,
  initialName,
  onChange,
  error,
}: {
  value: string | null;
  initialName: string;
  onChange: (id: string | null, name: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = usePartyOptions(q, 'supplier');
  const options: SearchOption[] = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    description: [p.uic, p.city].filter(Boolean).join(' · ') || undefined,
  }));
  return (
    <SearchSelect
      label={t('stock.docs.supplier')}
      value={value}
      options={options}
      initialOption={value ? { value, label: initialName } : null}
      loading={found.isFetching}
      onSearch={setQ}
      onChange={(id, option) => onChange(id, option?.label ?? '')}
      nothingFoundMessage={t('stock.docs.noSupplierFound')}
      placeholder={t('stock.docs.supplierPlaceholder')}
      error={error}
      clearable
      data-testid="supplier-picker"
    />
  );
}

function AvailableHint({
  warehouseId,
  partId,
  book,
}: {
  warehouseId: string | null;
  partId: string | null;
  /** A count compares with the books (on hand), not with what is free. */
  book?: boolean;
}) {
  const { t } = useTranslation();
  const available = useAvailable(warehouseId, partId);
  if (!available) return null;
  if (book)
    return (
      <Text size="xs" c="dimmed" data-testid="book-hint">
        {t('stock.docs.onBooks', { quantity: available.onHandText })}
      </Text>
    );
  return (
    <Text size="xs" c={available.milli > 0 ? 'dimmed' : 'red'} data-testid="available-hint">
      {t('stock.docs.available', { quantity: available.text })}
    </Text>
  );
}

function LineRow({
  type,
  index,
  form,
  warehouseId,
  onRemove,
}: {
  type: StockDocumentType;
  index: number;
  form: ReturnType<typeof useForm<DocumentValues>>;
  warehouseId: string | null;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const line = form.values.lines[index] as LineValues;
  const path = (f: keyof LineValues) => `lines.${index}.${f}`;
  const value = HAS.unitCost(type) ? typedLineValue(line) : null;
  const outgoing = type === 'issue' || type === 'transfer' || type === 'writeoff';
  return (
    <Table.Tr data-testid={`line-${index}`}>
      <Table.Td c="dimmed" w={36} style={{ verticalAlign: 'top', paddingTop: 14 }}>
        {index + 1}
      </Table.Td>
      <Table.Td miw={320} style={{ verticalAlign: 'top' }}>
        <PartPicker
          aria-label={`${t('stock.docs.part')} ${index + 1}`}
          value={line.partId}
          initialLabel={line.partLabel}
          error={form.errors[path('partId')]}
          onPick={(part) => {
            form.setFieldValue(path('partId'), part?.id ?? null);
            form.setFieldValue(path('partLabel'), part?.label ?? '');
            form.setFieldValue(path('unit'), part?.unit ?? '');
            if (part && HAS.unitCost(type) && line.unitCost === '' && part.typicalCostCents !== null)
              form.setFieldValue(path('unitCost'), centsToText(part.typicalCostCents, locale));
          }}
        />
      </Table.Td>
      <Table.Td w={150} style={{ verticalAlign: 'top' }}>
        <Stack gap={2}>
          {HAS.counted(type) ? (
            <TextInput
              aria-label={`${t('stock.docs.counted')} ${index + 1}`}
              inputMode="decimal"
              rightSection={<Text size="xs">{line.unit}</Text>}
              styles={{ input: { textAlign: 'right' } }}
              {...form.getInputProps(path('counted'))}
            />
          ) : (
            <TextInput
              aria-label={`${t('stock.docs.quantity')} ${index + 1}`}
              inputMode="decimal"
              rightSection={<Text size="xs">{line.unit}</Text>}
              rightSectionWidth={44}
              styles={{ input: { textAlign: 'right' } }}
              {...form.getInputProps(path('quantity'))}
            />
          )}
          {(outgoing || HAS.counted(type)) && (
            <AvailableHint warehouseId={warehouseId} partId={line.partId} />
          )}
        </Stack>
      </Table.Td>
      {HAS.unitCost(type) && (
        <>
          <Table.Td w={140} style={{ verticalAlign: 'top' }}>
            <TextInput
              aria-label={`${t('stock.docs.unitCostShort')} ${index + 1}`}
              inputMode="decimal"
              styles={{ input: { textAlign: 'right' } }}
              {...form.getInputProps(path('unitCost'))}
            />
          </Table.Td>
          <Table.Td w={120} ta="right" style={{ verticalAlign: 'top', paddingTop: 14, whiteSpace: 'nowrap' }}>
            <Text size="sm" data-testid={`line-value-${index}`}>
              {value === null ? '—' : formatMoney(value, locale)}
            </Text>
          </Table.Td>
        </>
      )}
      {(type === 'receipt' || type === 'issue') && (
        <Table.Td w={170} style={{ verticalAlign: 'top' }}>
          <TextInput
            aria-label={`${t('stock.docs.serialNumbers')} ${index + 1}`}
            {...form.getInputProps(path('serialNumbers'))}
          />
        </Table.Td>
      )}
      <Table.Td w={44} style={{ verticalAlign: 'top', paddingTop: 10 }}>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={`${t('stock.docs.removeLine')} ${index + 1}`}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A barcode scanner types the code and Enter: the part whose barcode (or code) is exactly that gets one more unit
 * on the document. Anything else says it found no such part and leaves the lines alone.
 */
function ScanInput({ onPart }: { onPart: (part: ScannedPart) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scan = async () => {
    const code = text.trim();
    if (!code) return;
    setBusy(true);
    try {
      const found = await api.get<PageOf<Part>>('/parts', { q: code, pageSize: 20 });
      const part = found.items.find((p) => p.barcode === code || p.code.toUpperCase() === code.toUpperCase());
      if (!part) {
        setError(t('stock.docs.scanNotFound', { code }));
        return;
      }
      const name = locale === 'en' && part.nameEn ? part.nameEn : part.nameBg;
      onPart({
        id: part.id,
        label: partLabel({ code: part.code, name }),
        unit: part.unit,
        typicalCostCents: part.typicalCostCents ?? null,
      });
      setError(null);
      setText('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <TextInput
      aria-label={t('stock.docs.scan')}
      placeholder={t('stock.docs.scan')}
      leftSection={<IconBarcode size={16} />}
      rightSection={busy ? <Loader size={14} /> : null}
      value={text}
      error={error}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void scan();
        }
      }}
      w={300}
      data-testid="scan-input"
    />
  );
}

function ShortfallAlert({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />} title={t('stock.docs.shortTitle')}>
      <Text size="sm" data-testid="shortfall">
        {message}
      </Text>
    </Alert>
  );
}

/**
 * A draft stock document: the header fields of its type and its lines. Saving keeps it a draft; posting
 * saves it first, then asks the server to move the stock (all or nothing).
 */
export function DocumentEditor({
  type,
  doc,
  initialValues,
}: {
  type: StockDocumentType;
  doc?: StockDocument;
  initialValues: DocumentValues;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const warehouses = useWarehouseOptions().data ?? [];
  const create = useCreateStockDocument();
  const update = useUpdateStockDocument();
  const post = usePostStockDocument();
  const remove = useDeleteStockDocument();
  const [confirmPost, confirmPostModal] = useDisclosure(false);
  const [confirmDelete, confirmDeleteModal] = useDisclosure(false);
  const carried = (location.state as { postFailure?: PostFailure } | null)?.postFailure;
  const [failure, setFailure] = useState<{ message: string; shortfall: Shortfall | null } | null>(
    carried
      ? { message: carried.problem.detail, shortfall: shortfallOf(new ApiError(carried.problem)) }
      : null,
  );
  const [filling, setFilling] = useState(false);
  const form = useForm<DocumentValues>({
    initialValues,
    initialErrors: failure?.shortfall ? shortfallError(failure.shortfall) : {},
  });
  const { values } = form;
  const busy = create.isPending || update.isPending || post.isPending;

  const warehouseData = warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }));
  const validate = () => {
    const errors = clientErrors(type, values, {
      required: t('validation.required'),
      quantity: t('stock.docs.invalidQuantity'),
      amount: t('stock.docs.invalidAmount'),
      sameWarehouse: t('stock.docs.sameWarehouse'),
      noLines: t('stock.docs.noLines'),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFailure({ message: errors.lines ?? t('stock.docs.fixErrors'), shortfall: null });
      return false;
    }
    return true;
  };

  /** The line of the part that is short: its quantity says how much is missing. */
  function shortfallError(shortfall: Shortfall): Record<string, string> {
    const row = initialValues.lines.findIndex((l) => l.partId === shortfall.partId);
    if (row < 0) return {};
    return {
      [`lines.${row}.${HAS.counted(type) ? 'counted' : 'quantity'}`]: t('stock.docs.shortLine', {
        shortfall: formatQuantity(shortfall.shortfallMilli, locale),
        part: shortfall.partCode,
        warehouse: shortfall.warehouseCode,
      }),
    };
  }

  const onServerError = (error: unknown) => {
    const shortfall = shortfallOf(error);
    if (shortfall) {
      const row = values.lines.findIndex((l) => l.partId === shortfall.partId);
      if (row >= 0)
        form.setFieldError(
          `lines.${row}.${HAS.counted(type) ? 'counted' : 'quantity'}`,
          t('stock.docs.shortLine', {
            shortfall: formatQuantity(shortfall.shortfallMilli, locale),
            part: shortfall.partCode,
            warehouse: shortfall.warehouseCode,
          }),
        );
      setFailure({ message: (error as ApiError).message, shortfall });
      return;
    }
    const unplaced = showServerErrors(form, error, documentFieldOf(sentLineIndexes(values)));
    setFailure({ message: unplaced ?? t('stock.docs.fixErrors'), shortfall: null });
  };

  /** Saves the draft (creating it the first time) and gives back the saved document. */
  const save = async (): Promise<StockDocument> =>
    doc
      ? update.mutateAsync({ id: doc.id, body: toUpdateBody(type, values) })
      : create.mutateAsync(toCreateBody(type, values));

  const onSave = async () => {
    setFailure(null);
    if (!validate()) return;
    try {
      const saved = await save();
      form.resetDirty();
      notifications.show({ color: 'green', message: t('stock.docs.saved') });
      if (!doc) navigate(`/stock/documents/${saved.id}`, { replace: true });
    } catch (e) {
      onServerError(e);
    }
  };

  const onPost = async () => {
    confirmPostModal.close();
    setFailure(null);
    if (!validate()) return;
    let saved: StockDocument;
    try {
      saved = await save();
    } catch (e) {
      onServerError(e);
      return;
    }
    try {
      const posted = await post.mutateAsync(saved.id);
      notifications.show({ color: 'green', message: t('stock.docs.posted', { number: posted.number }) });
      navigate(`/stock/documents/${posted.id}`, { replace: true, state: null });
    } catch (e) {
      if (!doc && e instanceof ApiError) {
        // The draft exists now: show it, with the refusal.
        navigate(`/stock/documents/${saved.id}`, {
          replace: true,
          state: { postFailure: { problem: e.problem } satisfies PostFailure },
        });
        return;
      }
      onServerError(e);
    }
  };

  /** A count sheet starts from the books: every part on hand in the warehouse, counted = on the books. */
  const fillFromLevels = async () => {
    if (!values.warehouseId) {
      form.setFieldError('warehouseId', t('stock.docs.pickWarehouseFirst'));
      return;
    }
    setFilling(true);
    try {
      const present = new Set(values.lines.map((l) => l.partId));
      const rows: LineValues[] = [];
      for (let page = 1; ; page++) {
        const levels = await api.get<PageOf<StockLevel>>('/stock/levels', {
          warehouseId: values.warehouseId,
          sort: 'partCode',
          pageSize: 200,
          page,
        });
        for (const l of levels.items)
          if (!present.has(l.partId))
            rows.push({
              ...emptyLine(),
              key: newLineKey(),
              partId: l.partId,
              partLabel: partLabel({ code: l.partCode, name: l.partName }),
              unit: l.unit,
              counted: milliToText(l.onHandMilli, locale),
            });
        if (page * levels.pageSize >= levels.total) break;
      }
      const kept = values.lines.filter((l) => l.partId !== null);
      form.setFieldValue('lines', [...kept, ...rows]);
    } finally {
      setFilling(false);
    }
  };

  const reasonHint =
    type === 'issue' || type === 'writeoff' || type === 'count'
      ? t(`stock.docs.reasonHint.${type}`)
      : undefined;
  const total = HAS.unitCost(type)
    ? values.lines.reduce((sum, l) => sum + (typedLineValue(l) ?? 0), 0)
    : null;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
      noValidate
      aria-label={t(`stock.docs.newTitle.${type}`)}
    >
      <Stack gap="md">
        {failure &&
          (failure.shortfall ? (
            <ShortfallAlert message={failure.message} />
          ) : (
            <FormAlert message={failure.message} />
          ))}
        <Card withBorder radius="md" padding="md">
          <Title order={3} fz="sm" fw={600} c="dimmed" tt="uppercase" mb="sm">
            {t('stock.docs.section.header')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <DatePickerInput
              label={t('stock.docs.date')}
              placeholder={formatDate(todayIso(), locale)}
              valueFormat={dateInputFormat(locale)}
              clearable
              {...form.getInputProps('documentDate')}
            />
            <Select
              label={HAS.toWarehouse(type) ? t('stock.docs.fromWarehouse') : t('stock.docs.warehouse')}
              data={warehouseData}
              searchable
              required
              {...form.getInputProps('warehouseId')}
            />
            {HAS.toWarehouse(type) && (
              <Select
                label={t('stock.docs.toWarehouse')}
                data={warehouseData.filter((w) => w.value !== values.warehouseId)}
                searchable
                required
                {...form.getInputProps('toWarehouseId')}
              />
            )}
            {HAS.supplier(type) && (
              <>
                <SupplierPicker
                  value={values.supplierId}
                  initialName={values.supplierName}
                  error={form.errors.supplierId as string | undefined}
                  onChange={(id, name) => {
                    form.setFieldValue('supplierId', id);
                    form.setFieldValue('supplierName', name);
                  }}
                />
                <TextInput
                  label={t('stock.docs.supplierDocNumber')}
                  placeholder={t('stock.docs.supplierDocHint')}
                  {...form.getInputProps('supplierDocNumber')}
                />
                <DatePickerInput
                  label={t('stock.docs.supplierDocDate')}
                  valueFormat={dateInputFormat(locale)}
                  clearable
                  {...form.getInputProps('supplierDocDate')}
                />
                <TextInput
                  label={t('stock.docs.landedCost')}
                  description={t('stock.docs.landedCostHint')}
                  inputMode="decimal"
                  {...form.getInputProps('landedCost')}
                />
              </>
            )}
            {HAS.reason(type) && (
              <TextInput
                label={t('stock.docs.reason')}
                placeholder={reasonHint}
                required={HAS.reasonRequired(type)}
                {...form.getInputProps('reason')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('stock.docs.notes')}
            autosize
            minRows={1}
            mt="md"
            {...form.getInputProps('notes')}
          />
        </Card>

        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} fz="sm" fw={600} c="dimmed" tt="uppercase">
              {t('stock.docs.section.lines')}
            </Title>
            <ScanInput onPart={(part) => form.setValues(addScanned(type, form.getValues(), part, locale))} />
            {HAS.counted(type) && (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconListCheck size={16} />}
                loading={filling}
                onClick={() => void fillFromLevels()}
                title={t('stock.docs.fillFromLevelsHint')}
              >
                {t('stock.docs.fillFromLevels')}
              </Button>
            )}
          </Group>
          <Table.ScrollContainer minWidth={HAS.unitCost(type) ? 900 : 640}>
            <Table verticalSpacing={6} data-testid="document-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>{t('stock.docs.part')}</Table.Th>
                  <Table.Th ta="right">
                    {HAS.counted(type) ? t('stock.docs.counted') : t('stock.docs.quantity')}
                  </Table.Th>
                  {HAS.unitCost(type) && (
                    <>
                      <Table.Th ta="right">{t('stock.docs.unitCost')}</Table.Th>
                      <Table.Th ta="right">{t('stock.docs.value')}</Table.Th>
                    </>
                  )}
                  {(type === 'receipt' || type === 'issue') && (
                    <Table.Th>{t('stock.docs.serialNumbers')}</Table.Th>
                  )}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.lines.map((l, i) => (
                  <LineRow
                    key={l.key}
                    type={type}
                    index={i}
                    form={form}
                    warehouseId={values.warehouseId}
                    onRemove={() => form.removeListItem('lines', i)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {typeof form.errors.lines === 'string' && (
            <Text size="sm" c="red" mt="xs">
              {form.errors.lines}
            </Text>
          )}
          <Group justify="space-between" mt="sm" align="flex-start">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => form.insertListItem('lines', emptyLine())}
            >
              {t('stock.docs.addLine')}
            </Button>
            {total !== null && (
              <Stack gap={2} align="flex-end">
                <Text size="sm">
                  {t('stock.docs.total')}:{' '}
                  <Text span fw={600} data-testid="document-total">
                    {formatMoney(total, locale)}
                  </Text>
                </Text>
                {values.landedCost.trim() !== '' && (
                  <Text size="xs" c="dimmed">
                    + {t('stock.docs.landedCost')}: {values.landedCost}
                  </Text>
                )}
              </Stack>
            )}
          </Group>
        </Card>

        <Group justify="space-between">
          <Group gap="xs">
            <Button type="submit" variant="default" loading={create.isPending || update.isPending}>
              {t('stock.docs.saveDraft')}
            </Button>
            <Button onClick={confirmPostModal.open} disabled={busy} loading={post.isPending}>
              {t('stock.docs.post')}
            </Button>
          </Group>
          {doc && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={confirmDeleteModal.open}
            >
              {t('stock.docs.deleteDraft')}
            </Button>
          )}
        </Group>
      </Stack>

      <Modal opened={confirmPost} onClose={confirmPostModal.close} title={t('stock.docs.post')} centered>
        <Stack>
          <Text size="sm">{t('stock.docs.postConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirmPostModal.close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void onPost()} data-testid="confirm-post">
              {t('stock.docs.post')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {doc && confirmDelete && (
        <ConfirmDeleteModal
          title={t('stock.docs.deleteTitle')}
          text={t('stock.docs.deleteText')}
          mutation={remove}
          variables={doc.id}
          onClose={confirmDeleteModal.close}
          onDeleted={() => {
            notifications.show({ color: 'green', message: t('stock.docs.deleted') });
            navigate('/stock/documents', { replace: true });
          }}
        />
      )}
    </form>
  );
}
