import { describe, expect, it } from 'vitest';
import {
  addScanned,
  clientErrors,
  type DocumentValues,
  documentFieldOf,
  emptyLine,
  newDocumentValues,
  sentLineIndexes,
  toCreateBody,
  typedLineValue,
} from './document-form';

const MESSAGES = {
  required: 'required',
  quantity: 'quantity',
  amount: 'amount',
  sameWarehouse: 'same',
  noLines: 'noLines',
};

const line = (partId: string | null, patch: Partial<ReturnType<typeof emptyLine>> = {}) => ({
  ...emptyLine(),
  partId,
  ...patch,
});

function values(patch: Partial<DocumentValues>): DocumentValues {
  return { ...newDocumentValues('wh-main'), ...patch };
}

describe('the stock document editor’s values', () => {
  it('a receipt sends thousandths and cents parsed exactly, and leaves empty rows out', () => {
    const body = toCreateBody(
      'receipt',
      values({
        supplierId: 'sup-1',
        supplierDocNumber: ' 0000051234 ',
        landedCost: '12,30',
        lines: [
          line('p-1', { quantity: '1,5', unitCost: '24,90', serialNumbers: 'SN-1' }),
          line(null),
          line('p-2', { quantity: '1 200', unitCost: '0,07' }),
        ],
      }),
    );
    expect(body).toEqual({
      type: 'receipt',
      documentDate: undefined,
      warehouseId: 'wh-main',
      supplierId: 'sup-1',
      supplierDocNumber: '0000051234',
      supplierDocDate: null,
      landedCostCents: 1230,
      notes: null,
      lines: [
        { partId: 'p-1', quantityMilli: 1500, unitCostCents: 2490, serialNumbers: 'SN-1' },
        { partId: 'p-2', quantityMilli: 1_200_000, unitCostCents: 7, serialNumbers: null },
      ],
    });
  });

  it('a transfer sends the receiving warehouse and no supplier; a count sends counted quantities, zero included', () => {
    const transfer = toCreateBody(
      'transfer',
      values({ toWarehouseId: 'van-1', lines: [line('p-1', { quantity: '2' })] }),
    );
    expect(transfer).toMatchObject({
      type: 'transfer',
      toWarehouseId: 'van-1',
      lines: [{ quantityMilli: 2000 }],
    });
    expect(transfer).not.toHaveProperty('supplierId');
    const count = toCreateBody('count', values({ lines: [line('p-1', { counted: '0' })] }));
    expect(count.lines).toEqual([{ partId: 'p-1', countedMilli: 0, serialNumbers: null }]);
  });

  it('refuses before sending: no lines, zero or bad quantities, a transfer to the same warehouse, a write-off without reason', () => {
    expect(clientErrors('issue', values({ reason: 'x', lines: [line(null)] }), MESSAGES)).toEqual({
      lines: 'noLines',
    });
    expect(
      clientErrors(
        'transfer',
        values({
          toWarehouseId: 'wh-main',
          lines: [line('p-1', { quantity: '0' }), line(null, { quantity: '2' })],
        }),
        MESSAGES,
      ),
    ).toEqual({ toWarehouseId: 'same', 'lines.0.quantity': 'quantity', 'lines.1.partId': 'required' });
    expect(
      clientErrors('writeoff', values({ lines: [line('p-1', { quantity: '1,2345' })] }), MESSAGES),
    ).toEqual({
      reason: 'required',
      'lines.0.quantity': 'quantity',
    });
    expect(
      clientErrors('receipt', values({ lines: [line('p-1', { quantity: '1', unitCost: '-2' })] }), MESSAGES),
    ).toEqual({ 'lines.0.unitCost': 'amount' });
    expect(clientErrors('count', values({ lines: [line('p-1', { counted: '0' })] }), MESSAGES)).toEqual({});
  });

  it('puts the server’s line errors on the editor row they came from, past the empty rows left out', () => {
    const v = values({
      lines: [line(null), line('p-1', { quantity: '1' }), line(null), line('p-2', { quantity: '2' })],
    });
    const sent = sentLineIndexes(v);
    expect(sent).toEqual([1, 3]);
    const fieldOf = documentFieldOf(sent);
    expect(fieldOf('lines.1.quantityMilli')).toBe('lines.3.quantity');
    expect(fieldOf('lines.0.unitCostCents')).toBe('lines.1.unitCost');
    expect(fieldOf('lines.0.partId')).toBe('lines.1.partId');
    expect(fieldOf('landedCostCents')).toBe('landedCost');
    expect(fieldOf('toWarehouseId')).toBe('toWarehouseId');
    expect(fieldOf('type')).toBeNull();
  });

  it('a typed receipt line is worth quantity × unit cost, rounded half away from zero', () => {
    expect(typedLineValue(line('p', { quantity: '0,333', unitCost: '0,05' }))).toBe(2);
    expect(typedLineValue(line('p', { quantity: '3', unitCost: '27' }))).toBe(8100);
    expect(typedLineValue(line('p', { quantity: '', unitCost: '27' }))).toBeNull();
  });
});

describe('scanning a barcode into a document', () => {
  const PUMP = { id: 'p-pump', label: 'WM-PUMP — Помпа', unit: 'бр.', typicalCostCents: 1240 };

  it('fills the empty row with one unit at the typical cost, then adds a unit to the same line', () => {
    const once = addScanned('receipt', values({ lines: [line(null)] }), PUMP, 'bg');
    expect(once.lines).toHaveLength(1);
    expect(once.lines[0]).toMatchObject({ partId: 'p-pump', quantity: '1', unitCost: '12,40', unit: 'бр.' });
    const twice = addScanned('receipt', addScanned('receipt', once, PUMP, 'bg'), PUMP, 'bg');
    expect(twice.lines).toHaveLength(1);
    expect(twice.lines[0]?.quantity).toBe('3');
    expect(twice.lines[0]?.unitCost).toBe('12,40');
  });

  it('counts into the counted quantity and appends a new part after the filled rows', () => {
    const counted = addScanned('count', values({ lines: [line('p-other', { counted: '2,5' })] }), PUMP, 'en');
    expect(counted.lines.map((l) => [l.partId, l.counted])).toEqual([
      ['p-other', '2,5'],
      ['p-pump', '1'],
    ]);
    const again = addScanned('count', counted, { ...PUMP, id: 'p-other' }, 'en');
    expect(again.lines[0]?.counted).toBe('3.5');
    const issue = addScanned('issue', values({ lines: [] }), PUMP, 'bg');
    expect(issue.lines[0]).toMatchObject({ quantity: '1', unitCost: '' });
  });
});
