import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatQuantity } from '@servix/server/kernel/format';
import type { PurchaseRequest } from '@servix/server/modules/purchasing/purchasing.schema';
import { IconArrowLeft, IconFileSpreadsheet, IconPackageImport, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { API_BASE, messageOf } from '../../api/client';
import {
  useMovePurchaseRequest,
  usePatchPurchaseRequest,
  usePurchaseRequest,
  useReceivePurchaseRequest,
} from '../../api/purchasing';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { DetailField, InfoCard, SectionCard } from '../../ui/detail';
import { formatInstant } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, NotFound, PageLoader } from '../../ui/states';
import { milliToText, textToMilli } from '../../ui/typed-values';
import { SupplierPicker } from '../stock/documents/document-inputs';
import { RequestStatusBadge } from './status-badge';

function BackButton() {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to="/stock/purchase-requests"
      variant="subtle"
      leftSection={<IconArrowLeft size={16} />}
    >
      {t('purchasing.back')}
    </Button>
  );
}

/** The lines of a request, each with the orders it serves: cards, so a phone never scrolls sideways. */
function RequestLines({
  request,
  quantities,
  onQuantity,
}: {
  request: PurchaseRequest;
  quantities: Record<string, string> | null;
  onQuantity: (lineId: string, text: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="xs" data-testid="request-lines">
      {request.lines.map((l) => (
        <Card key={l.id} withBorder radius="sm" padding="sm" data-testid="request-line">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                <Text span ff="monospace" size="sm">
                  {l.partCode}
                </Text>{' '}
                · {l.partName}
              </Text>
              <Text size="xs" c="dimmed">
                {t('purchasing.needed')}: {formatQuantity(l.neededMilli, locale)} {l.unit}
              </Text>
            </Stack>
            {quantities ? (
              <TextInput
                label={t('purchasing.quantity')}
                value={quantities[l.id] ?? ''}
                onChange={(e) => onQuantity(l.id, e.currentTarget.value)}
                w={120}
                rightSection={<Text size="xs">{l.unit}</Text>}
                data-testid="line-quantity"
              />
            ) : (
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">
                  {t('purchasing.quantity')}
                </Text>
                <Text size="sm" fw={600} data-testid="line-quantity-text">
                  {formatQuantity(l.quantityMilli, locale)} {l.unit}
                </Text>
              </Stack>
            )}
          </Group>
          <Group gap={6} mt={6}>
            <Text size="xs" c="dimmed">
              {t('purchasing.servesOrders')}:
            </Text>
            {l.needs.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('purchasing.noOrders')}
              </Text>
            )}
            {l.needs.map((n) => (
              <Anchor
                key={n.sourceLineId}
                component={Link}
                to={`/orders/${n.sourceId}`}
                size="xs"
                ff="monospace"
                data-testid="served-order"
              >
                {n.sourceLabel} ({formatQuantity(n.quantityMilli, locale)})
              </Anchor>
            ))}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function RequestView({ request }: { request: PurchaseRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { user } = useSession();
  const canWrite = canCall(user.role, 'PATCH /api/v1/purchase-requests/:id');
  const draft = request.status === 'draft' && canWrite;
  const [supplier, setSupplier] = useState<{ id: string | null; name: string }>({
    id: request.supplierId,
    name: request.supplierName ?? '',
  });
  const [notes, setNotes] = useState(request.notes ?? '');
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(request.lines.map((l) => [l.id, milliToText(l.quantityMilli, locale)])),
  );
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const patch = usePatchPurchaseRequest();
  const move = useMovePurchaseRequest();
  const receive = useReceivePurchaseRequest();

  const patchBody = () => ({
    supplierId: supplier.id,
    notes: notes.trim() || null,
    lines: request.lines.map((l) => ({ id: l.id, quantityMilli: textToMilli(quantities[l.id] ?? '') })),
  });
  const save = async (): Promise<boolean> => {
    setError(null);
    try {
      await patch.mutateAsync({ id: request.id, patch: patchBody() });
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      notifications.show({ color: 'green', message: done });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Stack gap="md">
      <FormAlert message={error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <InfoCard title={t('purchasing.supplier')}>
          {draft ? (
            <SupplierPicker
              value={supplier.id}
              initialName={supplier.name}
              onChange={(id, name) => setSupplier({ id, name })}
            />
          ) : (
            <DetailField label={t('purchasing.supplier')}>
              {request.supplierName ?? t('purchasing.noSupplier')}
            </DetailField>
          )}
          <DetailField label={t('purchasing.statusLabel')}>
            <RequestStatusBadge status={request.status} />
          </DetailField>
          <DetailField label={t('purchasing.created')}>
            {formatInstant(request.createdAt, locale)}
          </DetailField>
          {request.sentAt && (
            <DetailField label={t('purchasing.sent')}>{formatInstant(request.sentAt, locale)}</DetailField>
          )}
          {request.receivedAt && (
            <DetailField label={t('purchasing.received')}>
              {formatInstant(request.receivedAt, locale)}
            </DetailField>
          )}
          {request.receiptId && (
            <DetailField label={t('purchasing.receipt')}>
              <Anchor
                component={Link}
                to={`/stock/documents/${request.receiptId}`}
                size="sm"
                data-testid="receipt-link"
              >
                {request.receiptNumber ?? t('purchasing.receiptDraft')}
              </Anchor>
            </DetailField>
          )}
        </InfoCard>
        <SectionCard title={t('purchasing.notes')}>
          {draft ? (
            <Textarea value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
          ) : (
            <Text size="sm">{request.notes ?? '—'}</Text>
          )}
        </SectionCard>
      </SimpleGrid>
      {draft && !supplier.id && (
        <Alert color="orange" variant="light">
          {t('purchasing.chooseSupplier')}
        </Alert>
      )}
      <SectionCard
        title={t('purchasing.lines')}
        action={
          <Button
            component="a"
            href={`${API_BASE}/purchase-requests/${request.id}/lines.csv`}
            download
            size="xs"
            variant="default"
            leftSection={<IconFileSpreadsheet size={14} />}
          >
            {t('purchasing.csv')}
          </Button>
        }
      >
        <RequestLines
          request={request}
          quantities={draft ? quantities : null}
          onQuantity={(id, text) => setQuantities((q) => ({ ...q, [id]: text }))}
        />
      </SectionCard>
      {canWrite && (
        <Group gap="xs">
          {draft && (
            <>
              <Button
                variant="default"
                loading={patch.isPending}
                onClick={() => run(save, t('purchasing.saved'))}
              >
                {t('purchasing.save')}
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                loading={move.isPending}
                onClick={async () => {
                  if (!(await save())) return;
                  await run(() => move.mutateAsync({ id: request.id, to: 'sent' }), t('purchasing.sentDone'));
                }}
              >
                {t('purchasing.send')}
              </Button>
            </>
          )}
          {request.status === 'sent' && !request.receiptId && (
            <Button
              leftSection={<IconPackageImport size={16} />}
              loading={receive.isPending}
              onClick={async () => {
                setError(null);
                try {
                  const answer = await receive.mutateAsync(request.id);
                  navigate(`/stock/documents/${answer.receiptId}`);
                } catch (e) {
                  setError(messageOf(e));
                }
              }}
              title={t('purchasing.receiveHint')}
            >
              {t('purchasing.receive')}
            </Button>
          )}
          {request.status === 'sent' && request.receiptId && (
            <Button component={Link} to={`/stock/documents/${request.receiptId}`} variant="light">
              {t('purchasing.openReceipt')}
            </Button>
          )}
          {request.nextStatuses.includes('cancelled') && (
            <Button
              color="red"
              variant="subtle"
              leftSection={<IconX size={16} />}
              onClick={() => setConfirmCancel(true)}
            >
              {t('purchasing.cancel')}
            </Button>
          )}
        </Group>
      )}
      {!canWrite && (
        <Text size="sm" c="dimmed">
          {t('purchasing.readOnly')}
        </Text>
      )}
      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('purchasing.cancel')}>
        <Stack>
          <Text size="sm">{t('purchasing.cancelConfirm')}</Text>
          <Group justify="flex-end">
            <Button
              color="red"
              loading={move.isPending}
              onClick={async () => {
                setConfirmCancel(false);
                await run(
                  () => move.mutateAsync({ id: request.id, to: 'cancelled' }),
                  t('purchasing.cancelled'),
                );
              }}
            >
              {t('purchasing.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function PurchaseRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePurchaseRequest(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if ((query.error as { status?: number }).status === 404) return <NotFound />;
    return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  }
  const request = query.data;
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={t('purchasing.pageTitle', { number: request.number })} actions={<BackButton />} />
      <RequestView key={`${request.id}-${request.updatedAt}`} request={request} />
    </Stack>
  );
}
