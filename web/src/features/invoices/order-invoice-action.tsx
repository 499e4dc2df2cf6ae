import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { type InvoiceListItem, PAYMENT_METHODS } from '@servix/server/modules/sales/sales.schema';
import { IconFileInvoice } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, messageOf } from '../../api/client';
import { invoicesKey, useInvoiceFromOrder } from '../../api/invoices';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { DateField } from '../../ui/date-field';

type Method = (typeof PAYMENT_METHODS)[number];

/** The dialog that bills the order: payment method, due date, who received it; the server builds the lines. */
function IssueDialog({ order, onClose }: { order: OrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const issue = useInvoiceFromOrder();
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

/**
 * On the order page: a link to the order's issued invoice, or "Issue invoice" once the order is ready or delivered
 * and not billed (the server refuses a second billing: order_already_billed).
 */
export function OrderInvoiceAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const canRead = canCall(user.role, 'GET /api/v1/invoices');
  const invoices = useQuery({
    queryKey: [...invoicesKey, 'of-order', order.id],
    enabled: canRead,
    queryFn: () =>
      api.get<{ items: InvoiceListItem[] }>('/invoices', {
        orderId: order.id,
        status: 'issued',
        pageSize: 5,
      }),
  });
  const billed = invoices.data?.items[0];
  const canIssue =
    !billed &&
    !order.billedById &&
    invoices.isSuccess &&
    (order.status === 'ready' || order.status === 'delivered') &&
    canCall(user.role, 'POST /api/v1/invoices/from-order');
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
      {open && <IssueDialog order={order} onClose={() => setOpen(false)} />}
    </>
  );
}
