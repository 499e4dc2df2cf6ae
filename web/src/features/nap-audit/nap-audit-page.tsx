import { Alert, Button, Paper, Select, Stack, Text } from '@mantine/core';
import { lastMonth, todayDate } from '@servix/server/kernel/calendar';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client';
import { currentLocale } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { LoadError } from '../../ui/states';

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
 * „Файл за НАП (одит)“ (FIS-05, Н-18 Appendix 38; ADR 0039): one card — the month (last month by default, the one
 * filed by the 15th), the download, and what the file holds. A refusal (no ЕИК) is shown in the server's words.
 */
export function NapAuditPage() {
  const { t } = useTranslation();
  const today = todayDate();
  const [month, setMonth] = useState(lastMonth(today).from.slice(0, 7));
  const download = useMutation({
    mutationFn: (m: string) => downloadFile('/vat/audit-file.xml', { month: m }),
  });
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
          <Button
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() => download.mutate(month)}
            style={{ alignSelf: 'flex-start' }}
            data-testid="audit-download"
          >
            {t('napAudit.download')}
          </Button>
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
