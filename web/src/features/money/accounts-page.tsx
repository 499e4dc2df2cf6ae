import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatMoney } from '@servix/server/kernel/format';
import type { MoneyAccount } from '@servix/server/modules/money/money.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { useCreateMoneyAccount, useMoneyAccounts } from '../../api/money';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';

/** Cash desks and bank accounts as cards with today's balance; a new one for those who keep them. */
export function MoneyAccountsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const accounts = useMoneyAccounts();
  const [adding, setAdding] = useState(false);
  const canAdd = canCall(user.role, 'POST /api/v1/money-accounts');
  if (accounts.isPending) return <PageLoader />;
  if (accounts.isError) return <LoadError error={accounts.error} onRetry={() => accounts.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('money.accounts.title')}
        description={t('money.accounts.description')}
        actions={canAdd && <Button onClick={() => setAdding(true)}>{t('money.accounts.new')}</Button>}
      />
      {accounts.data.items.length === 0 ? (
        <Text c="dimmed">{t('money.accounts.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {accounts.data.items.map((a) => (
            <AccountCard key={a.id} account={a} />
          ))}
        </SimpleGrid>
      )}
      <NewAccountModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function AccountCard({ account }: { account: MoneyAccount }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={account.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/money/accounts/${account.id}`} fw={600} style={{ minWidth: 0 }}>
            {account.name}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            {account.fiscalDevice && (
              <Badge variant="outline" color="orange">
                {t('money.fiscal.badge')}
              </Badge>
            )}
            <Badge variant="light" color={account.kind === 'cash' ? 'teal' : 'blue'}>
              {t(`money.kind.${account.kind}`)}
            </Badge>
          </Group>
        </Group>
        {account.iban && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {account.bankName} · {account.iban}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t('money.accounts.balance')}
          </Text>
          <Text fw={700} data-testid="balance">
            {formatMoney(account.balanceCents, currentLocale())}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

function NewAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMoneyAccount();
  const [kind, setKind] = useState<'cash' | 'bank'>('cash');
  const [name, setName] = useState('');
  const [bankName, setBankName] = useState('');
  const [iban, setIban] = useState('');
  const [fiscalDevice, setFiscalDevice] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submit = () => {
    setErrors({});
    setFailure(null);
    create.mutate(kind === 'cash' ? { kind, name, fiscalDevice } : { kind, name, bankName, iban }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('money.form.saved') });
        setName('');
        setBankName('');
        setIban('');
        setFiscalDevice(false);
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError) setErrors(err.fieldErrors());
        setFailure(messageOf(err));
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('money.form.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormAlert message={failure} />
          <SegmentedControl
            aria-label={t('money.form.kind')}
            value={kind}
            onChange={(v) => setKind(v as 'cash' | 'bank')}
            data={[
              { value: 'cash', label: t('money.kind.cash') },
              { value: 'bank', label: t('money.kind.bank') },
            ]}
          />
          <TextInput
            label={t('money.form.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          {kind === 'cash' && (
            <Checkbox
              label={t('money.fiscal.till')}
              description={t('money.fiscal.tillHint')}
              checked={fiscalDevice}
              onChange={(e) => setFiscalDevice(e.currentTarget.checked)}
              error={errors.fiscalDevice}
            />
          )}
          {kind === 'bank' && (
            <>
              <TextInput
                label={t('money.form.bankName')}
                required
                value={bankName}
                onChange={(e) => setBankName(e.currentTarget.value)}
                error={errors.bankName}
              />
              <TextInput
                label={t('money.form.iban')}
                required
                value={iban}
                onChange={(e) => setIban(e.currentTarget.value)}
                error={errors.iban}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('money.form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('money.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
