import { Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { PriorityBadge } from '../schools/badges.tsx';
import { priorityKey } from '../schools/labels.ts';
import { type Compliance, type ComplianceSchool, type CriterionRef, complianceQuery } from './baseline-queries.ts';
import { BaselineFilters, useBaselineSearch } from './filters.tsx';
import { CriteriaLegend, criterionLabel, formatPct, SchoolStateBadge, StatusMark, stateOf } from './labels.tsx';
import { type BaselineSort, filtersOf } from './search.ts';

const STATE_RANK = { at_socle: 0, not_at_socle: 1, out_of_scope: 2 } as const;
const PRIORITY_RANK = { 'REP+': 0, REP: 1, none: 2 } as const;

function compare(sort: BaselineSort, a: ComplianceSchool, b: ComplianceSchool): number {
  switch (sort) {
    case 'name':
      return a.name.localeCompare(b.name, 'fr');
    case 'uai':
      return a.uai.localeCompare(b.uai);
    case 'kind':
      return a.kind.localeCompare(b.kind);
    case 'priority':
      return PRIORITY_RANK[a.priorityEducation] - PRIORITY_RANK[b.priorityEducation];
    case 'status':
      return STATE_RANK[stateOf(a)] - STATE_RANK[stateOf(b)];
    case 'score':
      return a.scorePct - b.scorePct;
    case 'classes':
      return (
        (a.classesTotal ? a.classesAtSocle / a.classesTotal : -1) -
        (b.classesTotal ? b.classesAtSocle / b.classesTotal : -1)
      );
    case 'gap':
      return a.gapCents - b.gapCents;
  }
}

/** The schools shown: the filters of the API, out-of-scope schools hidden unless asked, sorted. */
export function visibleSchools(
  data: Compliance | undefined,
  search: { sort?: BaselineSort; order?: 'desc'; outOfScope?: true; status?: string },
): ComplianceSchool[] {
  const sort = search.sort ?? 'name';
  const showOut = search.outOfScope === true || search.status === 'out_of_scope';
  const list = (data?.schools ?? []).filter((s) => showOut || s.inScope);
  const sign = search.order === 'desc' ? -1 : 1;
  return list.sort((a, b) => sign * compare(sort, a, b) || a.name.localeCompare(b.name, 'fr'));
}

export function CompliancePanel() {
  const { t } = useTranslation();
  const { search } = useBaselineSearch();
  const compliance = useQuery({ ...complianceQuery(filtersOf(search)), placeholderData: keepPreviousData });
  const data = compliance.data;
  const schools = visibleSchools(data, search);
  return (
    <Stack gap="lg">
      <BaselineFilters scopeToggle />
      {compliance.isError ? <FormAlert kind="error">{errorMessage(t, compliance.error)}</FormAlert> : null}
      {data ? <KeyFigures data={data} /> : null}
      <Text role="status" aria-live="polite">
        {compliance.isPending ? t('common.loading') : t('baseline.compliance.count', { count: schools.length })}
      </Text>
      {data && schools.length > 0 ? (
        <ComplianceTable schools={schools} criteria={data.criteria} busy={compliance.isFetching} />
      ) : null}
      {data ? <Breakdowns data={data} /> : null}
    </Stack>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="md" component="div">
      <Text size="sm" component="dt">
        {label}
      </Text>
      <Text fw={700} fz="xl" component="dd" m={0}>
        {value}
      </Text>
      {detail ? (
        <Text size="sm" component="dd" m={0}>
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

const share = (part: number, whole: number) => (whole > 0 ? formatPct((part / whole) * 100) : '—');

function KeyFigures({ data }: { data: Compliance }) {
  const { t } = useTranslation();
  const totals = data.totals;
  return (
    <section aria-labelledby="baseline-figures">
      <Title order={2} id="baseline-figures" size="h3" mb="sm">
        {t('baseline.compliance.figures', { grid: data.grid.name })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} component="dl" m={0}>
        <Figure
          label={t('baseline.compliance.schoolsAtSocle')}
          value={t('baseline.compliance.outOf', {
            part: formatNumber(totals.atSocle),
            whole: formatNumber(totals.schools),
          })}
          detail={t('baseline.compliance.outOfScopeCount', { count: totals.outOfScope })}
        />
        <Figure
          label={t('baseline.compliance.classesAtSocle')}
          value={t('baseline.compliance.outOf', {
            part: formatNumber(totals.classesAtSocle),
            whole: formatNumber(totals.classes),
          })}
          detail={share(totals.classesAtSocle, totals.classes)}
        />
        <Figure
          label={t('baseline.compliance.pupilsAtSocle')}
          value={t('baseline.compliance.outOf', {
            part: formatNumber(totals.pupilsAtSocle),
            whole: formatNumber(totals.pupils),
          })}
          detail={share(totals.pupilsAtSocle, totals.pupils)}
        />
        <Figure label={t('baseline.compliance.gapTotal')} value={formatMoney(totals.gapCents)} />
      </SimpleGrid>
    </section>
  );
}

type Group = Omit<Compliance['totals']['byKind'][number], 'kind'>;

function GroupTable({ caption, header, rows }: { caption: string; header: string; rows: [string, Group][] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <TableScroll labelledBy={id}>
      <Table striped verticalSpacing="xs">
        <caption id={id} style={{ textAlign: 'left', fontWeight: 700, captionSide: 'top' }}>
          {caption}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{header}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.compliance.schoolsAtSocle')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.compliance.classesAtSocle')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.compliance.pupilsAtSocle')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, g]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td ta="right">
                {t('baseline.compliance.outOf', { part: formatNumber(g.atSocle), whole: formatNumber(g.schools) })}
              </Table.Td>
              <Table.Td ta="right">
                {t('baseline.compliance.outOf', {
                  part: formatNumber(g.classesAtSocle),
                  whole: formatNumber(g.classes),
                })}{' '}
                ({share(g.classesAtSocle, g.classes)})
              </Table.Td>
              <Table.Td ta="right">
                {t('baseline.compliance.outOf', { part: formatNumber(g.pupilsAtSocle), whole: formatNumber(g.pupils) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function Breakdowns({ data }: { data: Compliance }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <GroupTable
        caption={t('baseline.compliance.byKind')}
        header={t('baseline.filters.kind')}
        rows={data.totals.byKind.map((g) => [t(`schools.kinds.${g.kind}`, { defaultValue: g.kind }), g])}
      />
      <GroupTable
        caption={t('baseline.compliance.byPriority')}
        header={t('baseline.filters.priority')}
        rows={data.totals.byPriority.map((g) => [t(`schools.priorityLong.${priorityKey(g.priority)}`), g])}
      />
    </SimpleGrid>
  );
}

function SortHeader({ sort, label, align }: { sort: BaselineSort; label: string; align?: 'right' }) {
  const { t } = useTranslation();
  const { search, update } = useBaselineSearch();
  const current = (search.sort ?? 'name') === sort;
  const desc = search.order === 'desc';
  const direction = current ? (desc ? 'descending' : 'ascending') : 'none';
  const toggle = () => {
    const nextDesc = current ? !desc : sort === 'score' || sort === 'gap';
    update({ sort: sort === 'name' ? undefined : sort, order: nextDesc ? 'desc' : undefined }, true);
  };
  return (
    <Table.Th scope="col" aria-sort={direction} ta={align}>
      <UnstyledButton onClick={toggle} fw={700} fz="sm" className="sort-button" style={{ whiteSpace: 'nowrap' }}>
        {label} <span aria-hidden="true">{current ? (desc ? '▼' : '▲') : '↕'}</span>
        <VisuallyHidden>{t('baseline.compliance.sortBy', { column: label })}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

export function criterionCellLabel(
  t: TFunction,
  criterion: CriterionRef,
  cell: ComplianceSchool['criteria'][number],
): string {
  const name = criterionLabel(criterion);
  const status = t(`baseline.status.${cell.status}`);
  const classes = cell.classes;
  const total = classes ? classes.met + classes.partly + classes.missing + classes.unknown : 0;
  const detail = classes
    ? t('baseline.compliance.classesMet', { met: formatNumber(classes.met), total: formatNumber(total) })
    : '';
  const overridden = cell.overridden ? t('baseline.compliance.overridden') : '';
  return [`${name} : ${status}`, detail, overridden].filter(Boolean).join(', ');
}

function ComplianceTable({
  schools,
  criteria,
  busy,
}: {
  schools: ComplianceSchool[];
  criteria: CriterionRef[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { search } = useBaselineSearch();
  const sortLabel = t(`baseline.compliance.sorts.${search.sort ?? 'name'}`);
  return (
    <Stack gap="xs">
      <CriteriaLegend criteria={criteria} />
      <TableScroll labelledBy="baseline-compliance-caption">
        <Table striped highlightOnHover verticalSpacing="xs" aria-busy={busy}>
          <caption id="baseline-compliance-caption" style={{ textAlign: 'left', fontWeight: 700, captionSide: 'top' }}>
            {t('baseline.compliance.caption')}
            <VisuallyHidden>
              {t('baseline.compliance.captionSort', {
                sort: sortLabel,
                order: t(search.order === 'desc' ? 'baseline.compliance.descending' : 'baseline.compliance.ascending'),
              })}
            </VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <SortHeader sort="name" label={t('baseline.compliance.sorts.name')} />
              <SortHeader sort="uai" label={t('baseline.compliance.sorts.uai')} />
              <SortHeader sort="kind" label={t('baseline.compliance.sorts.kind')} />
              <SortHeader sort="priority" label={t('baseline.compliance.sorts.priority')} />
              <SortHeader sort="status" label={t('baseline.compliance.sorts.status')} />
              <SortHeader sort="score" label={t('baseline.compliance.sorts.score')} align="right" />
              <SortHeader sort="classes" label={t('baseline.compliance.sorts.classes')} align="right" />
              {criteria.map((c, i) => (
                <Table.Th scope="col" key={c.key} ta="center">
                  <span aria-hidden="true">C{i + 1}</span>
                  <VisuallyHidden>{criterionLabel(c)}</VisuallyHidden>
                </Table.Th>
              ))}
              <SortHeader sort="gap" label={t('baseline.compliance.sorts.gap')} align="right" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((school) => (
              <Table.Tr key={school.id}>
                <Table.Th scope="row" fw={600} miw="14rem">
                  <AnchorLink to="/schools/$id" params={{ id: school.id }}>
                    {school.name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>
                  <code>{school.uai}</code>
                </Table.Td>
                <Table.Td>{t(`schools.kinds.${school.kind}`, { defaultValue: school.kind })}</Table.Td>
                <Table.Td>
                  <PriorityBadge value={school.priorityEducation} />
                </Table.Td>
                <Table.Td>
                  <SchoolStateBadge school={school} />
                </Table.Td>
                <Table.Td ta="right">{school.inScope ? formatPct(school.scorePct) : '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {school.inScope
                    ? `${formatNumber(school.classesAtSocle)} / ${formatNumber(school.classesTotal)}`
                    : '—'}
                </Table.Td>
                {criteria.map((c) => {
                  const cell = school.criteria.find((x) => x.key === c.key);
                  if (!cell || !school.inScope)
                    return (
                      <Table.Td key={c.key} ta="center">
                        —
                      </Table.Td>
                    );
                  const classes = cell.classes;
                  const total = classes ? classes.met + classes.partly + classes.missing + classes.unknown : 0;
                  return (
                    <Table.Td key={c.key} ta="center">
                      <StatusMark
                        status={cell.status}
                        compact
                        detail={classes ? `${classes.met}/${total}` : undefined}
                        label={criterionCellLabel(t, c, cell)}
                      />
                      {cell.overridden ? (
                        <Text span size="xs" aria-hidden="true">
                          {' '}
                          *
                        </Text>
                      ) : null}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(school.gapCents)}
                  {school.gapComplete ? null : (
                    <Text span size="xs">
                      {' '}
                      {t('baseline.gap.incompleteShort')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Text size="sm">{t('baseline.compliance.overriddenNote')}</Text>
    </Stack>
  );
}
