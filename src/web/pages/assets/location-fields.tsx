import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { classesQuery, roomsQuery } from '../schools/school-queries.ts';
import { stockLocationsQuery } from './asset-queries.ts';

/** Where an asset goes: a school (and a room, a class of it), or a stock location. '' = none. */
export interface LocationValue {
  schoolId: string;
  roomId: string;
  classId: string;
  stockLocationId: string;
}

export const NO_LOCATION: LocationValue = { schoolId: '', roomId: '', classId: '', stockLocationId: '' };

export type LocationField = keyof LocationValue;

/** The request body's location: blanks as null, as the API takes them. */
export function locationBody(value: LocationValue) {
  return {
    schoolId: value.schoolId || null,
    roomId: value.roomId || null,
    classId: value.classId || null,
    stockLocationId: value.stockLocationId || null,
  };
}

export function LocationFields({
  value,
  onChange,
  errors = {},
  schoolRequired = false,
  show = ['schoolId', 'roomId', 'classId', 'stockLocationId'],
  schoolHelp,
}: {
  value: LocationValue;
  onChange: (value: LocationValue) => void;
  errors?: Partial<Record<LocationField, string | undefined>>;
  schoolRequired?: boolean;
  show?: readonly LocationField[];
  schoolHelp?: string;
}) {
  const { t } = useTranslation();
  const school = value.schoolId;
  const rooms = useQuery({ ...roomsQuery(school, false), enabled: Boolean(school) && show.includes('roomId') });
  const classes = useQuery({ ...classesQuery(school), enabled: Boolean(school) && show.includes('classId') });
  const stock = useQuery({ ...stockLocationsQuery, enabled: show.includes('stockLocationId') });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {show.includes('schoolId') ? (
        <OneSchoolPicker
          label={t('assets.fields.school')}
          description={schoolHelp ?? t('assets.fields.schoolHelp')}
          required={schoolRequired}
          value={school}
          // Rooms and classes belong to the school: a new school clears them.
          onChange={(schoolId) => onChange({ ...value, schoolId, roomId: '', classId: '' })}
          error={errors.schoolId}
        />
      ) : null}
      {show.includes('roomId') ? (
        <NativeSelect
          label={t('assets.fields.room')}
          description={school ? undefined : t('assets.fields.chooseSchoolFirst')}
          disabled={!school}
          value={value.roomId}
          onChange={(e) => onChange({ ...value, roomId: e.currentTarget.value })}
          error={errors.roomId}
          data={[
            { value: '', label: t('assets.fields.noRoom') },
            ...(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
      ) : null}
      {show.includes('classId') ? (
        <NativeSelect
          label={t('assets.fields.class')}
          description={school ? undefined : t('assets.fields.chooseSchoolFirst')}
          disabled={!school}
          value={value.classId}
          onChange={(e) => onChange({ ...value, classId: e.currentTarget.value })}
          error={errors.classId}
          data={[
            { value: '', label: t('assets.fields.noClass') },
            ...(classes.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      ) : null}
      {show.includes('stockLocationId') ? (
        <NativeSelect
          label={t('assets.fields.stockLocation')}
          value={value.stockLocationId}
          onChange={(e) => onChange({ ...value, stockLocationId: e.currentTarget.value })}
          error={errors.stockLocationId}
          data={[
            { value: '', label: t('assets.fields.noStockLocation') },
            ...(stock.data ?? []).filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      ) : null}
    </SimpleGrid>
  );
}
