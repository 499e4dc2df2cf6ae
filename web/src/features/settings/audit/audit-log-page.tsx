import { ActionIcon, Badge, Box, Group, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { AUDIT_ENTITIES } from '@servix/server/modules/audit/audit.actions';
import type { AuditEntry } from '@servix/server/modules/audit/audit.schema';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../../../api/audit';
import { currentLocale, i18n } from '../../../i18n';
import { formatInstant } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { LoadError, PageLoader } from '../../../ui/states';
import { type DiffKind, diffJson } from './json-diff';

const PAGE_SIZE = 25;

/**
 * The text of an audit code (an action or an entity). Every code the server writes has one (i18n.test.ts); a code
 * from a newer server is shown as words ('stock_document.post' as "Unknown code: stock document post"), never raw.
 */
export function auditText(kind: 'actions' | 'entities', code: string): string {
  const text: unknown = i18n.getResource(i18n.language, 'translation', `audit.${kind}.${code}`);
  if (typeof text === 'string') return text;
  return i18n.t('audit.unknown', { code: code.replace(/[._]+/g, ' ') });
}

function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const KIND_COLOR: Record<DiffKind, string> = { added: 'green', removed: 'red', changed: 'blue' };

function DiffView({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffJson(entry.before, entry.after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xs">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} bg="white" data-testid="audit-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('audit.field')}</Table.Th>
          <Table.Th w="35%">{t('audit.before')}</Table.Th>
          <Table.Th w="35%">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.path}>
            <Table.Td ff="monospace">
              <Group gap={6} wrap="nowrap">
                <Box w={8} h={8} bg={`${KIND_COLOR[r.kind]}.6`} style={{ borderRadius: 8, flexShrink: 0 }} />
                {r.path}
              </Group>
            </Table.Td>
            <Table.Td
              ff="monospace"
              bg={r.kind === 'added' ? undefined : 'red.0'}
              style={{ wordBreak: 'break-all' }}
            >
              {showValue(r.before)}
            </Table.Td>
            <Table.Td
              ff="monospace"
              bg={r.kind === 'removed' ? undefined : 'green.0'}
              style={{ wordBreak: 'break-all' }}
            >
              {showValue(r.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const log = useAuditLog({ entity: entity ?? undefined, page, pageSize: PAGE_SIZE });
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group justify="space-between" mb="sm" gap="sm">
        <Select
          aria-label={t('audit.entity')}
          placeholder={t('audit.allEntities')}
          data={AUDIT_ENTITIES.map((e) => ({ value: e, label: auditText('entities', e) }))}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setPage(1);
          }}
          clearable
          w={260}
        />
        {log.data && (
          <Text size="sm" c="dimmed">
            {t('audit.total', { count: log.data.total })}
          </Text>
        )}
      </Group>
      {log.isPending && <PageLoader />}
      {log.isError && <LoadError error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} aria-label={t('audit.details')} />
                  <Table.Th w={150}>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.user')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed" ta="center" py="md">
                        {t('audit.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {log.data.items.map((entry) => {
                  const open = expanded.has(entry.id);
                  const hasDetails = entry.before !== null || entry.after !== null;
                  return (
                    <Fragment key={entry.id}>
                      <Table.Tr
                        onClick={hasDetails ? () => toggle(entry.id) : undefined}
                        style={{ cursor: hasDetails ? 'pointer' : undefined }}
                      >
                        <Table.Td py={4}>
                          {hasDetails && (
                            <ActionIcon
                              size="sm"
                              aria-expanded={open}
                              aria-label={t('audit.details')}
                              onClick={(e) => {
                                e.stopPropagation();
                                toggle(entry.id);
                              }}
                            >
                              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                            </ActionIcon>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatInstant(entry.at, locale)}
                        </Table.Td>
                        <Table.Td>
                          {entry.username ?? (
                            <Text span size="sm" c="dimmed">
                              {t('audit.system')}
                            </Text>
                          )}
                          {entry.apiTokenName && (
                            <Text size="xs" c="dimmed">
                              {t('audit.viaToken', { name: entry.apiTokenName })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{auditText('actions', entry.action)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color="gray" size="sm" tt="none">
                            {auditText('entities', entry.entity)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr bg="gray.0">
                          <Table.Td />
                          <Table.Td colSpan={4} py="xs">
                            <DiffView entry={entry} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
