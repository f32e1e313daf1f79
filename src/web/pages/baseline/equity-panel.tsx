import { Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { PRIORITY_COLOURS } from '../schools/badges.tsx';
import { priorityKey } from '../schools/labels.ts';
import { type Equity, equityQuery, type Priority } from './baseline-queries.ts';
import { formatPct, SchoolStateBadge } from './labels.tsx';
import { PRIORITIES } from './search.ts';

/**
 * Equity: are priority-education schools as well equipped as the others?
 * A scatter of IPS (social position index) against pupil devices per pupil,
 * drawn in SVG for the eye; the tables beside it carry every figure. Shape
 * and colour both say the priority education, a filled mark says "at socle".
 */

const WIDTH = 760;
const HEIGHT = 420;
const LEFT = 64;
const BOTTOM = 48;
const TOP = 16;
const RIGHT = 16;

function Mark({
  priority,
  x,
  y,
  filled,
  size = 7,
}: {
  priority: Priority;
  x: number;
  y: number;
  filled: boolean;
  size?: number;
}) {
  const colour = PRIORITY_COLOURS[priority];
  const props = { fill: filled ? colour : '#fff', stroke: colour, strokeWidth: 2 };
  if (priority === 'none') return <circle cx={x} cy={y} r={size} {...props} />;
  if (priority === 'REP') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...props} />;
  return (
    <polygon
      points={`${x},${y - size * 1.3} ${x + size * 1.3},${y} ${x},${y + size * 1.3} ${x - size * 1.3},${y}`}
      {...props}
    />
  );
}

const ratio = (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v * 1000) / 1000));

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

function Scatter({ schools }: { schools: Equity['schools'] }) {
  const { t } = useTranslation();
  const points = schools.filter((s) => s.ips !== null && s.devicesPerPupil !== null) as (Equity['schools'][number] & {
    ips: number;
    devicesPerPupil: number;
  })[];
  if (points.length === 0) return <Text>{t('baseline.equity.noPoints')}</Text>;
  const ipsMin = Math.floor(Math.min(...points.map((p) => p.ips)) / 10) * 10;
  const ipsMax = Math.ceil(Math.max(...points.map((p) => p.ips)) / 10) * 10;
  const dMax = Math.max(0.1, ...points.map((p) => p.devicesPerPupil));
  const x = (v: number) => LEFT + ((v - ipsMin) / Math.max(ipsMax - ipsMin, 1)) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => HEIGHT - BOTTOM - (v / dMax) * (HEIGHT - BOTTOM - TOP);
  return (
    <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, minWidth: 420 }}
        aria-hidden="true"
        focusable="false"
      >
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="#495057" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={HEIGHT - BOTTOM} stroke="#495057" />
        {niceTicks(ipsMin, ipsMax).map((v) => (
          <g key={`x${v}`}>
            <line x1={x(v)} x2={x(v)} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM + 5} stroke="#495057" />
            <text x={x(v)} y={HEIGHT - BOTTOM + 18} textAnchor="middle" fontSize="11" fill="#1a1b1e">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {niceTicks(0, dMax).map((v) => (
          <g key={`y${v}`}>
            <line x1={LEFT - 5} x2={LEFT} y1={y(v)} y2={y(v)} stroke="#495057" />
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} stroke="#dee2e6" />
            <text x={LEFT - 8} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize="11" fill="#1a1b1e">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="12" fill="#1a1b1e">
          {t('baseline.equity.xAxis')}
        </text>
        <text
          x={14}
          y={(TOP + HEIGHT - BOTTOM) / 2}
          textAnchor="middle"
          fontSize="12"
          fill="#1a1b1e"
          transform={`rotate(-90 14 ${(TOP + HEIGHT - BOTTOM) / 2})`}
        >
          {t('baseline.equity.yAxis')}
        </text>
        {points.map((p) => (
          <g key={p.id}>
            <title>{p.name}</title>
            <Mark priority={p.priorityEducation} x={x(p.ips)} y={y(p.devicesPerPupil)} filled={p.atSocle} />
          </g>
        ))}
      </svg>
    </div>
  );
}

export function EquityPanel() {
  const { t } = useTranslation();
  const equity = useQuery(equityQuery);
  const data = equity.data;
  return (
    <Stack gap="lg">
      {equity.isError ? <FormAlert kind="error">{errorMessage(t, equity.error)}</FormAlert> : null}
      {equity.isPending ? <Text>{t('common.loading')}</Text> : null}
      {data ? (
        <>
          <TableScroll labelledBy="baseline-equity-groups">
            <Table striped verticalSpacing="xs">
              <caption id="baseline-equity-groups" style={{ textAlign: 'left', fontWeight: 700, captionSide: 'top' }}>
                {t('baseline.equity.groupsCaption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('baseline.filters.priority')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.schools')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.atSocle')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.devicesPerPupil')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.meanIps')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.meanScore')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {PRIORITIES.map((priority) => {
                  const g = data.groups.find((x) => x.priority === priority);
                  if (!g) return null;
                  return (
                    <Table.Tr key={priority}>
                      <Table.Th scope="row">{t(`schools.priorityLong.${priorityKey(priority)}`)}</Table.Th>
                      <Table.Td ta="right">{formatNumber(g.schools)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.atSocle)}</Table.Td>
                      <Table.Td ta="right">{ratio(g.devicesPerPupil)}</Table.Td>
                      <Table.Td ta="right">
                        {g.meanIps === null ? '—' : formatNumber(Math.round(g.meanIps * 10) / 10)}
                      </Table.Td>
                      <Table.Td ta="right">{g.meanScorePct === null ? '—' : formatPct(g.meanScorePct)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Stack gap="sm" component="figure" m={0} aria-labelledby="baseline-equity-chart">
            <Title order={2} size="h3" id="baseline-equity-chart" component="figcaption">
              {t('baseline.equity.chartTitle')}
            </Title>
            <Text>{t('baseline.equity.chartIntro')}</Text>
            <Group component="ul" gap="lg" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {PRIORITIES.map((priority) => (
                <Group component="li" key={priority} gap={6} wrap="nowrap">
                  <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <Mark priority={priority} x={10} y={10} filled size={6} />
                  </svg>
                  <Text size="sm">{t(`schools.priorityLong.${priorityKey(priority)}`)}</Text>
                </Group>
              ))}
              <Group component="li" gap={6} wrap="nowrap">
                <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                  <Mark priority="none" x={10} y={10} filled={false} size={6} />
                </svg>
                <Text size="sm">{t('baseline.equity.hollow')}</Text>
              </Group>
            </Group>
            <Scatter schools={data.schools} />
          </Stack>
          <TableScroll labelledBy="baseline-equity-schools">
            <Table striped verticalSpacing="xs">
              <caption id="baseline-equity-schools">
                <VisuallyHidden>{t('baseline.equity.schoolsCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('baseline.compliance.sorts.name')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.filters.priority')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.ips')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.devicesPerPupil')}
                  </Table.Th>
                  <Table.Th scope="col">{t('baseline.compliance.sorts.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.compliance.sorts.score')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.equity.equipmentAge')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.schools.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Th scope="row" fw={400}>
                      <AnchorLink to="/schools/$id" params={{ id: s.id }}>
                        {s.name}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{t(`schools.priority.${priorityKey(s.priorityEducation)}`)}</Table.Td>
                    <Table.Td ta="right">{s.ips === null ? '—' : formatNumber(s.ips)}</Table.Td>
                    <Table.Td ta="right">{ratio(s.devicesPerPupil)}</Table.Td>
                    <Table.Td>
                      <SchoolStateBadge school={{ inScope: true, atSocle: s.atSocle }} />
                    </Table.Td>
                    <Table.Td ta="right">{formatPct(s.scorePct)}</Table.Td>
                    <Table.Td ta="right">
                      {s.equipmentAgeYears === null
                        ? '—'
                        : t('baseline.equity.years', {
                            years: formatNumber(Math.round(s.equipmentAgeYears * 10) / 10),
                          })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      ) : null}
    </Stack>
  );
}
