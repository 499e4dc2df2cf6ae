import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { StockDocument, StockDocumentType, StockLevel } from '@servix/server/modules/stock/stock.schema';
import { IconListCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../../api/client';
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
import { DateField } from '../../../ui/date-field';
import { showServerErrors } from '../../../ui/forms';
import { LinesEditor } from '../../../ui/lines-editor';
import type { PageOf } from '../../../ui/list';
import { FormAlert } from '../../../ui/states';
import { milliToText } from '../../../ui/typed-values';
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
  sentLineIndexes,
  toCreateBody,
  toUpdateBody,
  typedLineValue,
} from './document-form';
import { ScanInput, ShortfallAlert, SupplierPicker } from './document-inputs';
import { documentLineColumns } from './document-lines';

/** Today in the user's time zone, 'YYYY-MM-DD' (the server dates a document today when no date is sent). */
const todayIso = () => new Date().toLocaleDateString('sv-SE');

/** What the editor carries to the saved draft's page when posting a new document fails. */
export interface PostFailure {
  problem: ApiError['problem'];
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
  /** The line of the part that is short, and what to say on it: how much is missing. */
  const shortLine = (lines: readonly LineValues[], shortfall: Shortfall): Record<string, string> => {
    const row = lines.findIndex((l) => l.partId === shortfall.partId);
    if (row < 0) return {};
    return {
      [`lines.${row}.${HAS.counted(type) ? 'counted' : 'quantity'}`]: t(
        shortfall.date ? 'stock.docs.shortLineOn' : 'stock.docs.shortLine',
        {
          shortfall: formatQuantity(shortfall.shortfallMilli, locale),
          part: shortfall.partCode,
          warehouse: shortfall.warehouseCode,
          date: shortfall.date ? formatDate(shortfall.date, locale) : '',
        },
      ),
    };
  };
  const form = useForm<DocumentValues>({
    initialValues,
    initialErrors: failure?.shortfall ? shortLine(initialValues.lines, failure.shortfall) : {},
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

  const onServerError = (error: unknown) => {
    const shortfall = shortfallOf(error);
    if (shortfall) {
      for (const [path, message] of Object.entries(shortLine(values.lines, shortfall)))
        form.setFieldError(path, message);
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
      // Saved again after a refused posting: the refusal it carried is no longer news.
      if (!doc || carried) navigate(`/stock/documents/${saved.id}`, { replace: true });
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
      if (e instanceof ApiError) {
        // The draft exists now (and a saved one comes back with a new version, which draws the editor afresh):
        // show it, with the refusal.
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

  const lineColumns = documentLineColumns({
    type,
    t,
    locale,
    warehouseId: values.warehouseId,
    documentDate: values.documentDate,
    setLine: (index, patch) => {
      for (const [field, value] of Object.entries(patch))
        form.setFieldValue(`lines.${index}.${field}`, value);
    },
  });

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
            <DateField
              label={t('stock.docs.date')}
              placeholder={formatDate(todayIso(), locale)}
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
                <DateField
                  label={t('stock.docs.supplierDocDate')}
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
          <LinesEditor
            rows={values.lines}
            rowKey={(l) => l.key}
            columns={lineColumns}
            errors={form.errors}
            onChange={(i, field, value) => form.setFieldValue(`lines.${i}.${field}`, value)}
            onAdd={() => form.insertListItem('lines', emptyLine())}
            onRemove={(i) => form.removeListItem('lines', i)}
            addLabel={t('stock.docs.addLine')}
            removeLabel={t('stock.docs.removeLine')}
            minWidth={HAS.unitCost(type) ? 900 : 640}
            data-testid="document-lines"
            footer={
              total !== null && (
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
              )
            }
          />
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
