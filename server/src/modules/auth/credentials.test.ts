import { describe, expect, it } from 'vitest';
import { normalizeUsername, passwordLongEnough, scriptsOf, usernameMixesScripts } from './credentials';
import { passwordProblem } from './password-strength';

describe('passwords', () => {
  it('refuses fewer than 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('12345678')).toBe('password_too_short');
    expect(passwordProblem('Xq7!vR2#pL9')).toBe('password_too_short');
    expect(passwordProblem('щЖ7!юР2#пЛ9я')).toBeNull();
    expect(passwordLongEnough('ＡＢＣ'.repeat(4))).toBe(true);
    expect(passwordLongEnough('😀'.repeat(11))).toBe(false);
  });

  it('refuses common passwords and ones built from them, however long', () => {
    for (const p of [
      '123456789012',
      'password1234',
      'qwertyuiop12',
      'aaaaaaaaaaaa',
      'iloveyou1234',
      'abcdefghijkl',
    ]) {
      expect(passwordProblem(p), p).toBe('password_too_common');
    }
  });

  it('refuses the username or the product name dressed up', () => {
    expect(passwordProblem('servixservix', [])).toBe('password_too_common');
    expect(passwordProblem('georgi.petrov1', ['georgi.petrov'])).toBe('password_too_common');
  });

  it('accepts long, unusual passwords', () => {
    for (const p of [
      'admin-secret-1',
      'servix-demo-2026',
      'e2e-Парола-2026',
      'priemna-2026',
      'correct-horse-battery',
    ]) {
      expect(passwordProblem(p), p).toBeNull();
    }
  });
});

describe('usernames', () => {
  it('are NFKC-normalised, trimmed and lower-cased', () => {
    expect(normalizeUsername('  ＡＤＭＩＮ ')).toBe('admin');
    expect(normalizeUsername('Иван.Петров')).toBe('иван.петров');
  });

  it('may not mix scripts: a Cyrillic "а" in "admin" is refused', () => {
    expect(usernameMixesScripts('\u0430dmin')).toBe(true);
    expect(usernameMixesScripts('pаypal')).toBe(true);
    expect(usernameMixesScripts('αdmin')).toBe(true);
    expect(usernameMixesScripts('admin')).toBe(false);
    expect(usernameMixesScripts('иван.петров-2')).toBe(false);
    expect(usernameMixesScripts('ivan_petrov@servix')).toBe(false);
  });

  it('names the scripts of the letters only', () => {
    expect([...scriptsOf('ivan-42')]).toEqual(['Latin']);
    expect([...scriptsOf('иvan')].sort()).toEqual(['Cyrillic', 'Latin']);
    expect(scriptsOf('1234._-').size).toBe(0);
  });
});
