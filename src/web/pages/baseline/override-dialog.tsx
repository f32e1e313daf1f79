import { NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { Dialog, FormButtons } from '../funding/labels.tsx';
import { baselineChanged, type CriterionResult } from './baseline-queries.ts';

const OVERRIDE_STATUSES = ['met', 'partly', 'missing'] as const;
type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

/**
 * A manager's override of one criterion, for the school or one class: the
 * status, why (justification) and what proves it (evidence), until an
 * optional date. Replaces the computed status, which stays shown beside it.
 */
export function OverrideDialog({
  schoolId,
  classId,
  result,
  title,
  onClose,
  onSaved,
}: {
  schoolId: string;
  classId: string | null;
  result: CriterionResult;
  title: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const current = result.override;
  const [status, setStatus] = useState<OverrideStatus>(current?.status ?? 'met');
  const [justification, setJustification] = useState(current?.justification ?? '');
  const [evidence, setEvidence] = useState(current?.evidence ?? '');
  const [expiresOn, setExpiresOn] = useState(current?.expiresOn ?? '');
  const [missing, setMissing] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/baseline/overrides', {
          body: {
            schoolId,
            classId,
            criterionKey: result.key,
            status,
            justification: justification.trim(),
            evidence: evidence.trim(),
            expiresOn: expiresOn || null,
          },
        }),
      ),
    onSuccess: async () => {
      await baselineChanged(queryClient);
      onSaved(t('baseline.override.saved'));
    },
  });
  useFocusFirstProblem(form, save.error ?? missing);
  const problem = save.error ? formProblem(t, save.error, ['status', 'justification', 'evidence', 'expiresOn']) : null;
  const errorOf = (name: string) => missing?.[name] ?? problem?.fields[name];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (justification.trim().length < 3) found.justification = t('baseline.override.tooShort');
    if (evidence.trim().length < 3) found.evidence = t('baseline.override.tooShort');
    if (Object.keys(found).length) {
      setMissing(found);
      save.reset();
      return;
    }
    setMissing(null);
    save.mutate();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('baseline.override.help', { computed: t(`baseline.status.${result.computedStatus}`) })}</Text>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <NativeSelect
            label={t('baseline.override.status')}
            required
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as OverrideStatus)}
            data={OVERRIDE_STATUSES.map((s) => ({ value: s, label: t(`baseline.status.${s}`) }))}
            error={errorOf('status')}
          />
          <Textarea
            label={t('baseline.override.justification')}
            description={t('baseline.override.justificationHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={errorOf('justification')}
          />
          <Textarea
            label={t('baseline.override.evidence')}
            description={t('baseline.override.evidenceHelp')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={errorOf('evidence')}
          />
          <TextInput
            label={t('baseline.override.expiresOn')}
            description={t('baseline.override.expiresOnHelp')}
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errorOf('expiresOn')}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('baseline.override.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
