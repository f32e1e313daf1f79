import {
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { publicInfoQuery } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { currentLanguage } from '../../i18n.ts';
import { organisationQuery } from '../loans/loan-queries.ts';

/**
 * What only the organisation knows for its accessibility statement
 * (`settings.accessibility` through `PATCH /api/organisation`): the
 * compliance status, the last RGAA audit, and the multi-year plan, one entry
 * per year. The statement page /accessibilite shows them to everyone.
 */

type Accessibility = Schemas['Organisation']['settings']['accessibility'];
type Status = Accessibility['status'];
const STATUSES: readonly Status[] = ['non_evalue', 'partiel', 'total'];
const PREFIX = 'body.settings.accessibility.';

export function AccessibilitySettingsPage() {
  const { t } = useTranslation();
  const organisation = useQuery(organisationQuery);
  const [saved, setSaved] = useState(false);
  const data = organisation.data?.settings.accessibility;
  return (
    <Page title={t('accessibilitySettings.title')}>
      <Text>{t('accessibilitySettings.intro')}</Text>
      <Text>
        <Anchor component={Link} to="/accessibilite">
          {t('accessibilitySettings.statementLink')}
        </Anchor>
      </Text>
      {organisation.isError ? <FormAlert kind="error">{errorMessage(t, organisation.error)}</FormAlert> : null}
      {data ? (
        <AccessibilityForm key={JSON.stringify(data)} initial={data} saved={saved} onSaved={setSaved} />
      ) : organisation.isError ? null : (
        <Text role="status">{t('common.loading')}</Text>
      )}
    </Page>
  );
}

type PlanRow = { key: number; year: string | number; actions: string };

function AccessibilityForm({
  initial,
  saved,
  onSaved,
}: {
  initial: Accessibility;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const nextKey = useRef(initial.plan.length);
  const [status, setStatus] = useState<Status>(initial.status);
  const [auditedOn, setAuditedOn] = useState(initial.auditedOn ?? '');
  const [auditor, setAuditor] = useState(initial.auditor);
  const [rate, setRate] = useState<string | number>(initial.complianceRate ?? '');
  const [plan, setPlan] = useState<PlanRow[]>(initial.plan.map((p, key) => ({ key, ...p })));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/organisation', {
          body: {
            settings: {
              accessibility: {
                status,
                auditedOn: auditedOn || null,
                auditor: auditor.trim(),
                complianceRate: rate === '' ? null : Number(rate),
                plan: plan.map((p) => ({ year: Number(p.year), actions: p.actions.trim() })),
              },
            },
          },
        }),
      ),
    onSuccess: (organisation) => {
      onSaved(true);
      queryClient.setQueryData(organisationQuery.queryKey, organisation);
      void queryClient.invalidateQueries({ queryKey: publicInfoQuery.queryKey });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const known = [
    'status',
    'auditedOn',
    'auditor',
    'complianceRate',
    'plan',
    ...plan.flatMap((_, i) => [`plan.${i}.year`, `plan.${i}.actions`]),
  ];
  const problem = save.error
    ? formProblem(t, save.error, known, (path) => (path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path))
    : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (rate !== '' && (Number(rate) < 0 || Number(rate) > 100))
      found.complianceRate = t('errors.fields.number_between', { min: 0, max: 100 });
    const years = new Set<number>();
    plan.forEach((p, i) => {
      const y = Number(p.year);
      if (p.year === '' || !Number.isInteger(y) || y < 2000 || y > 2100)
        found[`plan.${i}.year`] = t('errors.fields.number_between', { min: 2000, max: 2100 });
      else if (years.has(y)) found[`plan.${i}.year`] = t('accessibilitySettings.duplicateYear');
      years.add(y);
      if (!p.actions.trim()) found[`plan.${i}.actions`] = t('errors.fields.required');
    });
    const hasProblems = Object.keys(found).length > 0;
    setChecked(hasProblems ? found : null);
    onSaved(false);
    if (hasProblems) {
      save.reset();
      return;
    }
    save.mutate();
  };
  const update = (key: number, patch: Partial<PlanRow>) => {
    onSaved(false);
    setPlan((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  return (
    <Panel title={t('accessibilitySettings.panel')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {saved ? <FormAlert kind="success">{t('accessibilitySettings.saved')}</FormAlert> : null}
          <NativeSelect
            label={t('accessibilitySettings.status')}
            description={t('accessibilitySettings.statusHelp')}
            value={status}
            onChange={(e) => {
              const v = e.currentTarget.value as Status;
              setStatus(STATUSES.includes(v) ? v : 'non_evalue');
              onSaved(false);
            }}
            data={STATUSES.map((s) => ({ value: s, label: t(`accessibility.status.${s}`) }))}
            error={errors.status}
          />
          <Fieldset legend={t('accessibilitySettings.audit')}>
            <Stack gap="sm">
              <TextInput
                type="date"
                label={t('accessibilitySettings.auditedOn')}
                value={auditedOn}
                onChange={(e) => {
                  setAuditedOn(e.currentTarget.value);
                  onSaved(false);
                }}
                error={errors.auditedOn}
              />
              <TextInput
                label={t('accessibilitySettings.auditor')}
                maxLength={200}
                value={auditor}
                onChange={(e) => {
                  setAuditor(e.currentTarget.value);
                  onSaved(false);
                }}
                error={errors.auditor}
              />
              <NumberInput
                label={t('accessibilitySettings.complianceRate')}
                description={t('accessibilitySettings.complianceRateHelp')}
                min={0}
                max={100}
                decimalScale={1}
                decimalSeparator={currentLanguage() === 'fr' ? ',' : '.'}
                hideControls
                value={rate}
                onChange={(v) => {
                  setRate(v);
                  onSaved(false);
                }}
                error={errors.complianceRate}
                aria-invalid={errors.complianceRate ? true : undefined}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('accessibilitySettings.plan')}>
            <Stack gap="sm">
              <Text size="sm">{t('accessibilitySettings.planHelp')}</Text>
              {errors.plan ? (
                <Text c="red.9" size="sm" role="alert">
                  {errors.plan}
                </Text>
              ) : null}
              {plan.length === 0 ? <Text size="sm">{t('accessibilitySettings.planEmpty')}</Text> : null}
              {plan.map((row, i) => (
                <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t('accessibilitySettings.year')}
                    required
                    min={2000}
                    max={2100}
                    allowDecimal={false}
                    hideControls
                    w={110}
                    value={row.year}
                    onChange={(v) => update(row.key, { year: v })}
                    error={errors[`plan.${i}.year`]}
                    aria-invalid={errors[`plan.${i}.year`] ? true : undefined}
                  />
                  <Textarea
                    label={t('accessibilitySettings.actions', { year: row.year || '…' })}
                    required
                    autosize
                    minRows={2}
                    maxLength={4000}
                    style={{ flex: '1 1 20rem' }}
                    value={row.actions}
                    onChange={(e) => update(row.key, { actions: e.currentTarget.value })}
                    error={errors[`plan.${i}.actions`]}
                  />
                  <Button
                    variant="default"
                    mt={26}
                    onClick={() => {
                      onSaved(false);
                      setPlan((rows) => rows.filter((r) => r.key !== row.key));
                    }}
                  >
                    {t('accessibilitySettings.removeYear', { year: row.year || '…' })}
                  </Button>
                </Group>
              ))}
              <div>
                <Button
                  variant="default"
                  disabled={plan.length >= 10}
                  onClick={() => {
                    onSaved(false);
                    const last = Math.max(new Date().getFullYear() - 1, ...plan.map((p) => Number(p.year) || 0));
                    setPlan((rows) => [...rows, { key: nextKey.current++, year: last + 1, actions: '' }]);
                  }}
                >
                  {t('accessibilitySettings.addYear')}
                </Button>
              </div>
            </Stack>
          </Fieldset>
          <div>
            <Button type="submit" loading={save.isPending}>
              {t('accessibilitySettings.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}
