import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderScreen } from '../test-utils';
import { DateField, parseTypedDate } from './date-field';

describe('parseTypedDate', () => {
  it('reads the ways people type a date, day first', () => {
    expect(parseTypedDate('5.12.2026')).toBe('2026-12-05');
    expect(parseTypedDate('05.12.2026')).toBe('2026-12-05');
    expect(parseTypedDate(' 05.12.26 ')).toBe('2026-12-05');
    expect(parseTypedDate('5/12/2026')).toBe('2026-12-05');
    expect(parseTypedDate('5-12-2026')).toBe('2026-12-05');
    expect(parseTypedDate('05122026')).toBe('2026-12-05');
    expect(parseTypedDate('2026-12-05')).toBe('2026-12-05');
    expect(parseTypedDate('05.12.2026 г.')).toBe('2026-12-05');
  });

  it('refuses what is not a real date', () => {
    expect(parseTypedDate('31.02.2026')).toBeNull();
    expect(parseTypedDate('29.02.2027')).toBeNull();
    expect(parseTypedDate('29.02.2028')).toBe('2028-02-29');
    expect(parseTypedDate('13.13.2026')).toBeNull();
    expect(parseTypedDate('вчера')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });
});

function Typed({ onValue }: { onValue: (v: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <DateField
      label="Дата"
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

describe('DateField', () => {
  it('takes a typed date and shows it as dd.mm.yyyy', async () => {
    const values: (string | null)[] = [];
    renderScreen(<Typed onValue={(v) => values.push(v)} />);
    const input = screen.getByLabelText('Дата') as HTMLInputElement;
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '7.3.2026' } });
    fireEvent.blur(input);
    expect(values.at(-1)).toBe('2026-03-07');
    expect(input.value).toBe('07.03.2026');
  });
});
