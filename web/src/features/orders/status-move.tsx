import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatQuantity } from '@servix/server/kernel/format';
import type { OrderStatus } from '@servix/server/modules/orders/orders.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import { useChangeStatus } from '../../api/orders';
import { currentLocale } from '../../i18n';
import { FormAlert } from '../../ui/states';

/** The moves that need a word from the user first: a cancel's reason, a refused repair (diagnostic fee). */
export function needsConfirmation(from: OrderStatus, to: OrderStatus): 'cancel' | 'refused' | null {
  if (to === 'cancelled') return 'cancel';
  if (to === 'ready' && (from === 'diagnosing' || from === 'awaiting_approval')) return 'refused';
  return null;
}

interface Asking {
  id: string;
  to: OrderStatus;
  /** deliver: the server asked for the closing document or a reason (409 delivery_needs_document, ADR 0024). */
  kind: 'cancel' | 'refused' | 'deliver';
  /** The server's words, shown in the dialog. */
  detail?: string;
}

/**
 * Moves an order to another status, asking first when the move needs it (a cancel asks the reason; a refused
 * repair says what it means). `move` starts it; `modal` goes anywhere on the screen.
 */
export function useStatusMove() {
  const { t } = useTranslation();
  const change = useChangeStatus();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  function send(
    id: string,
    to: OrderStatus,
    extra: { reason?: string; refused?: boolean } = {},
    inModal = false,
  ) {
    setFailure(null);
    change.mutate(
      { id, to, ...extra },
      {
        onSuccess: (order) => {
          setAsking(null);
          setReason('');
          notifications.show({
            color: 'green',
            message: t('orders.order.statusChanged', { status: t(`orders.status.${to}`) }),
          });
          // Finishing with less used than planned is allowed, but said.
          for (const w of order.finishWarnings ?? [])
            notifications.show({
              color: 'yellow',
              autoClose: 10_000,
              message: t('orders.order.usedBelowPlanned', {
                name: w.description,
                used: formatQuantity(w.usedMilli, currentLocale()),
                planned: formatQuantity(w.plannedMilli, currentLocale()),
              }),
            });
        },
        onError: (e) => {
          if (!inModal && e instanceof ApiError && e.code === 'delivery_needs_document') {
            setFailure(null);
            setAsking({ id, to, kind: 'deliver', detail: messageOf(e) });
          } else if (inModal) setFailure(messageOf(e));
          else notifications.show({ color: 'red', message: messageOf(e) });
        },
      },
    );
  }

  function move(id: string, from: OrderStatus, to: OrderStatus) {
    const kind = needsConfirmation(from, to);
    if (kind) {
      setFailure(null);
      setAsking({ id, to, kind });
    } else send(id, to);
  }

  const modal = (
    <Modal
      opened={asking !== null}
      onClose={() => setAsking(null)}
      title={
        asking?.kind === 'cancel'
          ? t('orders.order.cancelTitle')
          : asking?.kind === 'deliver'
            ? t('orderClosing.deliverTitle')
            : t('orders.order.refusedRepair')
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!asking) return;
          send(
            asking.id,
            asking.to,
            asking.kind === 'refused' ? { refused: true, reason: reason || undefined } : { reason },
            true,
          );
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          {asking?.kind === 'deliver' && (
            <Text size="sm" data-testid="deliver-needs-document">
              {t('orderClosing.deliverHint')}
            </Text>
          )}
          <Textarea
            label={
              asking?.kind === 'deliver' ? t('orderClosing.deliverReason') : t('orders.order.cancelReason')
            }
            required={asking?.kind === 'cancel' || asking?.kind === 'deliver'}
            data-testid="status-reason"
            data-autofocus
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={asking?.kind === 'cancel' ? 'red' : undefined}
              loading={change.isPending}
            >
              {asking?.kind === 'cancel'
                ? t('orders.order.cancelConfirm')
                : asking?.kind === 'deliver'
                  ? t('orderClosing.deliverConfirm')
                  : t('orders.status.ready')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );

  return {
    move,
    modal,
    pending: change.isPending,
    pendingTo: change.isPending ? change.variables?.to : undefined,
  };
}
