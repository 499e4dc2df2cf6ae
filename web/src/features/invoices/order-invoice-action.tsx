import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { type InvoiceListItem, PAYMENT_METHODS } from '@servix/server/modules/sales/sales.schema';
import { IconCoins, IconFileDollar, IconFileInvoice } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, messageOf } from '../../api/client';
import { invoicesKey, useAdvanceInvoice, useInvoiceFromOrder } from '../../api/invoices';
import { useProformaFromOrder } from '../../api/proformas';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { textToCents } from '../../ui/typed-values';

type Method = (typeof PAYMENT_METHODS)[number];

/** The dialog that bills the order: payment method, due date, who received it; the server builds the lines. */
function IssueDialog({
  order,
  advances,
  onClose,
}: {
  order: OrderDetail;
  advances: InvoiceListItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const issue = useInvoiceFromOrder();
  // The order's advance invoices (INV-06), each deducted in full unless unticked.
  const [deducted, setDeducted] = useState<string[]>(advances.map((a) => a.id));
  const chosen = advances.filter((a) => deducted.includes(a.id));
  const [method, setMethod] = useState<Method>('cash');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [receivedBy, setReceivedBy] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('invoices.orderAction.title', { number: order.number })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('invoices.orderAction.hint')}
        </Text>
        <Select
          label={t('invoices.paymentMethodLabel')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`invoices.paymentMethod.${m}`) }))}
          value={method}
          onChange={(v) => v && setMethod(v as Method)}
          allowDeselect={false}
          data-testid="invoice-payment-method"
        />
        <DateField label={t('invoices.invoice.dueDate')} value={dueDate} onChange={setDueDate} clearable />
        <TextInput
          label={t('invoices.invoice.receivedBy')}
          value={receivedBy}
          onChange={(e) => setReceivedBy(e.currentTarget.value)}
          maxLength={200}
          data-testid="invoice-received-by"
        />
        {advances.length > 0 && (
          <Stack gap={4} data-testid="invoice-deduct-advances">
            {advances.map((a) => (
              <Checkbox
                key={a.id}
                checked={deducted.includes(a.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setDeducted((d) => (on ? [...d, a.id] : d.filter((x) => x !== a.id)));
                }}
                label={t('invoices.advance.deduct', {
                  number: a.number ?? '',
                  date: formatDate(a.documentDate, locale),
                  base: formatMoney(a.netCents, locale, a.currency),
                })}
                data-testid={`invoice-deduct-${a.number}`}
              />
            ))}
          </Stack>
        )}
        {issue.error && (
          <Alert color="red" data-testid="invoice-issue-error">
            {messageOf(issue.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={issue.isPending}
            data-testid="invoice-from-order-submit"
            onClick={() =>
              issue.mutate(
                {
                  orderId: order.id,
                  paymentMethod: method,
                  dueDate: dueDate || null,
                  receivedBy: receivedBy.trim() || null,
                  ...(chosen.length
                    ? { deductAdvances: chosen.map((a) => ({ invoiceId: a.id, netCents: a.netCents })) }
                    : {}),
                },
                { onSuccess: (i) => void navigate(`/invoices/${i.id}`) },
              )
            }
          >
            {t('invoices.orderAction.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An advance invoice for the order (INV-06): the tax base received; VAT at 20 % is added. */
function AdvanceDialog({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const advance = useAdvanceInvoice();
  const [base, setBase] = useState('');
  const cents = textToCents(base);
  const valid = Number.isInteger(cents) && cents > 0;
  return (
    <Modal opened onClose={onClose} title={t('invoices.advance.title', { number: order.number })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('invoices.advance.hint')}
        </Text>
        <TextInput
          label={t('invoices.advance.base')}
          value={base}
          onChange={(e) => setBase(e.currentTarget.value)}
          inputMode="decimal"
          data-testid="advance-base"
        />
        {advance.error && (
          <Alert color="red" data-testid="advance-error">
            {messageOf(advance.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!valid}
            loading={advance.isPending}
            data-testid="advance-submit"
            onClick={() =>
              advance.mutate(
                { partyId: order.partyId, orderId: order.id, netCents: cents },
                { onSuccess: (i) => void navigate(`/invoices/${i.id}`) },
              )
            }
          >
            {t('invoices.advance.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * On the order page: a link to the order's issued invoice, or "Issue invoice" once the order is ready or delivered
 * and not billed (the server refuses a second billing: order_already_billed).
 */
export function OrderInvoiceAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [advancing, setAdvancing] = useState(false);
  const navigate = useNavigate();
  const proforma = useProformaFromOrder();
  const canRead = canCall(user.role, 'GET /api/v1/invoices');
  const invoices = useQuery({
    queryKey: [...invoicesKey, 'of-order', order.id],
    enabled: canRead,
    queryFn: () =>
      api.get<{ items: InvoiceListItem[] }>('/invoices', {
        orderId: order.id,
        status: 'issued',
        pageSize: 20,
      }),
  });
  const billed = invoices.data?.items.find((i) => !i.advance);
  const advances = invoices.data?.items.filter((i) => i.advance && i.kind === 'invoice') ?? [];
  const canIssue =
    !billed &&
    !order.billedById &&
    invoices.isSuccess &&
    (order.status === 'ready' || order.status === 'delivered') &&
    canCall(user.role, 'POST /api/v1/invoices/from-order');
  // A proforma (INV-13) of what the customer will pay, before or after the work, while the order is not billed.
  const canProforma =
    !billed &&
    invoices.isSuccess &&
    order.status !== 'cancelled' &&
    canCall(user.role, 'POST /api/v1/proformas/from-order');
  return (
    <>
      {billed && (
        <Button
          component={Link}
          to={`/invoices/${billed.id}`}
          variant="light"
          data-testid="order-invoice-link"
        >
          {t('invoices.orderAction.open', { number: billed.number ?? '' })}
        </Button>
      )}
      {canIssue && (
        <Button
          leftSection={<IconFileInvoice size={16} />}
          data-testid="order-issue-invoice"
          onClick={() => setOpen(true)}
        >
          {t('invoices.orderAction.issue')}
        </Button>
      )}
      {canProforma && (
        <Button
          variant="light"
          leftSection={<IconFileDollar size={16} />}
          loading={proforma.isPending}
          data-testid="order-proforma"
          onClick={() =>
            proforma.mutate(
              { orderId: order.id },
              {
                onSuccess: (p) => {
                  notifications.show({
                    color: 'green',
                    message: t('proformas.orderMade', { number: p.number }),
                  });
                  void navigate(`/proformas/${p.id}`);
                },
                onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
              },
            )
          }
        >
          {t('proformas.orderAction')}
        </Button>
      )}
      {canProforma && canCall(user.role, 'POST /api/v1/invoices/advance') && (
        <Button
          variant="light"
          leftSection={<IconCoins size={16} />}
          data-testid="order-advance"
          onClick={() => setAdvancing(true)}
        >
          {t('invoices.advance.action')}
        </Button>
      )}
      {open && <IssueDialog order={order} advances={advances} onClose={() => setOpen(false)} />}
      {advancing && <AdvanceDialog order={order} onClose={() => setAdvancing(false)} />}
    </>
  );
}
