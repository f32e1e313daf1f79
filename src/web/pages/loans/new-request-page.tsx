import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSignedInMe } from '../../auth/session.ts';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { categoriesQuery } from '../assets/asset-queries.ts';
import { categoryName } from '../assets/labels.tsx';
import { loanFormProblem, reasonLabel } from './labels.tsx';
import { type CreateLoanRequestInput, reasonsQuery, requestSaved } from './loan-queries.ts';
import { today } from './search.ts';

/**
 * A loan request (`POST /api/loans/requests`), with exactly the API's
 * fields: the pupil, one or two legal representatives (both homes when
 * parents are separated), the need, and the eligibility decision only —
 * never the documents behind it (the form has no field for them, and the
 * API refuses any field it does not know).
 */

interface Contact {
  firstName: string;
  lastName: string;
  addressLine: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
}

const EMPTY_CONTACT: Contact = {
  firstName: '',
  lastName: '',
  addressLine: '',
  postcode: '',
  city: '',
  phone: '',
  email: '',
};
const CONTACT_FIELDS = ['firstName', 'lastName', 'addressLine', 'postcode', 'city', 'phone', 'email'] as const;

const FIELDS = [
  'schoolId',
  'classId',
  'pupil.firstName',
  'pupil.lastName',
  'household.locale',
  'household.contacts',
  ...[0, 1].flatMap((i) => CONTACT_FIELDS.map((f) => `household.contacts.${i}.${f}`)),
  'need.categoryId',
  'need.connectivity',
  'eligibility.eligible',
  'eligibility.reasonCode',
  'eligibility.decidedOn',
];

export function NewRequestPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const ownSchool = me.schoolScope === 'attached' && me.schools.length === 1 ? (me.schools[0]?.id ?? '') : '';
  const [schoolId, setSchoolId] = useState(ownSchool);
  const [classId, setClassId] = useState('');
  const [pupil, setPupil] = useState({ firstName: '', lastName: '' });
  const [locale, setLocale] = useState<'fr' | 'en'>('fr');
  const [contacts, setContacts] = useState<Contact[]>([{ ...EMPTY_CONTACT }]);
  const [categoryId, setCategoryId] = useState('');
  const [connectivity, setConnectivity] = useState(false);
  const [eligible, setEligible] = useState<'yes' | 'no'>('yes');
  const [reasonCode, setReasonCode] = useState('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const reasons = useQuery(reasonsQuery);
  const categories = useQuery(categoriesQuery);
  const classes = useQuery({
    queryKey: ['schools', 'classes', schoolId],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/classes', { params: { path: { id: schoolId } } })),
    enabled: Boolean(schoolId),
  });

  const create = useMutation({
    mutationFn: (body: CreateLoanRequestInput) => unwrap(api.POST('/api/loans/requests', { body })),
    onSuccess: async (created) => {
      await requestSaved(queryClient, created);
      setFlash(t('loans.requests.created', { pseudonym: created.household.pseudonym }));
      void navigate({ to: '/loans/requests/$id', params: { id: created.id } });
    },
  });
  useFocusFirstProblem(form, create.error ?? checked);
  const problem = create.error ? loanFormProblem(t, create.error, FIELDS) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const choices = (reasons.data ?? []).filter((r) => r.active && r.eligible === (eligible === 'yes'));
  const setContact = (index: number, field: keyof Contact, value: string) =>
    setContacts((list) => list.map((c, i) => (i === index ? { ...c, [field]: value } : c)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!schoolId) found.schoolId = t('loans.fieldErrors.school_required');
    if (!reasonCode) found['eligibility.reasonCode'] = t('loans.fieldErrors.reason_required');
    if (Object.keys(found).length) {
      setChecked(found);
      create.reset();
      return;
    }
    setChecked(null);
    const blank = (value: string) => (value.trim() ? value.trim() : undefined);
    create.mutate({
      schoolId,
      ...(classId ? { classId } : {}),
      pupil: { firstName: pupil.firstName.trim(), lastName: pupil.lastName.trim() },
      household: {
        locale,
        contacts: contacts.map((c) => ({
          firstName: c.firstName.trim(),
          lastName: c.lastName.trim(),
          addressLine: c.addressLine.trim(),
          postcode: c.postcode.trim(),
          city: c.city.trim(),
          ...(blank(c.phone) ? { phone: blank(c.phone) } : {}),
          ...(blank(c.email) ? { email: blank(c.email) } : {}),
        })),
      },
      need: { ...(categoryId ? { categoryId } : {}), connectivity },
      eligibility: { eligible: eligible === 'yes', reasonCode, decidedOn },
    });
  };

  const devices = (categories.data ?? []).filter((c) => c.role === 'pupil_device');

  return (
    <Page title={t('loans.form.title')}>
      <Paper withBorder p="lg">
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="lg">
            <Text size="sm">{t('common.requiredHint')}</Text>
            <Alert
              color="blue"
              variant="light"
              title={t('loans.form.privacyTitle')}
              styles={{ message: { color: '#1a1b1e' }, title: { color: '#1a1b1e' } }}
            >
              {t('loans.form.privacy')}
            </Alert>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}

            <Fieldset legend={t('loans.form.pupil')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <OneSchoolPicker
                  label={t('loans.fields.school')}
                  required
                  value={schoolId}
                  onChange={(id) => {
                    setSchoolId(id);
                    setClassId('');
                  }}
                  error={errors.schoolId}
                />
                <NativeSelect
                  label={t('loans.fields.class')}
                  value={classId}
                  onChange={(e) => setClassId(e.currentTarget.value)}
                  error={errors.classId}
                  disabled={!schoolId}
                  data={[
                    { value: '', label: t('loans.form.noClass') },
                    ...(classes.data ?? []).map((c) => ({ value: c.id, label: c.name })),
                  ]}
                />
                <TextInput
                  label={t('loans.fields.pupilFirstName')}
                  required
                  autoComplete="off"
                  value={pupil.firstName}
                  onChange={(e) => setPupil({ ...pupil, firstName: e.currentTarget.value })}
                  error={errors['pupil.firstName']}
                />
                <TextInput
                  label={t('loans.fields.pupilLastName')}
                  required
                  autoComplete="off"
                  value={pupil.lastName}
                  onChange={(e) => setPupil({ ...pupil, lastName: e.currentTarget.value })}
                  error={errors['pupil.lastName']}
                />
              </SimpleGrid>
            </Fieldset>

            {contacts.map((contact, index) => (
              <ContactFieldset
                // biome-ignore lint/suspicious/noArrayIndexKey: at most two representatives, ranked 1 and 2
                key={index}
                index={index}
                contact={contact}
                errors={errors}
                onChange={(field, value) => setContact(index, field, value)}
                onRemove={index === 1 ? () => setContacts((list) => list.slice(0, 1)) : undefined}
              />
            ))}
            {errors['household.contacts'] ? <FormAlert kind="error">{errors['household.contacts']}</FormAlert> : null}
            {contacts.length < 2 ? (
              <Group>
                <Button variant="default" onClick={() => setContacts((list) => [...list, { ...EMPTY_CONTACT }])}>
                  {t('loans.form.addContact')}
                </Button>
              </Group>
            ) : null}
            <NativeSelect
              label={t('loans.fields.familyLanguage')}
              description={t('loans.form.familyLanguageHelp')}
              value={locale}
              onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'fr')}
              error={errors['household.locale']}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              maw="24rem"
            />

            <Fieldset legend={t('loans.form.need')}>
              <Stack gap="md">
                <NativeSelect
                  label={t('loans.fields.deviceType')}
                  value={categoryId}
                  onChange={(e) => setCategoryId(e.currentTarget.value)}
                  error={errors['need.categoryId']}
                  data={[
                    { value: '', label: t('loans.need.anyDevice') },
                    ...devices.map((c) => ({ value: c.id, label: categoryName(c) })),
                  ]}
                  maw="24rem"
                />
                <Checkbox
                  label={t('loans.fields.connectivity')}
                  description={t('loans.form.connectivityHelp')}
                  checked={connectivity}
                  onChange={(e) => setConnectivity(e.currentTarget.checked)}
                  error={errors['need.connectivity']}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('loans.form.eligibility')}>
              <Stack gap="md">
                <Text size="sm">{t('loans.form.eligibilityHelp')}</Text>
                <Radio.Group
                  label={t('loans.fields.eligible')}
                  required
                  value={eligible}
                  onChange={(value) => {
                    setEligible(value === 'no' ? 'no' : 'yes');
                    setReasonCode('');
                  }}
                  error={errors['eligibility.eligible']}
                >
                  <Group gap="lg" mt="xs">
                    <Radio value="yes" label={t('loans.eligibility.yes')} />
                    <Radio value="no" label={t('loans.eligibility.no')} />
                  </Group>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <NativeSelect
                    label={t('loans.fields.reason')}
                    required
                    value={reasonCode}
                    onChange={(e) => setReasonCode(e.currentTarget.value)}
                    error={errors['eligibility.reasonCode']}
                    data={[
                      { value: '', label: t('loans.form.chooseReason') },
                      ...choices.map((r) => ({ value: r.code, label: reasonLabel(choices, r.code) })),
                    ]}
                  />
                  <TextInput
                    label={t('loans.fields.decidedOn')}
                    type="date"
                    required
                    value={decidedOn}
                    onChange={(e) => setDecidedOn(e.currentTarget.value)}
                    error={errors['eligibility.decidedOn']}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>

            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate({ to: '/loans/requests' })}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('loans.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}

function ContactFieldset({
  index,
  contact,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  contact: Contact;
  errors: Record<string, string | undefined>;
  onChange: (field: keyof Contact, value: string) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const error = (field: keyof Contact) => errors[`household.contacts.${index}.${field}`];
  const input = (field: keyof Contact, extra: Record<string, unknown> = {}) => ({
    label: t(`loans.fields.contact.${field}`),
    value: contact[field],
    onChange: (e: { currentTarget: { value: string } }) => onChange(field, e.currentTarget.value),
    error: error(field),
    autoComplete: 'off',
    ...extra,
  });
  return (
    <Fieldset legend={t('loans.form.contact', { rank: index + 1 })}>
      <Stack gap="md">
        {index === 1 ? <Text size="sm">{t('loans.form.secondContactHelp')}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput {...input('firstName')} required />
          <TextInput {...input('lastName')} required />
          <TextInput {...input('addressLine')} required />
          <SimpleGrid cols={2} spacing="md">
            <TextInput {...input('postcode')} required inputMode="numeric" maxLength={5} />
            <TextInput {...input('city')} required />
          </SimpleGrid>
          <TextInput {...input('phone')} type="tel" description={t('loans.form.phoneOrEmail')} />
          <TextInput {...input('email')} type="email" description={t('loans.form.phoneOrEmail')} />
        </SimpleGrid>
        {onRemove ? (
          <Group>
            <Button variant="outline" color="red.9" onClick={onRemove}>
              {t('loans.form.removeContact')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
