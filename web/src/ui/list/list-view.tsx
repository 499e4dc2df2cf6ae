import { Button, Flex, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../phone';
import { LoadError, PageLoader } from '../states';
import { DataCards } from './data-cards';
import { type Column, DataTable } from './data-table';
import { ExportCsvButton } from './export-csv-button';
import { ListSearch } from './list-search';
import type { ListState } from './use-list-state';
import type { PageOf } from './use-paged-list';

export interface ListViewProps<T, F extends string> {
  list: ListState<F>;
  result: UseQueryResult<PageOf<T>>;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string;
  /** The search box's placeholder, saying what it searches ("Name, phone, ЕИК or e-mail"); no box without it. */
  searchPlaceholder?: string;
  /** Filter inputs (FilterSelect, FilterSwitch…) after the search box. */
  filters?: ReactNode;
  /** The list's API path ("/parties"): shows "Export CSV" for `<path>/export.csv` with the current filters. */
  exportPath?: string;
  /** Shown when there is nothing at all yet (no search, no filter), e.g. a hint and an "Add" button. */
  empty?: ReactNode;
  minWidth?: number;
  /** On phones (below 600 px) show the rows as cards instead of a table (the default). */
  phoneCards?: boolean;
  /** The data-testid of each row, and on a phone of each card. */
  rowTestId?: string;
  'data-testid'?: string;
}

/**
 * A whole server list: search, filters and export above; the table with sortable headers; the count and
 * the pages below; loading, error and empty states. The page around it supplies the PageHeader.
 */
export function ListView<T, F extends string>({
  list,
  result,
  columns,
  rowKey,
  rowHref,
  searchPlaceholder,
  filters,
  exportPath,
  empty,
  minWidth,
  phoneCards = true,
  rowTestId,
  'data-testid': testId,
}: ListViewProps<T, F>) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const cards = phone && phoneCards;
  const activeFilters = Object.values(list.filters).filter((v) => v !== undefined).length;
  // On a phone the filters wait behind a button (open while any is set), so the rows come first.
  const [showFilters, setShowFilters] = useState(false);
  const filtersShown = !phone || showFilters;
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const narrowed = list.q !== '' || Object.values(list.filters).some((v) => v !== undefined);

  const noRows = narrowed ? (
    <Stack align="center" gap="xs">
      <Text size="sm" c="dimmed">
        {t('list.noMatches')}
      </Text>
      <Button variant="light" size="xs" onClick={list.reset}>
        {t('list.clearFilters')}
      </Button>
    </Stack>
  ) : (
    (empty ?? (
      <Text size="sm" c="dimmed">
        {t('list.empty')}
      </Text>
    ))
  );

  return (
    <Stack gap="sm">
      <Flex justify="space-between" align="flex-start" gap="sm" wrap={{ base: 'wrap', sm: 'nowrap' }}>
        <Group gap="sm" align="center" style={{ flex: '1 1 auto', minWidth: 0 }}>
          {searchPlaceholder !== undefined && <ListSearch list={list} placeholder={searchPlaceholder} />}
          {filters && phone && (
            <Button
              variant={activeFilters > 0 ? 'light' : 'default'}
              leftSection={<IconFilter size={16} />}
              aria-expanded={filtersShown}
              onClick={() => setShowFilters((v) => !v)}
            >
              {activeFilters > 0 ? t('list.filtersOn', { count: activeFilters }) : t('list.filters')}
            </Button>
          )}
          {filtersShown && filters}
        </Group>
        {exportPath && <ExportCsvButton path={exportPath} query={list.exportQuery} />}
      </Flex>
      {result.isPending && <PageLoader />}
      {result.isError && <LoadError error={result.error} onRetry={() => void result.refetch()} />}
      {data && cards && (
        <DataCards
          columns={columns}
          rows={data.items}
          rowKey={rowKey}
          rowHref={rowHref}
          sort={list.sort}
          onSort={list.setSort}
          empty={noRows}
          stale={result.isPlaceholderData}
          rowTestId={rowTestId}
          data-testid={testId}
        />
      )}
      {data && !cards && (
        <Paper withBorder radius="md">
          <DataTable
            columns={columns}
            rows={data.items}
            rowKey={rowKey}
            rowHref={rowHref}
            sort={list.sort}
            onSort={list.setSort}
            empty={noRows}
            stale={result.isPlaceholderData}
            minWidth={minWidth}
            rowTestId={rowTestId}
            data-testid={testId}
          />
        </Paper>
      )}
      {data && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t('list.total', { count: data.total })}
          </Text>
          {pages > 1 && <Pagination total={pages} value={list.page} onChange={list.setPage} size="sm" />}
        </Group>
      )}
    </Stack>
  );
}
