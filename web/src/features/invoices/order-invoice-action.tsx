import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import type { InvoiceListItem } from '@servix/server/modules/sales/sales.schema';
import { IconCoins, IconFileDollar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, messageOf } from '../../api/client';
import { invoicesKey, useAdvanceInvoice } from '../../api/invoices';
import { useProformaFromOrder } from '../../api/proformas';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { textToCents } from '../../ui/typed-values';

/** The order's issued invoices: the one that billed it (not an advance), and its advance invoices (INV-06). */
export function useOrderInvoices(order: OrderDetail) {
  const { user } = useSession();
  const invoices = useQuery({
    queryKey: [...invoicesKey, 'of-order', order.id],
    enabled: canCall(user.role, 'GET /api/v1/invoices'),
    queryFn: () =>
      api.get<{ items: InvoiceListItem[] }>('/invoices', {
        orderId: order.id,
        status: 'issued',
        pageSize: 20,
      }),
  });
  return {
    isSuccess: invoices.isSuccess,
    billed: invoices.data?.items.find((i) => !i.advance),
    advances: invoices.data?.items.filter((i) => i.advance && i.kind === 'invoice') ?? [],
  };
}

/** The order's advance invoices to deduct on its final invoice (INV-06), each ticked, in full, unless unticked. */
export function AdvanceDeductions({
  advances,
  deducted,
  onChange,
}: {
  advances: InvoiceListItem[];
  deducted: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!advances.length) return null;
  return (
    <Stack gap={4} data-testid="invoice-deduct-advances">
      {advances.map((a) => (
        <Checkbox
          key={a.id}
          checked={deducted.includes(a.id)}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            onChange(on ? [...deducted, a.id] : deducted.filter((x) => x !== a.id));
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
 * On the order page: a link to the order's issued invoice; a proforma or an advance invoice while it is not billed.
 * The order is billed through "Close with a document" (orders/order-closing.tsx), which deducts its advances.
 */
export function OrderInvoiceAction({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [advancing, setAdvancing] = useState(false);
  const navigate = useNavigate();
  const proforma = useProformaFromOrder();
  const { billed, isSuccess } = useOrderInvoices(order);
  // A proforma (INV-13) of what the customer will pay, before or after the work, while the order is not billed.
  const canProforma =
    !billed &&
    isSuccess &&
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
      {advancing && <AdvanceDialog order={order} onClose={() => setAdvancing(false)} />}
    </>
  );
}
