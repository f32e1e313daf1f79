import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PriorityEducation, SchoolStatus } from '../../api/client.ts';
import { priorityKey } from './labels.ts';

/**
 * Colours of priority education, shared by badges, map markers and the map
 * legend. Each carries white text at ≥ 6.8:1 and stands at ≥ 4:1 against
 * map tiles; shapes and words say the same, for whoever does not see colours.
 */
export const PRIORITY_COLOURS: Record<PriorityEducation, string> = {
  none: '#1d4a87',
  REP: '#8a4a00',
  'REP+': '#a51d2d',
};

// A badge keeps its words whole in a narrow table column (Mantine's would shrink to an ellipsis).
const NO_SHRINK = { minWidth: 'max-content' } as const;

/** REP / REP+ as a badge; nothing for schools outside priority education (the column says "—"). */
export function PriorityBadge({ value }: { value: PriorityEducation }) {
  const { t } = useTranslation();
  if (value === 'none') {
    return <span>{t('schools.priority.none')}</span>;
  }
  return (
    <Badge color={PRIORITY_COLOURS[value]} variant="filled" tt="none" style={NO_SHRINK}>
      {t(`schools.priority.${priorityKey(value)}`)}
    </Badge>
  );
}

const STATUS_COLOURS: Record<SchoolStatus, string> = { open: '#1e6b34', closing: '#8a4a00', closed: '#495057' };

export function StatusBadge({ value }: { value: SchoolStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[value]}
      variant="outline"
      tt="none"
      style={NO_SHRINK}
      styles={{ label: { color: STATUS_COLOURS[value] } }}
    >
      {t(`schools.status.${value}`)}
    </Badge>
  );
}
