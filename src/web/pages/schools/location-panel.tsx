import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '../../api/client.ts';
import { publicInfoQuery } from '../../auth/session.ts';
import { Panel } from '../../components/panel.tsx';
import { formatNumber } from '../../format.ts';

// Leaflet comes with its own chunk, fetched only when a school with coordinates is shown.
const SchoolLocationMap = lazy(() =>
  import('./map/leaflet-map.tsx').then((module) => ({ default: module.SchoolLocationMap })),
);

/** The school's position, when known: a small map, with the coordinates in words. */
export function LocationPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const info = useQuery(publicInfoQuery).data;
  if (school.latitude === null || school.longitude === null) return null;
  const point = {
    id: school.id,
    uai: school.uai,
    name: school.name,
    kind: school.kind,
    priorityEducation: school.priorityEducation,
    latitude: school.latitude,
    longitude: school.longitude,
  };
  return (
    <Panel title={t('schools.location.title')}>
      <figure className="school-location">
        <Suspense fallback={<Text>{t('common.loading')}</Text>}>
          <SchoolLocationMap point={point} tiles={info?.map} />
        </Suspense>
        <figcaption>
          <Text size="sm" mt="xs">
            {t('schools.location.caption', {
              latitude: formatNumber(school.latitude),
              longitude: formatNumber(school.longitude),
            })}{' '}
            {school.status !== 'closed' ? (
              <Anchor component={Link} to="/schools/map">
                {t('schools.location.allOnMap')}
              </Anchor>
            ) : null}
          </Text>
        </figcaption>
      </figure>
    </Panel>
  );
}
