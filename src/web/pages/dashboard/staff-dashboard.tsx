import { Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { publicInfoQuery } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { formatPct, type SchoolState, SchoolStateBadge } from '../baseline/labels.tsx';
import { priorityKey } from '../schools/labels.ts';
import { type Dashboard, type DashboardSchool, dashboardQuery } from './dashboard-queries.ts';
import { Figure, FigureList, MonthChart, Trend } from './figures.tsx';
import { type DashboardSearch, figureSearches, listIsExact, PRIORITIES } from './search.ts';
import { SocleShape } from './socle-shapes.tsx';

// Leaflet comes with the map only, in a chunk of its own: the figures do not wait for it. Its download
// starts with the page (beside the dashboard's request), not after the figures arrive.
const loadSocleMap = () => import('./socle-map.tsx');
const SocleMap = lazy(() => loadSocleMap().then((m) => ({ default: m.SocleMap })));

const STATES: readonly SchoolState[] = ['at_socle', 'not_at_socle', 'out_of_scope'];

/** Writes part of the home page's search params (undefined removes a param). */
export function useDashboardSearch() {
  const search = useSearch({ from: '/signedIn/home' });
  const navigate = useNavigate({ from: '/home' });
  const update = (patch: Partial<DashboardSearch>) =>
    void navigate({
      search: (previous) => {
        const next: DashboardSearch = { ...previous, ...patch };
        for (const key of Object.keys(next) as (keyof DashboardSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      replace: true,
      resetScroll: false,
    });
  return { search, update };
}

export const decimal = (n: number) => formatNumber(Math.round(n * 100) / 100);

/** The staff's dashboard: every school of the organisation, filtered by school year, circonscription and priority. */
export function StaffDashboard() {
  const { t } = useTranslation();
  const { search, update } = useDashboardSearch();
  const board = useQuery(dashboardQuery(search));
  const d = board.data;
  useEffect(() => {
    void loadSocleMap();
  }, []);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" role="search" aria-label={t('dashboard.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NativeSelect
            label={t('dashboard.filters.year')}
            value={String(search.year ?? d?.schoolYear ?? '')}
            onChange={(e) => {
              const year = Number(e.currentTarget.value);
              update({ year: d && year === d.options.schoolYears[0] ? undefined : year });
            }}
            data={(d?.options.schoolYears ?? (search.year ? [search.year] : [])).map((y) => ({
              value: String(y),
              label: `${y}-${y + 1}`,
            }))}
          />
          <NativeSelect
            label={t('dashboard.filters.circonscription')}
            value={search.circonscription ?? ''}
            onChange={(e) => update({ circonscription: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('dashboard.filters.allCirconscriptions') },
              ...(d?.options.circonscriptions ?? []).map((c) => ({ value: c, label: c })),
              ...(search.circonscription && !d?.options.circonscriptions.includes(search.circonscription)
                ? [{ value: search.circonscription, label: search.circonscription }]
                : []),
            ]}
          />
          <NativeSelect
            label={t('dashboard.filters.priority')}
            value={search.priority ?? ''}
            onChange={(e) => update({ priority: PRIORITIES.find((p) => p === e.currentTarget.value) ?? undefined })}
            data={[
              { value: '', label: t('dashboard.filters.allPriorities') },
              ...PRIORITIES.map((p) => ({ value: p, label: t(`schools.priorityLong.${priorityKey(p)}`) })),
            ]}
          />
        </SimpleGrid>
      </Paper>
      {board.isError ? <FormAlert kind="error">{errorMessage(t, board.error)}</FormAlert> : null}
      {board.isPending ? <Text>{t('common.loading')}</Text> : null}
      {d ? <StaffPanels d={d} /> : null}
    </Stack>
  );
}

function StaffPanels({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const info = useQuery(publicInfoQuery).data;
  const links = figureSearches(d.filters);
  const exact = listIsExact(d.filters, d.current);
  const since = formatDate(d.period.start);
  const schoolsWithStatus = d.perSchool.filter((s) => s.socle !== null);
  // The key figures paint first; the charts, the map and the per-school table (hundreds of cells)
  // follow in a background render a moment later instead of holding the figures back.
  const below = useDeferredValue<Dashboard | null>(d, null);
  return (
    <>
      <Panel title={t('dashboard.figures.title')}>
        <Text>
          {d.current
            ? t('dashboard.figures.intro', { since })
            : t('dashboard.figures.introPast', { end: formatDate(d.period.end), since })}
        </Text>
        {!exact ? (
          <Text size="sm">{d.current ? t('dashboard.figures.notExact') : t('dashboard.figures.pastLists')}</Text>
        ) : null}
        <FigureList label={t('dashboard.figures.title')}>
          <Figure
            label={t('dashboard.figures.schools')}
            value={formatNumber(d.schools.count)}
            detail={t('dashboard.figures.pupils', { count: formatNumber(d.schools.pupils) })}
            link={
              <AnchorLink to="/schools" search={links.schools}>
                {t('dashboard.links.schools')}
              </AnchorLink>
            }
          />
          {d.baseline ? (
            <>
              <Figure
                label={t('dashboard.figures.schoolsAtSocle')}
                value={formatNumber(d.baseline.schoolsAtSocle)}
                detail={t('dashboard.figures.outOf', { count: formatNumber(d.baseline.schoolsInScope) })}
                trend={<Text size="sm">{t('dashboard.trend.noHistory')}</Text>}
                link={
                  <AnchorLink to="/baseline" search={links.socle}>
                    {t('dashboard.links.schoolsAtSocle')}
                  </AnchorLink>
                }
              />
              <Figure
                label={t('dashboard.figures.classesAtSocle')}
                value={formatNumber(d.baseline.classesAtSocle)}
                detail={t('dashboard.figures.outOfClasses', { count: formatNumber(d.baseline.classes) })}
                trend={<Text size="sm">{t('dashboard.trend.noHistory')}</Text>}
                link={
                  <AnchorLink to="/baseline" search={links.classes}>
                    {t('dashboard.links.classesAtSocle')}
                  </AnchorLink>
                }
              />
            </>
          ) : null}
          {d.inventory ? (
            <>
              <Figure
                label={t('dashboard.figures.devices')}
                value={formatNumber(d.inventory.devicesInService.value)}
                trend={<Trend {...d.inventory.devicesInService} since={since} format={formatNumber} />}
                link={
                  <AnchorLink to="/assets" search={links.devices}>
                    {t('dashboard.links.devices')}
                  </AnchorLink>
                }
              />
              <Figure
                label={t('dashboard.figures.devicesPerPupil')}
                value={decimal(d.inventory.devicesPerPupil.value)}
                trend={<Trend {...d.inventory.devicesPerPupil} since={since} format={decimal} />}
              />
            </>
          ) : null}
          {d.loans ? (
            <>
              <Figure
                label={t('dashboard.figures.openLoans')}
                value={formatNumber(d.loans.open.value)}
                trend={<Trend {...d.loans.open} since={since} format={formatNumber} />}
                link={
                  <AnchorLink to="/loans" search={links.openLoans}>
                    {t('dashboard.links.openLoans')}
                  </AnchorLink>
                }
              />
              <Figure
                label={t('dashboard.figures.overdueLoans')}
                value={formatNumber(d.loans.overdue.value)}
                trend={<Trend {...d.loans.overdue} since={since} format={formatNumber} />}
                link={
                  <AnchorLink to="/loans" search={links.overdueLoans}>
                    {t('dashboard.links.overdueLoans')}
                  </AnchorLink>
                }
              />
            </>
          ) : null}
          <TicketFigures d={d} />
        </FigureList>
      </Panel>

      {d.budget && d.budget.programmes.length > 0 ? (
        <Panel title={t('dashboard.budget.title')}>
          <Text size="sm">{t('dashboard.budget.intro')}</Text>
          {d.budget.programmes.map((p) => (
            <Stack key={p.id} gap="sm">
              <Title order={3}>{p.name}</Title>
              <Text size="sm">{t('dashboard.budget.planned', { amount: formatMoney(p.plannedCents) })}</Text>
              <FigureList label={p.name}>
                {(['ordered', 'invoiced', 'claimed', 'received'] as const).map((key) => (
                  <Figure
                    key={key}
                    label={t(`dashboard.budget.${key}`)}
                    value={formatMoney(p[key].value)}
                    trend={<Trend {...p[key]} since={since} format={formatMoney} />}
                    link={
                      <AnchorLink to="/funding/programmes/$id" params={{ id: p.id }} search={{ tab: 'budget' }}>
                        {t('dashboard.links.budget', { programme: p.name })}
                      </AnchorLink>
                    }
                  />
                ))}
              </FigureList>
            </Stack>
          ))}
        </Panel>
      ) : null}

      {below ? <Charts d={below} /> : null}

      {below && schoolsWithStatus.length > 0 ? (
        <Panel title={t('dashboard.map.title')}>
          <Text>{t('dashboard.map.intro')}</Text>
          <Group component="ul" gap="lg" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {STATES.map((state) => (
              <Group component="li" key={state} gap={6} wrap="nowrap">
                <SocleShape state={state} />
                <Text size="sm">
                  {t('dashboard.map.legendItem', {
                    label: t(`baseline.state.${state}`),
                    count: formatNumber(schoolsWithStatus.filter((s) => s.socle === state).length),
                  })}
                </Text>
              </Group>
            ))}
          </Group>
          <Suspense fallback={<Text>{t('common.loading')}</Text>}>
            <SocleMap schools={schoolsWithStatus} tiles={info?.map} label={t('dashboard.map.regionLabel')} />
          </Suspense>
        </Panel>
      ) : null}

      {below ? <SchoolTable d={below} /> : null}
    </>
  );
}

export function Charts({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const year = `${d.schoolYear}-${d.schoolYear + 1}`;
  if (!d.inventory && !d.loans && !d.helpdesk) return null;
  return (
    <Panel title={t('dashboard.charts.title', { year })}>
      <Text size="sm">{t('dashboard.charts.intro')}</Text>
      {d.inventory ? (
        <MonthChart
          caption={t('dashboard.charts.devices', { year })}
          label={t('dashboard.figures.devices')}
          series={d.inventory.series}
        />
      ) : null}
      {d.loans ? (
        <MonthChart
          caption={t('dashboard.charts.loans', { year })}
          label={t('dashboard.figures.openLoans')}
          series={d.loans.series}
        />
      ) : null}
      {d.helpdesk ? (
        <MonthChart
          caption={t('dashboard.charts.tickets', { year })}
          label={t('dashboard.figures.openTickets')}
          series={d.helpdesk.series}
        />
      ) : null}
    </Panel>
  );
}

function SchoolTable({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  if (d.perSchool.length === 0) return null;
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n));
  const has = {
    baseline: d.baseline !== null,
    inventory: d.inventory !== null,
    loans: d.loans !== null,
    helpdesk: d.helpdesk !== null,
  };
  return (
    <Panel title={t('dashboard.table.title', { count: formatNumber(d.perSchool.length) })}>
      <Text size="sm">{t('dashboard.table.intro')}</Text>
      <TableScroll labelledBy="dashboard-schools-caption">
        <Table striped verticalSpacing="xs">
          <caption id="dashboard-schools-caption">
            <VisuallyHidden>{t('dashboard.table.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.table.school')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.table.priority')}</Table.Th>
              {has.baseline ? (
                <>
                  <Table.Th scope="col">{t('dashboard.table.socle')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.table.classesAtSocle')}
                  </Table.Th>
                </>
              ) : null}
              <Table.Th scope="col" ta="right">
                {t('dashboard.table.pupils')}
              </Table.Th>
              {has.inventory ? (
                <>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.table.devices')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.table.devicesPerPupil')}
                  </Table.Th>
                </>
              ) : null}
              {has.loans ? (
                <Table.Th scope="col" ta="right">
                  {t('dashboard.table.loans')}
                </Table.Th>
              ) : null}
              {has.helpdesk ? (
                <Table.Th scope="col" ta="right">
                  {t('dashboard.table.tickets')}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.perSchool.map((s: DashboardSchool) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={400}>
                  <AnchorLink to="/home" search={{ school: s.id }}>
                    {s.name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{t(`schools.priority.${priorityKey(s.priorityEducation)}`)}</Table.Td>
                {has.baseline ? (
                  <>
                    <Table.Td>
                      {s.socle ? (
                        <SchoolStateBadge
                          school={{ inScope: s.socle !== 'out_of_scope', atSocle: s.socle === 'at_socle' }}
                        />
                      ) : (
                        '—'
                      )}
                      {s.scorePct !== null ? <Text span size="sm">{` ${formatPct(s.scorePct)}`}</Text> : null}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s.classes === null ? '—' : `${formatNumber(s.classesAtSocle ?? 0)} / ${formatNumber(s.classes)}`}
                    </Table.Td>
                  </>
                ) : null}
                <Table.Td ta="right">{count(s.pupils)}</Table.Td>
                {has.inventory ? (
                  <>
                    <Table.Td ta="right">{count(s.devicesInService)}</Table.Td>
                    <Table.Td ta="right">{s.devicesPerPupil === null ? '—' : decimal(s.devicesPerPupil)}</Table.Td>
                  </>
                ) : null}
                {has.loans ? (
                  <Table.Td ta="right">
                    {t('dashboard.table.loansValue', { open: count(s.openLoans), overdue: count(s.overdueLoans) })}
                  </Table.Td>
                ) : null}
                {has.helpdesk ? (
                  <Table.Td ta="right">
                    {t('dashboard.table.ticketsValue', {
                      open: count(s.openTickets),
                      breached: count(s.breachedTickets),
                    })}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Panel>
  );
}

/** Open tickets and SLA breaches, each with its trend and the helpdesk list behind it (staff and school dashboards). */
export function TicketFigures({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  if (!d.helpdesk) return null;
  const links = figureSearches(d.filters);
  const since = formatDate(d.period.start);
  return (
    <>
      <Figure
        label={t('dashboard.figures.openTickets')}
        value={formatNumber(d.helpdesk.open.value)}
        trend={<Trend {...d.helpdesk.open} since={since} format={formatNumber} />}
        link={
          <AnchorLink to="/helpdesk" search={links.openTickets}>
            {t('dashboard.links.openTickets')}
          </AnchorLink>
        }
      />
      <Figure
        label={t('dashboard.figures.breachedTickets')}
        value={formatNumber(d.helpdesk.breached.value)}
        trend={<Trend {...d.helpdesk.breached} since={since} format={formatNumber} />}
        link={
          <AnchorLink to="/helpdesk" search={links.breachedTickets}>
            {t('dashboard.links.breachedTickets')}
          </AnchorLink>
        }
      />
    </>
  );
}
