import { Box, Button, List, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatMoney, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { categoriesQuery } from '../assets/asset-queries.ts';
import { WordBadge } from '../funding/labels.tsx';
import {
  type Basis,
  type Decision,
  type Objective,
  type PlanChoice,
  type PlanItem,
  type PlanPreview,
  type PlanTotals,
  plannerGridQuery,
  WEIGHTS,
} from './planner-queries.ts';

/**
 * What a simulation gives: the key figures, then every school in the order
 * of the ranking with its decision, why (benefit, priority multiplier and
 * its breakdown, cost) and, on demand, what would be bought.
 */

const DECISION_COLOURS: Record<Decision, string> = {
  selected: '#1e6b34',
  over_budget: '#a51d2d',
  already_at_socle: '#1b4f8a',
  gap_not_priced: '#8a4a00',
  nothing_to_gain: '#495057',
};

export function DecisionBadge({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return <WordBadge colour={DECISION_COLOURS[decision]}>{t(`baseline.planner.decisions.${decision}`)}</WordBadge>;
}

/** Fixed labels the planner gives to items that are neither a category nor a service. */
const FIXED_LABELS = ['internet', 'wifi_switch', 'MDM', 'training'] as const;

/** An item in words: the category's name, a fixed label translated, or the service's name. */
export function itemLabel(t: TFunction, item: PlanItem, categories: ReadonlyMap<string, string>): string {
  if (item.kind === 'equipment' && item.categoryCode) return categories.get(item.categoryCode) ?? item.categoryCode;
  if ((FIXED_LABELS as readonly string[]).includes(item.label)) return t(`baseline.planner.items.${item.label}`);
  return item.label;
}

/** Multipliers and scores: two decimals at most. */
function formatScore(value: number): string {
  return formatNumber(Math.round(value * 100) / 100);
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" fw={700} size="lg" m={0} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

export function KeyFigures({ totals, basis }: { totals: PlanTotals; basis: Basis }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" m={0}>
      <Figure label={t('baseline.planner.figures.spend')} testId="planner-spend">
        {formatMoney(totals.spendCents)}
      </Figure>
      <Figure label={t('baseline.planner.figures.aid')} testId="planner-aid">
        {formatMoney(totals.aidCents)}
        {totals.aid.length > 0 ? (
          <Text component="span" size="sm" fw={400} display="block">
            {totals.aid
              .map((a) => t('baseline.planner.figures.aidOf', { name: a.name, amount: formatMoney(a.cents) }))
              .join(' ; ')}
          </Text>
        ) : null}
      </Figure>
      <Figure label={t('baseline.planner.figures.ownShare')} testId="planner-own-share">
        {formatMoney(totals.ownShareCents)}
      </Figure>
      <Figure label={t(`baseline.planner.figures.budgetUsed.${basis}`)}>{formatMoney(totals.budgetUsedCents)}</Figure>
      <Figure label={t('baseline.planner.figures.budgetLeft')} testId="planner-budget-left">
        {formatMoney(totals.budgetLeftCents)}
      </Figure>
      <Figure label={t('baseline.planner.figures.classesReached')} testId="planner-classes">
        {formatNumber(totals.classesReached)}
      </Figure>
      <Figure label={t('baseline.planner.figures.pupilsReached')} testId="planner-pupils">
        {formatNumber(totals.pupilsReached)}
      </Figure>
      <Figure label={t('baseline.planner.figures.schoolsSelected')} testId="planner-selected">
        {formatNumber(totals.schoolsSelected)}
      </Figure>
      <Figure label={t('baseline.planner.figures.schoolsLeftOut')}>
        {t('baseline.planner.figures.leftOutText', {
          schools: formatNumber(totals.schoolsLeftOut),
          classes: formatNumber(totals.classesLeftOut),
        })}
      </Figure>
      <Figure label={t('baseline.planner.figures.schoolsOverBudget')}>{formatNumber(totals.schoolsOverBudget)}</Figure>
    </SimpleGrid>
  );
}

export function PlanResultView({
  preview,
  basis,
  objective,
}: {
  preview: PlanPreview;
  basis: Basis;
  objective: Objective;
}) {
  const { t } = useTranslation();
  const { result } = preview;
  return (
    <Stack gap="lg">
      <Text size="sm">
        {t('baseline.planner.result.gridOn', {
          grid: preview.grid.name,
          version: preview.grid.version,
        })}
      </Text>
      <KeyFigures totals={result.totals} basis={basis} />
      <Title order={3}>{t('baseline.planner.result.methodTitle')}</Title>
      <Text>{t(`baseline.planner.result.method.${basis}`)}</Text>
      <ChoicesTable choices={result.choices} basis={basis} objective={objective} />
    </Stack>
  );
}

function ChoicesTable({
  choices,
  basis,
  objective,
}: {
  choices: readonly PlanChoice[];
  basis: Basis;
  objective: Objective;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const captionId = useId();
  const detailsId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const categories = useQuery({ ...categoriesQuery, enabled: hasPermission(me, 'inventory.read') });
  const grid = useQuery({ ...plannerGridQuery, enabled: hasPermission(me, 'baseline.read') });
  const lang = currentLanguage();
  const categoryNames = new Map((categories.data ?? []).map((c) => [c.code, lang === 'fr' ? c.nameFr : c.nameEn]));
  const criterionNames = new Map(
    (grid.data?.criteria ?? []).map((c) => [c.key, lang === 'fr' ? c.labelFr : c.labelEn]),
  );
  const ownShare = basis === 'own_share';
  const columns = ownShare ? 9 : 8;
  const toggle = (id: string) =>
    setOpen((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <TableScroll labelledBy={captionId}>
      <Table verticalSpacing="xs">
        <caption id={captionId} style={{ captionSide: 'top', textAlign: 'start', fontWeight: 700 }}>
          {t('baseline.planner.result.caption', { count: choices.length })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('baseline.planner.result.rank')}</Table.Th>
            <Table.Th scope="col">{t('baseline.planner.result.school')}</Table.Th>
            <Table.Th scope="col">{t('baseline.planner.result.decision')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t(`baseline.planner.result.benefit.${objective}`)}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.planner.result.multiplier')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.planner.result.cost')}
            </Table.Th>
            {ownShare ? (
              <Table.Th scope="col" ta="right">
                {t('baseline.planner.result.basisCost')}
              </Table.Th>
            ) : null}
            <Table.Th scope="col" ta="right">
              {t('baseline.planner.result.score')}
            </Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('baseline.planner.result.details')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {choices.map((c) => {
            const expanded = open.has(c.schoolId);
            const rowDetailsId = `${detailsId}-${c.schoolId}`;
            return (
              <Fragment key={c.schoolId}>
                <Table.Tr>
                  <Table.Td>{c.rank}</Table.Td>
                  <Table.Th scope="row" miw="14rem">
                    {c.name}
                    <Text size="xs" fw={400}>
                      {c.uai}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <DecisionBadge decision={c.decision} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(c.benefit)}</Table.Td>
                  <Table.Td ta="right">{formatScore(c.multiplier)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.costCents)}
                  </Table.Td>
                  {ownShare ? (
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(c.basisCostCents)}
                    </Table.Td>
                  ) : null}
                  <Table.Td ta="right">
                    {c.decision === 'selected' || c.decision === 'over_budget'
                      ? formatScore(c.scorePerThousandEuros)
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? rowDetailsId : undefined}
                      onClick={() => toggle(c.schoolId)}
                    >
                      {expanded ? t('baseline.planner.result.hide') : t('baseline.planner.result.show')}
                      <VisuallyHidden> {c.name}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr id={rowDetailsId}>
                    <Table.Td colSpan={columns}>
                      <ChoiceDetails choice={c} categories={categoryNames} criteria={criterionNames} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function ChoiceDetails({
  choice,
  categories,
  criteria,
}: {
  choice: PlanChoice;
  categories: ReadonlyMap<string, string>;
  criteria: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Stack gap="sm" py="xs">
      <Box>
        <Text fw={700}>{t('baseline.planner.result.breakdown', { name: choice.name })}</Text>
        <List size="sm">
          {WEIGHTS.map((w) => (
            <List.Item key={w}>
              {t('baseline.planner.result.factor', {
                factor: t(`baseline.planner.weights.${w}`),
                value: formatScore(choice.factors[w]),
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {t('baseline.planner.result.multiplierText', {
            sum: formatScore(choice.multiplier - 1),
            multiplier: formatScore(choice.multiplier),
          })}
        </Text>
        {choice.addedCents !== null ? (
          <Text size="sm">{t('baseline.planner.result.added', { amount: formatMoney(choice.addedCents) })}</Text>
        ) : null}
      </Box>
      {choice.items.length === 0 ? (
        <Text size="sm">{t('baseline.planner.result.noItems')}</Text>
      ) : (
        <Table verticalSpacing={4} withTableBorder>
          <caption id={captionId} style={{ captionSide: 'top', textAlign: 'start', fontWeight: 700 }}>
            {t('baseline.planner.result.itemsCaption', { name: choice.name })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('baseline.planner.result.item')}</Table.Th>
              <Table.Th scope="col">{t('baseline.planner.result.criterion')}</Table.Th>
              <Table.Th scope="col">{t('baseline.planner.result.kind')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('baseline.planner.result.quantity')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('baseline.planner.result.unit')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('baseline.planner.result.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {choice.items.map((item, i) => (
              // Items have no id; their order is stable within a result.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={i}>
                <Table.Th scope="row" fw={400}>
                  {itemLabel(t, item, categories)}
                </Table.Th>
                <Table.Td>{criteria.get(item.criterionKey) ?? item.criterionKey}</Table.Td>
                <Table.Td>{t(`baseline.planner.kinds.${item.kind}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(item.quantity)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(item.unitCents + item.installCents)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(item.totalCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
