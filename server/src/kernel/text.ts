/**
 * Characters that have no place in any text Servix keeps: C0 controls (but tab, line feed and carriage return
 * where line breaks are allowed), DEL, and UTF-16 halves without their partner. PostgreSQL refuses NUL in text;
 * the others would hide in a name or break a printout. http/input-guard.ts refuses them in every request, the CSV
 * import in every cell.
 */
export function hasForbiddenCharacter(text: string, allowBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (allowBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return true;
    }
    if (c === 0x7f) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** For text that does not come through the HTTP guard (a CSV cell): true when it holds a forbidden character. */
export function hasControlCharacter(text: string): boolean {
  return hasForbiddenCharacter(text, true);
}
