import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type School, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import {
  baselineChanged,
  type CriterionRef,
  type CriterionResult,
  type SchoolBaseline,
  schoolBaselineQuery,
} from './baseline-queries.ts';
import { GapItemsTable } from './gap-panel.tsx';
import { criterionLabel, formatPct, measuresText, reasonText, SchoolStateBadge, StatusMark } from './labels.tsx';
import { OverrideDialog } from './override-dialog.tsx';

/**
 * "Socle numérique" of the school page: where the school stands against the
 * grid in force, criterion by criterion with the facts and the evidence
 * behind each status, class by class, and what it would cost to close the
 * gap. Managers (`baseline.override`) adjust a status with a justification.
 */
export function SchoolBaselinePanel({ school }: { school: School }) {
  const me = useSignedInMe();
  if (!hasPermission(me, 'baseline.read')) return null;
  return <BaselineOfSchool school={school} canOverride={hasPermission(me, 'baseline.override')} />;
}

interface Editing {
  result: CriterionResult;
  classId: string | null;
  title: string;
}

function BaselineOfSchool({ school, canOverride }: { school: School; canOverride: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseline = useQuery(schoolBaselineQuery(school.id));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/baseline/overrides/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await baselineChanged(queryClient);
      setDone(t('baseline.override.removed'));
    },
  });
  const data = baseline.data;
  const adjust = (result: CriterionResult, classId: string | null, title: string) => {
    setDone(null);
    remove.reset();
    setEditing({ result, classId, title });
  };
  return (
    <Panel
      title={t('baseline.school.title')}
      actions={
        <Anchor component={Link} to="/baseline">
          {t('baseline.school.allSchools')}
        </Anchor>
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {baseline.isError ? <FormAlert kind="error">{errorMessage(t, baseline.error)}</FormAlert> : null}
      {baseline.isPending ? <Text>{t('common.loading')}</Text> : null}
      {data ? (
        <Stack gap="lg">
          <Summary data={data} />
          {data.school.inScope ? (
            <>
              <Stack gap="sm">
                <Title order={3}>{t('baseline.school.schoolCriteria')}</Title>
                {data.schoolCriteria.map((result) => {
                  const criterion = data.criteria.find((c) => c.key === result.key);
                  const label = criterionLabel(criterion, result.key);
                  return (
                    <CriterionBlock
                      key={result.key}
                      label={label}
                      criterion={criterion}
                      result={result}
                      canOverride={canOverride}
                      onAdjust={() => adjust(result, null, t('baseline.override.title', { label }))}
                      onRemove={(id) => remove.mutate(id)}
                      removing={remove.isPending}
                    />
                  );
                })}
              </Stack>
              <ClassesTable
                data={data}
                canOverride={canOverride}
                onAdjust={(result, classId, title) => adjust(result, classId, title)}
                onRemove={(id) => remove.mutate(id)}
              />
              <Stack gap="sm">
                <Title order={3}>{t('baseline.school.gapTitle')}</Title>
                {data.gap.length === 0 ? (
                  <Text>{t('baseline.school.noGap')}</Text>
                ) : (
                  <>
                    <Text>
                      {t('baseline.school.gapTotal', { amount: formatMoney(data.school.gapCents) })}
                      {data.school.gapComplete ? '' : ` ${t('baseline.gap.incomplete')}`}
                    </Text>
                    <GapItemsTable
                      id={`baseline-gap-${school.id}`}
                      caption={t('baseline.school.gapTitle')}
                      items={data.gap}
                      categories={data.categories}
                      criteria={data.criteria}
                      total={data.school.gapCents}
                      classNameOf={(id) => data.classes.find((c) => c.classId === id)?.name ?? null}
                    />
                  </>
                )}
              </Stack>
            </>
          ) : null}
        </Stack>
      ) : null}
      {editing ? (
        <OverrideDialog
          schoolId={school.id}
          classId={editing.classId}
          result={editing.result}
          title={editing.title}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setDone(message);
          }}
        />
      ) : null}
    </Panel>
  );
}

function Summary({ data }: { data: SchoolBaseline }) {
  const { t } = useTranslation();
  const s = data.school;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <SchoolStateBadge school={s} />
        {s.inScope ? (
          <Text>
            {t('baseline.school.summary', {
              score: formatPct(s.scorePct),
              atSocle: formatNumber(s.classesAtSocle),
              total: formatNumber(s.classesTotal),
            })}
          </Text>
        ) : null}
      </Group>
      <Text size="sm">
        {s.inScope
          ? t('baseline.school.gridLine', { grid: data.grid.name, date: formatDate(data.on) })
          : t('baseline.school.outOfScope', { grid: data.grid.name })}
      </Text>
    </Stack>
  );
}

function Evidence({ result }: { result: CriterionResult }) {
  const { t } = useTranslation();
  const { assets, subscriptions } = result.evidence;
  if (assets.length === 0 && subscriptions.length === 0) return null;
  return (
    <Text size="sm">
      {t('baseline.school.evidence')}{' '}
      {assets.map((a, i) => (
        <span key={a.id}>
          {i > 0 ? ', ' : ''}
          <AnchorLink to="/assets/$id" params={{ id: a.id }}>
            {a.tag}
          </AnchorLink>
        </span>
      ))}
      {assets.length && subscriptions.length ? ' · ' : ''}
      {subscriptions.map((s) => s.serviceName).join(', ')}
    </Text>
  );
}

function OverrideLine({ result }: { result: CriterionResult }) {
  const { t } = useTranslation();
  const o = result.override;
  if (!o) return null;
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text size="sm" fw={600}>
        {t('baseline.school.overridden', {
          status: t(`baseline.status.${o.status}`),
          computed: t(`baseline.status.${result.computedStatus}`),
        })}
      </Text>
      <Text size="sm">{t('baseline.school.justification', { text: o.justification })}</Text>
      <Text size="sm">{t('baseline.school.evidenceText', { text: o.evidence })}</Text>
      <Text size="sm">
        {o.expiresOn
          ? t('baseline.school.expiresOn', { date: formatDate(o.expiresOn) })
          : t('baseline.school.noExpiry')}
      </Text>
    </Paper>
  );
}

function CriterionBlock({
  label,
  criterion,
  result,
  canOverride,
  onAdjust,
  onRemove,
  removing,
}: {
  label: string;
  criterion: CriterionRef | undefined;
  result: CriterionResult;
  canOverride: boolean;
  onAdjust: () => void;
  onRemove: (id: string) => void;
  removing: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const measures = measuresText(t, result);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={4} id={id}>
            {label}
          </Title>
          <span data-testid="criterion-status">
            <StatusMark status={result.status} />
          </span>
        </Group>
        {criterion ? (
          <Text size="sm">
            {t('baseline.school.criterionMeta', {
              weight: criterion.weight,
              required: t(criterion.required ? 'baseline.school.required' : 'baseline.school.optional'),
            })}
          </Text>
        ) : null}
        {measures ? <Text size="sm">{measures}</Text> : null}
        {result.reasons.length > 0 ? (
          <List size="sm">
            {result.reasons.map((r) => (
              <List.Item key={r}>{reasonText(t, r)}</List.Item>
            ))}
          </List>
        ) : null}
        <Evidence result={result} />
        <OverrideLine result={result} />
        {canOverride ? (
          <Group gap="sm">
            <Button
              variant="default"
              size="sm"
              onClick={onAdjust}
              aria-label={t('baseline.override.adjustFor', { label })}
            >
              {t('baseline.override.adjust')}
            </Button>
            {result.override ? (
              <Button
                variant="outline"
                color="red.9"
                size="sm"
                loading={removing}
                onClick={() => result.override && onRemove(result.override.id)}
                aria-label={t('baseline.override.removeFor', { label })}
              >
                {t('baseline.override.remove')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ClassesTable({
  data,
  canOverride,
  onAdjust,
  onRemove,
}: {
  data: SchoolBaseline;
  canOverride: boolean;
  onAdjust: (result: CriterionResult, classId: string, title: string) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const classCriteria = data.criteria.filter((c) => c.level === 'class');
  if (data.classes.length === 0) return <Text>{t('baseline.school.noClasses')}</Text>;
  if (classCriteria.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} id="baseline-classes-title">
        {t('baseline.school.classesTitle')}
      </Title>
      <TableScroll labelledBy="baseline-classes-caption">
        <Table striped verticalSpacing="xs">
          <caption id="baseline-classes-caption">
            <VisuallyHidden>{t('baseline.school.classesCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('baseline.school.class')}</Table.Th>
              <Table.Th scope="col">{t('baseline.school.classStatus')}</Table.Th>
              {classCriteria.map((c) => (
                <Table.Th scope="col" key={c.key}>
                  {criterionLabel(c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.classes.map((cls) => (
              <Table.Tr key={cls.classId}>
                <Table.Th scope="row">
                  {cls.name}
                  {cls.pupils !== null ? (
                    <Text size="xs" fw={400}>
                      {t('baseline.school.pupils', { count: cls.pupils })}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>
                  <StatusMark
                    status={cls.atSocle ? 'met' : 'missing'}
                    label={t(cls.atSocle ? 'baseline.state.at_socle' : 'baseline.state.not_at_socle')}
                  />
                </Table.Td>
                {classCriteria.map((c) => {
                  const result = cls.criteria.find((r) => r.key === c.key);
                  if (!result) return <Table.Td key={c.key}>—</Table.Td>;
                  const label = criterionLabel(c);
                  return (
                    <Table.Td key={c.key}>
                      <Stack gap={4}>
                        <StatusMark status={result.status} />
                        {result.evidence.assets.length > 0 ? (
                          <Text size="sm">
                            {result.evidence.assets.map((a, i) => (
                              <span key={a.id}>
                                {i > 0 ? ', ' : ''}
                                <AnchorLink to="/assets/$id" params={{ id: a.id }}>
                                  {a.tag}
                                </AnchorLink>
                              </span>
                            ))}
                          </Text>
                        ) : null}
                        {result.reasons.map((r) => (
                          <Text size="sm" key={r}>
                            {reasonText(t, r)}
                          </Text>
                        ))}
                        {result.override ? (
                          <Text size="sm">
                            {t('baseline.school.overriddenShort', {
                              computed: t(`baseline.status.${result.computedStatus}`),
                              justification: result.override.justification,
                            })}
                          </Text>
                        ) : null}
                        {canOverride ? (
                          <Group gap={4}>
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              onClick={() =>
                                onAdjust(
                                  result,
                                  cls.classId,
                                  t('baseline.override.titleClass', { label, name: cls.name }),
                                )
                              }
                              aria-label={t('baseline.override.adjustForClass', { label, name: cls.name })}
                            >
                              {t('baseline.override.adjust')}
                            </Button>
                            {result.override ? (
                              <Button
                                variant="subtle"
                                color="red.9"
                                size="compact-sm"
                                onClick={() => result.override && onRemove(result.override.id)}
                                aria-label={t('baseline.override.removeForClass', { label, name: cls.name })}
                              >
                                {t('baseline.override.remove')}
                              </Button>
                            ) : null}
                          </Group>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
