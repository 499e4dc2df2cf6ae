import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@servix/server/kernel/format';
import type { ProformaDetail } from '@servix/server/modules/sales/proforma.schema';
import { PAYMENT_METHODS } from '@servix/server/modules/sales/sales.schema';
import { IconBan, IconFileInvoice, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { proformaPdfUrl, useCancelProforma, useConvertProforma, useProforma } from '../../api/proformas';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { DetailField, InfoCard } from '../../ui/detail';
import { PageHeader } from '../../ui/page-header';
import { PdfButton } from '../../ui/pdf-button';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { SendMailButton } from '../mail/send-mail';
import { DocumentLines, PartyCard } from './document-lines';
import { ProformaStatusBadge } from './proformas-page';

type Method = (typeof PAYMENT_METHODS)[number];

/** Convert into an invoice: payment method, due date, who received it; the server issues it with the next number. */
function ConvertModal({ proforma, onClose }: { proforma: ProformaDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const convert = useConvertProforma();
  const [method, setMethod] = useState<Method>(proforma.paymentMethod);
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [receivedBy, setReceivedBy] = useState('');
  // INV-16: invoicing a natural person without ЕГН/ЛНЧ needs an explicit confirmation, shown when the server asks.
  const [withoutPersonalId, setWithoutPersonalId] = useState(false);
  const personalIdAsked = convert.error instanceof ApiError && convert.error.code === 'personal_id_required';
  return (
    <Modal opened onClose={onClose} title={t('proformas.convertTitle', { number: proforma.number })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('proformas.convertHint')}
        </Text>
        <Select
          label={t('invoices.paymentMethodLabel')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`invoices.paymentMethod.${m}`) }))}
          value={method}
          onChange={(v) => v && setMethod(v as Method)}
          allowDeselect={false}
          data-testid="proforma-convert-method"
        />
        <DateField label={t('invoices.invoice.dueDate')} value={dueDate} onChange={setDueDate} clearable />
        <TextInput
          label={t('invoices.invoice.receivedBy')}
          value={receivedBy}
          onChange={(e) => setReceivedBy(e.currentTarget.value)}
          maxLength={200}
          data-testid="proforma-convert-received-by"
        />
        {(personalIdAsked || withoutPersonalId) && (
          <Checkbox
            label={t('proformas.withoutPersonalId')}
            checked={withoutPersonalId}
            onChange={(e) => setWithoutPersonalId(e.currentTarget.checked)}
            data-testid="proforma-convert-without-personal-id"
          />
        )}
        {convert.error && (
          <Alert color="red" data-testid="proforma-convert-error">
            {messageOf(convert.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={convert.isPending}
            data-testid="proforma-convert-submit"
            onClick={() =>
              convert.mutate(
                {
                  id: proforma.id,
                  body: {
                    paymentMethod: method,
                    dueDate: dueDate || null,
                    receivedBy: receivedBy.trim() || null,
                    ...(withoutPersonalId ? { withoutPersonalId: true } : {}),
                  },
                },
                {
                  onSuccess: (p) => {
                    notifications.show({
                      color: 'green',
                      message: t('proformas.converted', { number: p.invoice?.number ?? '' }),
                    });
                    if (p.invoiceId) void navigate(`/invoices/${p.invoiceId}`);
                  },
                },
              )
            }
          >
            {t('proformas.convert')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelModal({ proforma, onClose }: { proforma: ProformaDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelProforma();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('proformas.cancelTitle', { number: proforma.number })}>
      <Stack gap="sm">
        <Textarea
          label={t('proformas.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-testid="proforma-cancel-reason"
          error={cancel.error ? messageOf(cancel.error) : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={cancel.isPending}
            data-testid="proforma-cancel-confirm"
            onClick={() =>
              cancel.mutate(
                { id: proforma.id, body: { reason } },
                {
                  onSuccess: (p) => {
                    notifications.show({
                      color: 'green',
                      message: t('proformas.cancelled', { number: p.number }),
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {t('proformas.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A proforma invoice: its lines and totals, the parties, the PDF, and one action that makes it an invoice. */
export function ProformaPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const { user } = useSession();
  const query = useProforma(id);
  const [converting, setConverting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const proforma = query.data;
  const open = proforma.status === 'issued';
  const canConvert = open && canCall(user.role, 'POST /api/v1/proformas/:id/convert');
  const canCancel = open && canCall(user.role, 'POST /api/v1/proformas/:id/cancel');
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('proformas.title', { number: proforma.number })}
        description={
          <Group gap="xs" component="span">
            <ProformaStatusBadge status={proforma.status} size="md" />
            <Text span size="sm" c="dimmed">
              {proforma.recipientName} · {formatDate(proforma.documentDate, locale)}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <PdfButton href={proformaPdfUrl(proforma.id, 'bg')} testId="proforma-pdf">
              {t('invoices.invoice.pdf')}
            </PdfButton>
            <PdfButton href={proformaPdfUrl(proforma.id, 'bg_en')} testId="proforma-pdf-both">
              {t('invoices.invoice.pdfBoth')}
            </PdfButton>
            {proforma.status !== 'cancelled' && canCall(user.role, 'POST /api/v1/proformas/:id/email') && (
              <SendMailButton
                document={{ type: 'proforma', id: proforma.id }}
                title={t('proformas.title', { number: proforma.number })}
                languages={['bg', 'bg_en']}
              />
            )}
            {canConvert && (
              <Button
                leftSection={<IconFileInvoice size={16} />}
                data-testid="proforma-convert"
                onClick={() => setConverting(true)}
              >
                {t('proformas.convert')}
              </Button>
            )}
            {canCancel && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconBan size={16} />}
                data-testid="proforma-cancel"
                onClick={() => setCancelling(true)}
              >
                {t('proformas.cancel')}
              </Button>
            )}
          </Group>
        }
      />
      {proforma.status === 'cancelled' && proforma.cancelReason ? (
        <Alert color="red" icon={<IconBan size={18} />} data-testid="proforma-cancelled-reason">
          {t('proformas.cancelledBecause', { reason: proforma.cancelReason })}
        </Alert>
      ) : (
        proforma.status === 'issued' && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="proforma-no-tax">
            {t('proformas.noTax')}
          </Alert>
        )
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DocumentLines document={proforma} testId="proforma-lines" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <InfoCard title={t('proformas.details')}>
              {proforma.invoice && (
                <DetailField label={t('proformas.invoice')}>
                  <Anchor
                    component={Link}
                    to={`/invoices/${proforma.invoice.id}`}
                    size="sm"
                    ff="monospace"
                    data-testid="proforma-invoice"
                  >
                    {t('invoices.note.relatedOf', {
                      number: proforma.invoice.number ?? '',
                      date: formatDate(proforma.invoice.documentDate, locale),
                    })}
                  </Anchor>
                </DetailField>
              )}
              <DetailField label={t('invoices.issueDate')}>
                {formatDate(proforma.documentDate, locale)}
              </DetailField>
              {proforma.validUntil && (
                <DetailField label={t('proformas.validUntil')}>
                  {formatDate(proforma.validUntil, locale)}
                </DetailField>
              )}
              <DetailField label={t('invoices.invoice.currency')}>{proforma.currency}</DetailField>
              <DetailField label={t('invoices.paymentMethodLabel')}>
                {t(`invoices.paymentMethod.${proforma.paymentMethod}`)}
              </DetailField>
              {proforma.orderId && proforma.orderNumber && (
                <DetailField label={t('invoices.order')}>
                  <Anchor component={Link} to={`/orders/${proforma.orderId}`} size="sm" ff="monospace">
                    {proforma.orderNumber}
                  </Anchor>
                </DetailField>
              )}
              {proforma.noVatReason && (
                <DetailField label={t('invoices.invoice.noVatReason')}>{proforma.noVatReason}</DetailField>
              )}
              {proforma.issuedByName && (
                <DetailField label={t('invoices.invoice.issuedBy')}>{proforma.issuedByName}</DetailField>
              )}
            </InfoCard>
            <PartyCard title={t('invoices.supplier')} party={proforma.supplier} />
            <PartyCard title={t('invoices.recipient')} party={proforma.recipient} />
          </Stack>
        </Grid.Col>
      </Grid>
      {converting && <ConvertModal proforma={proforma} onClose={() => setConverting(false)} />}
      {cancelling && <CancelModal proforma={proforma} onClose={() => setCancelling(false)} />}
    </Stack>
  );
}
