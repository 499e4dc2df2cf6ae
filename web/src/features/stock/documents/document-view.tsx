import {
  Alert,
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney, formatQuantity, formatUnitCost } from '@servix/server/kernel/format';
import type { StockDocument } from '@servix/server/modules/stock/stock.schema';
import { IconArrowBackUp, IconPrinter, IconTruckReturn } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { messageOf } from '../../../api/client';
import {
  stockDocumentPdfUrl,
  useDraftSupplierReturn,
  useReverseStockDocument,
  useStockDocument,
} from '../../../api/stock';
import { useSeesStockCosts } from '../../../app/fields';
import { currentLocale } from '../../../i18n';
import { DateField } from '../../../ui/date-field';
import { DetailField, SectionCard } from '../../../ui/detail';
import { formatInstant } from '../../../ui/format';
import { useIsPhone } from '../../../ui/phone';
import { Figures } from '../figures';

/** A link to another stock document, by its type and number. */
export function LinkedDocument({ id, testId = 'linked-document' }: { id: string; testId?: string }) {
  const { t } = useTranslation();
  const linked = useStockDocument(id).data;
  return (
    <Anchor component={Link} to={`/stock/documents/${id}`} size="sm" data-testid={testId}>
      {linked
        ? t('stock.docs.numbered', {
            kind: t(`stock.docs.type.${linked.type}`),
            number: linked.number ?? '—',
          })
        : '…'}
    </Anchor>
  );
}

/** "Print (PDF)" in the user's language, or the other one: opens the document in a new tab. */
export function PdfButton({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const other = locale === 'bg' ? 'en' : 'bg';
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        component="a"
        href={stockDocumentPdfUrl(doc.id, locale)}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<IconPrinter size={16} />}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        {t('stock.docs.pdf')}
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            px={8}
            style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: 0 }}
            aria-label={other === 'en' ? t('stock.docs.pdfEn') : t('stock.docs.pdfBg')}
          >
            {other.toUpperCase()}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={stockDocumentPdfUrl(doc.id, other)} target="_blank" rel="noopener">
            {other === 'en' ? t('stock.docs.pdfEn') : t('stock.docs.pdfBg')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

const todayIso = () => new Date().toLocaleDateString('sv-SE');

/**
 * A reversal cancels the document as if it had never been posted: by default on the document's own date, so that
 * the later movements are re-costed without it; a later date (not in the future) undoes it from that day on.
 */
function ReverseModal({ doc, onClose }: { doc: StockDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const reverse = useReverseStockDocument();
  const [date, setDate] = useState<string | null>(doc.documentDate);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('stock.docs.reverseTitle', { number: doc.number })} centered>
      <Stack gap="sm">
        <Text size="sm" data-testid="reverse-explanation">
          {t('stock.docs.reverseText')}
        </Text>
        {doc.type === 'receipt' && (
          <Text size="sm" c="dimmed">
            {t('stock.docs.reverseReceiptHint')}
          </Text>
        )}
        <DateField
          label={t('stock.docs.reverseDate')}
          description={t('stock.docs.reverseDateHint', { date: formatDate(doc.documentDate, locale) })}
          placeholder={formatDate(doc.documentDate, locale)}
          value={date}
          onChange={setDate}
          minDate={doc.documentDate}
          maxDate={todayIso()}
          clearable
          data-testid="reverse-date"
        />
        <TextInput
          label={t('stock.docs.reverseReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {reverse.error && (
          <Alert color="red" role="alert">
            {messageOf(reverse.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={reverse.isPending}
            onClick={() =>
              reverse.mutate(
                {
                  id: doc.id,
                  body: { documentDate: date ?? undefined, reason: reason.trim() || null },
                },
                {
                  onSuccess: (reversal) => {
                    notifications.show({
                      color: 'green',
                      message: t('stock.docs.reversed', { number: reversal.number }),
                    });
                    onClose();
                    navigate(`/stock/documents/${reversal.id}`);
                  },
                },
              )
            }
          >
            {t('stock.docs.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Reverse is offered on a posted document that is not itself a reversal, to those who may write stock. */
export function ReverseButton({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  if (doc.status !== 'posted' || doc.reversalOfId) return null;
  return (
    <>
      <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={modal.open}>
        {t('stock.docs.reverse')}
      </Button>
      {opened && <ReverseModal doc={doc} onClose={modal.close} />}
    </>
  );
}

function SupplierReturnModal({ doc, onClose }: { doc: StockDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftSupplierReturn();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('stock.docs.supplierReturnTitle', { number: doc.number })}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" data-testid="supplier-return-explanation">
          {t('stock.docs.supplierReturnText')}
        </Text>
        {draft.error && (
          <Alert color="red" role="alert">
            {messageOf(draft.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={draft.isPending}
            data-testid="confirm-supplier-return"
            onClick={() =>
              draft.mutate(doc.id, {
                onSuccess: (issue) => {
                  notifications.show({ color: 'green', message: t('stock.docs.supplierReturnDrafted') });
                  onClose();
                  navigate(`/stock/documents/${issue.id}`);
                },
              })
            }
          >
            {t('stock.docs.supplierReturnCreate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Goods going back to the supplier of a posted receipt: a new issue drafted from it, unlike a reversal the
 * delivery stays as it was.
 */
export function SupplierReturnButton({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  if (doc.type !== 'receipt' || doc.status !== 'posted' || doc.reversalOfId) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconTruckReturn size={16} />} onClick={modal.open}>
        {t('stock.docs.supplierReturn')}
      </Button>
      {opened && <SupplierReturnModal doc={doc} onClose={modal.close} />}
    </>
  );
}

const SUPPLIER_RETURN = 'supplier_return';

/** True for an issue drafted from a receipt to send its goods back to the supplier. */
export const isSupplierReturn = (doc: { sourceType: string | null; reversalOfId: string | null }) =>
  doc.sourceType === SUPPLIER_RETURN && !doc.reversalOfId;

/** A stock document as it was posted (or a draft, for those who may only read). */
export function DocumentView({ doc }: { doc: StockDocument }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const q = (milli: number | null) => (milli === null ? '—' : formatQuantity(milli, locale));
  const money = (c: number | null | undefined) =>
    c === null || c === undefined ? '—' : formatMoney(c, locale);
  const isCount = doc.type === 'count';
  // What the value divides into (51,44 € for 13 → 3,9569 €): quantity × shown unit cost = shown value.
  const unitCost = (l: StockDocument['lines'][number]) => {
    const quantity = isCount ? l.differenceMilli : l.quantityMilli;
    const exact = l.valueCents != null && quantity ? formatUnitCost(l.valueCents, quantity, locale) : null;
    return exact ?? money(l.unitCostCents);
  };
  const phone = useIsPhone();
  // Costs and values only for those who may see them: the server leaves them out for the others.
  const costs = useSeesStockCosts();
  const showValues = costs && (doc.status !== 'draft' || doc.type === 'receipt');
  const signed = (milli: number | null) =>
    milli === null ? (
      '—'
    ) : (
      <Text span size="sm" c={milli > 0 ? 'teal.8' : milli < 0 ? 'red.8' : undefined}>
        {milli > 0 ? '+' : ''}
        {formatQuantity(milli, locale)}
      </Text>
    );

  return (
    <Stack gap="md">
      {doc.status === 'draft' && (
        <Alert color="gray" variant="light">
          {t('stock.docs.draftNote')}
        </Alert>
      )}
      <SectionCard title={t('stock.docs.section.header')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={8}>
          <DetailField label={t('stock.docs.date')}>{formatDate(doc.documentDate, locale)}</DetailField>
          <DetailField label={doc.toWarehouseId ? t('stock.docs.fromWarehouse') : t('stock.docs.warehouse')}>
            {doc.warehouseCode} — {doc.warehouseName}
          </DetailField>
          {doc.toWarehouseId && (
            <DetailField label={t('stock.docs.toWarehouse')}>
              {doc.toWarehouseCode} — {doc.toWarehouseName}
            </DetailField>
          )}
          {doc.supplierId && (
            <DetailField label={t('stock.docs.supplier')}>
              <Anchor component={Link} to={`/customers/${doc.supplierId}`} size="sm">
                {doc.supplierName}
              </Anchor>
            </DetailField>
          )}
          {doc.supplierDocNumber && (
            <DetailField label={t('stock.docs.supplierDocNumber')}>
              {doc.supplierDocNumber}
              {doc.supplierDocDate && ` / ${formatDate(doc.supplierDocDate, locale)}`}
            </DetailField>
          )}
          {doc.reason && <DetailField label={t('stock.docs.reason')}>{doc.reason}</DetailField>}
          {costs && (doc.landedCostCents ?? 0) > 0 && (
            <DetailField label={t('stock.docs.landedCost')}>{money(doc.landedCostCents)}</DetailField>
          )}
          {doc.sourceType === SUPPLIER_RETURN
            ? // The return itself names its receipt in the page header; its reversal (if the server copies the
              // source) names it here.
              doc.reversalOfId &&
              doc.sourceId && (
                <DetailField label={t('stock.docs.supplierReturnOf')}>
                  <LinkedDocument id={doc.sourceId} testId="supplier-return-of" />
                </DetailField>
              )
            : doc.sourceType && (
                <DetailField label={t('stock.docs.source')}>
                  {doc.sourceType} {doc.sourceId}
                </DetailField>
              )}
          {doc.reversalOfId && (
            <DetailField label={t('stock.docs.reversalOf')}>
              <LinkedDocument id={doc.reversalOfId} />
            </DetailField>
          )}
          {doc.reversedById && (
            <DetailField label={t('stock.docs.reversedBy')}>
              <LinkedDocument id={doc.reversedById} />
            </DetailField>
          )}
          {doc.postedAt && (
            <DetailField label={t('stock.docs.postedAt')}>
              {formatInstant(doc.postedAt, locale)}
              {doc.postedByName && ` · ${doc.postedByName}`}
            </DetailField>
          )}
          {doc.createdByName && (
            <DetailField label={t('stock.docs.createdBy')}>{doc.createdByName}</DetailField>
          )}
          {doc.notes && <DetailField label={t('stock.docs.notes')}>{doc.notes}</DetailField>}
        </SimpleGrid>
      </SectionCard>

      <SectionCard title={t('stock.docs.section.lines')}>
        {phone ? (
          <Stack gap="xs" data-testid="document-lines">
            {doc.lines.map((l) => (
              <Paper key={l.id} withBorder radius="sm" p="xs">
                <Text size="sm">
                  <Text span size="sm" c="dimmed">
                    {l.lineNo}.
                  </Text>{' '}
                  <Anchor component={Link} to={`/stock/parts/${l.partId}`} size="sm" ff="monospace">
                    {l.partCode}
                  </Anchor>{' '}
                  {l.partName}
                </Text>
                <Figures
                  items={[
                    ...(isCount
                      ? ([
                          [t('stock.docs.book'), q(l.bookMilli)],
                          [t('stock.docs.counted'), q(l.countedMilli)],
                          [t('stock.docs.difference'), signed(l.differenceMilli)],
                        ] as const)
                      : ([[t('stock.docs.quantity'), `${q(l.quantityMilli)} ${l.unit}`]] as const)),
                    ...(showValues
                      ? ([
                          [t('stock.docs.unitCostShort'), unitCost(l)],
                          [t('stock.docs.value'), money(l.valueCents)],
                        ] as const)
                      : []),
                    ...(!isCount && l.serialNumbers
                      ? ([[t('stock.docs.serialNumbers'), l.serialNumbers]] as const)
                      : []),
                  ]}
                />
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={showValues ? 760 : 560}>
            <Table verticalSpacing={6} striped data-testid="document-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>{t('stock.docs.part')}</Table.Th>
                  {isCount ? (
                    <>
                      <Table.Th ta="right">{t('stock.docs.book')}</Table.Th>
                      <Table.Th ta="right">{t('stock.docs.counted')}</Table.Th>
                      <Table.Th ta="right">{t('stock.docs.difference')}</Table.Th>
                    </>
                  ) : (
                    <Table.Th ta="right">{t('stock.docs.quantity')}</Table.Th>
                  )}
                  <Table.Th>{t('stock.docs.unit')}</Table.Th>
                  {showValues && (
                    <>
                      <Table.Th ta="right">{t('stock.docs.unitCostShort')}</Table.Th>
                      <Table.Th ta="right">{t('stock.docs.value')}</Table.Th>
                    </>
                  )}
                  {!isCount && <Table.Th>{t('stock.docs.serialNumbers')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {doc.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td c="dimmed">{l.lineNo}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/stock/parts/${l.partId}`} size="sm" ff="monospace">
                        {l.partCode}
                      </Anchor>{' '}
                      <Text span size="sm">
                        {l.partName}
                      </Text>
                    </Table.Td>
                    {isCount ? (
                      <>
                        <Table.Td ta="right">{q(l.bookMilli)}</Table.Td>
                        <Table.Td ta="right">{q(l.countedMilli)}</Table.Td>
                        <Table.Td ta="right">{signed(l.differenceMilli)}</Table.Td>
                      </>
                    ) : (
                      <Table.Td ta="right">{q(l.quantityMilli)}</Table.Td>
                    )}
                    <Table.Td>{l.unit}</Table.Td>
                    {showValues && (
                      <>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {unitCost(l)}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {money(l.valueCents)}
                        </Table.Td>
                      </>
                    )}
                    {!isCount && <Table.Td>{l.serialNumbers ?? ''}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {showValues && (
          <Group justify="flex-end" mt="sm">
            <Text size="sm">
              {t('stock.docs.total')}:{' '}
              <Text span fw={600} data-testid="document-total">
                {money(doc.totalValueCents)}
              </Text>
            </Text>
          </Group>
        )}
      </SectionCard>
    </Stack>
  );
}
