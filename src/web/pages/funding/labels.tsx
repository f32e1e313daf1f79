import { Badge, Button, Group, Modal } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage, type FormProblem, fieldMessage } from '../../errors.ts';
import { currentLanguage } from '../../i18n.ts';

/** Words, amounts and rates of the funding pages, shared by them. */

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/** Basis points as a percentage ("78,69 %"). */
export function formatRate(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return new Intl.NumberFormat(locales[currentLanguage()], { style: 'percent', maximumFractionDigits: 2 }).format(
    bp / 10_000,
  );
}

/** A percentage typed in a form ("78,69") → basis points; null when blank, NaN when not a number. */
export function percentToBp(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f%]/g, '')
    .replace(',', '.');
  if (!cleaned) return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}

/** Basis points → a percentage for a form field ("78,69"). */
export function bpForInput(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  const text = String(bp / 100);
  return currentLanguage() === 'fr' ? text.replace('.', ',') : text;
}

/** `body.caps.totalCents` → `caps.totalCents`; every problem of the rate rule lands on `rateRule`. */
export function fundingFieldOf(path: string): string {
  const name = path.replace(/^(body|query|params)\./, '');
  return name.startsWith('rateRule') ? 'rateRule' : name;
}

/** Field messages of funding forms: the funding's own codes first, then the common ones. */
export function fundingFieldMessage(t: TFunction, field: { message: string; code?: string }): string {
  for (const key of [field.code, field.message]) {
    if (key && /^[a-z0-9_]+$/.test(key) && t(`funding.fieldErrors.${key}`, { defaultValue: '' })) {
      return t(`funding.fieldErrors.${key}`);
    }
  }
  return fieldMessage(t, field);
}

/**
 * Like `formProblem`, with the funding's field messages: messages for the
 * fields the form shows (`known`), one sentence for the rest.
 */
export function fundingFormProblem(
  t: TFunction,
  error: unknown,
  known: readonly string[],
  nameOf: (path: string) => string = fundingFieldOf,
): FormProblem {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
    const name = nameOf(item.path);
    const message = fundingFieldMessage(t, item);
    if (known.includes(name)) fields[name] = fields[name] ? `${fields[name]} ${message}` : message;
    else unplaced.push(message);
  }
  let general: string | null = null;
  if (error && unplaced.length) general = `${errorMessage(t, error)} ${unplaced.join(' ')}`;
  else if (error && Object.keys(fields).length === 0) general = errorMessage(t, error);
  return { fields, general };
}

/** A dialog of the funding pages: titled, closable with its labelled button. */
export function Dialog({
  title,
  onClose,
  size = 'lg',
  children,
}: {
  title: string;
  onClose: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      {children}
    </Modal>
  );
}

export function FormButtons({ onCancel, pending, submit }: { onCancel: () => void; pending: boolean; submit: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
    </Group>
  );
}

const NO_SHRINK = { minWidth: 'max-content' } as const;

/** An outlined badge whose words carry the meaning; the colour (≥ 4.5:1 on white) only groups. */
export function WordBadge({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <Badge color={colour} variant="outline" tt="none" style={NO_SHRINK} styles={{ label: { color: colour } }}>
      {children}
    </Badge>
  );
}

const ELIGIBILITY_COLOURS = { eligible: '#1e6b34', partly: '#8a4a00', not_eligible: '#a51d2d' } as const;

export function EligibilityBadge({ value }: { value: keyof typeof ELIGIBILITY_COLOURS }) {
  const { t } = useTranslation();
  return <WordBadge colour={ELIGIBILITY_COLOURS[value]}>{t(`funding.eligibility.${value}`)}</WordBadge>;
}

/** Today as a calendar day of the browser (YYYY-MM-DD). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
