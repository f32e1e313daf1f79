import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { formProblem } from '../../errors.ts';
import { PlannerForm } from './planner-form.tsx';
import { type PlanInput, type PlanPreview, plansQuery } from './planner-queries.ts';
import { PlanResultView } from './planner-result.tsx';
import { ScenariosPanel } from './planner-scenarios.tsx';

/**
 * The budget planner (/baseline/planner, permission `baseline.plan`): which
 * schools to bring to the socle numérique first with a given budget and
 * funders, why, and at what cost; scenarios saved and compared side by side.
 * Nothing is stored until a scenario is saved.
 */
export function PlannerPage() {
  const { t } = useTranslation();
  const resultId = useId();
  const [ran, setRan] = useState<{ run: number; input: PlanInput; preview: PlanPreview } | null>(null);
  const runs = useRef(0);
  const preview = useMutation({
    mutationFn: (input: PlanInput) =>
      unwrap(api.POST('/api/baseline/plans/preview', { body: input })).then((result) => ({ input, preview: result })),
    onSuccess: (out) => setRan({ ...out, run: ++runs.current }),
    // A failed run leaves no stale result on screen: the form's errors take the focus.
    onError: () => setRan(null),
  });
  // A new result is announced by moving the focus to its heading.
  useEffect(() => {
    if (ran) document.getElementById(resultId)?.focus();
  }, [ran, resultId]);
  return (
    <Page title={t('baseline.planner.title')}>
      <Text>{t('baseline.planner.intro')}</Text>
      <Panel title={t('baseline.planner.form.title')}>
        <PlannerForm
          pending={preview.isPending}
          error={preview.error}
          onRun={(input) => {
            preview.mutate(input);
          }}
        />
      </Panel>
      {ran ? (
        <Panel title={t('baseline.planner.result.title')}>
          <Text id={resultId} tabIndex={-1} fw={700} size="lg">
            {t('baseline.planner.result.heading', {
              schools: ran.preview.result.totals.schoolsSelected,
              classes: ran.preview.result.totals.classesReached,
            })}
          </Text>
          <PlanResultView preview={ran.preview} basis={ran.input.budgetBasis} objective={ran.input.objective} />
          <SaveScenario key={ran.run} input={ran.input} />
        </Panel>
      ) : null}
      <ScenariosPanel />
    </Page>
  );
}

function SaveScenario({ input }: { input: PlanInput }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { name: string; input: PlanInput }) => unwrap(api.POST('/api/baseline/plans', { body })),
    onSuccess: async (saved) => {
      setDone(t('baseline.planner.save.saved', { name: saved.name }));
      setName('');
      await queryClient.invalidateQueries({ queryKey: plansQuery.queryKey });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, ['name']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      setChecked({ name: t('errors.fields.required') });
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({ name: name.trim(), input });
  };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('baseline.planner.save.help')}</Text>
        {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        {done ? <FormAlert kind="success">{done}</FormAlert> : null}
        <Group align="end" gap="sm">
          <TextInput
            label={t('baseline.planner.save.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            w="20rem"
          />
          <Button type="submit" loading={save.isPending}>
            {t('baseline.planner.save.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
