import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BookingAnswer } from '@servix/server/modules/visits/visits.schema';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { type Refusal, refusalOf } from './schedule-model';

/** A booking or a move to try: again with `override` when a manager books anyway. */
export type Attempt = (override?: { reason: string }) => Promise<BookingAnswer>;

/**
 * Runs booking and move attempts for a screen: a 409 conflict opens the dialog naming it (for a manager with "book
 * anyway" and a reason); any other failure is a red notice; success tells the skill warnings. The calendar shows
 * the server's bookings, so a refused move reverts by itself.
 */
export function useAttempts(technicianName: (id: string) => string) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ refusal: Refusal; attempt: Attempt; done?: string } | null>(null);

  const succeeded = (answer: BookingAnswer, done: string) => {
    notifications.show({ color: 'green', message: done });
    for (const w of answer.warnings)
      notifications.show({
        color: 'yellow',
        title: t('visits.schedule.warningTitle'),
        message: t('visits.schedule.lacksSkill', {
          technician: technicianName(w.technicianId),
          category: w.categoryCode,
        }),
        autoClose: 10_000,
      });
  };

  const run = async (attempt: Attempt, done: string): Promise<boolean> => {
    try {
      succeeded(await attempt(), done);
      return true;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) setOpen({ refusal, attempt, done });
      else notifications.show({ color: 'red', message: messageOf(error) });
      return false;
    }
  };

  const dialog = open && (
    <ConflictDialog
      refusal={open.refusal}
      onClose={() => setOpen(null)}
      onOverride={async (reason) => {
        const answer = await open.attempt({ reason });
        setOpen(null);
        succeeded(answer, open.done ?? '');
      }}
    />
  );
  return { run, dialog };
}

/** The refused booking's conflict in the server's words; a manager may book anyway with a reason. */
export function ConflictDialog({
  refusal,
  onClose,
  onOverride,
}: {
  refusal: Refusal;
  onClose: () => void;
  onOverride: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  // The server lets admin and manager override; the desk only sees the conflict.
  const mayOverride =
    canCall(user?.role, 'PUT /api/v1/visit-settings') && canCall(user?.role, 'POST /api/v1/visit-bookings');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = Math.max(0, refusal.conflicts.length - 1);

  return (
    <Modal opened onClose={onClose} title={t('visits.conflict.title')} centered>
      <Stack gap="sm">
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t(`visits.conflict.code.${refusal.code}`)}
        >
          <Text size="sm" data-testid="conflict-message">
            {refusal.message}
          </Text>
          {others > 0 && (
            <Text size="sm" c="dimmed">
              {t('visits.conflict.others', { count: others })}
            </Text>
          )}
        </Alert>
        {mayOverride && (
          <>
            <Text size="sm" c="dimmed">
              {t('visits.conflict.overrideHint')}
            </Text>
            <Textarea
              label={t('visits.conflict.reason')}
              description={t('visits.conflict.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              autosize
              minRows={2}
            />
          </>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('visits.conflict.keep')}
          </Button>
          {mayOverride && (
            <Button
              color="orange"
              loading={busy}
              disabled={reason.trim().length < 3}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onOverride(reason.trim());
                } catch (e) {
                  setError(messageOf(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('visits.conflict.bookAnyway')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
