import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from './credentials';

/** zxcvbn's score 3 means "safely unguessable: moderate protection from offline slow-hash attacks" (10^8 guesses). */
const MIN_PASSWORD_SCORE = 3;

// The common-password list (passwords-common, from real leaks) and diceware words, with keyboard-pattern graphs.
// Server only: the web app checks the length and shows the server's answer for the rest.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });

export type PasswordProblem = 'password_too_short' | 'password_too_common';

/**
 * A password is refused when it has fewer than 12 characters, or when it is a common password or built from one
 * (a leaked-password list, keyboard walks, repeats, sequences, dates, the username or the product's name).
 */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  const { score } = zxcvbn.check(normalized, ['servix', ...context.filter(Boolean)]);
  return score < MIN_PASSWORD_SCORE ? 'password_too_common' : null;
}
