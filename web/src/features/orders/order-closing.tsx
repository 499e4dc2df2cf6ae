import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { calendarDateOf, daysBetween, todayDate } from '@servix/server/kernel/calendar';
import { formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { IconFileCheck, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import {
  goodsNotePdfUrl,
  saleReceiptPdfUrl,
  useGoodsNoteFromOrder,
  useReceiptFromOrder,
} from '../../api/closing';
import { useInvoiceFromOrder } from '../../api/invoices';
import { useMoneyAccounts } from '../../api/money';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { AdvanceDeductions, useOrderInvoices } from '../invoices/order-invoice-action';

type Kind = 'invoice' | 'sale_receipt' | 'goods_note';
const KINDS: readonly Kind[] = ['invoice', 'sale_receipt', 'goods_note'];
const ISSUE_ROUTE = {
  invoice: 'POST /api/v1/invoices/from-order',
  sale_receipt: 'POST /api/v1/sale-receipts/from-order',
  goods_note: 'POST /api/v1/goods-notes/from-order',
} as const;

type Issued = { kind: Kind; id: string; number: string };

/** The PDF of a closing document without a page of its own; an invoice has its page. */
function documentUrl(kind: Kind, id: string): string {
  if (kind === 'goods_note') return goodsNotePdfUrl(id);
  if (kind === 'sale_receipt') return saleReceiptPdfUrl(id);
  return `/invoices/${id}`;
}

/**
 * The dialog: which document (only what the role may issue; a goods note only when the customer pays nothing), the
 * lines the customer pays and the total, the few fields that document needs; issued through its own API.
 */
function ClosingDialog({
  order,
  kinds,
  onClose,
}: {
  order: OrderDetail;
  kinds: Kind[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const zero = order.totals.totalCents <= 0;
  const offered = zero ? kinds.filter((k) => k === 'goods_note') : kinds;
  const [kind, setKind] = useState<Kind | undefined>(offered[0]);
  const [method, setMethod] = useState<'cash' | 'card' | 'bank_transfer'>('cash');
  const [receivedBy, setReceivedBy] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  // INV-07: a service's tax event is its completion, the day the order was finished; the user may change it.
  // Not finished (no date): left empty, the server takes the issue date.
  const [taxEventDate, setTaxEventDate] = useState<string | null>(
    order.finishedAt ? calendarDateOf(new Date(order.finishedAt)) : null,
  );
  // INV-06: more than 5 days between the tax event and today's issue.
  const late = taxEventDate !== null && daysBetween(taxEventDate, todayDate()) > 5;
  // INV-16: issuing to a natural person without ЕГН/ЛНЧ needs an explicit confirmation.
  const [withoutPersonalId, setWithoutPersonalId] = useState(false);
  // The order's advance invoices (INV-06): each deducted in full on its invoice unless unticked.
  const { advances } = useOrderInvoices(order);
  const [unticked, setUnticked] = useState<string[]>([]);
  const deducted = advances.filter((a) => !unticked.includes(a.id));
  const accounts = useMoneyAccounts();
  const desks = (accounts.data?.items ?? []).filter((a) => a.kind === 'cash' && !a.archived);
  const [accountId, setAccountId] = useState<string | null>(null);
  const account = accountId ?? desks[0]?.id ?? null;
  const invoice = useInvoiceFromOrder();
  const personalIdAsked = invoice.error instanceof ApiError && invoice.error.code === 'personal_id_required';
  const receipt = useReceiptFromOrder();
  const goodsNote = useGoodsNoteFromOrder();
  const [issued, setIssued] = useState<Issued | null>(null);
  const pending = invoice.isPending || receipt.isPending || goodsNote.isPending;
  const error =
    kind === 'invoice' ? invoice.error : kind === 'sale_receipt' ? receipt.error : goodsNote.error;
  const money = (c: number) => formatMoney(c, locale);
  const lines = order.lines.filter(
    (l) => (l.usedQuantityMilli ?? l.quantityMilli) > 0 && (zero || l.payer === 'customer'),
  );

  function submit() {
    const by = receivedBy.trim() || null;
    if (kind === 'invoice')
      invoice.mutate(
        {
          orderId: order.id,
          paymentMethod: method,
          dueDate: dueDate || null,
          receivedBy: by,
          ...(taxEventDate ? { taxEventDate } : {}),
          ...(withoutPersonalId ? { withoutPersonalId: true } : {}),
          ...(deducted.length
            ? { deductAdvances: deducted.map((a) => ({ invoiceId: a.id, netCents: a.netCents })) }
            : {}),
        },
        { onSuccess: (i) => void navigate(`/invoices/${i.id}`) },
      );
    if (kind === 'sale_receipt' && account)
      receipt.mutate(
        { orderId: order.id, method: method === 'card' ? 'card' : 'cash', accountId: account },
        { onSuccess: (r) => setIssued({ kind: 'sale_receipt', id: r.id, number: r.number }) },
      );
    if (kind === 'goods_note')
      goodsNote.mutate(
        { orderId: order.id, receivedBy: by },
        { onSuccess: (n) => setIssued({ kind: 'goods_note', id: n.id, number: n.number }) },
      );
  }

  if (issued) {
    const what = t(`orderClosing.kinds.${issued.kind}`);
    return (
      <Modal opened onClose={onClose} title={t('orderClosing.title', { number: order.number })}>
        <Stack gap="sm" data-testid="closing-issued">
          <Alert color="green">{t('orderClosing.issued', { kind: what, number: issued.number })}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button
              component="a"
              href={documentUrl(issued.kind, issued.id)}
              target="_blank"
              rel="noopener"
              leftSection={<IconFileText size={16} />}
              data-testid="closing-open-document"
            >
              {t('orderClosing.open', { kind: what, number: issued.number })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('orderClosing.title', { number: order.number })}>
      <Stack gap="sm">
        {zero && <Alert color="blue">{t('orderClosing.zeroValue')}</Alert>}
        <Radio.Group
          label={t('orderClosing.kind')}
          value={kind ?? null}
          onChange={(v) => setKind(v as Kind)}
          data-testid="closing-kind"
        >
          <Stack gap="xs" mt={4}>
            {offered.map((k) => (
              <Radio
                key={k}
                value={k}
                label={t(`orderClosing.kinds.${k}`)}
                description={t(`orderClosing.kindHints.${k}`)}
                data-testid={`closing-kind-${k}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Divider label={zero ? t('orderClosing.allLines') : t('orderClosing.lines')} labelPosition="left" />
        <Stack gap={4} data-testid="closing-lines">
          {lines.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {l.description}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {formatQuantity(l.usedQuantityMilli ?? l.quantityMilli, locale)} {l.unit}
                  {l.payer !== 'customer' && ` · ${t('orderClosing.warranty')}`}
                </Text>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {money(l.customerNetCents)}
              </Text>
            </Group>
          ))}
        </Stack>
        <Stack gap={2}>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('orderClosing.net')}
            </Text>
            <Text size="sm">{money(order.totals.netCents)}</Text>
          </Group>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('orderClosing.vat')}
            </Text>
            <Text size="sm">{money(order.totals.vatCents)}</Text>
          </Group>
          <Group justify="space-between">
            <Text fw={600}>{t('orderClosing.total')}</Text>
            <Text fw={600} data-testid="closing-total">
              {money(order.totals.totalCents)}
            </Text>
          </Group>
        </Stack>
        {(kind === 'invoice' || kind === 'sale_receipt') && (
          <Select
            label={t('orderClosing.method')}
            data={(kind === 'invoice'
              ? (['cash', 'card', 'bank_transfer'] as const)
              : (['cash', 'card'] as const)
            ).map((m) => ({ value: m, label: t(`orderClosing.methods.${m}`) }))}
            value={kind === 'sale_receipt' && method === 'bank_transfer' ? 'cash' : method}
            onChange={(v) => v && setMethod(v as typeof method)}
            allowDeselect={false}
            data-testid="closing-method"
          />
        )}
        {kind === 'sale_receipt' &&
          (desks.length ? (
            <Select
              label={t('orderClosing.account')}
              data={desks.map((a) => ({ value: a.id, label: a.name }))}
              value={account}
              onChange={setAccountId}
              allowDeselect={false}
              data-testid="closing-account"
            />
          ) : (
            accounts.isSuccess && <Alert color="yellow">{t('orderClosing.noAccount')}</Alert>
          ))}
        {kind === 'invoice' && (
          <>
            <DateField
              label={t('orderClosing.taxEventDate')}
              description={t('orderClosing.taxEventHint')}
              value={taxEventDate}
              onChange={setTaxEventDate}
              maxDate={todayDate()}
              data-testid="closing-tax-event-date"
            />
            {late && taxEventDate && (
              <Alert color="yellow" data-testid="closing-issued-late">
                {t('orderClosing.issuedLate', { days: daysBetween(taxEventDate, todayDate()) })}
              </Alert>
            )}
            <DateField label={t('orderClosing.dueDate')} value={dueDate} onChange={setDueDate} clearable />
            {personalIdAsked && (
              <Checkbox
                label={t('orderClosing.withoutPersonalId')}
                checked={withoutPersonalId}
                onChange={(e) => setWithoutPersonalId(e.currentTarget.checked)}
                data-testid="closing-without-personal-id"
              />
            )}
            <AdvanceDeductions
              advances={advances}
              deducted={deducted.map((a) => a.id)}
              onChange={(ids) => setUnticked(advances.filter((a) => !ids.includes(a.id)).map((a) => a.id))}
            />
          </>
        )}
        {(kind === 'invoice' || kind === 'goods_note') && (
          <TextInput
            label={t('orderClosing.receivedBy')}
            value={receivedBy}
            onChange={(e) => setReceivedBy(e.currentTarget.value)}
            maxLength={200}
            data-testid="closing-received-by"
          />
        )}
        {error && (
          <Alert color="red" data-testid="closing-error">
            {messageOf(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={pending}
            disabled={!kind || (kind === 'sale_receipt' && !account)}
            onClick={submit}
            data-testid="closing-submit"
          >
            {kind
              ? `${t('orderClosing.submit')}: ${t(`orderClosing.kinds.${kind}`)}`
              : t('orderClosing.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * On the order page (ADR 0024): "Close with a document" once the order is ready or delivered and no document billed
 * it, offering what the role may issue; once billed by a receipt or goods note, a link to its PDF (an invoice's link
 * is the invoice action's).
 */
export function OrderClosingAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const kinds = KINDS.filter((k) => canCall(user.role, ISSUE_ROUTE[k]));
  const billedKind = order.billedById ? order.billedByKind : null;
  const closable =
    !order.billedById && (order.status === 'ready' || order.status === 'delivered') && kinds.length > 0;
  return (
    <>
      {order.billedById && billedKind && billedKind !== 'invoice' && (
        <Button
          component="a"
          href={documentUrl(billedKind, order.billedById)}
          target="_blank"
          rel="noopener"
          variant="light"
          leftSection={<IconFileText size={16} />}
          data-testid="order-closing-document"
        >
          {t('orderClosing.openBilled', { kind: t(`orderClosing.kinds.${billedKind}`) })}
        </Button>
      )}
      {closable && (
        <Button
          leftSection={<IconFileCheck size={16} />}
          onClick={() => setOpen(true)}
          data-testid="order-close-with-document"
        >
          {t('orderClosing.action')}
        </Button>
      )}
      {/* Kept open after issuing (the order is billed by then) to show the document's number and link. */}
      {open && <ClosingDialog order={order} kinds={kinds} onClose={() => setOpen(false)} />}
    </>
  );
}
