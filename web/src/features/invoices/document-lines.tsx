import { Stack, Table, Text } from '@mantine/core';
import { formatMoney, formatQuantity } from '@servix/server/kernel/format';
import type { DocumentParties, InvoiceDetail, InvoiceLine } from '@servix/server/modules/sales/sales.schema';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { type Column, ResponsiveTable } from '../../ui/list';

/** What a sales document (an invoice, a note, a proforma) shows of its lines and totals. */
type LinesOf = Pick<
  InvoiceDetail,
  'currency' | 'lines' | 'vatByRate' | 'netCents' | 'vatCents' | 'totalCents' | 'supplier'
>;

export const percent = (bp: number, locale: 'bg' | 'en') =>
  `${formatQuantity(bp * 10, locale)}${locale === 'bg' ? '\u00a0%' : '%'}`;

/** One party's requisites as copied onto the document. */
export function PartyCard({
  title,
  party,
  personalIdWaived = false,
}: {
  title: string;
  party: DocumentParties['supplier'] | DocumentParties['recipient'];
  /** INV-16: issued to a person without ЕГН/ЛНЧ on the issuer's confirmation. */
  personalIdWaived?: boolean;
}) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('invoices.invoice.uic'), party.uic],
    [t('invoices.invoice.vatNumber'), party.vatNumber],
    [t('invoices.invoice.egn'), party.egn ?? (personalIdWaived ? t('invoices.invoice.egnWaived') : null)],
    [t('invoices.invoice.mol'), party.mol],
  ];
  return (
    <InfoCard title={title}>
      <Text fw={600} size="sm">
        {party.name}
      </Text>
      {party.address && <Text size="sm">{party.address}</Text>}
      {rows
        .filter((r): r is [string, string] => Boolean(r[1]))
        .map(([label, value]) => (
          <DetailField key={label} label={label} labelWidth={110}>
            {value}
          </DetailField>
        ))}
    </InfoCard>
  );
}

export function InvoiceTotals({
  invoice,
}: {
  invoice: Pick<InvoiceDetail, 'currency' | 'vatByRate' | 'netCents' | 'vatCents' | 'totalCents'>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = (c: number) => formatMoney(c, locale, invoice.currency);
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={380} ml="auto" data-testid="invoice-totals">
      <Table.Tbody>
        {invoice.vatByRate.map((r) =>
          r.vatExempt ? (
            <Table.Tr key="exempt">
              <Table.Td>{t('invoices.invoice.totalsExempt')}</Table.Td>
              <Table.Td ta="right">{money(r.baseCents)}</Table.Td>
            </Table.Tr>
          ) : (
            [
              <Table.Tr key={`base-${r.vatRateBp}`}>
                <Table.Td>
                  {t('invoices.invoice.totalsBase', { rate: percent(r.vatRateBp, locale) })}
                </Table.Td>
                <Table.Td ta="right">{money(r.baseCents)}</Table.Td>
              </Table.Tr>,
              <Table.Tr key={`vat-${r.vatRateBp}`}>
                <Table.Td>{t('invoices.invoice.totalsVat', { rate: percent(r.vatRateBp, locale) })}</Table.Td>
                <Table.Td ta="right" data-testid={`invoice-vat-${r.vatRateBp}`}>
                  {money(r.vatCents)}
                </Table.Td>
              </Table.Tr>,
            ]
          ),
        )}
        <Table.Tr>
          <Table.Td>{t('invoices.invoice.net')}</Table.Td>
          <Table.Td ta="right" data-testid="invoice-net">
            {money(invoice.netCents)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('invoices.invoice.vat')}</Table.Td>
          <Table.Td ta="right" data-testid="invoice-vat">
            {money(invoice.vatCents)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td fw={700}>{t('invoices.invoice.gross')}</Table.Td>
          <Table.Td ta="right" fw={700} data-testid="invoice-total">
            {money(invoice.totalCents)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * A sales document's lines (a card each on a phone) and its totals per VAT rate, the same on an invoice, a note and a
 * proforma: a line of a supplier not registered for VAT, or exempt, shows no rate.
 */
export function DocumentLines({ document, testId }: { document: LinesOf; testId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = (c: number) => formatMoney(c, locale, document.currency);
  const columns: Column<InvoiceLine>[] = [
    {
      key: 'description',
      header: t('invoices.invoice.description'),
      phone: 'title',
      render: (l) => l.description,
    },
    {
      key: 'quantity',
      header: t('invoices.invoice.quantity'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => `${formatQuantity(l.quantityMilli, locale)} ${l.unit}`,
    },
    {
      key: 'unitPrice',
      header: t('invoices.invoice.unitPrice'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => money(l.unitPriceCents),
    },
    {
      key: 'discount',
      header: t('invoices.invoice.discount'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (l) => (l.discountBp ? percent(l.discountBp, locale) : '—'),
    },
    {
      key: 'vat',
      header: t('invoices.invoice.vatRate'),
      align: 'right',
      nowrap: true,
      phone: 'secondary',
      render: (l) =>
        l.vatExempt || !document.supplier.vatRegistered
          ? t('invoices.invoice.exempt')
          : percent(l.vatRateBp, locale),
    },
    {
      key: 'base',
      header: t('invoices.invoice.base'),
      align: 'right',
      nowrap: true,
      phone: 'primary',
      render: (l) => money(l.netCents),
    },
  ];
  return (
    <SectionCard title={t('invoices.invoice.lines')}>
      <Stack gap="sm">
        <ResponsiveTable
          columns={columns}
          rows={document.lines}
          rowKey={(l) => l.id}
          minWidth={620}
          data-testid={testId}
        />
        <InvoiceTotals invoice={document} />
      </Stack>
    </SectionCard>
  );
}
