import { describe, expect, it } from 'vitest';
import { foldSearchText, likePattern, toSearchText, transliterateBg } from './search-text';

/** A stand-in for SQL `haystack LIKE pattern ESCAPE '\'`. */
function sqlLike(haystack: string, pattern: string): boolean {
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') regex += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%') regex += '.*';
    else if (ch === '_') regex += '.';
    else regex += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`, 's').test(haystack);
}

const finds = (needle: string, ...parts: (string | null | undefined)[]) =>
  sqlLike(toSearchText(...parts), likePattern(needle));

describe('foldSearchText', () => {
  it('lower-cases Cyrillic, folds ё and compatibility forms, collapses whitespace', () => {
    expect(foldSearchText('  ПЕТРОВ\u00a0\tИван  ')).toBe('петров иван');
    expect(foldSearchText('Фёдор')).toBe('федор');
    expect(foldSearchText('ЁЛКА')).toBe('елка');
    expect(foldSearchText('ｆｕｌｌ ﬁ')).toBe('full fi'); // NFKC: full-width letters, ligature
    expect(foldSearchText('ѝ')).toBe('и');
  });
});

describe('transliterateBg', () => {
  it('follows the streamlined system', () => {
    expect(transliterateBg('иван петров')).toBe('ivan petrov');
    expect(transliterateBg('жъчщюяьцш')).toBe('zh' + 'a' + 'ch' + 'sht' + 'yu' + 'ya' + 'y' + 'ts' + 'sh');
    expect(transliterateBg('софия')).toBe('sofia'); // final ия → ia
    expect(transliterateBg('българия, софия-град')).toBe('bulgaria, sofia-grad');
    expect(transliterateBg('българин')).toBe('balgarin'); // ъ → a everywhere else
    expect(transliterateBg('ияко')).toBe('iyako'); // ия not at the end of a word
    expect(transliterateBg('abc 123')).toBe('abc 123');
  });
});

describe('toSearchText', () => {
  it('joins parts, skipping null, undefined and empty', () => {
    expect(toSearchText('ACME', null, undefined, '', 'Ltd')).toBe('acme ltd');
    expect(toSearchText()).toBe('');
  });

  it('appends the Latin transliteration of Cyrillic text', () => {
    expect(toSearchText('Иван Петров')).toBe('иван петров ivan petrov');
    expect(toSearchText('Хотел „Морска звезда“ ЕООД', '+359 52 612 744')).toBe(
      'хотел „морска звезда“ еоод +359 52 612 744 hotel „morska zvezda“ eood +359 52 612 744',
    );
  });

  it('lets Latin and Cyrillic needles find Cyrillic names, case-insensitively', () => {
    expect(finds('petrov', 'Иван Петров')).toBe(true);
    expect(finds('PETROV', 'Иван Петров')).toBe(true);
    expect(finds('петров', 'Иван ПЕТРОВ')).toBe(true);
    expect(finds('ПЕТ', 'Иван Петров')).toBe(true);
    expect(finds('ivan petrov', 'Иван  Петров')).toBe(true);
    expect(finds('федор', 'Фёдор')).toBe(true);
    expect(finds('фёдор', 'Федор')).toBe(true);
    expect(finds('sofia', 'София')).toBe(true);
    expect(finds('georgiev', 'Мария Петрова')).toBe(false);
  });
});

describe('likePattern', () => {
  it('wraps the folded needle in %…%', () => {
    expect(likePattern('  Иван  ПЕТРОВ ')).toBe('%иван петров%');
    expect(likePattern('')).toBe('%%');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('50%')).toBe('%50\\%%');
    expect(likePattern('a_b')).toBe('%a\\_b%');
    expect(likePattern('C:\\dir')).toBe('%c:\\\\dir%');
  });

  it('treats wildcards in the needle literally', () => {
    expect(finds('50%', 'Отстъпка 50% за части')).toBe(true);
    expect(finds('50%', 'Отстъпка 500 лв')).toBe(false);
    expect(finds('a_b', 'axb')).toBe(false);
    expect(finds('a_b', 'a_b')).toBe(true);
  });
});
