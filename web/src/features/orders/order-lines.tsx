import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { VatRateKind } from '@servix/server/kernel/vat-rate-kinds';
import type { ServiceType } from '@servix/server/modules/catalog/catalog.schema';
import {
  type AddLineBody,
  LINE_PAYERS,
  type LineKind,
  type LinePayer,
  type OrderDetail,
  type OrderLine,
  type RemovedDisposition,
} from '@servix/server/modules/orders/orders.schema';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, api, messageOf } from '../../api/client';
import { useLineWrite } from '../../api/orders';
import { useWarehouseOptions } from '../../api/stock';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale, type Locale } from '../../i18n';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';
import { SectionCard } from '../../ui/detail';
import { type Column, type PageOf, ResponsiveTable } from '../../ui/list';
import { useIsPhone } from '../../ui/phone';
import { FormAlert } from '../../ui/states';
import { centsToText, milliToText, textToMilli, textToOptionalCents } from '../../ui/typed-values';
import {
  LineVatKindFields,
  type LineVatValues,
  lineVatBody,
  lineVatErrors,
  lineVatInitial,
  lineVatOfItem,
  vatKindLabel,
} from '../catalog/vat-kind-fields';
import { LineRequest } from '../purchasing/line-request';
import { PartPicker } from '../stock/documents/part-picker';
import { useTechnicianOptions } from './technician-options';

const RESERVATION_COLOR = { reserved: 'green', partly: 'yellow', waiting: 'orange', none: 'gray' } as const;
const DISPOSITIONS: RemovedDisposition[] = ['returned', 'scrapped', 'to_warehouse'];

/** The quantity a line counts: the used quantity once set, else the planned one. */
const countedMilli = (l: OrderLine) => l.usedQuantityMilli ?? l.quantityMilli;
const bpToPercent = (bp: number) => bp / 100;

function LineDescription({ line, open, orderId }: { line: OrderLine; open: boolean; orderId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {line.partCode ? `${line.partCode} · ` : ''}
        {line.description}
      </Text>
      <Group gap={4}>
        <Badge size="xs" variant="outline" color="gray">
          {t(`orders.lines.kind.${line.kind}`)}
        </Badge>
        {open && line.kind === 'part' && line.reservationState !== 'none' && (
          <Badge
            size="xs"
            variant="light"
            color={RESERVATION_COLOR[line.reservationState]}
            data-testid="reservation"
          >
            {t(`orders.lines.reservation.${line.reservationState}`)}
          </Badge>
        )}
        {open && (line.reservationState === 'waiting' || line.reservationState === 'partly') && (
          <LineRequest orderId={orderId} lineId={line.id} />
        )}
        {line.payer !== 'customer' && (
          <Badge size="xs" variant="light" color="teal">
            {t(`orders.lines.payers.${line.payer}`)}
          </Badge>
        )}
        {line.fittedSerial && (
          <Text size="xs" c="dimmed" ff="monospace">
            ↑ {line.fittedSerial}
          </Text>
        )}
        {line.removedSerial && (
          <Text size="xs" c="dimmed" ff="monospace">
            ↓ {line.removedSerial}
          </Text>
        )}
        {line.technicians.length > 0 && (
          <Text size="xs" c="dimmed">
            {line.technicians
              .map((x) => (line.technicians.length > 1 ? `${x.name} ${bpToPercent(x.shareBp)} %` : x.name))
              .join(', ')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** What an order's or a quote's line carries of its price and VAT. */
interface PricedLine {
  unitPriceCents: number;
  discountBp: number;
  vatRateKind: VatRateKind | null;
  vatRateBp: number;
}

/** A line's unit price, its discount, and (on a wide screen) its kind of VAT with today's rate (ADR 0042). */
export function LinePrice({ line, withVat }: { line: PricedLine; withVat: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      {formatMoney(line.unitPriceCents, locale)}
      {line.discountBp > 0 && (
        <Text span size="xs" c="dimmed">
          {' '}
          −{bpToPercent(line.discountBp)} %
        </Text>
      )}
      {withVat && (
        <Text size="xs" c="dimmed" data-testid="line-vat">
          {t('catalog.vatKind')}: {vatKindLabel(t, line.vatRateKind, line.vatRateBp, locale)}
        </Text>
      )}
    </>
  );
}

/** ADR 0042: on a phone's card the line's kind with its rate today is a field of its own (a long kind wraps). */
export function lineVatColumn<T extends PricedLine>(t: TFunction, locale: Locale): Column<T> {
  return {
    key: 'vat',
    header: t('catalog.vatKind'),
    phone: 'secondary',
    align: 'right',
    render: (l) => (
      <Text size="xs" c="dimmed" data-testid="line-vat">
        {vatKindLabel(t, l.vatRateKind, l.vatRateBp, locale)}
      </Text>
    ),
  };
}

/** The parts, labour and charges of an order, with their totals and VAT per rate, and the forms that change them. */
export function OrderLines({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'POST /api/v1/service-orders/:id/lines') && order.editable;
  const [editing, setEditing] = useState<{ kind: LineKind; line?: OrderLine } | null>(null);
  const [removing, setRemoving] = useState<OrderLine | null>(null);
  const write = useLineWrite();

  const phone = useIsPhone();
  const vatColumn = lineVatColumn<OrderLine>(t, locale);
  const columns: Column<OrderLine>[] = [
    {
      key: 'description',
      header: t('orders.lines.description'),
      phone: 'title',
      render: (l) => <LineDescription line={l} open={order.editable} orderId={order.id} />,
    },
    {
      key: 'quantity',
      header: t('orders.lines.quantity'),
      phone: 'primary',
      align: 'right',
      nowrap: true,
      render: (l) =>
        l.usedQuantityMilli !== null && l.usedQuantityMilli !== l.quantityMilli
          ? `${formatQuantity(l.usedQuantityMilli, locale)} / ${formatQuantity(l.quantityMilli, locale)} ${l.unit}`
          : `${formatQuantity(countedMilli(l), locale)} ${l.unit}`,
    },
    {
      key: 'price',
      header: t('orders.lines.unitPrice'),
      phone: 'secondary',
      align: 'right',
      nowrap: true,
      render: (l) => <LinePrice line={l} withVat={!phone} />,
    },
    ...(phone ? [vatColumn] : []),
    {
      key: 'total',
      header: t('orders.lines.total'),
      phone: 'primary',
      align: 'right',
      nowrap: true,
      render: (l) =>
        l.payer === 'customer' ? (
          formatMoney(l.customerNetCents, locale)
        ) : (
          <Stack gap={0} align="flex-end">
            <Text size="sm">{formatMoney(0, locale)}</Text>
            <Text size="xs" c="dimmed">
              {t('orders.lines.listValue', { amount: formatMoney(l.netCents, locale) })}
            </Text>
          </Stack>
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: '',
            phone: 'secondary',
            align: 'right',
            render: (l) => (
              <LineMenu
                description={l.description}
                editLabel={t('orders.lines.edit')}
                removeLabel={t('orders.lines.remove')}
                onEdit={() => setEditing({ kind: l.kind, line: l })}
                onRemove={() => setRemoving(l)}
              />
            ),
          } satisfies Column<OrderLine>,
        ]
      : []),
  ];

  return (
    <SectionCard
      title={t('orders.lines.title')}
      action={
        canWrite && (
          <Group gap={6}>
            <Button
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing({ kind: 'part' })}
            >
              {t('orders.lines.addPart')}
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing({ kind: 'labour' })}
            >
              {t('orders.lines.addLabour')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing({ kind: 'charge' })}
            >
              {t('orders.lines.addCharge')}
            </Button>
          </Group>
        )
      }
    >
      <Stack gap="sm">
        {!order.editable && order.lines.length > 0 && order.status !== 'cancelled' && (
          <Text size="sm" c="dimmed">
            {t('orders.lines.finishedLocked')}
          </Text>
        )}
        {order.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('orders.lines.empty')}
          </Text>
        ) : (
          <ResponsiveTable
            columns={columns}
            rows={order.lines}
            rowKey={(l) => l.id}
            minWidth={520}
            data-testid="order-lines"
          />
        )}
        <Totals order={order} locale={locale} />
      </Stack>
      {editing && (
        <LineModal order={order} kind={editing.kind} line={editing.line} onClose={() => setEditing(null)} />
      )}
      {removing && (
        <ConfirmDeleteModal
          title={t('orders.lines.remove')}
          text={t('orders.lines.removeConfirm', { name: removing.description })}
          mutation={write}
          variables={{ orderId: order.id, lineId: removing.id, method: 'DELETE' as const }}
          onClose={() => setRemoving(null)}
          onDeleted={() => {
            setRemoving(null);
            notifications.show({ color: 'green', message: t('orders.lines.removed') });
          }}
        />
      )}
    </SectionCard>
  );
}

/** The totals under a list of lines: net, VAT per rate, total (an order's, or a repair quote's). */
export function Totals({
  order,
  locale,
}: {
  order: Pick<OrderDetail, 'totals' | 'vatByRate'> & { lines: readonly unknown[] };
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (order.lines.length === 0) return null;
  const { totals } = order;
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={360} ml="auto" data-testid="order-totals">
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t('orders.totals.net')}</Table.Td>
          <Table.Td ta="right">{formatMoney(totals.netCents, locale)}</Table.Td>
        </Table.Tr>
        {order.vatByRate.map((v) => (
          <Table.Tr key={`${v.vatRateBp}-${v.vatExempt}`}>
            <Table.Td>{t('orders.totals.vat', { rate: bpToPercent(v.vatRateBp) })}</Table.Td>
            <Table.Td ta="right">{formatMoney(v.vatCents, locale)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('orders.totals.gross')}</Table.Td>
          <Table.Td ta="right" fw={700} data-testid="order-total">
            {formatMoney(totals.totalCents, locale)}
          </Table.Td>
        </Table.Tr>
        {totals.warrantyNetCents > 0 && (
          <Table.Tr>
            <Table.Td c="dimmed">{t('orders.totals.notCustomer')}</Table.Td>
            <Table.Td ta="right" c="dimmed">
              {formatMoney(totals.warrantyNetCents, locale)}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** The labour services matching what was typed (the order and quote line editors). */
export function useServiceTypeSearch(q: string) {
  return useQuery({
    queryKey: ['catalog', 'service-types', 'picker', q],
    queryFn: () =>
      api.get<PageOf<ServiceType>>('/service-types', { q: q || undefined, pageSize: 30, sort: 'code' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

interface LineValues {
  partId: string | null;
  partLabel: string;
  serviceTypeId: string | null;
  description: string;
  warehouseId: string | null;
  quantity: string;
  used: string;
  price: string;
  priceOverrideReason: string;
  discount: number | string;
  payer: LinePayer | null;
  payerReason: string;
  normMinutes: number | string;
  actualMinutes: number | string;
  fittedSerial: string;
  removedSerial: string;
  removedDisposition: RemovedDisposition | null;
  removedWarehouseId: string | null;
  technicians: { technicianId: string | null; share: number | string }[];
  /** ADR 0042: the line's kind of VAT rate, its item's until one is picked. */
  vat: LineVatValues;
}

function valuesOf(
  order: OrderDetail,
  kind: LineKind,
  line: OrderLine | undefined,
  locale: Locale,
): LineValues {
  return {
    partId: line?.partId ?? null,
    partLabel: line ? `${line.partCode ?? ''} ${line.description}`.trim() : '',
    serviceTypeId: line?.serviceTypeId ?? null,
    description: line?.description ?? '',
    warehouseId: line?.warehouseId ?? null,
    quantity: line ? milliToText(line.quantityMilli, locale) : '1',
    used: line?.usedQuantityMilli != null ? milliToText(line.usedQuantityMilli, locale) : '',
    price: line ? centsToText(line.unitPriceCents, locale) : '',
    priceOverrideReason: line?.priceOverrideReason ?? '',
    discount: line ? bpToPercent(line.discountBp) : 0,
    payer: line?.payer ?? null,
    payerReason: line?.payerReason ?? '',
    normMinutes: line?.normMinutes ?? '',
    actualMinutes: line?.actualMinutes ?? '',
    fittedSerial: line?.fittedSerial ?? '',
    removedSerial: line?.removedSerial ?? '',
    removedDisposition: line?.removedDisposition ?? null,
    removedWarehouseId: line?.removedWarehouseId ?? null,
    technicians: line
      ? line.technicians.map((x) => ({ technicianId: x.technicianId, share: bpToPercent(x.shareBp) }))
      : kind === 'labour' && order.technicianId
        ? [{ technicianId: order.technicianId, share: 100 }]
        : [],
    // A charge has no item: the standard kind (the server's default too).
    vat: lineVatInitial(line, locale),
  };
}

const num = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** The body of a line as the API takes it: only what the user filled in; the server prices the rest. */
function bodyOf(
  kind: LineKind,
  v: LineValues,
  editing: boolean,
): z.input<typeof AddLineBody> & { usedQuantityMilli?: number | null } {
  const price = textToOptionalCents(v.price);
  const technicians = v.technicians
    .filter((x) => x.technicianId)
    .map((x) => ({ technicianId: x.technicianId ?? '', shareBp: Math.round(Number(x.share) * 100) }));
  return {
    kind,
    ...(kind === 'part' ? { partId: v.partId, warehouseId: v.warehouseId } : {}),
    ...(kind === 'labour' ? { serviceTypeId: v.serviceTypeId } : {}),
    ...(kind === 'charge' || v.description.trim() ? { description: v.description.trim() || null } : {}),
    quantityMilli: textToMilli(v.quantity.trim()),
    unitPriceCents: price,
    priceOverrideReason: v.priceOverrideReason.trim() || null,
    discountBp: Math.round(Number(v.discount || 0) * 100),
    payer: v.payer,
    payerReason: v.payerReason.trim() || null,
    ...(kind === 'labour'
      ? { normMinutes: num(v.normMinutes), actualMinutes: num(v.actualMinutes), technicians }
      : {}),
    ...(kind === 'part'
      ? {
          fittedSerial: v.fittedSerial.trim() || null,
          removedSerial: v.removedSerial.trim() || null,
          removedDisposition: v.removedDisposition,
          removedWarehouseId: v.removedDisposition === 'to_warehouse' ? v.removedWarehouseId : null,
        }
      : {}),
    ...(editing && kind === 'part'
      ? { usedQuantityMilli: v.used.trim() ? textToMilli(v.used.trim()) : null }
      : {}),
    ...lineVatBody(v.vat),
  };
}

/** Adds or changes one line: a part (reserved when added), labour (norm time and price from the catalogue) or a charge. */
function LineModal({
  order,
  kind,
  line,
  onClose,
}: {
  order: OrderDetail;
  kind: LineKind;
  line?: OrderLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const write = useLineWrite();
  const warehouses = useWarehouseOptions().data ?? [];
  const technicianOptions = useTechnicianOptions();
  const [stQ, setStQ] = useState('');
  const serviceTypes = useServiceTypeSearch(stQ);
  const [v, setV] = useState<LineValues>(() => valuesOf(order, kind, line, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof LineValues>(key: K, value: LineValues[K]) =>
    setV((prev) => ({ ...prev, [key]: value }));
  const warehouseData = warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }));
  const title = line
    ? `${t('orders.lines.edit')}: ${line.description}`
    : t(`orders.lines.add${kind === 'part' ? 'Part' : kind === 'labour' ? 'Labour' : 'Charge'}`);
  const sharesSum = v.technicians.reduce((s, x) => s + Number(x.share || 0), 0);

  function save(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (kind === 'part' && !line && !v.partId) found.partId = t('validation.required');
    if (kind === 'part' && !line && !v.warehouseId) found.warehouseId = t('validation.required');
    if (kind === 'labour' && !line && !v.serviceTypeId) found.serviceTypeId = t('validation.required');
    if (kind === 'charge' && !v.description.trim()) found.description = t('validation.required');
    if (kind === 'charge' && !v.price.trim()) found.unitPriceCents = t('validation.required');
    if (!(textToMilli(v.quantity.trim()) > 0)) found.quantityMilli = t('validation.required');
    if (kind === 'labour' && v.technicians.length > 0 && sharesSum !== 100)
      found.technicians = t('orders.lines.sharesMustSum');
    Object.assign(found, lineVatErrors(v.vat, t));
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = bodyOf(kind, v, Boolean(line));
    const { kind: _, ...patch } = body;
    write.mutate(
      line
        ? { orderId: order.id, lineId: line.id, method: 'PATCH', body: patch }
        : { orderId: order.id, method: 'POST', body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('orders.lines.saved') });
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          setFailure(messageOf(e));
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={save} noValidate aria-label={title}>
        <Stack gap="sm">
          <FormAlert message={failure} />
          {kind === 'part' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <PartPicker
                label={t('orders.lines.part')}
                required
                data-autofocus
                value={v.partId}
                initialLabel={v.partLabel}
                disabled={Boolean(line)}
                onPick={(p) =>
                  setV((prev) => ({
                    ...prev,
                    partId: p?.id ?? null,
                    vat: lineVatOfItem(prev.vat, p?.vat, locale),
                  }))
                }
                error={errors.partId}
              />
              <Select
                label={t('orders.lines.warehouse')}
                required
                data={warehouseData}
                value={v.warehouseId}
                onChange={(w) => set('warehouseId', w)}
                error={errors.warehouseId}
                searchable
              />
            </SimpleGrid>
          )}
          {kind === 'labour' && (
            <Select
              label={t('orders.lines.serviceType')}
              required
              data-autofocus
              searchable
              disabled={Boolean(line)}
              data={(serviceTypes.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.code} — ${locale === 'en' && s.nameEn ? s.nameEn : s.nameBg}`,
              }))}
              onSearchChange={setStQ}
              filter={({ options }) => options}
              value={v.serviceTypeId}
              onChange={(s) =>
                setV((prev) => ({
                  ...prev,
                  serviceTypeId: s,
                  vat: lineVatOfItem(
                    prev.vat,
                    serviceTypes.data?.items.find((x) => x.id === s),
                    locale,
                  ),
                }))
              }
              placeholder={line?.description}
              error={errors.serviceTypeId}
            />
          )}
          {(kind === 'charge' || line) && (
            <TextInput
              label={kind === 'charge' ? t('orders.lines.chargeDescription') : t('orders.lines.description')}
              required={kind === 'charge'}
              data-autofocus={kind === 'charge' || undefined}
              value={v.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
            />
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <TextInput
              label={t('orders.lines.quantity')}
              required
              inputMode="decimal"
              value={v.quantity}
              onChange={(e) => set('quantity', e.currentTarget.value)}
              error={errors.quantityMilli}
            />
            {line && kind === 'part' && (
              <TextInput
                label={t('orders.lines.used')}
                inputMode="decimal"
                value={v.used}
                placeholder={v.quantity}
                onChange={(e) => set('used', e.currentTarget.value)}
                error={errors.usedQuantityMilli}
              />
            )}
            <TextInput
              label={t('orders.lines.unitPrice')}
              required={kind === 'charge'}
              inputMode="decimal"
              value={v.price}
              placeholder={kind === 'charge' ? undefined : t('orders.lines.defaultPayer')}
              onChange={(e) => set('price', e.currentTarget.value)}
              error={errors.unitPriceCents}
            />
            <NumberInput
              label={t('orders.lines.discount')}
              min={0}
              max={100}
              decimalScale={2}
              value={v.discount}
              onChange={(n) => set('discount', n)}
              error={errors.discountBp}
            />
          </SimpleGrid>
          {kind !== 'charge' && v.price.trim() !== '' && (
            <TextInput
              label={t('orders.lines.priceOverrideReason')}
              value={v.priceOverrideReason}
              onChange={(e) => set('priceOverrideReason', e.currentTarget.value)}
              error={errors.priceOverrideReason}
            />
          )}
          {kind === 'labour' && (
            <>
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput
                  label={t('orders.lines.normMinutes')}
                  min={0}
                  allowDecimal={false}
                  value={v.normMinutes}
                  placeholder={t('orders.lines.defaultPayer')}
                  onChange={(n) => set('normMinutes', n)}
                  error={errors.normMinutes}
                />
                <NumberInput
                  label={t('orders.lines.actualMinutes')}
                  min={0}
                  allowDecimal={false}
                  value={v.actualMinutes}
                  onChange={(n) => set('actualMinutes', n)}
                  error={errors.actualMinutes}
                />
              </SimpleGrid>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('orders.lines.technicians')}
                </Text>
                {v.technicians.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a small editor, added and removed in place
                  <Group key={i} gap="xs" wrap="nowrap">
                    <Select
                      aria-label={t('orders.technician')}
                      data={technicianOptions}
                      value={x.technicianId}
                      onChange={(id) =>
                        set(
                          'technicians',
                          v.technicians.map((y, j) => (j === i ? { ...y, technicianId: id } : y)),
                        )
                      }
                      style={{ flex: 1, minWidth: 0 }}
                    />
                    <NumberInput
                      aria-label={t('orders.lines.share')}
                      w={90}
                      min={0}
                      max={100}
                      suffix=" %"
                      value={x.share}
                      onChange={(n) =>
                        set(
                          'technicians',
                          v.technicians.map((y, j) => (j === i ? { ...y, share: n } : y)),
                        )
                      }
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('orders.lines.remove')}
                      onClick={() =>
                        set(
                          'technicians',
                          v.technicians.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() =>
                      set('technicians', [
                        ...v.technicians,
                        { technicianId: null, share: Math.max(0, 100 - sharesSum) },
                      ])
                    }
                  >
                    {t('orders.lines.addTechnician')}
                  </Button>
                </Group>
                {errors.technicians && (
                  <Text size="xs" c="red">
                    {errors.technicians}
                  </Text>
                )}
              </Stack>
            </>
          )}
          {kind === 'part' && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('orders.lines.fittedSerial')}
                  autoComplete="off"
                  value={v.fittedSerial}
                  onChange={(e) => set('fittedSerial', e.currentTarget.value)}
                  error={errors.fittedSerial}
                />
                <TextInput
                  label={t('orders.lines.removedSerial')}
                  autoComplete="off"
                  value={v.removedSerial}
                  onChange={(e) => set('removedSerial', e.currentTarget.value)}
                  error={errors.removedSerial}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('orders.lines.removedDisposition')}
                  clearable
                  data={DISPOSITIONS.map((d) => ({ value: d, label: t(`orders.lines.disposition.${d}`) }))}
                  value={v.removedDisposition}
                  onChange={(d) => set('removedDisposition', d as RemovedDisposition | null)}
                  error={errors.removedDisposition}
                />
                {v.removedDisposition === 'to_warehouse' && (
                  <Select
                    label={t('orders.lines.removedWarehouse')}
                    data={warehouseData}
                    value={v.removedWarehouseId}
                    onChange={(w) => set('removedWarehouseId', w)}
                    error={errors.removedWarehouseId}
                  />
                )}
              </SimpleGrid>
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <LineVatKindFields
              value={v.vat}
              onChange={(update) => {
                setV((prev) => ({ ...prev, vat: update(prev.vat) }));
                setErrors(({ vatRateKind: _k, vatReason: _r, ...rest }) => rest);
              }}
              errors={errors}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('orders.lines.payer')}
              clearable
              placeholder={t('orders.lines.defaultPayer')}
              data={LINE_PAYERS.map((p) => ({ value: p, label: t(`orders.lines.payers.${p}`) }))}
              value={v.payer}
              onChange={(p) => set('payer', p as LinePayer | null)}
              error={errors.payer}
            />
            {v.payer !== null && v.payer !== line?.payer && (
              <TextInput
                label={t('orders.lines.payerReason')}
                value={v.payerReason}
                onChange={(e) => set('payerReason', e.currentTarget.value)}
                error={errors.payerReason}
              />
            )}
          </SimpleGrid>
          {line?.payer && line.payer !== 'customer' && (
            <Alert color="teal" p="xs">
              {t('orders.lines.listValue', { amount: formatMoney(line.netCents, locale) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {t('orders.notes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A line's menu in a lines editor (an order's, a quote's): edit it, or remove it. */
export function LineMenu({
  description,
  editLabel,
  removeLabel,
  onEdit,
  onRemove,
}: {
  description: string;
  editLabel: string;
  removeLabel: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`${editLabel}: ${description}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
          {editLabel}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
          {removeLabel}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
