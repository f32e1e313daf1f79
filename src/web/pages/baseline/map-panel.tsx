import { Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { type ComplianceSchool, complianceQuery } from './baseline-queries.ts';
import { visibleSchools } from './compliance-panel.tsx';
import { BaselineFilters, useBaselineSearch } from './filters.tsx';
import { formatPct, type SchoolState, SchoolStateBadge, stateOf } from './labels.tsx';
import { filtersOf } from './search.ts';

/**
 * The schools placed by their coordinates, drawn in SVG: no tiles to fetch,
 * so it works offline and under the CSP. Each status has its colour AND its
 * shape (disc, triangle, square), named in the legend; the table below gives
 * the same schools in words, for keyboards and screen readers.
 */

const WIDTH = 760;
const HEIGHT = 520;
const PAD = 24;
const COLOURS: Record<SchoolState, string> = { at_socle: '#1e6b34', not_at_socle: '#a51d2d', out_of_scope: '#495057' };
const STATES: readonly SchoolState[] = ['at_socle', 'not_at_socle', 'out_of_scope'];

export function Shape({ state, x, y, size = 7 }: { state: SchoolState; x: number; y: number; size?: number }) {
  const fill = COLOURS[state];
  if (state === 'at_socle') return <circle cx={x} cy={y} r={size} fill={fill} stroke="#fff" strokeWidth="1.5" />;
  if (state === 'not_at_socle')
    return (
      <polygon
        points={`${x},${y - size * 1.2} ${x + size * 1.1},${y + size * 0.9} ${x - size * 1.1},${y + size * 0.9}`}
        fill={fill}
        stroke="#fff"
        strokeWidth="1.5"
      />
    );
  return (
    <rect
      x={x - size * 0.85}
      y={y - size * 0.85}
      width={size * 1.7}
      height={size * 1.7}
      fill={fill}
      stroke="#fff"
      strokeWidth="1.5"
    />
  );
}

function LegendShape({ state }: { state: SchoolState }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <Shape state={state} x={9} y={9} size={6} />
    </svg>
  );
}

function project(points: ComplianceSchool[]) {
  const placed = points.filter((p) => p.latitude !== null && p.longitude !== null) as (ComplianceSchool & {
    latitude: number;
    longitude: number;
  })[];
  if (placed.length === 0) return [];
  const lats = placed.map((p) => p.latitude);
  const lons = placed.map((p) => p.longitude);
  const meanLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const minX = Math.min(...lons) * k;
  const maxX = Math.max(...lons) * k;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const scale = Math.min(
    (WIDTH - 2 * PAD) / Math.max(maxX - minX, 1e-6),
    (HEIGHT - 2 * PAD) / Math.max(maxY - minY, 1e-6),
  );
  const offsetX = (WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
  return placed.map((p) => ({
    school: p,
    x: offsetX + (p.longitude * k - minX) * scale,
    y: HEIGHT - (offsetY + (p.latitude - minY) * scale),
  }));
}

export function MapPanel() {
  const { t } = useTranslation();
  const { search } = useBaselineSearch();
  const compliance = useQuery({ ...complianceQuery(filtersOf(search)), placeholderData: keepPreviousData });
  const schools = visibleSchools(compliance.data, { ...search, sort: 'name', order: undefined });
  const points = project(schools);
  const unplaced = schools.length - points.length;
  return (
    <Stack gap="lg">
      <BaselineFilters scopeToggle />
      {compliance.isError ? <FormAlert kind="error">{errorMessage(t, compliance.error)}</FormAlert> : null}
      {compliance.isPending ? <Text>{t('common.loading')}</Text> : null}
      {compliance.data ? (
        <Stack gap="sm" component="figure" m={0} aria-labelledby="baseline-map-title">
          <Title order={2} size="h3" id="baseline-map-title" component="figcaption">
            {t('baseline.map.title')}
          </Title>
          <Text>{t('baseline.map.intro')}</Text>
          <Group component="ul" gap="lg" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {STATES.map((state) => (
              <Group component="li" key={state} gap={6} wrap="nowrap">
                <LegendShape state={state} />
                <Text size="sm">
                  {t('baseline.map.legendItem', {
                    label: t(`baseline.state.${state}`),
                    count: formatNumber(schools.filter((s) => stateOf(s) === state).length),
                  })}
                </Text>
              </Group>
            ))}
          </Group>
          {points.length > 0 ? (
            <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
              <svg
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                width="100%"
                style={{ maxWidth: WIDTH, minWidth: 420, background: '#f1f3f5', border: '1px solid #adb5bd' }}
                aria-hidden="true"
                focusable="false"
              >
                {points.map((p) => (
                  <g key={p.school.id}>
                    <title>{p.school.name}</title>
                    <Shape state={stateOf(p.school)} x={p.x} y={p.y} />
                  </g>
                ))}
              </svg>
            </div>
          ) : null}
          {unplaced > 0 ? <Text size="sm">{t('baseline.map.unplaced', { count: unplaced })}</Text> : null}
        </Stack>
      ) : null}
      {schools.length > 0 ? (
        <TableScroll labelledBy="baseline-map-caption">
          <Table striped verticalSpacing="xs">
            <caption id="baseline-map-caption">
              <VisuallyHidden>{t('baseline.map.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('baseline.compliance.sorts.name')}</Table.Th>
                <Table.Th scope="col">{t('baseline.compliance.sorts.uai')}</Table.Th>
                <Table.Th scope="col">{t('baseline.filters.circonscription')}</Table.Th>
                <Table.Th scope="col">{t('baseline.compliance.sorts.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('baseline.compliance.sorts.score')}
                </Table.Th>
                <Table.Th scope="col">{t('baseline.map.coordinates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <AnchorLink to="/schools/$id" params={{ id: s.id }}>
                      {s.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    <code>{s.uai}</code>
                  </Table.Td>
                  <Table.Td>{s.circonscription ?? '—'}</Table.Td>
                  <Table.Td>
                    <SchoolStateBadge school={s} />
                  </Table.Td>
                  <Table.Td ta="right">{s.inScope ? formatPct(s.scorePct) : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {s.latitude !== null && s.longitude !== null
                      ? `${s.latitude.toFixed(4)}, ${s.longitude.toFixed(4)}`
                      : t('baseline.map.noCoordinates')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Stack>
  );
}
