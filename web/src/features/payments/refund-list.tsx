import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Refund } from '@servix/server/modules/payments/payments.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndoRefund } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { ReasonModal } from '../../ui/reason-modal';
import { StornoCard } from '../receipts/storno-card';

function UndoRefundModal({ refund, onClose }: { refund: Refund; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoRefund();
  return (
    <ReasonModal
      title={t('payments.refund.undoTitle')}
      reasonLabel={t('payments.refund.reason')}
      confirmLabel={t('payments.refund.confirmUndo')}
      doneMessage={t('payments.refund.undoneOk')}
      pending={undo.isPending}
      submit={(reason) => undo.mutateAsync({ id: refund.id, reason })}
      onClose={onClose}
      testId="refund-undo"
    />
  );
}

/**
 * Refunds as cards: number, day, account, method, the amount paid back of what the page shows (`amountOf`), each
 * storno of a payment's receipt (FIS-02, ADR 0040), and "Undo" with a reason while it stands.
 */
export function RefundList({
  refunds,
  currency,
  amountOf,
}: {
  refunds: Refund[];
  currency: string;
  amountOf: (r: Refund) => number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const [undoing, setUndoing] = useState<Refund | null>(null);
  const canUndo = canCall(user.role, 'POST /api/v1/refunds/:id/undo');
  return (
    <>
      {refunds.map((r) => (
        <Card key={r.id} withBorder padding="xs" data-testid="refund-card">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm" ff="monospace">
                  {r.number}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(r.date, locale)} · {r.accountName} · {t(`payments.method.${r.method}`)}
                  {r.stornoReceiptNumber ? ` · ${r.stornoReceiptNumber}` : ''}
                </Text>
              </Stack>
              <Group gap="xs">
                <Text size="sm" fw={600} td={r.undone ? 'line-through' : undefined}>
                  {formatMoney(amountOf(r), locale, currency)}
                </Text>
                {r.undone ? (
                  <Badge color="gray" variant="light">
                    {t('payments.refund.undone')}
                  </Badge>
                ) : (
                  canUndo && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setUndoing(r)}
                      data-testid="refund-undo"
                    >
                      {t('payments.refund.undo')}
                    </Button>
                  )
                )}
              </Group>
            </Group>
            {r.stornos.map((x) => (
              <StornoCard key={x.id} storno={x} />
            ))}
          </Stack>
        </Card>
      ))}
      {undoing && <UndoRefundModal refund={undoing} onClose={() => setUndoing(null)} />}
    </>
  );
}
