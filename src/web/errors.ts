import type { TFunction } from 'i18next';
import { ApiError } from './api/client.ts';

/**
 * Turns API problems into sentences: the stable `code` picks the
 * translation (`errors.<CODE>`, `errors.fields.<code>`), the server's English
 * `detail` is the fallback for codes the UI does not know yet.
 */

export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.UNEXPECTED');
  const { problem } = error;
  const retryAfter = problem.retryAfter ?? 0;
  return t(`errors.${problem.code}`, {
    defaultValue: problem.detail || t('errors.UNEXPECTED'),
    minutes: Math.max(1, Math.ceil(retryAfter / 60)),
    seconds: retryAfter,
    requestId: problem.requestId ?? '',
  });
}

/** The form field an error path names: `body.email` → `email`, `body.schoolIds.3` → `schoolIds`. */
export function fieldOf(path: string): string {
  const parts = path.split('.');
  const start = ['body', 'query', 'params'].includes(parts[0] ?? '') ? 1 : 0;
  return parts[start] ?? path;
}

/** The innermost field an error path names: `body.location.schoolId` → `schoolId`, `body.ids.3` → `ids`. */
export function innerFieldOf(path: string): string {
  const parts = path.split('.').filter((part) => !/^\d+$/.test(part));
  return parts.at(-1) ?? path;
}

export function fieldMessage(t: TFunction, field: { message: string; code?: string }): string {
  // Custom zod messages ("invalid_email") are more precise than their issue code ("invalid_format").
  for (const key of [field.message, field.code]) {
    if (key && /^[a-z_]+$/.test(key) && t(`errors.fields.${key}`, { defaultValue: '' })) {
      return t(`errors.fields.${key}`);
    }
  }
  return field.message;
}

export interface FormProblem {
  /** Messages of fields shown in the form, by field name. */
  readonly fields: Record<string, string>;
  /** What no field of the form can show: a sentence for the whole form, or null. */
  readonly general: string | null;
}

/**
 * Splits an error into field messages (for the form fields in `known`, named
 * as the request body names them) and one general message.
 */
export function formProblem(
  t: TFunction,
  error: unknown,
  known: readonly string[],
  nameOf: (path: string) => string = fieldOf,
): FormProblem {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  const list = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  for (const item of list) {
    const name = nameOf(item.path);
    const message = fieldMessage(t, item);
    if (known.includes(name)) fields[name] ??= message;
    else unplaced.push(message);
  }
  const placed = Object.keys(fields).length > 0;
  let general: string | null = null;
  if (!error) general = null;
  else if (unplaced.length) general = `${errorMessage(t, error)} ${unplaced.join(' ')}`;
  else if (!placed) general = errorMessage(t, error);
  return { fields, general };
}
