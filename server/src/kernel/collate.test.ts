import { describe, expect, it } from 'vitest';
import { compareBg } from './collate';

describe('compareBg', () => {
  it('orders names by the Bulgarian alphabet, not by code point', () => {
    // By code point every lower-case letter comes after every capital ("ана" last); the alphabet keeps them together.
    expect(['Яна', 'ана', 'Щерев', 'Борис', 'Юлия', 'Ана'].sort(compareBg)).toEqual([
      'ана',
      'Ана',
      'Борис',
      'Щерев',
      'Юлия',
      'Яна',
    ]);
  });

  it('agrees with localeCompare in Bulgarian', () => {
    const names = ['Цветан', 'Чавдар', 'Жоро', 'Ёлка', 'Ивайло', 'Йордан', 'ивайло'];
    expect([...names].sort(compareBg)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'bg')));
  });
});
