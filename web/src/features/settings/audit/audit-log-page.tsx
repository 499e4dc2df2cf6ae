import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { AUDIT_ENTITIES } from '@servix/server/modules/audit/audit.actions';
import type { AuditEntry } from '@servix/server/modules/audit/audit.schema';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../../../api/audit';
import { currentLocale, i18n } from '../../../i18n';
import { formatInstant } from '../../../ui/format';
import { CardField, WORDS } from '../../../ui/list';
import { PageHeader } from '../../../ui/page-header';
import { useIsPhone } from '../../../ui/phone';
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
  const phone = useIsPhone();
  const rows = diffJson(entry.before, entry.after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="xs">
        {t('audit.noChanges')}
      </Text>
    );
  }
  if (phone) {
    // A phone has no room for three columns: each field with its value before over its value after.
    return (
      <Stack gap={6} data-testid="audit-diff">
        {rows.map((r) => (
          <Box key={r.path} fz="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            <Group gap={6} wrap="nowrap" align="baseline">
              <Box w={8} h={8} bg={`${KIND_COLOR[r.kind]}.6`} style={{ borderRadius: 8, flexShrink: 0 }} />
              <Text span inherit fw={600}>
                {r.path}
              </Text>
            </Group>
            {r.kind !== 'added' && (
              <Box bg="red.0" px={4} aria-label={t('audit.before')}>
                − {showValue(r.before)}
              </Box>
            )}
            {r.kind !== 'removed' && (
              <Box bg="green.0" px={4} aria-label={t('audit.after')}>
                + {showValue(r.after)}
              </Box>
            )}
          </Box>
        ))}
      </Stack>
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

/** Who did it: the user (or the system), and the API token they used. */
function AuditUser({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** An entry on a phone: what was done to what, when and by whom; the changes behind a tap. */
function AuditCard({ entry, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const hasDetails = entry.before !== null || entry.after !== null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="audit-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} style={WORDS}>
          {auditText('actions', entry.action)}
        </Text>
        <Badge variant="light" color="gray" size="sm" tt="none" style={{ flexShrink: 0 }}>
          {auditText('entities', entry.entity)}
        </Badge>
      </Group>
      <Stack gap={2} mt={6}>
        <CardField label={t('audit.at')} whole>
          {formatInstant(entry.at, locale)}
        </CardField>
        <CardField label={t('audit.user')} whole={false}>
          <AuditUser entry={entry} />
        </CardField>
      </Stack>
      {hasDetails && (
        <>
          <Button
            variant="subtle"
            size="compact-xs"
            mt={4}
            ml={-6}
            aria-expanded={open}
            rightSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={onToggle}
          >
            {t('audit.details')}
          </Button>
          {open && (
            <Box mt={4}>
              <DiffView entry={entry} />
            </Box>
          )}
        </>
      )}
    </Paper>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = useIsPhone();
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
      {log.data && phone && (
        <Stack gap="xs" data-testid="audit-cards">
          {log.data.items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {t('audit.empty')}
            </Text>
          )}
          {log.data.items.map((entry) => (
            <AuditCard
              key={entry.id}
              entry={entry}
              open={expanded.has(entry.id)}
              onToggle={() => toggle(entry.id)}
            />
          ))}
        </Stack>
      )}
      {log.data && !phone && (
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
                          <AuditUser entry={entry} />
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
