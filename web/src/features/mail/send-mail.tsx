import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { formatDate } from '@servix/server/kernel/format';
import type { MailStatus, OutboxEntry } from '@servix/server/modules/mail/mail.schema';
import { IconMail } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import { type MailedDocument, useMailDraft, useOutboxEntry, useSendDocument } from '../../api/mail';
import { currentLocale, i18n } from '../../i18n';

export type MailLanguage = 'bg' | 'bg_en' | 'en';

const STATUS_COLOR: Record<MailStatus, string> = { queued: 'gray', sent: 'green', failed: 'red' };

/** A message's status as a badge: waiting, sent, failed. */
export function OutboxStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }} data-testid="mail-status">
      {t(`mail.statuses.${status}`)}
    </Badge>
  );
}

/** A failure code in words (the codes the jobs screen names too), or the code itself when it is a new one. */
export function mailErrorText(code: string): string {
  const key = `jobs.errors.${code}`;
  const text: unknown = i18n.getResource(i18n.language, 'translation', key);
  return typeof text === 'string' ? text : code;
}

function addressesOf(s: string): string[] {
  return s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** How sending went, while it goes: the badge follows the outbox entry until it is sent or failed. */
function SentStatus({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const query = useOutboxEntry(entry.id);
  const current = query.data ?? entry;
  return (
    <Stack gap="xs" data-testid="mail-sent">
      <Group gap="xs">
        <OutboxStatusBadge status={current.status} />
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {current.to.join(', ')}
        </Text>
      </Group>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {current.subject}
      </Text>
      {current.lastError && (
        <Text size="sm" c="red.8" data-testid="mail-error">
          {mailErrorText(current.lastError)}
          {current.lastErrorDetail ? ` — ${current.lastErrorDetail}` : ''}
        </Text>
      )}
      {current.status === 'queued' && (
        <Text size="sm" c="dimmed">
          {t('mail.queuedNote')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The send-by-e-mail dialog of one document: the recipient prefilled from the customer (the address they agreed to
 * electronic invoices at, first), the subject and text in the document's language, the consent when an invoice
 * needs it (INV-15); after sending, the outbox entry's status as it goes.
 */
export function SendMailDialog({
  document,
  title,
  languages,
  onClose,
}: {
  document: MailedDocument;
  title: string;
  languages: readonly MailLanguage[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [language, setLanguage] = useState<MailLanguage>(languages[0] ?? 'bg');
  const draft = useMailDraft(document, language);
  const send = useSendDocument(document);
  const [to, setTo] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recordConsent, setRecordConsent] = useState(false);
  const [sent, setSent] = useState<OutboxEntry | null>(null);
  const data = draft.data;

  // A new language brings its own subject and text; the addresses typed stay.
  useEffect(() => {
    if (!data) return;
    setSubject(data.subject);
    setBody(data.body);
    setTo((current) => current ?? data.to.join(', '));
  }, [data]);

  const fieldErrors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const toError = Object.entries(fieldErrors).find(([f]) => f === 'to' || f.startsWith('to.'));
  const badIndex = toError ? Number(toError[0].split('.')[1]) : Number.NaN;
  const addresses = addressesOf(to ?? '');
  const toMessage = toError
    ? Number.isInteger(badIndex) && addresses[badIndex]
      ? t('mail.badAddress', { address: addresses[badIndex] })
      : toError[1]
    : undefined;
  const consentMissing = Boolean(data?.consentRequired && !data.consent);
  const otherError =
    send.error &&
    !toError &&
    !(send.error instanceof ApiError && send.error.code === 'einvoice_consent_missing')
      ? messageOf(send.error)
      : null;

  const submit = () =>
    send.mutate(
      {
        language,
        body: {
          to: addresses,
          subject,
          body,
          ...(consentMissing && recordConsent ? { recordConsent: true } : {}),
        },
      },
      { onSuccess: (entry) => setSent(entry) },
    );

  return (
    <Modal opened onClose={onClose} size="lg" title={t('mail.dialogTitle', { document: title })}>
      {sent ? (
        <Stack gap="md">
          <SentStatus entry={sent} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="mail-close">
              {t('mail.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm" data-testid="mail-form">
          {languages.length > 1 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('mail.language')}
              </Text>
              <SegmentedControl
                value={language}
                onChange={(v) => setLanguage(v as MailLanguage)}
                data={languages.map((l) => ({ value: l, label: t(`mail.languages.${l}`) }))}
                data-testid="mail-language"
              />
            </Stack>
          )}
          {data && !data.configured && (
            <Alert color="yellow" data-testid="mail-not-configured">
              {t('mail.notConfigured')}
            </Alert>
          )}
          <TextInput
            label={t('mail.to')}
            description={t('mail.toHint')}
            value={to ?? ''}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={toMessage}
            required
            type="text"
            inputMode="email"
            autoComplete="email"
            data-testid="mail-to"
          />
          <TextInput
            label={t('mail.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={fieldErrors.subject}
            required
            data-testid="mail-subject"
          />
          <Textarea
            label={t('mail.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldErrors.body}
            autosize
            minRows={4}
            maxRows={12}
            data-testid="mail-body"
          />
          <Text size="sm" c="dimmed">
            {document.type === 'work_report' ? t('mail.attachedReport') : t('mail.attached')}
          </Text>
          {data?.consent && (
            <Text size="sm" c="dimmed" data-testid="mail-consent">
              {t('mail.consentOn', {
                date: formatDate(data.consent.consentedOn, locale),
                email: data.consent.email,
              })}
            </Text>
          )}
          {consentMissing && (
            <Alert color="orange" data-testid="mail-consent-missing">
              <Stack gap="xs">
                <Text size="sm">{t('mail.consentMissing', { name: data?.partyName ?? '' })}</Text>
                {data?.mayRecordConsent ? (
                  <Checkbox
                    label={t('mail.consentRecord')}
                    checked={recordConsent}
                    onChange={(e) => setRecordConsent(e.currentTarget.checked)}
                    error={fieldErrors.recordConsent}
                    data-testid="mail-record-consent"
                  />
                ) : (
                  <Text size="sm">{t('mail.consentCannot')}</Text>
                )}
              </Stack>
            </Alert>
          )}
          {otherError && (
            <Alert color="red" data-testid="mail-error">
              {otherError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('mail.cancel')}
            </Button>
            <Button
              leftSection={<IconMail size={16} />}
              loading={send.isPending}
              disabled={!data?.configured || (consentMissing && !recordConsent) || !addresses.length}
              onClick={submit}
              data-testid="mail-submit"
            >
              {t('mail.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The "send by e-mail" button of a document page and its dialog. */
export function SendMailButton({
  document,
  title,
  languages,
  variant = 'default',
}: {
  document: MailedDocument;
  title: string;
  languages: readonly MailLanguage[];
  variant?: 'default' | 'light';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        leftSection={<IconMail size={16} />}
        onClick={() => setOpen(true)}
        data-testid="send-email"
      >
        {t('mail.send')}
      </Button>
      {open && (
        <SendMailDialog
          document={document}
          title={title}
          languages={languages}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
