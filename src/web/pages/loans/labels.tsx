import { Badge, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage, type FormProblem, fieldMessage } from '../../errors.ts';
import { currentLanguage } from '../../i18n.ts';
import type { EligibilityReason, LoanStatus, RequestStatus } from './loan-queries.ts';

/** Words and badges of family loans, shared by their pages. */

// Each colour reaches ≥ 4.5:1 as text on white; the words say the status, the colour only groups.
const REQUEST_COLOURS: Record<RequestStatus, string> = {
  pending: '#5c4b00',
  approved: '#1d4a87',
  allocated: '#1e6b34',
  rejected: '#a51d2d',
  cancelled: '#495057',
};

const LOAN_COLOURS: Record<LoanStatus, string> = {
  allocated: '#5c4b00',
  accepted: '#1d4a87',
  handed_over: '#8a4a00',
  returned: '#6b3fa0',
  closed: '#1e6b34',
  cancelled: '#495057',
};

const NO_SHRINK = { minWidth: 'max-content' } as const;

export function RequestStatusBadge({ value }: { value: RequestStatus }) {
  const { t } = useTranslation();
  const colour = REQUEST_COLOURS[value];
  return (
    <Badge color={colour} variant="outline" tt="none" style={NO_SHRINK} styles={{ label: { color: colour } }}>
      {t(`loans.requestStatus.${value}`)}
    </Badge>
  );
}

export function LoanStatusBadge({ value, overdue = false }: { value: LoanStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  const colour = LOAN_COLOURS[value];
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colour} variant="outline" tt="none" style={NO_SHRINK} styles={{ label: { color: colour } }}>
        {t(`loans.status.${value}`)}
      </Badge>
      {overdue ? (
        <Badge color="#a51d2d" variant="filled" tt="none" style={NO_SHRINK}>
          {t('loans.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** A reason of an eligibility decision, in the language of the interface (its code when unknown). */
export function reasonLabel(reasons: readonly EligibilityReason[] | undefined, code: string): string {
  const reason = reasons?.find((r) => r.code === code);
  if (!reason) return code;
  return currentLanguage() === 'en' ? reason.labelEn : reason.labelFr;
}

/** Field messages of loan forms: the loans' own codes first, then the common ones. */
export function loanFieldMessage(t: TFunction, field: { message: string; code?: string }): string {
  for (const key of [field.message, field.code]) {
    if (key && /^[a-z_]+$/.test(key) && t(`loans.fieldErrors.${key}`, { defaultValue: '' })) {
      return t(`loans.fieldErrors.${key}`);
    }
  }
  return fieldMessage(t, field);
}

/** A household as lists show it: its pseudonym only. */
export function householdLabel(t: TFunction, household: { pseudonym: string; purged: boolean }): string {
  return household.purged ? t('loans.purgedHousehold', { pseudonym: household.pseudonym }) : household.pseudonym;
}

/** `body.household.contacts.0.email` → `household.contacts.0.email`: loan forms name fields by their whole path. */
export function bodyPath(path: string): string {
  return path.replace(/^(body|query|params)\./, '');
}

/**
 * Like `formProblem`, with the loans' field messages: messages for the
 * fields the form shows (`known`, named by `nameOf`), one sentence for the rest.
 */
export function loanFormProblem(
  t: TFunction,
  error: unknown,
  known: readonly string[],
  nameOf: (path: string) => string = bodyPath,
): FormProblem {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
    const name = nameOf(item.path);
    const message = loanFieldMessage(t, item);
    if (known.includes(name)) fields[name] ??= message;
    else unplaced.push(message);
  }
  let general: string | null = null;
  if (error && unplaced.length) general = `${errorMessage(t, error)} ${unplaced.join(' ')}`;
  else if (error && Object.keys(fields).length === 0) general = errorMessage(t, error);
  return { fields, general };
}
