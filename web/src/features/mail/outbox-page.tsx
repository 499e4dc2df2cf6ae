import { Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutboxEntry } from '@servix/server/modules/mail/mail.schema';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { OUTBOX_POLL_MS, outboxKey, useRetryOutbox } from '../../api/mail';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../ui/format';
import { type Column, FilterSelect, ListView, useListState, usePagedList } from '../../ui/list';
import { PageHeader } from '../../ui/page-header';
import { mailErrorText, OutboxStatusBadge } from './send-mail';

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

/** Whether a message on the page is still waiting to be sent: the list is asked again until none is. */
const stillQueued = (messages: { items: OutboxEntry[] }) =>
  messages.items.some((m) => m.status === 'queued') ? OUTBOX_POLL_MS : false;

/** Settings → Outbox: every message with a document, its status and last error; a failed one is sent again. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState({ filters: ['status'] as const });
  const result = usePagedList<OutboxEntry>(outboxKey, '/mail/outbox', list.query, true, {
    refreshWhile: stillQueued,
  });
  const columns: Column<OutboxEntry>[] = [
    { key: 'document', header: t('mail.outbox.document'), render: (m) => <DocumentCell m={m} /> },
    {
      key: 'to',
      header: t('mail.outbox.to'),
      render: (m) => <span style={{ overflowWrap: 'anywhere' }}>{m.to.join(', ')}</span>,
      phone: 'primary',
    },
    {
      key: 'subject',
      header: t('mail.outbox.subject'),
      render: (m) => (
        <Stack gap={2}>
          <Text size="sm">{m.subject}</Text>
          <LastError m={m} />
        </Stack>
      ),
      phone: 'primary',
    },
    {
      key: 'status',
      header: t('mail.outbox.status'),
      render: (m) => <OutboxStatusBadge status={m.status} />,
      width: 140,
      phone: 'primary',
    },
    {
      key: 'attempts',
      header: t('mail.outbox.attempts'),
      align: 'right',
      render: (m) => m.attempts,
      phone: 'secondary',
    },
    {
      key: 'createdAt',
      header: t('mail.outbox.createdAt'),
      nowrap: true,
      render: (m) => (
        <>
          <Text size="sm">{formatInstant(m.createdAt, locale)}</Text>
          {m.createdByName && (
            <Text size="xs" c="dimmed">
              {m.createdByName}
            </Text>
          )}
        </>
      ),
      phone: 'secondary',
    },
    {
      key: 'sentAt',
      header: t('mail.outbox.sentAt'),
      nowrap: true,
      render: (m) => (m.sentAt ? formatInstant(m.sentAt, locale) : ''),
      phone: 'secondary',
    },
    { key: 'actions', header: '', render: (m) => <RetryButton m={m} /> },
  ];
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('mail.outbox.title')} description={t('mail.outbox.description')} />
      <ListView
        list={list}
        result={result}
        columns={columns}
        rowKey={(m) => m.id}
        filters={
          <FilterSelect
            list={list}
            name="status"
            data={STATUSES.map((s) => ({ value: s, label: t(`mail.statuses.${s}`) }))}
            placeholder={t('mail.outbox.allStatuses')}
            label={t('mail.outbox.status')}
            w={220}
          />
        }
        empty={
          <Text size="sm" c="dimmed">
            {t('mail.outbox.empty')}
          </Text>
        }
        minWidth={1000}
        rowTestId="outbox-row"
        data-testid="outbox-list"
      />
    </Stack>
  );
}
