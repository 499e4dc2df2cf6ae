import { ActionIcon, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useIsPhone } from '../phone';

/** Fields of a row that hold text as typed (the inputs of text, quantity and money columns). */
type TextField<L> = { [K in keyof L]: L[K] extends string ? K : never }[keyof L] & string;

/** What a custom or computed cell gets to draw itself. */
export interface LineCell<L> {
  row: L;
  index: number;
  /** The cell's accessible name: the column's label and the row's number ("Част 2"). */
  label: string;
  /** The column's header, shown as the input's label on a phone card; undefined in the table. */
  cardLabel: string | undefined;
  /** The server's or the form's error for this cell, if any. */
  error: ReactNode | undefined;
}

interface ColumnBase {
  /** Unique among the columns. */
  key: string;
  /** The table header and the label on a phone card. */
  header: string;
  /** The inputs' accessible name before the row number ("Ед. цена" → "Ед. цена 2"); the header when absent. */
  label?: string;
  width?: number;
  minWidth?: number;
}

/** An input column: text as typed; `quantity` and `money` inputs are right-aligned and decimal. */
export interface InputColumn<L> extends ColumnBase {
  kind: 'text' | 'quantity' | 'money';
  field: TextField<L>;
  /** The unit shown inside a quantity input ("бр.", "м"). */
  unit?: (row: L) => string;
  /** A hint under the input (what is available…). */
  below?: (row: L, index: number) => ReactNode;
}

/** A column that draws itself: a picker, or a value computed from the row (a line total). */
export interface RenderedColumn<L> extends ColumnBase {
  kind: 'custom' | 'computed';
  /** The row field whose errors this column shows (a picker's partId). */
  field?: keyof L & string;
  render: (cell: LineCell<L>) => ReactNode;
}

/** One column of a lines editor. Parts, labour and invoice lines describe their columns with these. */
export type LineColumn<L> = InputColumn<L> | RenderedColumn<L>;

export interface LinesEditorProps<L> {
  rows: readonly L[];
  columns: readonly (LineColumn<L> | false | null | undefined)[];
  rowKey: (row: L) => string;
  /** Errors keyed by form path (`${path}.${row}.${field}`), as Mantine's form.errors; `errors[path]` is the lines' own. */
  errors: Readonly<Record<string, ReactNode>>;
  /** The form path of the rows: 'lines'. */
  path?: string;
  onChange: (index: number, field: TextField<L>, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  addLabel: string;
  removeLabel: string;
  /** Below this width the table scrolls sideways (wider screens than a phone). */
  minWidth?: number;
  /** Beside the "add" button: totals, notes. */
  footer?: ReactNode;
  'data-testid'?: string;
}

const isRendered = <L,>(c: LineColumn<L>): c is RenderedColumn<L> =>
  c.kind === 'custom' || c.kind === 'computed';

const RIGHT: { input: { textAlign: 'right' } } = { input: { textAlign: 'right' } };

/**
 * The rows of a document (stock document lines today; parts, labour and invoice lines next), edited in place:
 * typed columns, add and remove, each error on the row and input it belongs to. Keyboard: Enter in an input
 * moves to the same input on the next row, adding a row after the last; removing a row keeps the focus in the
 * list. Below 600 px each row is a card with labelled inputs.
 */
export function LinesEditor<L>({
  rows,
  columns: given,
  rowKey,
  errors,
  path = 'lines',
  onChange,
  onAdd,
  onRemove,
  addLabel,
  removeLabel,
  minWidth = 640,
  footer,
  'data-testid': testId,
}: LinesEditorProps<L>) {
  const columns = given.filter((c): c is LineColumn<L> => Boolean(c));
  const phone = useIsPhone();
  const root = useRef<HTMLDivElement>(null);
  /** Where the focus goes once the rows have rendered: a cell, or the add button. */
  const [focus, setFocus] = useState<{ row: number; column: string } | 'add' | null>(null);

  useEffect(() => {
    if (focus === null) return;
    const selector =
      focus === 'add'
        ? '[data-lines-add]'
        : `[data-line-row="${focus.row}"] [data-line-column="${focus.column}"] :is(input, button)`;
    root.current?.querySelector<HTMLElement>(selector)?.focus();
    setFocus(null);
  });

  const errorOf = (index: number, field: string | undefined) =>
    field === undefined ? undefined : errors[`${path}.${index}.${field}`];

  const onEnter = (e: KeyboardEvent, index: number, column: string) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (index === rows.length - 1) onAdd();
    setFocus({ row: index + 1, column });
  };

  const remove = (index: number, hadFocus: boolean) => {
    onRemove(index);
    if (!hadFocus) return;
    // The row that takes its place, or the one before it, or the add button.
    const next = index < rows.length - 1 ? index : index - 1;
    setFocus(next >= 0 ? { row: next, column: '#remove' } : 'add');
  };

  const cell = (c: LineColumn<L>, row: L, index: number, card: boolean): ReactNode => {
    const label = `${c.label ?? c.header} ${index + 1}`;
    const cardLabel = card ? c.header : undefined;
    if (isRendered(c)) return c.render({ row, index, label, cardLabel, error: errorOf(index, c.field) });
    const numeric = c.kind !== 'text';
    const unit = c.unit?.(row);
    const input = (
      <TextInput
        aria-label={label}
        label={cardLabel}
        inputMode={numeric ? 'decimal' : undefined}
        rightSection={unit ? <Text size="xs">{unit}</Text> : undefined}
        rightSectionWidth={unit ? 44 : undefined}
        styles={numeric ? RIGHT : undefined}
        value={row[c.field] as string}
        error={errorOf(index, c.field)}
        onChange={(e) => onChange(index, c.field, e.currentTarget.value)}
        onKeyDown={(e) => onEnter(e, index, c.key)}
      />
    );
    const below = c.below?.(row, index);
    return below ? (
      <Stack gap={2}>
        {input}
        {below}
      </Stack>
    ) : (
      input
    );
  };

  const removeButton = (index: number) => (
    <ActionIcon
      variant="subtle"
      color="red"
      onClick={(e) => remove(index, e.currentTarget === document.activeElement)}
      aria-label={`${removeLabel} ${index + 1}`}
    >
      <IconTrash size={16} />
    </ActionIcon>
  );

  const lineErrors = errors[path];
  return (
    <div ref={root}>
      {phone ? (
        <Stack gap="sm" data-testid={testId}>
          {rows.map((row, index) => (
            <Card key={rowKey(row)} withBorder radius="md" padding="sm" data-line-row={index}>
              <Stack gap="xs" data-testid={`line-${index}`}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    № {index + 1}
                  </Text>
                  <div data-line-column="#remove">{removeButton(index)}</div>
                </Group>
                {columns.map((c) =>
                  c.kind === 'computed' ? (
                    <Group key={c.key} justify="space-between" wrap="nowrap" data-line-column={c.key}>
                      <Text size="sm" c="dimmed">
                        {c.header}
                      </Text>
                      {cell(c, row, index, true)}
                    </Group>
                  ) : (
                    <div key={c.key} data-line-column={c.key}>
                      {cell(c, row, index, true)}
                    </div>
                  ),
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table verticalSpacing={6} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.key} ta={c.kind === 'text' || c.kind === 'custom' ? undefined : 'right'}>
                    {c.header}
                  </Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={rowKey(row)} data-testid={`line-${index}`} data-line-row={index}>
                  <Table.Td c="dimmed" w={36} style={{ verticalAlign: 'top', paddingTop: 14 }}>
                    {index + 1}
                  </Table.Td>
                  {columns.map((c) => (
                    <Table.Td
                      key={c.key}
                      w={c.width}
                      miw={c.minWidth}
                      ta={c.kind === 'computed' ? 'right' : undefined}
                      data-line-column={c.key}
                      style={
                        c.kind === 'computed'
                          ? { verticalAlign: 'top', paddingTop: 14, whiteSpace: 'nowrap' }
                          : { verticalAlign: 'top' }
                      }
                    >
                      {cell(c, row, index, false)}
                    </Table.Td>
                  ))}
                  <Table.Td
                    w={44}
                    style={{ verticalAlign: 'top', paddingTop: 10 }}
                    data-line-column="#remove"
                  >
                    {removeButton(index)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {typeof lineErrors === 'string' && (
        <Text size="sm" c="red" mt="xs">
          {lineErrors}
        </Text>
      )}
      <Group justify="space-between" mt="sm" align="flex-start">
        <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={onAdd} data-lines-add>
          {addLabel}
        </Button>
        {footer}
      </Group>
    </div>
  );
}
