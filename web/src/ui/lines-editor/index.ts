/**
 * Editing the rows of a document: stock document lines today; parts, labour and invoice lines next.
 *
 *   <LinesEditor
 *     rows={form.values.lines}
 *     rowKey={(l) => l.key}
 *     errors={form.errors}
 *     onChange={(i, field, value) => form.setFieldValue(`lines.${i}.${field}`, value)}
 *     onAdd={() => form.insertListItem('lines', emptyLine())}
 *     onRemove={(i) => form.removeListItem('lines', i)}
 *     columns={[
 *       { key: 'part', kind: 'custom', header: t('…part'), field: 'partId', render: ({ row, label, error }) => <PartPicker … /> },
 *       { key: 'quantity', kind: 'quantity', header: t('…quantity'), field: 'quantity', unit: (l) => l.unit },
 *       { key: 'price', kind: 'money', header: t('…price'), field: 'price' },
 *       { key: 'total', kind: 'computed', header: t('…total'), render: ({ row }) => formatMoney(…) },
 *     ]}
 *     addLabel={t('…addLine')}
 *     removeLabel={t('…removeLine')}
 *   />
 *
 * The rows hold text as typed; ui/typed-values.ts turns it into the server's units (groupedTextToMilli for
 * quantities, textToCents for money). Empty rows are not sent: sentRows and lineInputOf put the server's
 * errors back on the row they belong to.
 */

export { lineInputOf, sentRows } from './line-rows';
export {
  type InputColumn,
  type LineCell,
  type LineColumn,
  LinesEditor,
  type LinesEditorProps,
  type RenderedColumn,
} from './lines-editor';
