import { NativeSelect, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatPct, SchoolStateBadge } from '../baseline/labels.tsx';
import { type Dashboard, dashboardQuery } from './dashboard-queries.ts';
import { Figure, FigureList, Trend } from './figures.tsx';
import { figureSearches } from './search.ts';
import { Charts, decimal, TicketFigures, useDashboardSearch } from './staff-dashboard.tsx';

/**
 * One school's dashboard: what a director lands on (their school, or a
 * choice among theirs), and what staff reach from the per-school table.
 * Its equipment, socle status, loans, bookings this week and tickets, each
 * linking to the list behind it, filtered on the school.
 */
export function SchoolDashboard() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { search, update } = useDashboardSearch();
  const orgWide = me.schoolScope === 'all';
  const schoolId = search.school ?? me.schools[0]?.id;
  const board = useQuery({ ...dashboardQuery({ ...search, school: schoolId }), enabled: Boolean(schoolId) });
  // No school attached: the profile below says so.
  if (!schoolId) return null;
  const d = board.data?.filters.schoolId === schoolId ? board.data : undefined;
  const school = d?.perSchool[0];
  return (
    <Stack gap="lg">
      {orgWide ? (
        <Text>
          <AnchorLink to="/home" search={{}}>
            {t('dashboard.school.backToAll')}
          </AnchorLink>
        </Text>
      ) : me.schools.length > 1 ? (
        <Paper withBorder p="md" role="search" aria-label={t('dashboard.school.choose')}>
          <NativeSelect
            label={t('dashboard.school.choose')}
            value={schoolId}
            onChange={(e) => update({ school: e.currentTarget.value })}
            data={me.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Paper>
      ) : null}
      {board.isError ? <FormAlert kind="error">{errorMessage(t, board.error)}</FormAlert> : null}
      {!d && !board.isError ? <Text>{t('common.loading')}</Text> : null}
      {d && school ? <SchoolPanels d={d} schoolId={schoolId} name={school.name} /> : null}
    </Stack>
  );
}

function SchoolPanels({ d, schoolId, name }: { d: Dashboard; schoolId: string; name: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const links = figureSearches(d.filters);
  const since = formatDate(d.period.start);
  const school = d.perSchool[0];
  const en = currentLanguage() === 'en';
  return (
    <>
      <Panel title={t('dashboard.school.title', { school: name })}>
        <Text>{t('dashboard.school.intro', { since })}</Text>
        <FigureList label={t('dashboard.figures.title')}>
          {d.baseline && school?.socle ? (
            <Figure
              label={t('dashboard.school.socle')}
              value={school.scorePct === null ? '—' : formatPct(school.scorePct)}
              detail={
                <>
                  <SchoolStateBadge
                    school={{ inScope: school.socle !== 'out_of_scope', atSocle: school.socle === 'at_socle' }}
                  />{' '}
                  {t('dashboard.school.classesAtSocle', {
                    count: formatNumber(school.classesAtSocle ?? 0),
                    total: formatNumber(school.classes ?? 0),
                  })}
                </>
              }
              link={
                <AnchorLink to="/schools/$id" params={{ id: schoolId }}>
                  {t('dashboard.links.schoolSocle')}
                </AnchorLink>
              }
            />
          ) : null}
          {d.inventory ? (
            <Figure
              label={t('dashboard.figures.devices')}
              value={formatNumber(d.inventory.devicesInService.value)}
              detail={
                school?.devicesPerPupil !== null && school?.devicesPerPupil !== undefined
                  ? t('dashboard.school.perPupil', { value: decimal(school.devicesPerPupil) })
                  : undefined
              }
              trend={<Trend {...d.inventory.devicesInService} since={since} format={formatNumber} />}
              link={
                <AnchorLink to="/assets" search={links.devices}>
                  {t('dashboard.links.devices')}
                </AnchorLink>
              }
            />
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
          {d.bookings ? (
            <Figure
              label={t('dashboard.school.bookings')}
              value={formatNumber(d.bookings.count)}
              detail={t('dashboard.school.week', {
                from: formatDate(d.bookings.weekStart),
                to: formatDate(d.bookings.weekEnd),
              })}
              link={
                <AnchorLink to="/bookings" search={{ school: schoolId }}>
                  {t('dashboard.links.bookings')}
                </AnchorLink>
              }
            />
          ) : null}
          <TicketFigures d={d} />
        </FigureList>
        {hasPermission(me, 'helpdesk.open') ? (
          <Text>
            <AnchorLink to="/schools/$id" params={{ id: schoolId }}>
              {t('dashboard.school.page', { school: name })}
            </AnchorLink>
          </Text>
        ) : null}
      </Panel>

      {d.inventory && d.inventory.byCategory.length > 0 ? (
        <Panel title={t('dashboard.school.equipment')}>
          <TableScroll labelledBy="dashboard-equipment-caption">
            <Table striped verticalSpacing="xs">
              <caption id="dashboard-equipment-caption">
                <VisuallyHidden>{t('dashboard.school.equipmentCaption', { school: name })}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboard.school.category')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.school.inService')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.inventory.byCategory.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>
                      <AnchorLink to="/assets" search={{ ...links.devices, categoryId: c.id }}>
                        {en ? c.nameEn : c.nameFr}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(c.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Panel>
      ) : null}

      <Charts d={d} />
    </>
  );
}
