import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { type TrainingSessionDetail, trainingChanged } from './training-queries.ts';

/**
 * "Inscrire une personne qui a un compte": a manager, or a director for
 * their schools, finds a member of staff by name among the accounts the API
 * offers (fitting the audience, not registered yet) and registers them,
 * counted for the school chosen when they have several.
 */
export function AccountRegistration({
  session: s,
  onDone,
}: {
  session: TrainingSessionDetail;
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [q, setQ] = useState('');
  const search = useDeferredValue(q.trim());
  const [userId, setUserId] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const candidates = useQuery({
    queryKey: ['training', 'candidates', s.id, search],
    queryFn: () =>
      unwrap(
        api.GET('/api/training/sessions/{id}/candidates', {
          params: { path: { id: s.id }, query: search ? { q: search } : {} },
        }),
      ),
  });
  const chosen = candidates.data?.find((c) => c.id === userId);
  const needsSchool = !s.schoolId && (chosen?.schools.length ?? 0) > 1;
  const register = useMutation({
    mutationFn: (body: { userId: string; schoolId?: string }) =>
      unwrap(api.POST('/api/training/sessions/{id}/registrations', { params: { path: { id: s.id } }, body })),
    onSuccess: async (saved) => {
      await trainingChanged(queryClient);
      setUserId('');
      setSchoolId('');
      onDone(t('training.account.registered', { name: saved.name ?? '' }));
    },
  });
  useFocusFirstProblem(form, register.error ?? checked);
  const problem = formProblem(t, register.error, ['userId', 'schoolId']);
  const own = (m: string | undefined) =>
    m && t(`training.fieldErrors.${m}`, { defaultValue: '' }) ? t(`training.fieldErrors.${m}`) : m;
  const errors: Record<string, string | undefined> = {
    userId: own(problem.fields.userId),
    schoolId: own(problem.fields.schoolId),
    ...checked,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(null);
    const found: Record<string, string> = {};
    if (!chosen) found.userId = t('errors.fields.required');
    if (needsSchool && !schoolId) found.schoolId = t('errors.fields.required');
    if (Object.keys(found).length || !chosen) {
      setChecked(found);
      register.reset();
      return;
    }
    setChecked(null);
    const school = needsSchool
      ? schoolId
      : chosen.schools.length === 1 && !s.schoolId
        ? chosen.schools[0]?.id
        : undefined;
    register.mutate({ userId: chosen.id, ...(school ? { schoolId: school } : {}) });
  };
  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: c.schools.length ? `${c.displayName} (${c.schools.map((x) => x.name).join(', ')})` : c.displayName,
  }));
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Text fw={700} id={headingId}>
          {t('training.account.title')}
        </Text>
        <Text size="sm">{t('training.account.help')}</Text>
        {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('training.account.search')}
            description={t('training.account.searchHelp')}
            type="search"
            maxLength={100}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('training.account.person')}
            required
            value={userId}
            onChange={(e) => {
              setUserId(e.currentTarget.value);
              setSchoolId('');
            }}
            error={errors.userId}
            description={
              candidates.isPending
                ? t('common.loading')
                : t('training.account.found', { count: candidates.data?.length ?? 0 })
            }
            data={[{ value: '', label: t('training.account.choose') }, ...options]}
          />
          {needsSchool && chosen ? (
            <NativeSelect
              label={t('training.fields.school')}
              required
              value={schoolId}
              onChange={(e) => setSchoolId(e.currentTarget.value)}
              error={errors.schoolId}
              data={[
                { value: '', label: t('training.chooseSchool') },
                ...chosen.schools.map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
          ) : null}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('training.account.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
