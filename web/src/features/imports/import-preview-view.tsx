import {
  Alert,
  Badge,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { ImportPreview, ImportRowError } from '@servix/server/modules/imports/imports.schema';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../ui/phone';
import { errorsByColumn, missingColumns } from './import-file';

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={color} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

function ColumnBadges({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const missing = new Set(missingColumns(preview));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('imports.expectedColumns')}
        </Text>
        <Group gap={6}>
          {preview.expectedColumns.map((c) => (
            <Badge
              key={c}
              variant="light"
              color={missing.has(c) ? 'gray' : 'green'}
              tt="none"
              leftSection={missing.has(c) ? undefined : <IconCheck size={12} />}
              title={missing.has(c) ? t('imports.columnNotInFile') : undefined}
            >
              {c}
            </Badge>
          ))}
        </Group>
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('imports.fileColumns')}
        </Text>
        <Group gap={6}>
          {preview.columns.map((c) => (
            <Badge key={c} variant="outline" color="blue" tt="none">
              {c}
            </Badge>
          ))}
        </Group>
      </Stack>
    </SimpleGrid>
  );
}

/** One cell of a sample row: the value as in the file, marked red with the reason when it is wrong. */
function SampleCell({ value, errors }: { value: string; errors: ImportRowError[] | undefined }) {
  const text = (
    <Text span size="xs" style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Text>
  );
  if (!errors) return <Table.Td>{text}</Table.Td>;
  const why = errors.map((e) => e.message).join(' ');
  return (
    <Table.Td
      bg="red.1"
      data-error="true"
      style={{ boxShadow: 'inset 0 0 0 1px var(--mantine-color-red-5)' }}
    >
      <Tooltip label={why} multiline maw={320} withArrow>
        <Group gap={4} wrap="nowrap" aria-label={why}>
          <IconAlertTriangle size={12} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
          {text}
        </Group>
      </Tooltip>
    </Table.Td>
  );
}

function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const columns = preview.columns;
  return (
    <Paper withBorder radius="md">
      <ScrollArea.Autosize mah={460} type="auto">
        <Table
          fz="xs"
          verticalSpacing={6}
          withColumnBorders
          stickyHeader
          miw={Math.max(720, columns.length * 120 + 280)}
          data-testid="import-sample"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('imports.row')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Th>
              ))}
              <Table.Th miw={220}>{t('imports.rowErrors')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((r) => {
              const byColumn = errorsByColumn(r.errors, columns);
              return (
                <Table.Tr key={r.row} bg={r.errors.length ? 'red.0' : undefined} data-row={r.row}>
                  <Table.Td c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {r.row}
                  </Table.Td>
                  {columns.map((c) => (
                    <SampleCell key={c} value={r.values[c] ?? ''} errors={byColumn.get(c)} />
                  ))}
                  <Table.Td>
                    {r.errors.length === 0 ? (
                      <Text span size="xs" c="green.8">
                        {t('imports.rowOk')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {r.errors.map((e) => (
                          <Text key={`${e.field}-${e.code}`} size="xs" c="red.8">
                            {e.message}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/**
 * The sample rows as cards, for phones: the row number and whether it is right, then each column as
 * "column: value" (empty cells left out). A wrong cell is marked red with its reason written under it (no tooltip
 * to hover on a phone).
 */
function SampleCards({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const columns = preview.columns;
  return (
    <Stack gap="xs" data-testid="import-sample-cards">
      {preview.sample.map((r) => {
        const byColumn = errorsByColumn(r.errors, columns);
        const other = byColumn.get('') ?? [];
        return (
          <Paper
            key={r.row}
            withBorder
            radius="md"
            p="sm"
            bg={r.errors.length ? 'red.0' : undefined}
            data-row={r.row}
            data-testid="import-sample-card"
          >
            <Group justify="space-between" gap="xs" mb={6}>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('imports.row')} {r.row}
              </Text>
              {r.errors.length === 0 ? (
                <Badge color="green" variant="light" tt="none">
                  {t('imports.rowOk')}
                </Badge>
              ) : (
                <Badge color="red" variant="light" tt="none">
                  {t('imports.rowErrorsCount', { count: r.errors.length })}
                </Badge>
              )}
            </Group>
            <Stack gap={4}>
              {columns.map((c) => {
                const errors = byColumn.get(c);
                // An empty cell without an error says nothing on a phone: the card stays short.
                if (!errors && !r.values[c]) return null;
                return (
                  <div
                    key={c}
                    data-error={errors ? 'true' : undefined}
                    style={
                      errors
                        ? {
                            background: 'var(--mantine-color-red-1)',
                            boxShadow: 'inset 0 0 0 1px var(--mantine-color-red-5)',
                            borderRadius: 4,
                            padding: '2px 6px',
                          }
                        : undefined
                    }
                  >
                    <Group gap={6} wrap="nowrap" align="baseline">
                      <Text size="xs" c="dimmed" ff="monospace" style={{ flex: '0 0 auto' }}>
                        {c}:
                      </Text>
                      <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                        {r.values[c] ?? ''}
                      </Text>
                    </Group>
                    {errors?.map((e) => (
                      <Group key={e.code} gap={4} wrap="nowrap" align="flex-start">
                        <IconAlertTriangle
                          size={12}
                          color="var(--mantine-color-red-7)"
                          style={{ flexShrink: 0, marginTop: 3 }}
                        />
                        <Text size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                          {e.message}
                        </Text>
                      </Group>
                    ))}
                  </div>
                );
              })}
              {other.map((e) => (
                <Text key={`${e.field}-${e.code}`} size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                  {e.message}
                </Text>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Every error as cards on a phone: the row, the column, the reason. */
function ErrorCards({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Stack gap={6} data-testid="import-errors">
        {preview.errors.map((e) => (
          <Paper key={`${e.row}-${e.field}-${e.code}`} withBorder radius="sm" p="xs">
            <Text size="xs" c="dimmed">
              {t('imports.row')} {e.row} ·{' '}
              <span style={{ fontFamily: 'monospace' }}>{e.field || t('common.none')}</span>
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {e.message}
            </Text>
          </Paper>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

function ErrorList({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <ScrollArea.Autosize mah={360} type="auto">
        <Table fz="sm" stickyHeader verticalSpacing={6} data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('imports.row')}</Table.Th>
              <Table.Th w={200}>{t('imports.column')}</Table.Th>
              <Table.Th>{t('imports.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.field}-${e.code}`}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{e.row}</Table.Td>
                <Table.Td ff="monospace">{e.field || t('common.none')}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

const SEPARATOR_KEY = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** What the server found in the file: CSV or XLSX and how it was written, columns, counts, the first rows with their errors, and every error. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const reportedAll = preview.errors.length < 1000;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Stat label={t('imports.totalRows')} value={preview.totalRows} testId="import-total" />
        <Stat
          label={t('imports.validRows')}
          value={preview.validRows}
          color="green.8"
          testId="import-valid"
        />
        <Stat
          label={t('imports.errorRows')}
          value={preview.errorRows}
          color={preview.errorRows ? 'red.8' : undefined}
          testId="import-error-rows"
        />
      </SimpleGrid>
      <Text size="sm" data-testid="import-format">
        {preview.format === 'xlsx'
          ? t('imports.formatXlsx', { sheet: preview.sheet ?? '' })
          : t('imports.format', {
              encoding: preview.encoding ? t(`imports.encoding.${preview.encoding}`) : '',
              separator: t(`imports.separator.${SEPARATOR_KEY[preview.separator ?? ',']}`),
            })}
      </Text>
      <ColumnBadges preview={preview} />
      {preview.errors.length > 0 && (
        <Stack gap={6}>
          <Title order={3} fz="h5">
            {t('imports.errorsTitle', { count: preview.errors.length })}
          </Title>
          {!reportedAll && (
            <Alert color="yellow" py="xs">
              {t('imports.errorsTruncated')}
            </Alert>
          )}
          {phone ? <ErrorCards preview={preview} /> : <ErrorList preview={preview} />}
        </Stack>
      )}
      <Stack gap={6}>
        <Title order={3} fz="h5">
          {t('imports.sampleTitle', { count: preview.sample.length })}
        </Title>
        {phone ? <SampleCards preview={preview} /> : <SampleTable preview={preview} />}
      </Stack>
    </Stack>
  );
}
