import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney } from '@servix/server/kernel/format';
import type { SaleReceiptStorno } from '@servix/server/modules/receipts/receipts.schema';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { usePrintStorno } from '../../api/receipts';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { FiscalStatusBadge } from './receipt-badges';

/**
 * A refund's storno of a payment's receipt (FIS-02, ADR 0040): the receipt it reverses, the fiscal state, the reason
 * in words, the УНП, the device's storno number and the original's fields; not fiscalised yet, "print again".
 */
export function StornoCard({ storno }: { storno: SaleReceiptStorno }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const print = usePrintStorno();
  const notFinal = storno.fiscalStatus === 'failed' || storno.fiscalStatus === 'printing';
  const canPrint = notFinal && canCall(user.role, 'POST /api/v1/sale-receipt-stornos/:id/print');
  const o = storno.original;
  return (
    <Card withBorder padding="xs" data-testid="storno-card">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('payments.refund.stornoCard')}
            </Text>
            <FiscalStatusBadge status={storno.fiscalStatus} />
            <Text size="sm" fw={600} td={storno.refundUndone ? 'line-through' : undefined}>
              {formatMoney(-storno.totalCents, locale, storno.currency)}
            </Text>
            {storno.refundUndone && (
              <Badge color="gray" variant="light" data-testid="storno-refund-undone">
                {t('payments.refund.undone')}
              </Badge>
            )}
          </Group>
          {canPrint && (
            <Button
              size="compact-xs"
              leftSection={<IconPrinter size={14} />}
              loading={print.isPending}
              data-testid="storno-print"
              onClick={() =>
                print.mutate(storno.id, {
                  onSuccess: (s) =>
                    notifications.show({
                      color: s.fiscalStatus === 'printed' ? 'green' : 'red',
                      message:
                        s.fiscalStatus === 'printed'
                          ? t('payments.refund.stornoPrinted')
                          : t('receipts.receipt.notFinal'),
                    }),
                  onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                })
              }
            >
              {t('payments.payment.printAgain')}
            </Button>
          )}
        </Group>
        {notFinal && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="storno-not-final">
            {t('receipts.receipt.notFinal')}
            {storno.fiscalErrorText ? ` ${storno.fiscalErrorText[locale]}` : ''}
          </Alert>
        )}
        <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="storno-details">
          {t('payments.refund.stornoOfReceipt')}{' '}
          <Anchor component={Link} to={`/sale-receipts/${storno.receiptId}`} ff="monospace" size="xs">
            {storno.receiptNumber}
          </Anchor>{' '}
          · {t('payments.refund.stornoReason')}: {t(`receipts.receipt.stornoReasons.${storno.reason}`)}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('payments.payment.uniqueSaleNumber')}: {storno.uniqueSaleNumber}
          {storno.stornoReceiptNumber
            ? ` · ${t('payments.refund.stornoDeviceNumber')}: ${storno.stornoReceiptNumber}`
            : ''}
          {o.receiptNumber
            ? ` · ${t('payments.refund.stornoOriginal', {
                number: o.receiptNumber,
                dateTime: (o.receiptDateTime ?? '').replace('T', ' '),
                memory: o.fiscalMemorySerialNumber ?? '—',
              })}`
            : ''}
        </Text>
      </Stack>
    </Card>
  );
}
