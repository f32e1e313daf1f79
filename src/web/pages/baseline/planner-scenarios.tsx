import { Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime, formatMoney, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { PlanOrdersDialog } from './planner-orders-dialog.tsx';
import { inputOf, MAX_COMPARED, type PlanInput, type PlanSummary, plansQuery, WEIGHTS } from './planner-queries.ts';

/**
 * The saved scenarios: a list with their headline figures, each exportable
 * and deletable, and two or three of them side by side.
 */

export function ScenariosPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const plans = useQuery(plansQuery);
  const [compared, setCompared] = useState<readonly string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [ordering, setOrdering] = useState<PlanSummary | null>(null);
  const me = useMe();
  const canOrder = hasPermission(me, 'funding.manage');
  const remove = useMutation({
    mutationFn: (plan: PlanSummary) =>
      unwrap(api.DELETE('/api/baseline/plans/{id}', { params: { path: { id: plan.id } } })).then(() => plan),
    onSuccess: async (plan) => {
      setDone(t('baseline.planner.scenarios.deleted', { name: plan.name }));
      setCompared((ids) => ids.filter((id) => id !== plan.id));
      await queryClient.invalidateQueries({ queryKey: plansQuery.queryKey });
    },
  });
  const list = plans.data ?? [];
  const lang = currentLanguage();
  const chosen = compared.flatMap((id) => list.filter((p) => p.id === id));
  const toggle = (id: string, on: boolean) =>
    setCompared((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  return (
    <Panel title={t('baseline.planner.scenarios.title')}>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {plans.isError ? <FormAlert kind="error">{errorMessage(t, plans.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {plans.isPending ? <Text>{t('common.loading')}</Text> : null}
      {plans.isSuccess && list.length === 0 ? <Text>{t('baseline.planner.scenarios.none')}</Text> : null}
      {list.length > 0 ? (
        <>
          <Text size="sm">{t('baseline.planner.scenarios.compareHelp', { max: MAX_COMPARED })}</Text>
          <TableScroll labelledBy={captionId}>
            <Table striped verticalSpacing="xs">
              <caption id={captionId}>
                <VisuallyHidden>{t('baseline.planner.scenarios.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('baseline.planner.scenarios.compare')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.planner.scenarios.name')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.planner.scenarios.date')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.planner.rows.budget')}
                  </Table.Th>
                  <Table.Th scope="col">{t('baseline.planner.rows.basis')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.planner.rows.objective')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.planner.rows.spend')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.planner.rows.ownShare')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.planner.rows.classesReached')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.planner.rows.schoolsSelected')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => {
                  const input = inputOf(p);
                  const isChosen = compared.includes(p.id);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('baseline.planner.scenarios.compareOne', { name: p.name })}
                          checked={isChosen}
                          disabled={!isChosen && compared.length >= MAX_COMPARED}
                          onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Th scope="row">{p.name}</Table.Th>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.createdAt)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(input.budgetCents)}
                      </Table.Td>
                      <Table.Td>
                        {input.budgetBasis ? t(`baseline.planner.basisShort.${input.budgetBasis}`) : '—'}
                      </Table.Td>
                      <Table.Td>
                        {input.objective ? t(`baseline.planner.objectiveShort.${input.objective}`) : '—'}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(p.totals.spendCents)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(p.totals.ownShareCents)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(p.totals.classesReached)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.totals.schoolsSelected)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            component="a"
                            href={`/api/baseline/plans/${p.id}/export.xlsx?lang=${lang}`}
                            download
                          >
                            {t('baseline.planner.scenarios.export')}
                            <VisuallyHidden> {p.name}</VisuallyHidden>
                          </Button>
                          {canOrder && p.totals.schoolsSelected > 0 ? (
                            <Button size="xs" variant="default" onClick={() => setOrdering(p)}>
                              {t('baseline.planner.orders.open')}
                              <VisuallyHidden> {p.name}</VisuallyHidden>
                            </Button>
                          ) : null}
                          <Button
                            size="xs"
                            variant="subtle"
                            color="#a51d2d"
                            loading={remove.isPending && remove.variables?.id === p.id}
                            onClick={() => {
                              setDone(null);
                              if (window.confirm(t('baseline.planner.scenarios.confirmDelete', { name: p.name })))
                                remove.mutate(p);
                            }}
                          >
                            {t('baseline.planner.scenarios.delete')}
                            <VisuallyHidden> {p.name}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      ) : null}
      {chosen.length >= 2 ? <Comparison plans={chosen} /> : null}
      {ordering ? <PlanOrdersDialog plan={ordering} onClose={() => setOrdering(null)} /> : null}
    </Panel>
  );
}

/** Rows of words, which may wrap (the others are amounts and counts). */
const TEXT_ROWS = new Set(['basis', 'objective', 'funders', 'weights']);

function fundersText(t: TFunction, input: Partial<PlanInput>): string {
  if (input.programmeId) return t('baseline.planner.compare.programmeFunders');
  const names = (input.funders ?? []).map((f) => f.name);
  return names.length ? names.join(', ') : t('baseline.planner.compare.noFunder');
}

function weightsText(t: TFunction, input: Partial<PlanInput>): string {
  const parts = WEIGHTS.filter((w) => (input.weights?.[w] ?? 0) > 0).map((w) =>
    t('baseline.planner.compare.weightOf', {
      factor: t(`baseline.planner.weights.${w}`),
      weight: formatNumber(input.weights?.[w] ?? 0),
    }),
  );
  return parts.length ? parts.join(', ') : t('baseline.planner.compare.noWeight');
}

function Comparison({ plans }: { plans: readonly PlanSummary[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const rows: [key: string, value: (p: PlanSummary) => ReactNode][] = [
    ['budget', (p) => formatMoney(inputOf(p).budgetCents)],
    ['basis', (p) => t(`baseline.planner.basisShort.${inputOf(p).budgetBasis ?? 'total'}`)],
    ['objective', (p) => t(`baseline.planner.objectiveShort.${inputOf(p).objective ?? 'classes'}`)],
    ['funders', (p) => fundersText(t, inputOf(p))],
    ['weights', (p) => weightsText(t, inputOf(p))],
    ['spend', (p) => formatMoney(p.totals.spendCents)],
    ['aid', (p) => formatMoney(p.totals.aidCents)],
    ['ownShare', (p) => formatMoney(p.totals.ownShareCents)],
    ['budgetLeft', (p) => formatMoney(p.totals.budgetLeftCents)],
    ['classesReached', (p) => formatNumber(p.totals.classesReached)],
    ['pupilsReached', (p) => formatNumber(p.totals.pupilsReached)],
    ['schoolsSelected', (p) => formatNumber(p.totals.schoolsSelected)],
    ['schoolsLeftOut', (p) => formatNumber(p.totals.schoolsLeftOut)],
    ['schoolsOverBudget', (p) => formatNumber(p.totals.schoolsOverBudget)],
  ];
  return (
    <Stack gap="xs">
      <TableScroll labelledBy={captionId}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="planner-comparison">
          <caption id={captionId} style={{ captionSide: 'top', textAlign: 'start', fontWeight: 700 }}>
            {t('baseline.planner.compare.caption', { names: plans.map((p) => p.name).join(', ') })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('baseline.planner.compare.figure')}</Table.Th>
              {plans.map((p) => (
                <Table.Th scope="col" ta="right" key={p.id}>
                  {p.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{t(`baseline.planner.rows.${key}`)}</Table.Th>
                {plans.map((p) => (
                  <Table.Td ta="right" key={p.id} style={TEXT_ROWS.has(key) ? undefined : { whiteSpace: 'nowrap' }}>
                    {value(p)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
