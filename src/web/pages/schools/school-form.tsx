import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type School, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { numberForInput, parseDecimal } from '../../format.ts';
import { isOneOf, PRIORITY_EDUCATION, priorityKey, SCHOOL_KINDS } from './labels.ts';
import { schoolSaved } from './school-queries.ts';
import { uaiHint } from './uai-hint.ts';

/** Creating a school (`POST /api/schools`) or editing its identity (`PATCH /api/schools/{id}`). */

const FIELDS = [
  'uai',
  'name',
  'usualName',
  'kind',
  'sector',
  'address',
  'postcode',
  'communeCode',
  'communeName',
  'latitude',
  'longitude',
  'priorityEducation',
  'circonscriptionCode',
  'circonscriptionName',
  'ips',
  'ipsYear',
  'openedOn',
  'schoolGroup',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function initialValues(school: School | null): Values {
  return {
    uai: school?.uai ?? '',
    name: school?.name ?? '',
    usualName: school?.usualName ?? '',
    kind: school?.kind ?? '',
    sector: school?.sector ?? 'public',
    address: school?.address ?? '',
    postcode: school?.postcode ?? '',
    communeCode: school?.communeCode ?? '',
    communeName: school?.communeName ?? '',
    latitude: numberForInput(school?.latitude),
    longitude: numberForInput(school?.longitude),
    priorityEducation: school?.priorityEducation ?? 'none',
    circonscriptionCode: school?.circonscriptionCode ?? '',
    circonscriptionName: school?.circonscriptionName ?? '',
    ips: numberForInput(school?.ips),
    ipsYear: school?.ipsYear ?? '',
    openedOn: school?.openedOn ?? '',
    schoolGroup: school?.schoolGroup ?? '',
  };
}

const NUMBER_RANGES = {
  latitude: [-90, 90],
  longitude: [-180, 180],
  ips: [0, 300],
} as const;

export function SchoolForm({
  school,
  onSaved,
  onCancel,
}: {
  /** null: a new school. */
  school: School | null;
  onSaved: (school: School) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(school));
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const text = (field: Field) => values[field].trim() || null;
  const number = (field: keyof typeof NUMBER_RANGES) => parseDecimal(values[field]);

  const save = useMutation({
    mutationFn: async (): Promise<School> => {
      const kind = isOneOf(SCHOOL_KINDS, values.kind) ? values.kind : 'elementaire';
      const priorityEducation = isOneOf(PRIORITY_EDUCATION, values.priorityEducation)
        ? values.priorityEducation
        : 'none';
      const fields = {
        name: values.name.trim(),
        usualName: text('usualName'),
        kind,
        sector: values.sector === 'private' ? ('private' as const) : ('public' as const),
        address: text('address'),
        postcode: text('postcode'),
        communeCode: text('communeCode')?.toUpperCase() ?? null,
        communeName: text('communeName'),
        latitude: number('latitude'),
        longitude: number('longitude'),
        priorityEducation,
        circonscriptionCode: text('circonscriptionCode'),
        circonscriptionName: text('circonscriptionName'),
        ips: number('ips'),
        ipsYear: text('ipsYear'),
        openedOn: text('openedOn'),
        schoolGroup: text('schoolGroup'),
      };
      if (school) {
        return unwrap(api.PATCH('/api/schools/{id}', { params: { path: { id: school.id } }, body: fields }));
      }
      return unwrap(api.POST('/api/schools', { body: { uai: values.uai, ...fields } }));
    },
    onSuccess: async (saved) => {
      await schoolSaved(queryClient, saved);
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);

  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // What the user can see is wrong is said here; the server checks everything again.
    const found: Partial<Record<Field, string>> = {};
    if (!school && !values.uai.trim()) found.uai = t('errors.fields.required');
    if (!values.name.trim()) found.name = t('errors.fields.required');
    if (!values.kind) found.kind = t('errors.fields.required');
    for (const field of Object.keys(NUMBER_RANGES) as (keyof typeof NUMBER_RANGES)[]) {
      const value = number(field);
      const [min, max] = NUMBER_RANGES[field];
      if (value !== null && (Number.isNaN(value) || value < min || value > max)) {
        found[field] = t('errors.fields.number_between', { min, max });
      }
    }
    const hasProblems = Object.keys(found).length > 0;
    setChecked(hasProblems ? found : null);
    if (hasProblems) {
      save.reset();
      return;
    }
    save.mutate();
  };

  const hint = uaiHint(values.uai);
  const uaiDescription =
    hint.kind === 'ok'
      ? t('schools.form.uaiValid')
      : hint.kind === 'letter'
        ? t('schools.form.uaiExpectedLetter', { letter: hint.letter })
        : t('schools.form.uaiHelp');

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm">{t('common.requiredHint')}</Text>
        {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}

        <Fieldset legend={t('schools.form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {school ? (
              <TextInput
                label={t('schools.uai')}
                value={school.uai}
                readOnly
                description={t('schools.form.uaiFixed')}
              />
            ) : (
              <TextInput
                label={t('schools.uai')}
                description={uaiDescription}
                required
                autoComplete="off"
                spellCheck={false}
                maxLength={8}
                value={values.uai}
                onChange={set('uai')}
                error={errors.uai}
              />
            )}
            <TextInput
              label={t('schools.officialName')}
              required
              value={values.name}
              onChange={set('name')}
              error={errors.name}
            />
            <TextInput
              label={t('schools.usualName')}
              description={t('schools.form.usualNameHelp')}
              value={values.usualName}
              onChange={set('usualName')}
              error={errors.usualName}
            />
            <NativeSelect
              label={t('schools.kind')}
              required
              value={values.kind}
              onChange={set('kind')}
              error={errors.kind}
              data={[
                ...(values.kind ? [] : [{ value: '', label: t('schools.form.choose') }]),
                ...SCHOOL_KINDS.map((k) => ({ value: k, label: t(`schools.kinds.${k}`) })),
              ]}
            />
            <NativeSelect
              label={t('schools.sector')}
              value={values.sector}
              onChange={set('sector')}
              error={errors.sector}
              data={[
                { value: 'public', label: t('schools.sectors.public') },
                { value: 'private', label: t('schools.sectors.private') },
              ]}
            />
            <TextInput
              label={t('schools.openedOn')}
              type="date"
              value={values.openedOn}
              onChange={set('openedOn')}
              error={errors.openedOn}
            />
            <TextInput
              label={t('schools.schoolGroup')}
              description={t('schools.form.schoolGroupHelp')}
              value={values.schoolGroup}
              onChange={set('schoolGroup')}
              error={errors.schoolGroup}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('schools.form.location')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('schools.address')}
              autoComplete="street-address"
              value={values.address}
              onChange={set('address')}
              error={errors.address}
            />
            <TextInput
              label={t('schools.postcode')}
              description={t('schools.form.postcodeHelp')}
              autoComplete="postal-code"
              inputMode="numeric"
              value={values.postcode}
              onChange={set('postcode')}
              error={errors.postcode}
            />
            <TextInput
              label={t('schools.communeName')}
              value={values.communeName}
              onChange={set('communeName')}
              error={errors.communeName}
            />
            <TextInput
              label={t('schools.communeCode')}
              description={t('schools.form.communeCodeHelp')}
              value={values.communeCode}
              onChange={set('communeCode')}
              error={errors.communeCode}
            />
            <TextInput
              label={t('schools.latitude')}
              description={t('schools.form.latitudeHelp')}
              inputMode="decimal"
              value={values.latitude}
              onChange={set('latitude')}
              error={errors.latitude}
            />
            <TextInput
              label={t('schools.longitude')}
              description={t('schools.form.longitudeHelp')}
              inputMode="decimal"
              value={values.longitude}
              onChange={set('longitude')}
              error={errors.longitude}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('schools.form.education')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('schools.priorityEducation')}
              value={values.priorityEducation}
              onChange={set('priorityEducation')}
              error={errors.priorityEducation}
              data={PRIORITY_EDUCATION.map((p) => ({ value: p, label: t(`schools.priorityLong.${priorityKey(p)}`) }))}
            />
            <TextInput
              label={t('schools.circonscriptionName')}
              value={values.circonscriptionName}
              onChange={set('circonscriptionName')}
              error={errors.circonscriptionName}
            />
            <TextInput
              label={t('schools.circonscriptionCode')}
              value={values.circonscriptionCode}
              onChange={set('circonscriptionCode')}
              error={errors.circonscriptionCode}
            />
            <TextInput
              label={t('schools.ips')}
              description={t('schools.form.ipsHelp')}
              inputMode="decimal"
              value={values.ips}
              onChange={set('ips')}
              error={errors.ips}
            />
            <TextInput
              label={t('schools.ipsYear')}
              description={t('schools.form.ipsYearHelp')}
              value={values.ipsYear}
              onChange={set('ipsYear')}
              error={errors.ipsYear}
            />
          </SimpleGrid>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {school ? t('common.save') : t('schools.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
