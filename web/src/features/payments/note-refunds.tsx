import { Button, Group, Stack, Text } from '@mantine/core';
import { formatMoney } from '@servix/server/kernel/format';
import type { InvoiceDetail } from '@servix/server/modules/sales/sales.schema';
import { IconCashBanknote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNoteRefunds, useRefundable } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { SectionCard } from '../../ui/detail';
import { RefundDialog } from './refund-dialog';
import { RefundList } from './refund-list';

/** An issued credit note's refunds: what is still owed back, "Pay back", and each refund with its undo. */
export function NoteRefunds({ note }: { note: InvoiceDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canRead = canCall(user.role, 'GET /api/v1/refunds');
  const canWrite = canCall(user.role, 'POST /api/v1/refunds');
  const shown = canRead && note.kind === 'credit_note' && note.status === 'issued';
  const refundable = useRefundable(note.partyId, shown);
  const refunds = useNoteRefunds(note.id, shown);
  const [paying, setPaying] = useState(false);
  if (!shown || !refundable.data || !refunds.data) return null;
  const entry = refundable.data.creditNotes.find((n) => n.id === note.id);
  const owed = entry?.refundableCents ?? 0;
  const money = (c: number) => formatMoney(c, locale, note.currency);
  return (
    <SectionCard title={t('payments.refund.section')}>
      <Stack gap="xs" data-testid="note-refunds">
        <Group gap="md" justify="space-between" wrap="wrap">
          <Text size="sm">
            {t('payments.refund.owed')}: <b data-testid="note-refund-owed">{money(owed)}</b>
          </Text>
          {canWrite && owed > 0 && (
            <Button
              size="xs"
              leftSection={<IconCashBanknote size={16} />}
              onClick={() => setPaying(true)}
              data-testid="note-refund"
            >
              {t('payments.refund.action')}
            </Button>
          )}
        </Group>
        {owed === 0 && refunds.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.refund.none')}
          </Text>
        )}
        <RefundList
          refunds={refunds.data.items}
          currency={note.currency}
          amountOf={(r) =>
            r.allocations.find((a) => a.creditNoteId === note.id)?.amountCents ?? r.amountCents
          }
        />
      </Stack>
      {paying && (
        <RefundDialog
          title={t('payments.refund.title', { number: note.number ?? '' })}
          partyId={note.partyId}
          target={{ creditNoteId: note.id }}
          refundableCents={owed}
          refundable={refundable.data}
          suggestedReceiptId={entry?.receiptIds[0]}
          onClose={() => setPaying(false)}
        />
      )}
    </SectionCard>
  );
}
