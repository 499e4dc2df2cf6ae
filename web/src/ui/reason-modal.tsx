import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, messageOf } from '../api/client';
import { FormAlert } from './states';

/**
 * A dialog that asks why before it undoes something (an allocation, a refund): the reason is required, the server's
 * refusal shows at its field or above the form, and a success says so and closes.
 */
export function ReasonModal({
  title,
  reasonLabel,
  confirmLabel,
  doneMessage,
  pending,
  submit,
  onClose,
  testId,
}: {
  title: string;
  reasonLabel: string;
  confirmLabel: string;
  doneMessage: string;
  pending: boolean;
  /** Sends the reason; rejects with the server's ApiError on a refusal. */
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  /** Names the reason field `<testId>-reason` and the button `<testId>-confirm`. */
  testId?: string;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(reason).then(
            () => {
              notifications.show({ color: 'green', message: doneMessage });
              onClose();
            },
            (err: unknown) => {
              if (err instanceof ApiError) setErrors(err.fieldErrors());
              setFailure(messageOf(err));
            },
          );
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <Textarea
            label={reasonLabel}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-testid={testId && `${testId}-reason`}
          />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={pending} data-testid={testId && `${testId}-confirm`}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
