import { Group, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { WordBadge } from '../funding/labels.tsx';
import type {
  CriterionRef,
  CriterionResult,
  CriterionStatus,
  GapItem,
  GridRule,
  SchoolBaseline,
} from './baseline-queries.ts';

/** Words, marks and badges of the socle numérique pages, shared by them and the school page's panel. */

// Each colour reaches ≥ 4.5:1 as text on white; the mark's shape and the words say the status, the colour only groups.
export const STATUS_COLOURS: Record<CriterionStatus, string> = {
  met: '#1e6b34',
  partly: '#8a4a00',
  missing: '#a51d2d',
  unknown: '#495057',
};
export const STATUS_MARKS: Record<CriterionStatus, string> = { met: '✓', partly: '◐', missing: '✗', unknown: '?' };

export type SchoolState = 'at_socle' | 'not_at_socle' | 'out_of_scope';
const STATE_COLOURS: Record<SchoolState, string> = {
  at_socle: '#1e6b34',
  not_at_socle: '#a51d2d',
  out_of_scope: '#495057',
};
export const STATE_MARKS: Record<SchoolState, string> = { at_socle: '✓', not_at_socle: '✗', out_of_scope: '–' };

export function stateOf(school: { inScope: boolean; atSocle: boolean }): SchoolState {
  return !school.inScope ? 'out_of_scope' : school.atSocle ? 'at_socle' : 'not_at_socle';
}

export function SchoolStateBadge({ school }: { school: { inScope: boolean; atSocle: boolean } }) {
  const { t } = useTranslation();
  const state = stateOf(school);
  return (
    <WordBadge colour={STATE_COLOURS[state]}>
      <span aria-hidden="true">{STATE_MARKS[state]} </span>
      {t(`baseline.state.${state}`)}
    </WordBadge>
  );
}

/** A criterion's status: its mark and its word (or, compact, a short word with the full one for screen readers). */
export function StatusMark({
  status,
  compact = false,
  detail,
  label,
}: {
  status: CriterionStatus;
  compact?: boolean;
  /** Shown after the mark instead of the short word ("5/6" classes). */
  detail?: string;
  /** What a screen reader hears instead of the status word. */
  label?: string;
}) {
  const { t } = useTranslation();
  const colour = STATUS_COLOURS[status];
  return (
    <Text component="span" fw={600} c={colour} style={{ whiteSpace: 'nowrap' }} size={compact ? 'sm' : undefined}>
      <span aria-hidden="true">
        {STATUS_MARKS[status]} {compact ? (detail ?? t(`baseline.statusShort.${status}`)) : null}
      </span>
      {compact ? <VisuallyHidden>{label ?? t(`baseline.status.${status}`)}</VisuallyHidden> : null}
      {compact ? null : (label ?? t(`baseline.status.${status}`))}
    </Text>
  );
}

/** A percentage ("93,3 %"), its sign kept on the number's line. */
export const formatPct = (value: number) => `${formatNumber(Math.round(value * 10) / 10)}\u00a0%`;

export function criterionLabel(criterion: { labelFr: string; labelEn: string } | undefined, key = ''): string {
  if (!criterion) return key;
  return currentLanguage() === 'en' ? criterion.labelEn : criterion.labelFr;
}

export function reasonText(t: TFunction, code: string): string {
  return t(`baseline.reasons.${code}`, { defaultValue: code });
}

const FIXED_ITEMS = ['internet', 'wifi_switch', 'MDM', 'training'];
const SERVICE_KIND_KEYS = ['ent', 'cloud', 'school_server', 'resources', 'software', 'mdm', 'filtering', 'other'];

/** What a gap item buys or does, in words: a category's name, a fixed work, or a service's name. */
export function itemLabel(t: TFunction, item: GapItem, categories: SchoolBaseline['categories']): string {
  if (item.kind === 'equipment' && item.categoryCode) {
    const category = categories[item.categoryCode];
    if (category) return currentLanguage() === 'en' ? category.nameEn : category.nameFr;
    return item.categoryCode;
  }
  if (FIXED_ITEMS.includes(item.label)) return t(`baseline.items.${item.label}`);
  if (SERVICE_KIND_KEYS.includes(item.label)) return t(`services.kind.${item.label}`);
  return item.label;
}

export function itemKindLabel(t: TFunction, kind: GapItem['kind']): string {
  return t(`baseline.itemKinds.${kind}`);
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const pct = (bp: number | null) =>
  bp === null
    ? '—'
    : new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(bp / 10_000);

/** The figures behind a status, in words ("13 appareils / 13 requis"); the shape of `measures` says the rule. */
export function measuresText(t: TFunction, result: Pick<CriterionResult, 'measures'>): string {
  const m = result.measures;
  const parts: string[] = [];
  if ('devices' in m) {
    parts.push(t('baseline.measures.devices', { count: num(m.devices) ?? 0 }));
  } else if ('counted' in m) {
    parts.push(
      t('baseline.measures.pupilDevices', {
        counted: formatNumber(num(m.counted) ?? 0),
        required: formatNumber(num(m.required) ?? 0),
      }),
    );
    if (num(m.onLoan)) parts.push(t('baseline.measures.onLoan', { count: num(m.onLoan) ?? 0 }));
    if (num(m.inRepair)) parts.push(t('baseline.measures.inRepair', { count: num(m.inRepair) ?? 0 }));
    parts.push(t('baseline.measures.enrolled', { count: num(m.enrolled) ?? 0 }));
    parts.push(t('baseline.measures.carts', { count: num(m.carts) ?? 0 }));
  } else if ('requiredMbps' in m) {
    const access =
      typeof m.access === 'string'
        ? t(`schools.network.access.${m.access}`, { defaultValue: m.access })
        : t('baseline.measures.accessUnknown');
    parts.push(access);
    parts.push(
      num(m.downMbps) === null
        ? t('baseline.measures.bandwidthUnknown', { required: formatNumber(num(m.requiredMbps) ?? 0) })
        : t('baseline.measures.bandwidth', {
            down: formatNumber(num(m.downMbps) ?? 0),
            required: formatNumber(num(m.requiredMbps) ?? 0),
          }),
    );
  } else if ('accessPoints' in m) {
    parts.push(
      t('baseline.measures.accessPoints', {
        count: num(m.accessPoints) ?? 0,
        required: formatNumber(num(m.required) ?? 0),
      }),
    );
    if (num(m.notSwitchable)) parts.push(t('baseline.measures.notSwitchable', { count: num(m.notSwitchable) ?? 0 }));
  } else if ('held' in m) {
    parts.push(
      t('baseline.measures.services', {
        held: formatNumber(num(m.held) ?? 0),
        wanted: formatNumber(num(m.wanted) ?? 0),
      }),
    );
    const missing = typeof m.missingKinds === 'string' && m.missingKinds ? m.missingKinds.split(',') : [];
    if (missing.length)
      parts.push(
        t('baseline.measures.missingKinds', {
          kinds: missing.map((k) => t(`services.kind.${k}`, { defaultValue: k })).join(', '),
        }),
      );
  } else if ('requiredShareBp' in m) {
    parts.push(
      num(m.teachers) === null
        ? t('baseline.measures.trainingUnknown', { required: pct(num(m.requiredShareBp)) })
        : t('baseline.measures.training', {
            trained: formatNumber(num(m.trained) ?? 0),
            teachers: formatNumber(num(m.teachers) ?? 0),
            share: pct(num(m.shareBp)),
            required: pct(num(m.requiredShareBp)),
          }),
    );
  }
  return parts.join(' · ');
}

const yesNo = (t: TFunction, value: boolean) => t(value ? 'baseline.grid.yes' : 'baseline.grid.no');

/** A rule's thresholds in words, for the grid in force. */
export function ruleText(t: TFunction, rule: GridRule, categoryName: (code: string) => string = (c) => c): string {
  switch (rule.kind) {
    case 'class_device':
      return t('baseline.rules.class_device', {
        roles: rule.roles.map((r) => t(`assets.roles.${r}`, { defaultValue: r })).join(', '),
        category: categoryName(rule.gapCategory),
      });
    case 'pupil_devices':
      return t('baseline.rules.pupil_devices', {
        count: rule.devicesPer4Classes,
        onLoan: yesNo(t, rule.countOnLoan),
        cart: yesNo(t, rule.requireCart),
        mdm: yesNo(t, rule.requireMdm),
        category: categoryName(rule.gapCategory),
        cartCategory: categoryName(rule.cartCategory),
        capacity: rule.cartCapacity,
        mdmCost: formatMoney(rule.mdmCostPerDeviceCents),
      });
    case 'internet':
      return t('baseline.rules.internet', {
        mbps: formatNumber(rule.minDownMbps),
        cost: formatMoney(rule.upgradeCostCents),
      });
    case 'wifi':
      return t('baseline.rules.wifi', {
        classes: formatNumber(rule.classesPerAccessPoint),
        switchable: yesNo(t, rule.requireSwitchableOff),
        category: categoryName(rule.gapCategory),
        cost: formatMoney(rule.switchRetrofitCostCents),
      });
    case 'service':
      return t(rule.mode === 'any' ? 'baseline.rules.serviceAny' : 'baseline.rules.serviceAll', {
        kinds: rule.serviceKinds.map((k) => t(`services.kind.${k}`, { defaultValue: k })).join(', '),
        server: yesNo(t, rule.serverCounts),
        cost: formatMoney(rule.fallbackCostCents),
      });
    case 'training':
      return t('baseline.rules.training', { share: pct(rule.minShareBp), cost: formatMoney(rule.costPerTeacherCents) });
  }
}

/** "Tous les critères, C1 … C8": the numbered columns of compact tables, with their full names. */
export function CriteriaLegend({ criteria }: { criteria: readonly CriterionRef[] }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('baseline.compliance.legend')}</summary>
      <Group component="ol" gap={4} mt="xs" style={{ flexDirection: 'column', alignItems: 'flex-start' }}>
        {criteria.map((c) => (
          <li key={c.key}>
            {criterionLabel(c)} ({t(`baseline.level.${c.level}`)})
          </li>
        ))}
      </Group>
      <Text size="sm" mt="xs">
        {(['met', 'partly', 'missing', 'unknown'] as const)
          .map((s) => `${STATUS_MARKS[s]} ${t(`baseline.status.${s}`)}`)
          .join(' · ')}
      </Text>
    </details>
  );
}
