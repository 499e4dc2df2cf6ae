export const MIN_PASSWORD_LENGTH = 12;

/** Long enough: 12 characters after NFKC normalisation (characters, not bytes or UTF-16 units). */
export function passwordLongEnough(password: string): boolean {
  return [...password.normalize('NFKC')].length >= MIN_PASSWORD_LENGTH;
}

/** How usernames are stored and looked up: NFKC (full-width and compatibility forms folded), trimmed, lower case. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Thai',
  'Devanagari',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, re: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

/** The scripts the letters of a text are written in (digits and punctuation belong to none). */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const ch of text) {
    if (!/^\p{L}$/u.test(ch)) continue;
    found.add(SCRIPT_PATTERNS.find((s) => s.re.test(ch))?.name ?? 'Other');
  }
  return found;
}

/**
 * A username must be written in one script: "аdmin" with a Cyrillic "а" looks like "admin" and is refused, while
 * "ivan.petrov" and "иван.петров" are both fine.
 */
export function usernameMixesScripts(username: string): boolean {
  return scriptsOf(username.normalize('NFKC')).size > 1;
}
