import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatMoney } from '@servix/server/kernel/format';
import type { BankLine, BankPreview } from '@servix/server/modules/payments/payments.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/client';
import { useMoneyAccount } from '../../api/money';
import { useImportBankStatement, usePreviewBankStatement } from '../../api/payments';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';

/** A file's bytes as base64, as the API takes a statement. */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const importable = (l: BankLine) => l.status === 'new' && l.match.partyId !== null;
// An imported line shows ticked and locked: it is in the account already.

/** A bank statement into a bank account: upload, preview each line with its match, confirm the lines to import. */
export function BankStatementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const account = useMoneyAccount(id);
  const previewCall = usePreviewBankStatement(id);
  const importCall = useImportBankStatement(id);
  const [file, setFile] = useState<File | null>(null);
  const [encoded, setEncoded] = useState<string | null>(null);
  const [columns, setColumns] = useState<{ date?: string; amount?: string }>({});
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<BankPreview | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  if (account.isPending) return <PageLoader />;
  if (account.isError) return <LoadError error={account.error} onRetry={() => account.refetch()} />;

  const mapping = () => (columns.date && columns.amount ? { columns } : {});
  const read = async (data = encoded) => {
    if (!data) return;
    setFailure(null);
    previewCall.mutate(
      { file: data, ...mapping() },
      {
        onSuccess: (p) => {
          setPreview(p);
          setHeaders(null);
          setChosen(new Set(p.lines.filter(importable).map((l) => l.hash)));
        },
        onError: (err) => {
          setPreview(null);
          const header = err instanceof ApiError ? (err.problem as { header?: unknown }).header : undefined;
          if (Array.isArray(header)) setHeaders(header as string[]);
          setFailure(messageOf(err));
        },
      },
    );
  };
  const confirm = () => {
    if (!preview || !encoded) return;
    const lines = preview.lines
      .filter((l) => chosen.has(l.hash) && importable(l))
      .map((l) => ({
        hash: l.hash,
        partyId: l.match.partyId ?? '',
        ...(l.match.invoiceId ? { invoiceId: l.match.invoiceId } : {}),
      }));
    if (lines.length === 0) {
      setFailure(t('payments.bank.nothing'));
      return;
    }
    setFailure(null);
    importCall.mutate(
      { file: encoded, ...mapping(), lines },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('payments.bank.imported', { count: r.imported }) });
          void read();
        },
        onError: (err) => setFailure(messageOf(err)),
      },
    );
  };
  const toggle = (hash: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(hash);
      else next.delete(hash);
      return next;
    });
  const count = preview?.lines.filter((l) => chosen.has(l.hash) && importable(l)).length ?? 0;

  return (
    <>
      <Anchor component={Link} to={`/money/accounts/${id}`} size="sm">
        ← {account.data.name}
      </Anchor>
      <PageHeader title={t('payments.bank.title')} description={t('payments.bank.description')} />
      <Stack gap="md">
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <FileInput
              label={t('payments.bank.file')}
              accept=".csv,.txt,text/csv"
              value={file}
              onChange={async (f) => {
                setFile(f);
                setPreview(null);
                const data = f ? await fileToBase64(f) : null;
                setEncoded(data);
                if (data) await read(data);
              }}
              clearable
            />
            {headers && (
              <>
                <Title order={3} size="h5">
                  {t('payments.bank.columnsTitle')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {(['date', 'amount'] as const).map((c) => (
                    <Select
                      key={c}
                      label={t(`payments.bank.columns.${c}`)}
                      data={headers.filter((h) => h !== '')}
                      value={columns[c] ?? null}
                      onChange={(v) => setColumns((m) => ({ ...m, [c]: v ?? undefined }))}
                    />
                  ))}
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button onClick={() => read()} loading={previewCall.isPending}>
                    {t('payments.bank.read')}
                  </Button>
                </Group>
              </>
            )}
            <FormAlert message={failure} />
          </Stack>
        </Card>
        {preview && (
          <>
            <Title order={2} size="h4">
              {t('payments.bank.lines')}
            </Title>
            <Table visibleFrom="sm" striped withTableBorder aria-label={t('payments.bank.lines')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payments.bank.select')}</Table.Th>
                  <Table.Th>{t('payments.bank.date')}</Table.Th>
                  <Table.Th ta="right">{t('payments.bank.amount')}</Table.Th>
                  <Table.Th>{t('payments.bank.counterparty')}</Table.Th>
                  <Table.Th>{t('payments.bank.reason')}</Table.Th>
                  <Table.Th>{t('payments.bank.match')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.lines.map((l) => (
                  <Table.Tr key={l.hash} data-testid={`bank-line-${l.line}`}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t('payments.bank.select')} ${t('payments.bank.line')} ${l.line}`}
                        disabled={!importable(l)}
                        checked={l.status === 'imported' || (chosen.has(l.hash) && importable(l))}
                        onChange={(e) => toggle(l.hash, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {l.date ? formatDate(l.date, currentLocale()) : '—'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Amount cents={l.amountCents} />
                    </Table.Td>
                    <Table.Td>{l.counterparty}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.description}</Table.Td>
                    <Table.Td>
                      <MatchText line={l} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Stack gap="xs" hiddenFrom="sm">
              {preview.lines.map((l) => (
                <Card key={l.hash} withBorder radius="sm" padding="sm" component="article">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Checkbox
                      aria-label={`${t('payments.bank.select')} ${t('payments.bank.line')} ${l.line}`}
                      disabled={!importable(l)}
                      checked={l.status === 'imported' || (chosen.has(l.hash) && importable(l))}
                      onChange={(e) => toggle(l.hash, e.currentTarget.checked)}
                    />
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {l.counterparty || '—'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('payments.bank.line')} {l.line} ·{' '}
                        {l.date ? formatDate(l.date, currentLocale()) : '—'}
                      </Text>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {l.description}
                      </Text>
                      <MatchText line={l} />
                    </Stack>
                    <Amount cents={l.amountCents} />
                  </Group>
                </Card>
              ))}
            </Stack>
            <Group justify="flex-end">
              <Button onClick={confirm} loading={importCall.isPending} disabled={count === 0}>
                {t('payments.bank.import', { count })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

function Amount({ cents }: { cents: number }) {
  return (
    <Text fw={700} size="sm" c={cents < 0 ? 'red' : 'teal'} style={{ whiteSpace: 'nowrap' }}>
      {formatMoney(cents, currentLocale())}
    </Text>
  );
}

function MatchText({ line: l }: { line: BankLine }) {
  const { t } = useTranslation();
  if (l.status !== 'new')
    return (
      <Badge size="sm" color={l.status === 'imported' ? 'teal' : 'gray'} variant="light">
        {t(`payments.bank.status.${l.status}`)}
      </Badge>
    );
  const m = l.match;
  const text =
    m.kind === 'invoice'
      ? t('payments.bank.matchKind.invoice', { number: m.invoiceNumber, party: m.partyName })
      : m.kind === 'customer'
        ? t('payments.bank.matchKind.customer', {
            party: m.partyName,
            open: formatMoney(m.openCents, currentLocale()),
          })
        : t('payments.bank.matchKind.none');
  return (
    <Text size="sm" c={m.kind === 'none' ? 'dimmed' : undefined}>
      {text}
    </Text>
  );
}
