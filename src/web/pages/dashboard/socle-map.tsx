import 'leaflet/dist/leaflet.css';
import '../schools/map/map.css';
import { Stack, Text } from '@mantine/core';
import { divIcon, latLngBounds } from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, Popup, TileLayer, ZoomControl } from 'react-leaflet';
import { AnchorLink } from '../../components/anchor-link.tsx';
import type { SchoolState } from '../baseline/labels.tsx';
import { Accessibility, motion, type TileSource } from '../schools/map/leaflet-map.tsx';
import type { DashboardSchool } from './dashboard-queries.ts';
import { socleShapeSvg } from './socle-shapes.tsx';

/**
 * The schools on the interactive map (Leaflet, a chunk of its own), each
 * marker coloured AND shaped by its socle status: disc at the socle,
 * triangle below, square out of the grid's scope — the same shapes as the
 * socle page's map and the legend beside it. The per-school table below the
 * map gives the same statuses in words, for keyboards and screen readers.
 */

const icons = new Map<SchoolState, ReturnType<typeof divIcon>>();
function iconOf(state: SchoolState) {
  let icon = icons.get(state);
  if (!icon) {
    icon = divIcon({
      className: 'socle-marker-icon',
      html: socleShapeSvg(state),
      iconSize: [22, 22],
      iconAnchor: [11, 11],
      popupAnchor: [0, -11],
    });
    icons.set(state, icon);
  }
  return icon;
}

export function SocleMap({
  schools,
  tiles,
  label,
}: {
  schools: readonly DashboardSchool[];
  tiles: TileSource | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  const placed = useMemo(
    () =>
      schools.filter(
        (s): s is DashboardSchool & { latitude: number; longitude: number; socle: SchoolState } =>
          s.latitude !== null && s.longitude !== null && s.socle !== null,
      ),
    [schools],
  );
  const bounds = useMemo(() => latLngBounds(placed.map((p) => [p.latitude, p.longitude])), [placed]);
  if (placed.length === 0) return null;
  return (
    <MapContainer
      {...motion()}
      bounds={bounds}
      boundsOptions={{ padding: [24, 24], maxZoom: 16 }}
      zoomControl={false}
      style={{ height: 420, width: '100%' }}
      className="school-map"
    >
      <Accessibility label={label} />
      {tiles ? <TileLayer url={tiles.tileUrl} attribution={tiles.attribution} /> : null}
      <ZoomControl position="topleft" zoomInTitle={t('schools.map.zoomIn')} zoomOutTitle={t('schools.map.zoomOut')} />
      {placed.map((school) => (
        <Marker
          key={school.id}
          position={[school.latitude, school.longitude]}
          icon={iconOf(school.socle)}
          title={`${school.name} — ${t(`baseline.state.${school.socle}`)}`}
          // The table below is the keyboard's way to the schools.
          keyboard={false}
        >
          <Popup>
            <Stack gap={4}>
              <Text fw={700} size="sm">
                {school.name}
              </Text>
              <Text size="sm">{t(`baseline.state.${school.socle}`)}</Text>
              <AnchorLink to="/home" search={{ school: school.id }} size="sm">
                {t('dashboard.map.openSchool')}
              </AnchorLink>
            </Stack>
          </Popup>
        </Marker>
      ))}
    </MapContainer>
  );
}
