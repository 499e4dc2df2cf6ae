import {
  Anchor,
  Button,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { QuoteDetail, QuoteLine, QuoteLineBody } from '@servix/server/modules/quotes/quotes.schema';
import { IconPencil, IconPlus, IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { ApiError, messageOf } from '../../api/client';
import {
  quotePdfUrl,
  useConvertQuote,
  usePatchQuote,
  useQuote,
  useQuoteLineWrite,
  useQuoteStatus,
} from '../../api/quotes';
import { useWarehouseOptions } from '../../api/stock';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ConfirmDeleteModal } from '../../ui/confirm-delete-modal';
import { DateField } from '../../ui/date-field';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { type Column, ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { PdfButton } from '../../ui/pdf-button';
import { useIsPhone } from '../../ui/phone';
import { FormAlert, LoadError, NotFound, PageLoader } from '../../ui/states';
import { centsToText, milliToText, textToMilli, textToOptionalCents } from '../../ui/typed-values';
import {
  LineVatKindFields,
  lineVatBody,
  lineVatErrors,
  lineVatInitial,
  lineVatOfItem,
} from '../catalog/vat-kind-fields';
import { LineMenu, LinePrice, lineVatColumn, Totals, useServiceTypeSearch } from '../orders/order-lines';
import { PartPicker } from '../stock/documents/part-picker';
import { QuoteStatusBadge } from './quote-badges';

type Kind = QuoteLine['kind'];

/** The lines of a quote, as the order's lines show them; changed only in a draft. */
function QuoteLines({ quote, canWrite }: { quote: QuoteDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const write = useQuoteLineWrite();
  const [editing, setEditing] = useState<{ kind: Kind; line?: QuoteLine } | null>(null);
  const [removing, setRemoving] = useState<QuoteLine | null>(null);
  const editable = canWrite && quote.editable;
  const phone = useIsPhone();
  const vatColumn = lineVatColumn<QuoteLine>(t, locale);
  const columns: Column<QuoteLine>[] = [
    {
      key: 'description',
      header: t('quotes.lines.description'),
      phone: 'title',
      render: (l) => (
        <Stack gap={0}>
          <Text size="sm">{l.description}</Text>
          <Text size="xs" c="dimmed">
            {[
              t(`quotes.lines.kind.${l.kind}`),
              l.partCode,
              l.warehouseCode,
              l.normMinutes !== null ? `${l.normMinutes} min` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'quantity',
      header: t('quotes.lines.quantity'),
      phone: 'primary',
      align: 'right',
      nowrap: true,
      render: (l) => `${formatQuantity(l.quantityMilli, locale)} ${l.unit}`,
    },
    {
      key: 'price',
      header: t('quotes.lines.unitPrice'),
      phone: 'secondary',
      align: 'right',
      nowrap: true,
      render: (l) => <LinePrice line={l} withVat={!phone} />,
    },
    ...(phone ? [vatColumn] : []),
    {
      key: 'total',
      header: t('quotes.lines.total'),
      phone: 'primary',
      align: 'right',
      nowrap: true,
      render: (l) => formatMoney(l.netCents, locale),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: '',
            phone: 'secondary',
            align: 'right',
            render: (l) => (
              <LineMenu
                description={l.description}
                editLabel={t('quotes.lines.edit')}
                removeLabel={t('quotes.lines.remove')}
                onEdit={() => setEditing({ kind: l.kind, line: l })}
                onRemove={() => setRemoving(l)}
              />
            ),
          } satisfies Column<QuoteLine>,
        ]
      : []),
  ];
  return (
    <SectionCard
      title={t('quotes.lines.title')}
      action={
        editable && (
          <Group gap={6}>
            {(['part', 'labour', 'charge'] as const).map((kind, i) => (
              <Button
                key={kind}
                size="compact-sm"
                variant={i === 0 ? 'filled' : i === 1 ? 'light' : 'default'}
                leftSection={<IconPlus size={14} />}
                onClick={() => setEditing({ kind })}
                data-testid={`add-${kind}`}
              >
                {t(`quotes.lines.add${kind === 'part' ? 'Part' : kind === 'labour' ? 'Labour' : 'Charge'}`)}
              </Button>
            ))}
          </Group>
        )
      }
    >
      <Stack gap="sm">
        {!quote.editable && canWrite && quote.status !== 'converted' && quote.status !== 'rejected' && (
          <Text size="sm" c="dimmed">
            {t('quotes.quote.draftOnly')}
          </Text>
        )}
        {quote.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('quotes.lines.empty')}
          </Text>
        ) : (
          <ResponsiveTable
            columns={columns}
            rows={quote.lines}
            rowKey={(l) => l.id}
            minWidth={520}
            data-testid="quote-lines"
          />
        )}
        <Totals order={quote} locale={locale} />
        {quote.dualTotal && (
          // EUR-02: a consumer's quote also in BGN, in the same font, with the rate, while dual display lasts.
          <Text ta="right" fw={700} data-testid="quote-dual-total">
            {t('quotes.dualTotal', {
              amount: formatMoney(quote.dualTotal.totalCents, locale, quote.dualTotal.currency),
            })}
          </Text>
        )}
      </Stack>
      {editing && (
        <LineModal quote={quote} kind={editing.kind} line={editing.line} onClose={() => setEditing(null)} />
      )}
      {removing && (
        <ConfirmDeleteModal
          title={t('quotes.lines.remove')}
          text={t('quotes.lines.removeConfirm', { name: removing.description })}
          mutation={write}
          variables={{ quoteId: quote.id, lineId: removing.id, method: 'DELETE' as const }}
          onClose={() => setRemoving(null)}
          onDeleted={() => {
            setRemoving(null);
            notifications.show({ color: 'green', message: t('quotes.lines.removed') });
          }}
        />
      )}
    </SectionCard>
  );
}

/** Adds or changes a planned line: a part (with its warehouse), labour (priced for the item's model) or a charge. */
function LineModal({
  quote,
  kind,
  line,
  onClose,
}: {
  quote: QuoteDetail;
  kind: Kind;
  line?: QuoteLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const write = useQuoteLineWrite();
  const warehouses = useWarehouseOptions().data ?? [];
  const [stQ, setStQ] = useState('');
  const serviceTypes = useServiceTypeSearch(stQ);
  const [partId, setPartId] = useState<string | null>(line?.partId ?? null);
  const [warehouseId, setWarehouseId] = useState<string | null>(
    line?.warehouseId ?? (warehouses.length === 1 ? (warehouses[0]?.id ?? null) : null),
  );
  const [serviceTypeId, setServiceTypeId] = useState<string | null>(line?.serviceTypeId ?? null);
  const [description, setDescription] = useState(line?.description ?? '');
  const [quantity, setQuantity] = useState(line ? milliToText(line.quantityMilli, locale) : '1');
  const [price, setPrice] = useState(line ? centsToText(line.unitPriceCents, locale) : '');
  const [discount, setDiscount] = useState<number | string>(line ? line.discountBp / 100 : 0);
  const [reason, setReason] = useState(line?.priceOverrideReason ?? '');
  // ADR 0042: the line's kind of VAT rate, its item's until one is picked.
  const [vat, setVat] = useState(() => lineVatInitial(line, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const title = line
    ? `${t('quotes.lines.edit')}: ${line.description}`
    : t(`quotes.lines.add${kind === 'part' ? 'Part' : kind === 'labour' ? 'Labour' : 'Charge'}`);

  function save(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (kind === 'part' && !partId) found.partId = t('validation.required');
    if (kind === 'part' && !warehouseId) found.warehouseId = t('validation.required');
    if (kind === 'labour' && !serviceTypeId) found.serviceTypeId = t('validation.required');
    if (kind === 'charge' && !description.trim()) found.description = t('validation.required');
    if (kind === 'charge' && !price.trim()) found.unitPriceCents = t('validation.required');
    if (!(textToMilli(quantity.trim()) > 0)) found.quantityMilli = t('validation.required');
    Object.assign(found, lineVatErrors(vat, t));
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: z.input<typeof QuoteLineBody> = {
      kind,
      ...(kind === 'part' ? { partId, warehouseId } : {}),
      ...(kind === 'labour' ? { serviceTypeId } : {}),
      ...(kind === 'charge' || (line && description.trim())
        ? { description: description.trim() || null }
        : {}),
      quantityMilli: textToMilli(quantity.trim()),
      unitPriceCents: textToOptionalCents(price),
      priceOverrideReason: reason.trim() || null,
      discountBp: Math.round(Number(discount || 0) * 100),
      ...lineVatBody(vat),
    };
    const { kind: _, ...patch } = body;
    write.mutate(
      line
        ? { quoteId: quote.id, lineId: line.id, method: 'PATCH', body: patch }
        : { quoteId: quote.id, method: 'POST', body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('quotes.lines.saved') });
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
                label={t('quotes.lines.part')}
                required
                data-autofocus
                value={partId}
                initialLabel={line ? `${line.partCode ?? ''} ${line.description}`.trim() : ''}
                onPick={(p) => {
                  setPartId(p?.id ?? null);
                  setVat((prev) => lineVatOfItem(prev, p?.vat, locale));
                }}
                error={errors.partId}
              />
              <Select
                label={t('quotes.lines.warehouse')}
                required
                data={warehouses.map((w) => ({ value: w.id, label: `${w.code} — ${w.name}` }))}
                value={warehouseId}
                onChange={setWarehouseId}
                error={errors.warehouseId}
                searchable
              />
            </SimpleGrid>
          )}
          {kind === 'labour' && (
            <Select
              label={t('quotes.lines.serviceType')}
              required
              data-autofocus
              searchable
              data={(serviceTypes.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.code} — ${locale === 'en' && s.nameEn ? s.nameEn : s.nameBg}`,
              }))}
              onSearchChange={setStQ}
              filter={({ options }) => options}
              value={serviceTypeId}
              onChange={(s) => {
                setServiceTypeId(s);
                setVat((prev) =>
                  lineVatOfItem(
                    prev,
                    serviceTypes.data?.items.find((x) => x.id === s),
                    locale,
                  ),
                );
              }}
              placeholder={line?.description}
              error={errors.serviceTypeId}
            />
          )}
          {(kind === 'charge' || line) && (
            <TextInput
              label={t('quotes.lines.description')}
              required={kind === 'charge'}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('quotes.lines.quantity')}
              required
              inputMode="decimal"
              value={quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
              error={errors.quantityMilli}
            />
            <TextInput
              label={t('quotes.lines.unitPrice')}
              required={kind === 'charge'}
              inputMode="decimal"
              value={price}
              placeholder={kind === 'charge' ? undefined : t('quotes.lines.fromCatalogue')}
              onChange={(e) => setPrice(e.currentTarget.value)}
              error={errors.unitPriceCents}
            />
            <NumberInput
              label={t('quotes.lines.discount')}
              min={0}
              max={100}
              decimalScale={2}
              value={discount}
              onChange={setDiscount}
              error={errors.discountBp}
            />
          </SimpleGrid>
          {kind !== 'charge' && price.trim() !== '' && (
            <TextInput
              label={t('quotes.lines.priceOverrideReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.priceOverrideReason}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <LineVatKindFields
              value={vat}
              onChange={(update) => {
                setVat(update);
                setErrors(({ vatRateKind: _k, vatReason: _r, ...rest }) => rest);
              }}
              errors={errors}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} data-testid="save-line">
              {t('quotes.quote.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The draft's header: complaint, validity, notes for the customer. */
function HeaderCard({ quote, canWrite }: { quote: QuoteDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const patch = usePatchQuote();
  const [editing, setEditing] = useState(false);
  const [complaint, setComplaint] = useState(quote.complaint);
  const [validUntil, setValidUntil] = useState<string | null>(quote.validUntil);
  const [notes, setNotes] = useState(quote.customerNotes ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  if (editing)
    return (
      <SectionCard title={t('quotes.quote.details')}>
        <Stack gap="sm">
          <FormAlert message={failure} />
          <Textarea
            label={t('quotes.complaint')}
            autosize
            minRows={2}
            value={complaint}
            onChange={(e) => setComplaint(e.currentTarget.value)}
          />
          <DateField
            label={t('quotes.validUntil')}
            value={validUntil}
            onChange={(v) => setValidUntil(v as string | null)}
          />
          <Textarea
            label={t('quotes.customerNotes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={patch.isPending}
              onClick={() =>
                patch.mutate(
                  {
                    id: quote.id,
                    patch: {
                      complaint,
                      ...(validUntil ? { validUntil } : {}),
                      customerNotes: notes.trim() || null,
                    },
                  },
                  {
                    onSuccess: () => {
                      setEditing(false);
                      notifications.show({ color: 'green', message: t('quotes.quote.saved') });
                    },
                    onError: (e) => setFailure(messageOf(e)),
                  },
                )
              }
            >
              {t('quotes.quote.save')}
            </Button>
          </Group>
        </Stack>
      </SectionCard>
    );
  return (
    <InfoCard
      title={t('quotes.quote.details')}
      action={
        canWrite &&
        quote.editable && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('quotes.quote.edit')}
          </Button>
        )
      }
    >
      <DetailField label={t('quotes.customer')}>{quote.customerName}</DetailField>
      <DetailField label={t('quotes.item')}>{quote.itemLabel}</DetailField>
      <DetailField label={t('quotes.complaint')}>{quote.complaint}</DetailField>
      <DetailField label={t('quotes.validUntil')}>{formatDate(quote.validUntil, locale)}</DetailField>
      {quote.customerNotes && (
        <DetailField label={t('quotes.customerNotes')}>{quote.customerNotes}</DetailField>
      )}
      {quote.orderId && quote.orderNumber && (
        <DetailField label={t('quotes.order')}>
          <Anchor component={Link} to={`/orders/${quote.orderId}`} data-testid="quote-order-link">
            {quote.orderNumber}
          </Anchor>
        </DetailField>
      )}
    </InfoCard>
  );
}

/** A repair quote: its lines and totals, the status buttons, convert, the PDF. */
export function QuotePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useSession();
  const query = useQuote(id);
  const status = useQuoteStatus();
  const convert = useConvertQuote();
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const quote = query.data;
  const canWrite = canCall(user.role, 'POST /api/v1/repair-quotes/:id/status');
  const fail = (e: unknown) => notifications.show({ color: 'red', message: messageOf(e) });
  const moves = quote.nextStatuses.filter((s) => s !== 'converted');
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('quotes.quote.title', { number: quote.number })}
        description={
          <Group gap="xs" component="span">
            <QuoteStatusBadge status={quote.status} size="md" />
            <Text span size="sm" c="dimmed">
              {quote.customerName} · {quote.itemLabel}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <PdfButton href={quotePdfUrl(quote.id, 'bg')} testId="quote-pdf">
              {t('quotes.quote.pdf')}
            </PdfButton>
            <PdfButton href={quotePdfUrl(quote.id, 'en')}>{t('quotes.quote.pdfEn')}</PdfButton>
          </Group>
        }
      />
      {canWrite && (moves.length > 0 || quote.status === 'accepted') && (
        <Group gap="xs" data-testid="quote-actions">
          {moves.map((to) => (
            <Button
              key={to}
              variant={to === 'rejected' || to === 'expired' || to === 'draft' ? 'default' : 'filled'}
              color={to === 'rejected' ? 'red' : undefined}
              loading={status.isPending && status.variables?.to === to}
              onClick={() => status.mutate({ id: quote.id, to: to as 'draft' }, { onError: fail })}
              data-testid={`quote-move-${to}`}
            >
              {t(`quotes.moveTo.${to as 'draft'}`)}
            </Button>
          ))}
          {quote.status === 'accepted' && (
            <Button
              leftSection={<IconTransform size={16} />}
              loading={convert.isPending}
              data-testid="quote-convert"
              onClick={() =>
                convert.mutate(quote.id, {
                  onSuccess: (q) =>
                    notifications.show({
                      color: 'green',
                      message: t('quotes.quote.converted', { number: q.orderNumber ?? '' }),
                    }),
                  onError: fail,
                })
              }
            >
              {t('quotes.quote.convert')}
            </Button>
          )}
        </Group>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <QuoteLines quote={quote} canWrite={canWrite} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HeaderCard key={quote.updatedAt} quote={quote} canWrite={canWrite} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
