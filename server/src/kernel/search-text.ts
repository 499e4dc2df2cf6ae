/**
 * Accent- and case-insensitive search that gives the same answers on SQLite and
 * PostgreSQL (STYLE.md, "Cyrillic search"): SQLite's LIKE and lower() fold ASCII only, so
 * a `search_text` column is filled on write with text already folded here, and the
 * needle is folded the same way and matched with `LIKE ? ESCAPE '\'`.
 *
 * Folding: NFKC, toLocaleLowerCase('bg'), ё → е (also the stress-marked ѐ → е, ѝ → и),
 * whitespace collapsed to one space, trimmed.
 *
 * toSearchText also appends a Latin transliteration of any Cyrillic text, using the
 * Bulgarian streamlined system (Закон за транслитерацията, 2009: ж zh, ц ts, ч ch,
 * ш sh, щ sht, ъ a, ь y, ю yu, я ya, final "ия" → "ia", "България" → "Bulgaria"), so
 * "Иван Петров" is stored as "иван петров ivan petrov" and the needle "petrov" finds it. Needles are never
 * transliterated: a Cyrillic needle matches the Cyrillic half, a Latin one either half.
 */

// biome-ignore format: the table reads better in rows
const LATIN_FOR_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
};

/** Folds text for search: NFKC, Bulgarian lower case, ё/ѐ → е, ѝ → и, whitespace collapsed, trimmed. */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('bg')
    .replace(/[ёѐ]/g, 'е')
    .replace(/ѝ/g, 'и')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Transliterates folded (lower-case) Bulgarian Cyrillic to Latin by the streamlined system; other characters pass through. */
export function transliterateBg(folded: string): string {
  return folded
    .replace(/(?<![\p{L}\p{N}])българия(?![\p{L}\p{N}])/gu, 'bulgaria') // the law's one fixed exception
    .replace(/ия(?![\p{L}\p{N}])/gu, 'ia')
    .replace(/[а-я]/g, (ch) => LATIN_FOR_CYRILLIC[ch] ?? ch);
}

/** Search column value: the non-empty parts joined by a space and folded, plus their Latin transliteration when it differs. */
export function toSearchText(...parts: (string | null | undefined)[]): string {
  const folded = foldSearchText(
    parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' '),
  );
  const latin = transliterateBg(folded);
  return latin === folded ? folded : `${folded} ${latin}`;
}

/** LIKE pattern "%needle%" for a search_text column: the needle folded like toSearchText, with \ % _ escaped by \ (use ESCAPE '\'). */
export function likePattern(needle: string): string {
  const escaped = foldSearchText(needle).replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return `%${escaped}%`;
}
