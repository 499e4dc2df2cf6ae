import { describe, expect, it } from 'vitest';
import { codeFromName, splitTyped } from './add-model-modal';

const BRANDS = [
  { id: 'b-1', name: 'Daikin' },
  { id: 'b-2', name: 'De Dietrich' },
];

describe('what the user typed, read as brand and model', () => {
  it('takes a known brand at the start, one word or more, in any case', () => {
    expect(splitTyped('daikin  FTXM50R', BRANDS)).toEqual({
      brandId: 'b-1',
      newBrand: null,
      name: 'FTXM50R',
    });
    expect(splitTyped('De Dietrich MCR 24', BRANDS)).toEqual({
      brandId: 'b-2',
      newBrand: null,
      name: 'MCR 24',
    });
  });

  it('reads an unknown first word as a new brand, and a single word as the model alone', () => {
    expect(splitTyped('Gree Pular 12', BRANDS)).toEqual({
      brandId: null,
      newBrand: 'Gree',
      name: 'Pular 12',
    });
    expect(splitTyped('FTXM50R', BRANDS)).toEqual({ brandId: null, newBrand: null, name: 'FTXM50R' });
  });
});

describe('a catalogue code from a name', () => {
  it('is Latin capitals, digits and dashes, transliterated from Bulgarian', () => {
    expect(codeFromName('Gree')).toBe('GREE');
    expect(codeFromName('Климатици')).toBe('KLIMATITSI');
    expect(codeFromName('  Бойлери и печки ')).toBe('BOYLERI-I-PECHKI');
    expect(codeFromName('***')).toMatch(/^X[0-9A-Z]+$/);
  });
});
