import { Center, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { nextSort, sortDirection } from './use-list-state';

export interface Column<T> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** The server's sort field for this column ("name"): its header sorts the list when clicked. */
  sortKey?: string;
  width?: number | string;
  /** Keep the cell on one line (dates, numbers, codes); right-aligned cells (figures) always are. */
  nowrap?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Let a long header take two lines (narrow columns of numbers). */
  headerWrap?: boolean;
  /**
   * Where the column goes on a phone card: 'title' heads the card (the first column by default), 'primary'
   * fields show at once, 'secondary' ones behind "More", 'hidden' ones not at all (the title already says
   * it). Without any 'primary', the three columns after the title are the primary ones.
   */
  phone?: PhonePlace;
}

export type PhonePlace = 'title' | 'primary' | 'secondary' | 'hidden';

/** A last row under the table (totals): its label in the first column, the cells under their columns' keys. */
export interface TotalsRow {
  label: ReactNode;
  cells: Readonly<Record<string, ReactNode>>;
}

/** How a row stands out: greyed (inactive, revoked) or bold (the current one). */
export type RowTone = 'dimmed' | 'strong' | undefined;

export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Where a click on the row goes (links and buttons inside the row keep their own click). */
  rowHref?: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  /** The rows are being replaced (next page, new search): dim them. */
  stale?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** A totals row under the rows. */
  totals?: TotalsRow;
  rowTone?: (row: T) => RowTone;
  /** Columns as wide as their `width`, whatever the content: tables under each other line up. */
  fixedLayout?: boolean;
  /** The data-testid of each row (and, on a phone, of each card instead of "list-card"). */
  rowTestId?: string;
  'data-testid'?: string;
}

export const toneProps = (tone: RowTone) =>
  tone === 'dimmed' ? { c: 'dimmed' } : tone === 'strong' ? { fw: 600 } : {};

function SortHeader({
  label,
  direction,
  onClick,
}: {
  label: ReactNode;
  direction: 'asc' | 'desc' | null;
  onClick: () => void;
}) {
  const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton onClick={onClick} style={{ font: 'inherit', color: 'inherit' }}>
      <Group gap={4} wrap="nowrap">
        <span>{label}</span>
        <Icon
          size={14}
          stroke={1.8}
          aria-hidden
          color={direction ? 'var(--mantine-color-blue-filled)' : 'var(--mantine-color-gray-5)'}
        />
      </Group>
    </UnstyledButton>
  );
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** Whether a click landed on something with its own action (a link, a button, an input) inside the row. */
function isInteractive(target: EventTarget | null, row: HTMLElement): boolean {
  const el = target instanceof Element ? target.closest('a, button, input, label, [role="button"]') : null;
  return el !== null && row.contains(el);
}

/** A Mantine table with headers that sort on the server, rows that open the record, and an empty state. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowHref,
  sort,
  onSort,
  empty,
  stale = false,
  minWidth = 720,
  totals,
  rowTone,
  fixedLayout = false,
  rowTestId,
  'data-testid': testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Figures (right-aligned) stay on one line and line up by their digits.
  const cellStyle = (c: Column<T>): CSSProperties | undefined =>
    c.align === 'right'
      ? { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }
      : c.nowrap
        ? { whiteSpace: 'nowrap' }
        : undefined;

  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        highlightOnHover={rowHref !== undefined && rows.length > 0}
        verticalSpacing="sm"
        layout={fixedLayout ? 'fixed' : undefined}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
        aria-busy={stale || undefined}
        data-testid={testId}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const direction = c.sortKey ? sortDirection(sort, c.sortKey) : null;
              return (
                <Table.Th
                  key={c.key}
                  w={c.width}
                  ta={c.align}
                  style={{ whiteSpace: c.headerWrap ? 'normal' : 'nowrap' }}
                  aria-sort={direction ? ARIA_SORT[direction] : undefined}
                >
                  {c.sortKey && onSort ? (
                    <SortHeader
                      label={c.header}
                      direction={direction}
                      onClick={() => onSort(nextSort(sort, c.sortKey ?? ''))}
                    />
                  ) : (
                    c.header
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Center py="xl">
                  {empty ?? (
                    <Text size="sm" c="dimmed">
                      {t('list.empty')}
                    </Text>
                  )}
                </Center>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => {
            const href = rowHref?.(row);
            return (
              <Table.Tr
                key={rowKey(row)}
                {...toneProps(rowTone?.(row))}
                data-testid={rowTestId}
                style={href ? { cursor: 'pointer' } : undefined}
                onClick={
                  href
                    ? (e) => {
                        if (!isInteractive(e.target, e.currentTarget)) navigate(href);
                      }
                    : undefined
                }
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align} style={cellStyle(c)}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        {totals && (
          <Table.Tfoot>
            <Table.Tr fw={600}>
              {columns.map((c, i) => (
                <Table.Td key={c.key} ta={c.align} style={cellStyle(c)}>
                  {i === 0 ? totals.label : totals.cells[c.key]}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
