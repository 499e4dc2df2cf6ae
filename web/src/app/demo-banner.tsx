import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../api/client';
import { useLeaveDemo } from '../api/session';

/**
 * The strip on top of every screen of a demo company: it says the data is invented and, to an administrator,
 * offers to start their own company, which deletes the demo whole once they tick that they understand.
 */
export function DemoBanner({ canLeave }: { canLeave: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [understood, setUnderstood] = useState(false);
  const leave = useLeaveDemo(() => navigate('/', { replace: true }));
  const cancel = () => {
    leave.reset();
    setUnderstood(false);
    close();
  };

  return (
    <>
      <Group
        data-testid="demo-banner"
        role="note"
        justify="space-between"
        wrap="wrap"
        gap="xs"
        px="md"
        py={6}
        bg="yellow.1"
        style={{
          borderBottom: '1px solid var(--mantine-color-yellow-4)',
          margin: 'calc(var(--app-shell-padding) * -1)',
          marginBottom: 'var(--app-shell-padding)',
        }}
      >
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFlask size={18} color="var(--mantine-color-yellow-9)" style={{ flexShrink: 0 }} />
          <Text size="sm" fw={500}>
            {t('demo.banner')}
          </Text>
        </Group>
        {canLeave && (
          <Button size="compact-sm" variant="white" color="dark" onClick={open}>
            {t('demo.startOwn')}
          </Button>
        )}
      </Group>
      <Modal opened={opened} onClose={cancel} title={t('demo.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('demo.confirmText')}</Text>
          <Checkbox
            label={t('demo.confirmCheck')}
            checked={understood}
            onChange={(e) => setUnderstood(e.currentTarget.checked)}
          />
          {leave.error && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {messageOf(leave.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!understood}
              loading={leave.isPending}
              onClick={() => leave.mutate()}
            >
              {t('demo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
