import 'leaflet/dist/leaflet.css';
import './map.css';
import { Stack, Text } from '@mantine/core';
import { divIcon, latLngBounds, type PopupEvent } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents, ZoomControl } from 'react-leaflet';
import type { PriorityEducation, SchoolMapPoint } from '../../../api/client.ts';
import { AnchorLink } from '../../../components/anchor-link.tsx';
import { priorityKey } from '../labels.ts';

/**
 * Leaflet, loaded only with the pages that show a map (a chunk of its own).
 * Markers are HTML (`divIcon`), not Leaflet's default PNG icons: nothing to
 * fetch, so they render with no network and under the CSP. Tiles come from
 * the configured server; when it cannot be reached (no internet), the map
 * stays grey and the markers, the legend and the list still work.
 */

const ICON_SIZE = 22;
const icons = new Map<PriorityEducation, ReturnType<typeof divIcon>>();

/** One icon per priority education: colour and shape (circle, square, diamond) say the same thing. */
export function markerIcon(priority: PriorityEducation) {
  let icon = icons.get(priority);
  if (!icon) {
    icon = divIcon({
      className: 'school-marker-icon',
      html: `<span class="school-marker school-marker--${priorityKey(priority)}"></span>`,
      iconSize: [ICON_SIZE, ICON_SIZE],
      iconAnchor: [ICON_SIZE / 2, ICON_SIZE / 2],
      popupAnchor: [0, -ICON_SIZE / 2],
    });
    icons.set(priority, icon);
  }
  return icon;
}

export interface TileSource {
  readonly tileUrl: string;
  readonly attribution: string;
}

/**
 * What Leaflet's DOM lacks: the map is a named region (it takes the focus to
 * pan with the arrow keys), and the popups' close button speaks the page's
 * language (Leaflet names it in English).
 */
export function Accessibility({ label }: { label: string }) {
  const { t } = useTranslation();
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
  }, [map, label]);
  useMapEvents({
    popupopen: (event: PopupEvent) => {
      const button = event.popup.getElement()?.querySelector('.leaflet-popup-close-button');
      button?.setAttribute('aria-label', t('common.close'));
      button?.setAttribute('title', t('common.close'));
    },
  });
  return null;
}

/**
 * Leaflet's fades and zoom animations, off when the user asks for reduced
 * motion (like the theme's transitions): a popup then appears at once.
 */
export function motion() {
  const animate = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return { fadeAnimation: animate, zoomAnimation: animate, markerZoomAnimation: animate };
}

/** All the schools on an interactive map (the page beside it lists the same schools, for keyboards and screen readers). */
export function SchoolsMap({
  points,
  tiles,
  label,
  height = 480,
}: {
  points: readonly SchoolMapPoint[];
  tiles: TileSource | undefined;
  label: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const bounds = useMemo(() => latLngBounds(points.map((p) => [p.latitude, p.longitude])), [points]);
  if (points.length === 0) return null;
  return (
    <MapContainer
      {...motion()}
      bounds={bounds}
      boundsOptions={{ padding: [24, 24], maxZoom: 16 }}
      zoomControl={false}
      style={{ height, width: '100%' }}
      className="school-map"
    >
      <Accessibility label={label} />
      {tiles ? <TileLayer url={tiles.tileUrl} attribution={tiles.attribution} /> : null}
      <ZoomControl position="topleft" zoomInTitle={t('schools.map.zoomIn')} zoomOutTitle={t('schools.map.zoomOut')} />
      {points.map((point) => (
        <Marker
          key={point.id}
          position={[point.latitude, point.longitude]}
          icon={markerIcon(point.priorityEducation)}
          title={point.name}
          // The list beside the map is the keyboard's way to the schools: no 70 extra tab stops here.
          keyboard={false}
        >
          <Popup>
            <Stack gap={4}>
              <Text fw={700} size="sm">
                {point.name}
              </Text>
              <Text size="sm">
                {t('schools.uaiValue', { uai: point.uai })} · {t(`schools.kinds.${point.kind}`)}
              </Text>
              <Text size="sm">{t(`schools.priorityLong.${priorityKey(point.priorityEducation)}`)}</Text>
              <AnchorLink to="/schools/$id" params={{ id: point.id }} size="sm">
                {t('schools.map.openSchool')}
              </AnchorLink>
            </Stack>
          </Popup>
        </Marker>
      ))}
    </MapContainer>
  );
}

/** A small, still map of one school's position (its page, which gives the address in words); no controls. */
export function SchoolLocationMap({ point, tiles }: { point: SchoolMapPoint; tiles: TileSource | undefined }) {
  return (
    <MapContainer
      {...motion()}
      center={[point.latitude, point.longitude]}
      zoom={16}
      zoomControl={false}
      attributionControl
      dragging={false}
      scrollWheelZoom={false}
      doubleClickZoom={false}
      touchZoom={false}
      boxZoom={false}
      keyboard={false}
      style={{ height: 240, width: '100%' }}
      className="school-map"
    >
      {tiles ? <TileLayer url={tiles.tileUrl} attribution={tiles.attribution} /> : null}
      <Marker
        position={[point.latitude, point.longitude]}
        icon={markerIcon(point.priorityEducation)}
        keyboard={false}
        interactive={false}
      />
    </MapContainer>
  );
}
