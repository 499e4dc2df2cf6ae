import { Anchor, Button, Card, Group, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutboxEntry } from '@servix/server/modules/mail/mail.schema';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { useOutbox, useRetryOutbox } from '../../api/mail';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { LoadError, PageLoader } from '../../ui/states';
import { mailErrorText, OutboxStatusBadge } from './send-mail';

const PAGE_SIZE = 25;
const STATUSES = ['queued', 'sent', 'failed'] as const;

/** Where the document of a message is seen. */
function documentLink(m: OutboxEntry): string {
  if (m.documentType === 'invoice') return `/invoices/${m.documentId}`;
  if (m.documentType === 'proforma') return `/proformas/${m.documentId}`;
  return `/orders/${m.documentId}`;
}

function DocumentCell({ m }: { m: OutboxEntry }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={documentLink(m)} size="sm">
        {t(`mail.documentTypes.${m.documentType}`)} {m.documentNumber}
      </Anchor>
      {m.partyName && (
        <Text size="xs" c="dimmed">
          {m.partyName}
        </Text>
      )}
    </Stack>
  );
}

function LastError({ m }: { m: OutboxEntry }) {
  if (!m.lastError) return null;
  return (
    <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }} data-testid="outbox-error">
      {mailErrorText(m.lastError)}
      {m.lastErrorDetail ? ` — ${m.lastErrorDetail}` : ''}
    </Text>
  );
}

function RetryButton({ m }: { m: OutboxEntry }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const retry = useRetryOutbox();
  if (m.status !== 'failed' || !canCall(user.role, 'POST /api/v1/mail/outbox/:id/retry')) return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={retry.isPending}
      data-testid="outbox-retry"
      onClick={() =>
        retry.mutate(m.id, {
          onSuccess: () => notifications.show({ color: 'green', message: t('mail.outbox.retried') }),
          onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
        })
      }
    >
      {t('mail.outbox.retry')}
    </Button>
  );
}

function OutboxCard({ m }: { m: OutboxEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="outbox-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <DocumentCell m={m} />
          <OutboxStatusBadge status={m.status} />
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('mail.outbox.to')}: {m.to.join(', ')}
        </Text>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {m.subject}
        </Text>
        <LastError m={m} />
        <Text size="xs" c="dimmed">
          {m.createdByName ?? ''} · {formatInstant(m.createdAt, locale)}
          {m.sentAt ? ` · ${t('mail.outbox.sentAt')} ${formatInstant(m.sentAt, locale)}` : ''} ·{' '}
          {t('mail.outbox.attempts')}: {m.attempts}
        </Text>
        <Group>
          <RetryButton m={m} />
        </Group>
      </Stack>
    </Card>
  );
}

/** Settings → Outbox: every message with a document, its status and last error; a failed one is sent again. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const list = useOutbox({ status: status ?? undefined, page, pageSize: PAGE_SIZE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('mail.outbox.title')} description={t('mail.outbox.description')} />
      <Group justify="space-between" mb="sm" gap="sm">
        <Select
          aria-label={t('mail.outbox.status')}
          placeholder={t('mail.outbox.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`mail.statuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          clearable
          w={220}
          data-testid="outbox-status-filter"
        />
        {list.data && (
          <Text size="sm" c="dimmed">
            {t('mail.outbox.total', { count: list.data.total })}
          </Text>
        )}
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('mail.outbox.empty')}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Paper withBorder radius="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" data-testid="outbox-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mail.outbox.document')}</Table.Th>
                    <Table.Th>{t('mail.outbox.to')}</Table.Th>
                    <Table.Th>{t('mail.outbox.subject')}</Table.Th>
                    <Table.Th>{t('mail.outbox.status')}</Table.Th>
                    <Table.Th ta="right">{t('mail.outbox.attempts')}</Table.Th>
                    <Table.Th>{t('mail.outbox.createdAt')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((m) => (
                    <Table.Tr key={m.id} data-testid="outbox-row">
                      <Table.Td>
                        <DocumentCell m={m} />
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.to.join(', ')}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm">{m.subject}</Text>
                          <LastError m={m} />
                        </Stack>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 140 }}>
                        <OutboxStatusBadge status={m.status} />
                      </Table.Td>
                      <Table.Td ta="right">{m.attempts}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatInstant(m.createdAt, locale)}</Text>
                        {m.createdByName && (
                          <Text size="xs" c="dimmed">
                            {m.createdByName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RetryButton m={m} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Stack gap="sm" hiddenFrom="sm" data-testid="outbox-cards">
            {list.data.items.map((m) => (
              <OutboxCard key={m.id} m={m} />
            ))}
          </Stack>
        </>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
