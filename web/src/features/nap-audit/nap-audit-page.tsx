import { Alert, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import type { AuditFileSites } from '@servix/server/modules/receipts/receipts.schema';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadFile } from '../../api/client';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { LoadError, PageLoader } from '../../ui/states';

type AuditSite = AuditFileSites['sites'][number];

/** This month and the 23 before it, newest first, as "ноември 2026" / "November 2026". */
function monthOptions(today: string, locale: 'bg' | 'en') {
  const format = new Intl.DateTimeFormat(locale === 'bg' ? 'bg-BG' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return { value: d.toISOString().slice(0, 7), label: format.format(d).replace(/ г\.$/, '') };
  });
}

/**
 * „Файл за НАП (одит)“ (FIS-05, Н-18 Appendix 38; ADR 0039, 0043): the month (last month by default, the one filed by
 * the 15th), then one file per sale site — each site with its NAP code, what it sold, and its own download — and what
 * the file holds. Without sites (no fiscal device ever set up) one download, as before. A refusal (no ЕИК) is shown
 * in the server's words.
 */
export function NapAuditPage() {
  const { t } = useTranslation();
  const today = todayDate();
  const [month, setMonth] = useState(lastMonth(today).from.slice(0, 7));
  const sites = useQuery({
    queryKey: ['vat', 'audit-file-sites', month],
    queryFn: () => api.get<AuditFileSites>('/vat/audit-file/sites', { month }),
  });
  const download = useMutation({
    mutationFn: ({ m, siteId }: { m: string; siteId?: string }) =>
      downloadFile('/vat/audit-file.xml', siteId ? { month: m, siteId } : { month: m }),
  });
  const siteCard = (site: AuditSite) => (
    <Paper withBorder p="sm" radius="md" key={site.id} data-testid="audit-site">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{site.name}</Text>
          {site.napSiteCode ? (
            <Badge variant="light" data-testid="audit-site-code">
              {t('napAudit.siteCode', { code: site.napSiteCode })}
            </Badge>
          ) : (
            <Badge color="orange" variant="light" data-testid="audit-site-code">
              {t('napAudit.noSiteCode')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('napAudit.siteSold', { orders: site.orders, returns: site.returns })}
        </Text>
        {!site.napSiteCode && (
          <Text size="sm" c="orange">
            {t('napAudit.noSiteCodeHint')}
          </Text>
        )}
        <Button
          leftSection={<IconDownload size={16} />}
          loading={download.isPending && download.variables?.siteId === site.id}
          disabled={!site.napSiteCode}
          onClick={() => download.mutate({ m: month, siteId: site.id })}
          style={{ alignSelf: 'flex-start' }}
          data-testid={`audit-download-${site.napSiteCode ?? site.id}`}
        >
          {t('napAudit.downloadSite')}
        </Button>
      </Stack>
    </Paper>
  );
  return (
    <Stack gap={0} maw={720}>
      <PageHeader title={t('napAudit.title')} description={t('napAudit.description')} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Select
            label={t('napAudit.month')}
            data={monthOptions(today, currentLocale())}
            value={month}
            onChange={(v) => {
              if (v) setMonth(v);
              download.reset();
            }}
            allowDeselect={false}
            maw={320}
            data-testid="audit-month"
          />
          {sites.isPending ? (
            <PageLoader />
          ) : sites.isError ? (
            <LoadError error={sites.error} onRetry={() => sites.refetch()} />
          ) : sites.data.sites.length ? (
            <Stack gap="xs">
              <Text size="sm">{t('napAudit.perSite')}</Text>
              {sites.data.sites.map(siteCard)}
            </Stack>
          ) : (
            <Button
              leftSection={<IconDownload size={16} />}
              loading={download.isPending}
              onClick={() => download.mutate({ m: month })}
              style={{ alignSelf: 'flex-start' }}
              data-testid="audit-download"
            >
              {t('napAudit.download')}
            </Button>
          )}
          {download.isSuccess && (
            <Alert color="green" data-testid="audit-downloaded">
              {t('napAudit.downloaded', { file: download.data })}
            </Alert>
          )}
          {download.isError && <LoadError error={download.error} />}
          <Text size="sm" c="dimmed">
            {t('napAudit.format')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('napAudit.empty')}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
