import type { Level, PriorityEducation, RoomKind, SchoolKind, SchoolNetwork, SchoolStatus } from '../../api/client.ts';

/** The enumerations of the schools registry, in display order (labels: `schools.<enum>.<value>` in locales). */

export const SCHOOL_KINDS = [
  'maternelle',
  'elementaire',
  'primaire',
  'application',
] as const satisfies readonly SchoolKind[];

export const PRIORITY_EDUCATION = ['none', 'REP', 'REP+'] as const satisfies readonly PriorityEducation[];

export const SCHOOL_STATUSES = ['open', 'closing', 'closed'] as const satisfies readonly SchoolStatus[];

export const LEVELS = ['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const satisfies readonly Level[];

export const ROOM_KINDS = [
  'classroom',
  'computer_room',
  'library',
  'staff_room',
  'office',
  'technical',
  'periscolaire',
  'other',
] as const satisfies readonly RoomKind[];

type NonNull<T> = Exclude<T, null>;

export const INTERNET_ACCESS = [
  'fibre',
  'vdsl',
  'adsl',
  'cable',
  '4g_5g',
  'satellite',
  'other',
  'none',
] as const satisfies readonly NonNull<SchoolNetwork['internetAccess']>[];

export const WIRED_NETWORK = ['yes', 'partial', 'no'] as const satisfies readonly NonNull<
  SchoolNetwork['wiredNetwork']
>[];

/** Translation key suffix of a priority education value (`REP+` is not a good key). */
export function priorityKey(value: PriorityEducation): 'none' | 'rep' | 'repPlus' {
  return value === 'REP+' ? 'repPlus' : value === 'REP' ? 'rep' : 'none';
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
