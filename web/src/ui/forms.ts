import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, messageOf } from '../api/client';

type Issue = z.core.$ZodIssue;

function messageOfIssue(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: Number(issue.minimum) });
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: Number(issue.maximum) })
        : t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.invalidEmail') : t('validation.invalid');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('validation.required')
        : t('validation.invalid');
    case 'custom': {
      // A rule of the server's schema with its own code (e.g. password_too_short): its text when there is one.
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string'
        ? t(`validation.codes.${code}`, { defaultValue: t('validation.invalid') })
        : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks a request body with the server's own zod schema before sending it, so the user sees the same
 * rules at once, in their language, on the right input (paths as Mantine form names them: "a.0.b").
 */
export function schemaErrors(schema: z.ZodType, body: unknown, t: TFunction): Record<string, string> {
  const result = schema.safeParse(body);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path && !(path in errors)) errors[path] = messageOfIssue(issue, t);
  }
  return errors;
}

export interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/** Where a server field error goes on a form: the input's path, or null when the form has no such input. */
export type FieldOf = (serverField: string) => string | null;

/** The inputs of a simple form, named exactly like the request body's fields. */
export const fieldsIn =
  (fields: readonly string[]): FieldOf =>
  (f) =>
    fields.includes(f) ? f : null;

/**
 * Puts the server's field errors on the form's inputs. Returns the message to show above the form when
 * some error has no input here (or the error names no field at all), else null.
 */
export function showServerErrors(form: FormWithErrors, error: unknown, fieldOf: FieldOf): string | null {
  if (!(error instanceof ApiError)) return messageOf(error);
  const onInputs: Record<string, string> = {};
  let unplaced = false;
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const input = fieldOf(field);
    if (input === null) unplaced = true;
    else onInputs[input] ??= message;
  }
  form.setErrors(onInputs);
  return Object.keys(onInputs).length === 0 || unplaced ? error.problem.detail : null;
}
