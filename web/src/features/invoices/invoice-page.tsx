import { Alert, Anchor, Button, Grid, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { Allocation } from '@servix/server/modules/payments/payments.schema';
import type { InvoiceDetail, InvoiceListItem } from '@servix/server/modules/sales/sales.schema';
import { IconAlertTriangle, IconBan, IconCash, IconMinus, IconPlus, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, messageOf } from '../../api/client';
import {
  cancellationProtocolUrl,
  invoicePdfUrl,
  invoicesKey,
  useCancelInvoice,
  useInvoice,
  useIssueInvoice,
} from '../../api/invoices';
import { useInvoicePayments } from '../../api/payments';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { PageHeader } from '../../ui/page-header';
import { PdfButton } from '../../ui/pdf-button';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { SendMailButton } from '../mail/send-mail';
import { NoteRefunds } from '../payments/note-refunds';
import { AllocationCard, UndoModal } from '../payments/payment-page';
import { PaymentStateBadge } from '../payments/payment-state-badge';
import { DocumentLines, PartyCard } from './document-lines';
import { InvoiceKindBadge, InvoiceStatusBadge } from './invoice-badges';
import { NoteModal } from './note-modal';

/** The page's title: an invoice's or a note's, by its number or as a draft. */
function titleOf(t: TFunction, invoice: InvoiceDetail): string {
  if (invoice.kind === 'invoice')
    return invoice.number
      ? t('invoices.invoice.title', { number: invoice.number })
      : t('invoices.invoice.draftTitle');
  return invoice.number
    ? t(`invoices.note.title.${invoice.kind}`, { number: invoice.number })
    : t(`invoices.note.draftTitle.${invoice.kind}`);
}

/** The invoice's payments (ADR 0020): paid and open amounts and each allocation, undone with a reason. */
function InvoicePayments({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canRead = canCall(user.role, 'GET /api/v1/invoices/:id/payments');
  // A credit note is not paid: it settles its invoice (ADR 20); what it leaves owed back is in its refunds (ADR 29).
  const shown = canRead && invoice.status !== 'draft' && invoice.kind !== 'credit_note';
  const settlement = useInvoicePayments(invoice.id, shown);
  const [undoing, setUndoing] = useState<Allocation | null>(null);
  if (!shown || !settlement.data) return null;
  const s = settlement.data;
  const money = (c: number) => formatMoney(c, locale, invoice.currency);
  return (
    <SectionCard title={t('payments.invoice.payments')}>
      <Stack gap="xs" data-testid="invoice-payments">
        <Group gap="md">
          <Text size="sm">
            {t('payments.invoice.paid')}: <b>{money(s.paidCents)}</b>
          </Text>
          <Text size="sm">
            {t('payments.invoice.open')}: <b data-testid="invoice-open">{money(s.openCents)}</b>
          </Text>
        </Group>
        {s.allocations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('payments.invoice.none')}
          </Text>
        ) : (
          s.allocations.map((a) => (
            <AllocationCard
              key={a.id}
              allocation={a}
              currency={invoice.currency}
              canUndo={canCall(user.role, 'POST /api/v1/payment-allocations/:id/undo')}
              onUndo={setUndoing}
            />
          ))
        )}
      </Stack>
      {undoing && <UndoModal allocation={undoing} onClose={() => setUndoing(null)} />}
    </SectionCard>
  );
}

function CancelModal({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelInvoice();
  const [reason, setReason] = useState('');
  const [replacedById, setReplacedById] = useState<string | null>(null);
  const locale = currentLocale();
  // The documents of the same kind issued to the same recipient: the one that replaces this one, if any (INV-12).
  const candidates = useQuery({
    queryKey: [...invoicesKey, 'replacements', invoice.partyId, invoice.kind],
    queryFn: () =>
      api.get<{ items: InvoiceListItem[] }>(
        `/invoices?partyId=${encodeURIComponent(invoice.partyId)}&status=issued&kind=${invoice.kind}&pageSize=50`,
      ),
  });
  const options = (candidates.data?.items ?? [])
    .filter((i) => i.id !== invoice.id && i.number)
    .map((i) => ({
      value: i.id,
      label: `${i.number} · ${formatDate(i.documentDate, locale)} · ${formatMoney(i.totalCents, locale, i.currency)}`,
    }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        invoice.kind === 'invoice'
          ? t('invoices.invoice.cancelTitle', { number: invoice.number ?? '' })
          : t(`invoices.note.cancelTitle.${invoice.kind}`, { number: invoice.number ?? '' })
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('invoices.invoice.cancelHint')}
        </Text>
        <Textarea
          label={t('invoices.invoice.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-testid="invoice-cancel-reason"
          error={cancel.error ? messageOf(cancel.error) : undefined}
        />
        <Select
          label={t('invoices.note.replacedBy')}
          description={t('invoices.note.replacedByHint')}
          data={options}
          value={replacedById}
          onChange={setReplacedById}
          clearable
          searchable
          data-testid="invoice-cancel-replaced-by"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={cancel.isPending}
            data-testid="invoice-cancel-confirm"
            onClick={() =>
              cancel.mutate(
                { id: invoice.id, body: replacedById ? { reason, replacedById } : { reason } },
                {
                  onSuccess: (i) => {
                    notifications.show({
                      color: 'green',
                      message:
                        i.kind === 'invoice'
                          ? t('invoices.invoice.cancelled', { number: i.number ?? '' })
                          : t('invoices.note.cancelled', { number: i.number ?? '' }),
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {t('invoices.invoice.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An invoice: its parties' requisites as copied, the lines, the totals per VAT rate, the PDF, cancel. */
export function InvoicePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const { user } = useSession();
  const query = useInvoice(id);
  const issue = useIssueInvoice();
  const [cancelling, setCancelling] = useState(false);
  const [noting, setNoting] = useState<'credit_note' | 'debit_note' | null>(null);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const invoice = query.data;
  const canIssue = invoice.status === 'draft' && canCall(user.role, 'POST /api/v1/invoices/:id/issue');
  const canCancel = invoice.status === 'issued' && canCall(user.role, 'POST /api/v1/invoices/:id/cancel');
  const canNote =
    invoice.kind === 'invoice' &&
    invoice.status === 'issued' &&
    canCall(user.role, 'POST /api/v1/invoices/:id/credit-note');
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={titleOf(t, invoice)}
        description={
          <Group gap="xs" component="span">
            {invoice.kind !== 'invoice' && <InvoiceKindBadge kind={invoice.kind} size="md" />}
            <InvoiceStatusBadge status={invoice.status} size="md" />
            <PaymentStateBadge state={invoice.paymentState} size="md" />
            <Text span size="sm" c="dimmed">
              {invoice.recipientName} · {formatDate(invoice.documentDate, locale)}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <PdfButton href={invoicePdfUrl(invoice.id, 'bg')} testId="invoice-pdf">
              {t('invoices.invoice.pdf')}
            </PdfButton>
            <PdfButton href={invoicePdfUrl(invoice.id, 'bg_en')} testId="invoice-pdf-both">
              {t('invoices.invoice.pdfBoth')}
            </PdfButton>
            {invoice.status === 'issued' && canCall(user.role, 'POST /api/v1/invoices/:id/email') && (
              <SendMailButton
                document={{ type: 'invoice', id: invoice.id }}
                title={titleOf(t, invoice)}
                languages={['bg', 'bg_en']}
              />
            )}
            {invoice.status === 'cancelled' && (
              <>
                <PdfButton href={cancellationProtocolUrl(invoice.id, 'bg')} testId="invoice-protocol">
                  {t('invoices.note.protocol')}
                </PdfButton>
                <PdfButton href={cancellationProtocolUrl(invoice.id, 'bg_en')} testId="invoice-protocol-both">
                  {t('invoices.note.protocolBoth')}
                </PdfButton>
              </>
            )}
            {canNote && (
              <>
                <Button
                  variant="light"
                  leftSection={<IconMinus size={16} />}
                  data-testid="invoice-credit-note"
                  onClick={() => setNoting('credit_note')}
                >
                  {t('invoices.note.credit')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  data-testid="invoice-debit-note"
                  onClick={() => setNoting('debit_note')}
                >
                  {t('invoices.note.debit')}
                </Button>
              </>
            )}
            {canIssue && (
              <Button
                leftSection={<IconSend size={16} />}
                loading={issue.isPending}
                data-testid="invoice-issue"
                onClick={() =>
                  issue.mutate(invoice.id, {
                    onSuccess: (i) =>
                      notifications.show({
                        color: 'green',
                        message: t('invoices.invoice.issued', { number: i.number ?? '' }),
                      }),
                    onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                  })
                }
              >
                {t('invoices.invoice.issue')}
              </Button>
            )}
            {invoice.status === 'issued' &&
              (invoice.openCents ?? 0) > 0 &&
              canCall(user.role, 'POST /api/v1/payments') && (
                <Button
                  component={Link}
                  to={`/payments/new?partyId=${invoice.partyId}&invoiceId=${invoice.id}`}
                  leftSection={<IconCash size={16} />}
                  data-testid="invoice-pay"
                >
                  {t('payments.invoice.pay')}
                </Button>
              )}
            {canCancel && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
                data-testid="invoice-cancel"
                onClick={() => setCancelling(true)}
              >
                {t('invoices.invoice.cancel')}
              </Button>
            )}
          </Group>
        }
      />
      {invoice.status === 'cancelled' && invoice.cancelReason && (
        <Alert color="red" icon={<IconBan size={18} />} data-testid="invoice-cancelled-reason">
          {t('invoices.invoice.cancelledBecause', { reason: invoice.cancelReason })}
          {invoice.replacedBy && (
            <>
              {' · '}
              {t('invoices.note.replacedBy')}{' '}
              <Anchor component={Link} to={`/invoices/${invoice.replacedBy.id}`} size="sm" ff="monospace">
                {invoice.replacedBy.number}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {canIssue && issue.error instanceof ApiError && issue.error.code === 'personal_id_required' && (
        // INV-16: a person without ЕГН/ЛНЧ: issued only on the issuer's explicit confirmation (printed and audited).
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          data-testid="invoice-personal-id-required"
        >
          <Stack gap="xs">
            <Text size="sm">{messageOf(issue.error)}</Text>
            <Group>
              <Button
                size="xs"
                variant="light"
                data-testid="invoice-issue-without-personal-id"
                loading={issue.isPending}
                onClick={async () => {
                  await api.patch(`/invoices/${invoice.id}`, { withoutPersonalId: true });
                  issue.mutate(invoice.id);
                }}
              >
                {t('invoices.invoice.issueWithoutPersonalId')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {invoice.warnings.includes('issued_late') && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="invoice-issued-late">
          {t('invoices.invoice.issuedLate')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DocumentLines document={invoice} testId="invoice-lines" />
          <Stack mt="md">
            <InvoicePayments invoice={invoice} />
            <NoteRefunds note={invoice} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <InfoCard title={t('invoices.details')}>
              {invoice.relatedInvoice && (
                <DetailField label={t('invoices.note.relatedInvoice')}>
                  <Anchor
                    component={Link}
                    to={`/invoices/${invoice.relatedInvoice.id}`}
                    size="sm"
                    ff="monospace"
                    data-testid="note-related-invoice"
                  >
                    {t('invoices.note.relatedOf', {
                      number: invoice.relatedInvoice.number ?? '',
                      date: formatDate(invoice.relatedInvoice.documentDate, locale),
                    })}
                  </Anchor>
                </DetailField>
              )}
              {invoice.proforma && (
                <DetailField label={t('proformas.fromProforma')}>
                  <Anchor
                    component={Link}
                    to={`/proformas/${invoice.proforma.id}`}
                    size="sm"
                    ff="monospace"
                    data-testid="invoice-proforma"
                  >
                    {t('invoices.note.relatedOf', {
                      number: invoice.proforma.number,
                      date: formatDate(invoice.proforma.documentDate, locale),
                    })}
                  </Anchor>
                </DetailField>
              )}
              {invoice.noteReason && (
                <DetailField label={t('invoices.note.reason')}>{invoice.noteReason}</DetailField>
              )}
              <DetailField label={t('invoices.issueDate')}>
                {formatDate(invoice.documentDate, locale)}
              </DetailField>
              <DetailField label={t('invoices.taxEventDate')}>
                {formatDate(invoice.taxEventDate, locale)}
              </DetailField>
              <DetailField label={t('invoices.invoice.currency')}>{invoice.currency}</DetailField>
              <DetailField label={t('invoices.paymentMethodLabel')}>
                {t(`invoices.paymentMethod.${invoice.paymentMethod}`)}
              </DetailField>
              {invoice.dueDate && (
                <DetailField label={t('invoices.invoice.dueDate')}>
                  {formatDate(invoice.dueDate, locale)}
                </DetailField>
              )}
              {invoice.orderId && invoice.orderNumber && (
                <DetailField label={t('invoices.order')}>
                  <Anchor component={Link} to={`/orders/${invoice.orderId}`} size="sm" ff="monospace">
                    {invoice.orderNumber}
                  </Anchor>
                </DetailField>
              )}
              {invoice.noVatReason && (
                <DetailField label={t('invoices.invoice.noVatReason')}>{invoice.noVatReason}</DetailField>
              )}
              {invoice.receivedBy && (
                <DetailField label={t('invoices.invoice.receivedBy')}>{invoice.receivedBy}</DetailField>
              )}
              {invoice.issuedByName && (
                <DetailField label={t('invoices.invoice.issuedBy')}>{invoice.issuedByName}</DetailField>
              )}
              {invoice.pdfSha256 && (
                <DetailField label={t('invoices.invoice.hash')}>
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {invoice.pdfSha256}
                  </Text>
                </DetailField>
              )}
            </InfoCard>
            {invoice.correctingNotes.length > 0 && (
              <InfoCard title={t('invoices.note.notesOf')}>
                <Stack gap={6} data-testid="invoice-notes">
                  {invoice.correctingNotes.map((n) => (
                    <Group key={n.id} gap="xs" justify="space-between" wrap="nowrap">
                      <Group gap="xs" wrap="nowrap">
                        <InvoiceKindBadge kind={n.kind} />
                        <Anchor component={Link} to={`/invoices/${n.id}`} size="sm" ff="monospace">
                          {n.number ?? t('invoices.status.draft')}
                        </Anchor>
                      </Group>
                      <Text size="sm" ta="right">
                        {formatMoney(n.totalCents, locale, n.currency)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </InfoCard>
            )}
            <PartyCard title={t('invoices.supplier')} party={invoice.supplier} />
            <PartyCard
              title={t('invoices.recipient')}
              party={invoice.recipient}
              personalIdWaived={invoice.withoutPersonalId}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {cancelling && <CancelModal invoice={invoice} onClose={() => setCancelling(false)} />}
      {noting && <NoteModal invoice={invoice} kind={noting} onClose={() => setNoting(null)} />}
    </Stack>
  );
}
