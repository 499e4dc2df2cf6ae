import { Button, Checkbox, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InvoiceDetail } from '@servix/server/modules/sales/sales.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { useCreateNote } from '../../api/invoices';

type NoteKind = 'credit_note' | 'debit_note';

interface Row {
  include: boolean;
  /** In units and in the invoice's currency, as typed; sent as integers (thousandths, cents). */
  quantity: number | string;
  price: number | string;
}

/**
 * A credit or debit note against an issued invoice (INV-11): the invoice's lines pre-filled, each one chosen with
 * its quantity and unit price editable, and the reason; for a credit note also "credit the whole invoice" in one
 * action. The note is issued at once and its page opens.
 */
export function NoteModal({
  invoice,
  kind,
  onClose,
}: {
  invoice: InvoiceDetail;
  kind: NoteKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateNote();
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<Row[]>(() =>
    invoice.lines.map((l) => ({
      include: kind === 'credit_note',
      quantity: l.quantityMilli / 1000,
      price: l.unitPriceCents / 100,
    })),
  );
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = invoice.lines.flatMap((l, i) => {
    const r = rows[i];
    if (!r?.include) return [];
    return [
      {
        description: l.description,
        quantityMilli: Math.round(Number(r.quantity) * 1000),
        unit: l.unit,
        unitPriceCents: Math.round(Number(r.price) * 100),
        discountBp: l.discountBp,
        vatRateBp: l.vatRateBp,
        vatExempt: l.vatExempt,
        vatReason: l.vatReason,
      },
    ];
  });
  const submit = (full: boolean) =>
    create.mutate(
      {
        id: invoice.id,
        kind,
        body: full ? { reason, full: true, issue: true } : { reason, lines: chosen, issue: true },
      },
      {
        onSuccess: (note) => {
          notifications.show({
            color: 'green',
            message: t('invoices.note.issued', { number: note.number ?? '' }),
          });
          onClose();
          void navigate(`/invoices/${note.id}`);
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(`invoices.note.formTitle.${kind}`, { number: invoice.number ?? '' })}
    >
      <Stack gap="sm" data-testid="note-form">
        <Text size="sm" c="dimmed">
          {t('invoices.note.hint', { currency: invoice.currency })}
        </Text>
        {invoice.lines.map((l, i) => (
          <Stack key={l.id} gap={4} data-testid={`note-line-${i}`}>
            <Checkbox
              label={l.description}
              checked={rows[i]?.include ?? false}
              onChange={(e) => set(i, { include: e.currentTarget.checked })}
              data-testid={`note-line-include-${i}`}
            />
            <Group gap="xs" grow wrap="nowrap">
              <NumberInput
                label={`${t('invoices.invoice.quantity')} (${l.unit})`}
                value={rows[i]?.quantity ?? ''}
                onChange={(v) => set(i, { quantity: v })}
                min={0}
                decimalScale={3}
                decimalSeparator=","
                disabled={!rows[i]?.include}
                data-testid={`note-line-quantity-${i}`}
              />
              <NumberInput
                label={`${t('invoices.invoice.unitPrice')} (${invoice.currency})`}
                value={rows[i]?.price ?? ''}
                onChange={(v) => set(i, { price: v })}
                min={0}
                decimalScale={2}
                decimalSeparator=","
                disabled={!rows[i]?.include}
                data-testid={`note-line-price-${i}`}
              />
            </Group>
          </Stack>
        ))}
        <Textarea
          label={t('invoices.note.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-testid="note-reason"
          error={create.error ? messageOf(create.error) : undefined}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {kind === 'credit_note' && (
            <Button
              variant="light"
              disabled={!reason.trim()}
              loading={create.isPending}
              onClick={() => submit(true)}
              data-testid="note-full"
            >
              {t('invoices.note.full')}
            </Button>
          )}
          <Button
            disabled={!reason.trim() || !chosen.length}
            loading={create.isPending}
            onClick={() => submit(false)}
            data-testid="note-submit"
          >
            {t('invoices.note.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
