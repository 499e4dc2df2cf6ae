import { Alert, Anchor, Button, Grid, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity } from '@servix/server/kernel/format';
import {
  type SaleReceipt,
  STORNO_REASONS,
  type StornoBody,
} from '@servix/server/modules/receipts/receipts.schema';
import { IconAlertTriangle, IconArrowBackUp, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/client';
import { receiptPdfUrl, usePrintReceipt, useReceipt, useStornoReceipt } from '../../api/receipts';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { type Column, ResponsiveTable } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { PdfButton } from '../../ui/pdf-button';
import { LoadError, NotFound, PageLoader } from '../../ui/states';
import { notifyPrintOutcome } from './print-outcome';
import { FiscalStatusBadge, ReceiptStatusBadge } from './receipt-badges';

type Line = SaleReceipt['lines'][number];

const percent = (bp: number, locale: string) =>
  `${(bp / 100).toLocaleString(locale === 'bg' ? 'bg-BG' : 'en-GB', { maximumFractionDigits: 2 })} %`;

function StornoModal({ receipt, onClose }: { receipt: SaleReceipt; onClose: () => void }) {
  const { t } = useTranslation();
  const storno = useStornoReceipt();
  const [reason, setReason] = useState<StornoBody['reason'] | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('receipts.receipt.stornoTitle', { number: receipt.number })}>
      <Stack gap="sm">
        <Select
          label={t('receipts.receipt.stornoReason')}
          data={STORNO_REASONS.map((r) => ({ value: r, label: t(`receipts.receipt.stornoReasons.${r}`) }))}
          value={reason}
          onChange={(v) => setReason(v as StornoBody['reason'] | null)}
          required
          data-testid="receipt-storno-reason"
          comboboxProps={{ withinPortal: false }}
          error={storno.error ? messageOf(storno.error) : undefined}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('receipts.receipt.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason}
            loading={storno.isPending}
            data-testid="receipt-storno-confirm"
            onClick={() =>
              reason &&
              storno.mutate(
                { id: receipt.id, body: { reason } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('receipts.receipt.stornoDone') });
                    onClose();
                  },
                },
              )
            }
          >
            {t('receipts.receipt.stornoConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A sale receipt: its lines with VAT, the payment, what the fiscal device printed, the PDF, printing and storno. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id } = useParams();
  const { user } = useSession();
  const query = useReceipt(id);
  const print = usePrintReceipt();
  const [reversing, setReversing] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const receipt = query.data;
  const money = (c: number) => formatMoney(c, locale, receipt.currency);
  const issued = receipt.status === 'issued';
  const canPrint =
    issued &&
    (receipt.fiscalStatus === 'failed' || receipt.fiscalStatus === 'printing') &&
    canCall(user.role, 'POST /api/v1/sale-receipts/:id/print');
  const canStorno = issued && canCall(user.role, 'POST /api/v1/sale-receipts/:id/storno');
  const columns: Column<Line>[] = [
    {
      key: 'description',
      header: t('receipts.receipt.description'),
      phone: 'title',
      render: (l) => l.description,
    },
    {
      key: 'quantity',
      header: t('receipts.receipt.quantity'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => `${formatQuantity(l.quantityMilli, locale)} ${l.unit}`,
    },
    {
      key: 'unitPrice',
      header: t('receipts.receipt.unitPrice'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => money(l.unitPriceCents),
    },
    {
      key: 'discount',
      header: t('receipts.receipt.discount'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (l) => (l.discountBp ? percent(l.discountBp, locale) : '—'),
    },
    {
      key: 'vat',
      header: t('receipts.receipt.vat'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (l) => percent(l.vatRateBp, locale),
    },
    {
      key: 'total',
      header: t('receipts.receipt.lineTotal'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => money(l.totalCents),
    },
  ];
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('receipts.receipt.title', { number: receipt.number })}
        description={
          <Group gap="xs" component="span">
            <ReceiptStatusBadge status={receipt.status} />
            <FiscalStatusBadge status={receipt.fiscalStatus} />
          </Group>
        }
        actions={
          <Group gap="xs">
            <PdfButton href={receiptPdfUrl(receipt.id, 'bg')} testId="receipt-pdf">
              {t('receipts.receipt.pdf')}
            </PdfButton>
            <PdfButton href={receiptPdfUrl(receipt.id, 'bg_en')} testId="receipt-pdf-both">
              {t('receipts.receipt.pdfBoth')}
            </PdfButton>
            {canPrint && (
              <Button
                leftSection={<IconPrinter size={16} />}
                loading={print.isPending}
                data-testid="receipt-print"
                onClick={() =>
                  print.mutate(receipt.id, {
                    onSuccess: (r) => notifyPrintOutcome(t, r),
                    onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                  })
                }
              >
                {t('receipts.receipt.print')}
              </Button>
            )}
            {canStorno && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconArrowBackUp size={16} />}
                data-testid="receipt-storno"
                onClick={() => setReversing(true)}
              >
                {t('receipts.receipt.storno')}
              </Button>
            )}
          </Group>
        }
      />
      {issued && (receipt.fiscalStatus === 'failed' || receipt.fiscalStatus === 'printing') && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="receipt-not-final">
          {t('receipts.receipt.notFinal')}
          {receipt.fiscalErrorText ? ` ${receipt.fiscalErrorText[locale]}` : ''}
        </Alert>
      )}
      {receipt.status === 'reversed' && receipt.stornoReason && (
        <Alert color="gray" icon={<IconArrowBackUp size={18} />} data-testid="receipt-reversed">
          {t('receipts.receipt.reversedBecause', {
            reason: t(`receipts.receipt.stornoReasons.${receipt.stornoReason}`),
          })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <SectionCard title={t('receipts.receipt.lines')}>
            <Stack gap="sm">
              <ResponsiveTable
                columns={columns}
                rows={receipt.lines}
                rowKey={(l) => String(l.position)}
                minWidth={620}
                data-testid="receipt-lines"
              />
              <Table
                withRowBorders={false}
                verticalSpacing={2}
                maw={380}
                ml="auto"
                data-testid="receipt-totals"
              >
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{t('receipts.receipt.net')}</Table.Td>
                    <Table.Td ta="right">{money(receipt.netCents)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>{t('receipts.receipt.vat')}</Table.Td>
                    <Table.Td ta="right">{money(receipt.vatCents)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td fw={700}>{t('receipts.total')}</Table.Td>
                    <Table.Td ta="right" fw={700} data-testid="receipt-total">
                      {money(receipt.totalCents)}
                    </Table.Td>
                  </Table.Tr>
                  {receipt.dualTotal && (
                    // EUR-07: while dual display lasts, the total in the other currency, then the rate.
                    <>
                      <Table.Tr>
                        <Table.Td fw={700}>
                          {t('receipts.receipt.totalIn', { currency: receipt.dualTotal.currency })}
                        </Table.Td>
                        <Table.Td ta="right" fw={700} data-testid="receipt-dual-total">
                          {formatMoney(receipt.dualTotal.totalCents, locale, receipt.dualTotal.currency)}
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Td c="dimmed">{t('receipts.receipt.rate')}</Table.Td>
                        <Table.Td ta="right" c="dimmed">
                          {t('receipts.receipt.rateValue')}
                        </Table.Td>
                      </Table.Tr>
                    </>
                  )}
                </Table.Tbody>
              </Table>
            </Stack>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <InfoCard title={t('receipts.receipt.details')}>
              <DetailField label={t('receipts.date')}>{formatDate(receipt.documentDate, locale)}</DetailField>
              <DetailField label={t('receipts.customer')}>
                {receipt.partyName ?? t('receipts.walkIn')}
              </DetailField>
              <DetailField label={t('receipts.order')}>
                {receipt.orderId && receipt.orderNumber ? (
                  <Anchor component={Link} to={`/orders/${receipt.orderId}`} size="sm" ff="monospace">
                    {receipt.orderNumber}
                  </Anchor>
                ) : (
                  t('receipts.source.counter')
                )}
              </DetailField>
              <DetailField label={t('receipts.methodLabel')}>
                {t(`receipts.method.${receipt.method}`)}
              </DetailField>
              <DetailField label={t('receipts.usn')}>
                <Text size="sm" ff="monospace" data-testid="receipt-usn">
                  {receipt.uniqueSaleNumber}
                </Text>
              </DetailField>
              {receipt.siteName && (
                <DetailField label={t('fiscalSites.where')}>
                  <span data-testid="receipt-where">
                    {[receipt.siteName, receipt.workstationName, receipt.deviceName]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </DetailField>
              )}
              {receipt.operatorName && (
                <DetailField label={t('fiscalSites.operator')}>{receipt.operatorName}</DetailField>
              )}
              {receipt.invoiceNumbers && (
                <DetailField label={t('fiscalSites.invoice')}>{receipt.invoiceNumbers}</DetailField>
              )}
              {receipt.stockIssues.map((d) => (
                <DetailField
                  key={d.id}
                  label={d.reversal ? t('receipts.receipt.stockReturn') : t('receipts.receipt.stockIssue')}
                >
                  {canCall(user.role, 'GET /api/v1/stock/documents/:id') ? (
                    <Anchor
                      component={Link}
                      to={`/stock/documents/${d.id}`}
                      size="sm"
                      ff="monospace"
                      data-testid="receipt-stock-issue"
                    >
                      {d.number ?? '—'}
                    </Anchor>
                  ) : (
                    <Text size="sm" ff="monospace" data-testid="receipt-stock-issue">
                      {d.number ?? '—'}
                    </Text>
                  )}
                </DetailField>
              ))}
            </InfoCard>
            <InfoCard title={t('receipts.receipt.fiscalData')}>
              <DetailField label={t('receipts.fiscalLabel')}>
                {t(`receipts.fiscal.${receipt.fiscalStatus}`)}
              </DetailField>
              {receipt.receiptNumber && (
                <DetailField label={t('receipts.receipt.receiptNumber')}>{receipt.receiptNumber}</DetailField>
              )}
              {receipt.receiptDateTime && (
                <DetailField label={t('receipts.receipt.receiptDateTime')}>
                  {receipt.receiptDateTime}
                </DetailField>
              )}
              {receipt.fiscalMemorySerialNumber && (
                <DetailField label={t('receipts.receipt.fiscalMemory')}>
                  {receipt.fiscalMemorySerialNumber}
                </DetailField>
              )}
              {receipt.fiscalErrorText && (
                <DetailField label={t('receipts.receipt.errorCode')}>
                  {receipt.fiscalErrorText[locale]}
                </DetailField>
              )}
              {receipt.stornoReceiptNumber && (
                <DetailField label={t('receipts.receipt.stornoReceipt')}>
                  {receipt.stornoReceiptNumber}
                </DetailField>
              )}
            </InfoCard>
          </Stack>
        </Grid.Col>
      </Grid>
      {reversing && <StornoModal receipt={receipt} onClose={() => setReversing(false)} />}
    </Stack>
  );
}
