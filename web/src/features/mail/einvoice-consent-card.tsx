import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { todayDate } from '@servix/server/kernel/calendar';
import { formatDate } from '@servix/server/kernel/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, messageOf } from '../../api/client';
import { useEinvoiceConsent, useRecordConsent, useWithdrawConsent } from '../../api/mail';
import { currentLocale } from '../../i18n';
import { DateField } from '../../ui/date-field';
import { SectionCard } from '../../ui/detail';

/**
 * A customer's consent to electronic invoices (INV-15) on their page: whether they agreed, at which address, since
 * when; recorded or withdrawn by whoever may edit the customer (audited).
 */
export function EinvoiceConsentCard({
  partyId,
  defaultEmail,
  canEdit,
}: {
  partyId: string;
  defaultEmail: string | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const consent = useEinvoiceConsent(partyId);
  const record = useRecordConsent(partyId);
  const withdraw = useWithdrawConsent(partyId);
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState(defaultEmail ?? '');
  const [date, setDate] = useState<string | null>(todayDate());
  const c = consent.data;
  const errors = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  return (
    <SectionCard title={t('mail.consent.title')}>
      <Stack gap="xs" data-testid="einvoice-consent">
        {c && (
          <Group gap="xs">
            <Badge variant="light" color={c.accepted ? 'green' : 'gray'} data-testid="einvoice-consent-state">
              {c.accepted ? t('mail.consent.accepted') : t('mail.consent.notAccepted')}
            </Badge>
            {c.accepted && c.email && c.consentedOn && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('mail.consent.since', { date: formatDate(c.consentedOn, locale), email: c.email })}
              </Text>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('mail.consent.hint')}
        </Text>
        {canEdit && editing && (
          <Stack gap="xs">
            <TextInput
              label={t('mail.consent.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              data-testid="einvoice-consent-email"
            />
            <DateField
              label={t('mail.consent.date')}
              value={date}
              onChange={setDate}
              error={errors.consentedOn}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('mail.cancel')}
              </Button>
              <Button
                loading={record.isPending}
                data-testid="einvoice-consent-save"
                onClick={() =>
                  record.mutate(
                    { email: email.trim(), ...(date ? { consentedOn: date } : {}) },
                    {
                      onSuccess: () => {
                        setEditing(false);
                        notifications.show({ color: 'green', message: t('mail.consent.recorded') });
                      },
                      onError: (e) => {
                        if (!(e instanceof ApiError && e.fieldErrors().email))
                          notifications.show({ color: 'red', message: messageOf(e) });
                      },
                    },
                  )
                }
              >
                {t('mail.consent.record')}
              </Button>
            </Group>
          </Stack>
        )}
        {canEdit && !editing && c && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                setEmail(c.email ?? defaultEmail ?? '');
                setEditing(true);
              }}
              data-testid="einvoice-consent-record"
            >
              {t('mail.consent.record')}
            </Button>
            {c.accepted && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('mail.consent.withdrawn') }),
                    onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }),
                  })
                }
                data-testid="einvoice-consent-withdraw"
              >
                {t('mail.consent.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
