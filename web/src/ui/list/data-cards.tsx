import { Button, Center, Collapse, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Column, type RowTone, type TotalsRow, toneProps } from './data-table';

export interface DataCardsProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Where a tap on the card goes (links and buttons inside keep their own tap). */
  rowHref?: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
  empty?: ReactNode;
  stale?: boolean;
  totals?: TotalsRow;
  rowTone?: (row: T) => RowTone;
  /** Each card's data-testid ("list-card" without it). */
  rowTestId?: string;
  'data-testid'?: string;
}

/** A header as plain text (for labels and the sort choices); empty when the header is not text. */
const textOf = (header: ReactNode) => (typeof header === 'string' ? header : '');

/** Numbers, money, dates and codes stay whole: never broken inside, lined up by their digits. */
const WHOLE: CSSProperties = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' };
/** Names and text wrap between words; a word longer than the card (a URL, a serial) breaks only then. */
export const WORDS: CSSProperties = { overflowWrap: 'break-word', wordBreak: 'normal', hyphens: 'manual' };

const isWhole = <T,>(c: Column<T>) => c.nowrap === true || c.align === 'right';
const isBlank = (node: ReactNode) => node === null || node === undefined || node === '' || node === false;

/** How many fields a card shows at once when no column says it is primary. */
const PRIMARY_BY_DEFAULT = 3;

interface Placed<T> {
  title: Column<T> | undefined;
  menu: Column<T> | undefined;
  primary: Column<T>[];
  secondary: Column<T>[];
}

/** Sorts the columns into a card's places: the title, the menu (the last 'actions' column), and the fields. */
export function placeColumns<T>(columns: readonly Column<T>[]): Placed<T> {
  const menu = columns.at(-1)?.key === 'actions' ? columns.at(-1) : undefined;
  const rest = columns.filter((c) => c !== menu && c.phone !== 'hidden');
  const title = rest.find((c) => c.phone === 'title') ?? rest.find((c) => c.phone === undefined);
  const fields = rest.filter((c) => c !== title && c.phone !== 'title');
  const explicit = fields.some((c) => c.phone === 'primary');
  const primary: Column<T>[] = [];
  const secondary: Column<T>[] = [];
  for (const c of fields) {
    const place = c.phone ?? (!explicit && primary.length < PRIMARY_BY_DEFAULT ? 'primary' : 'secondary');
    (place === 'primary' ? primary : secondary).push(c);
  }
  return { title, menu, primary, secondary };
}

/** One "label: value" line of a card: the value on the right, numbers whole. */
export function CardField({
  label,
  whole,
  children,
}: {
  label: string;
  whole: boolean;
  children: ReactNode;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline" justify="space-between">
      {label && (
        <Text size="xs" c="dimmed" style={{ ...WORDS, flex: '0 1 auto', minWidth: '30%' }}>
          {label}
        </Text>
      )}
      <Text
        component="div"
        size="sm"
        ta={label ? 'right' : undefined}
        style={whole ? { ...WHOLE, flex: '0 0 auto' } : { ...WORDS, flex: '0 1 auto', minWidth: 0 }}
      >
        {children}
      </Text>
    </Group>
  );
}

function Fields<T>({ columns, row }: { columns: readonly Column<T>[]; row: T }) {
  return columns.map((c) => {
    const value = c.render(row);
    if (isBlank(value)) return null;
    return (
      <CardField key={c.key} label={textOf(c.header)} whole={isWhole(c)}>
        {value}
      </CardField>
    );
  });
}

/** Whether a tap landed on something with its own action (a link, a button, an input) inside the card. */
function isInteractive(target: EventTarget | null, card: HTMLElement): boolean {
  const el = target instanceof Element ? target.closest('a, button, input, label, [role="button"]') : null;
  return el !== null && card.contains(el);
}

function DataCard<T>({
  row,
  placed,
  href,
  tone,
  testId,
}: {
  row: T;
  placed: Placed<T>;
  href?: string;
  tone: RowTone;
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [more, setMore] = useState(false);
  const moreId = useId();
  const { title, menu, primary, secondary } = placed;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid={testId}
      {...toneProps(tone)}
      style={href ? { cursor: 'pointer' } : undefined}
      onClick={
        href
          ? (e) => {
              if (!isInteractive(e.target, e.currentTarget)) navigate(href);
            }
          : undefined
      }
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0, fontWeight: 500, ...WORDS }}>{title?.render(row)}</div>
        {menu?.render(row)}
      </Group>
      {primary.length > 0 && (
        <Stack gap={2} mt={6}>
          <Fields columns={primary} row={row} />
        </Stack>
      )}
      {secondary.length > 0 && (
        <>
          <Collapse expanded={more}>
            <Stack gap={2} mt={2} id={moreId}>
              {more && <Fields columns={secondary} row={row} />}
            </Stack>
          </Collapse>
          <Button
            variant="subtle"
            size="compact-xs"
            mt={4}
            ml={-6}
            aria-expanded={more}
            aria-controls={moreId}
            rightSection={more ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
            onClick={() => setMore((m) => !m)}
          >
            {more ? t('list.less') : t('list.more')}
          </Button>
        </>
      )}
    </Paper>
  );
}

/**
 * The rows of a list as cards, for phones: the title column heads the card with the row's menu (the last
 * 'actions' column) beside it, the primary fields follow as "header … value", the rest wait behind "More". A
 * select replaces the sortable headers; totals close the list in a card of their own.
 */
export function DataCards<T>({
  columns,
  rows,
  rowKey,
  rowHref,
  sort,
  onSort,
  empty,
  stale = false,
  totals,
  rowTone,
  rowTestId = 'list-card',
  'data-testid': testId,
}: DataCardsProps<T>) {
  const { t } = useTranslation();
  const placed = placeColumns(columns);
  const sortable = columns.filter((c) => c.sortKey && textOf(c.header));
  const sortData = sortable.flatMap((c) => [
    { value: c.sortKey ?? '', label: `${textOf(c.header)} ↑` },
    { value: `-${c.sortKey}`, label: `${textOf(c.header)} ↓` },
  ]);
  // A list first shown newest first (by when its records were made, not a column): that order is a choice too, so
  // the select never shows an empty value.
  if ((sort === '-createdAt' || sort === 'createdAt') && !sortable.some((c) => c.sortKey === 'createdAt'))
    sortData.unshift(
      { value: '-createdAt', label: t('list.newestFirst') },
      { value: 'createdAt', label: t('list.oldestFirst') },
    );
  return (
    <Stack gap="xs" style={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale || undefined} data-testid={testId}>
      {onSort && sortData.length > 0 && (
        <Select
          aria-label={t('list.sortBy')}
          data={sortData}
          value={sort ?? null}
          onChange={(v) => v && onSort(v)}
          allowDeselect={false}
          size="xs"
          maw={260}
        />
      )}
      {rows.length === 0 && (
        <Paper withBorder radius="md">
          <Center py="xl" px="sm">
            {empty ?? (
              <Text size="sm" c="dimmed">
                {t('list.empty')}
              </Text>
            )}
          </Center>
        </Paper>
      )}
      {rows.map((row) => (
        <DataCard
          key={rowKey(row)}
          row={row}
          placed={placed}
          href={rowHref?.(row)}
          tone={rowTone?.(row)}
          testId={rowTestId}
        />
      ))}
      {totals && rows.length > 0 && (
        <Paper withBorder radius="md" p="sm" fw={600} data-testid="list-totals">
          <div style={WORDS}>{totals.label}</div>
          <Stack gap={2} mt={4}>
            {columns
              .filter((c) => !isBlank(totals.cells[c.key]))
              .map((c) => (
                <CardField key={c.key} label={textOf(c.header)} whole>
                  {totals.cells[c.key]}
                </CardField>
              ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
