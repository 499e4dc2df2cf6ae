import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client';
import type { ListQuery } from './use-list-state';

/** `/api/v1<path>/export.csv?<filters>`: the list's own filters and sort, no paging. */
export function exportCsvUrl(path: string, query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  const qs = params.toString();
  return `${API_BASE}${path}/export.csv${qs ? `?${qs}` : ''}`;
}

/**
 * Downloads what the list shows (all pages) as CSV. A plain link: the session cookie authorises the GET,
 * and the browser saves the file the server names.
 */
export function ExportCsvButton({ path, query, label }: { path: string; query: ListQuery; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={exportCsvUrl(path, query)}
      download
      variant="default"
      leftSection={<IconFileSpreadsheet size={16} />}
      style={{ flexShrink: 0 }}
    >
      {label ?? t('list.exportCsv')}
    </Button>
  );
}
