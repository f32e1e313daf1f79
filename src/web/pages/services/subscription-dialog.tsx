import { NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { formProblem } from '../../errors.ts';
import { contractsQuery } from '../procurement/procurement-queries.ts';
import { centsForInput, Dialog, eurosToCents, FormButtons, today } from './labels.tsx';
import { type Subscription, servicesChanged, servicesQuery } from './services-queries.ts';

type SubscriptionInput = Schemas['CreateSubscriptionInput'];

const KNOWN = ['schoolId', 'serviceId', 'startsOn', 'endsOn', 'seats', 'yearlyCostCents', 'contractId', 'notes'];

/**
 * Adds a subscription (to a given school, or to one chosen here) or edits
 * one. A subscription stays with its school: the school is not editable.
 */
export function SubscriptionDialog({
  subscription,
  schoolId: fixedSchool,
  schoolName,
  onClose,
  onSaved,
}: {
  subscription?: Subscription | undefined;
  /** Add to this school (the school page). */
  schoolId?: string | undefined;
  schoolName?: string | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const services = useQuery(servicesQuery(false));
  const contracts = useQuery({ ...contractsQuery, enabled: hasPermission(me, 'funding.read') });
  const [schoolId, setSchoolId] = useState(subscription?.schoolId ?? fixedSchool ?? '');
  const [serviceId, setServiceId] = useState(subscription?.serviceId ?? '');
  const [startsOn, setStartsOn] = useState(subscription?.startsOn ?? today());
  const [endsOn, setEndsOn] = useState(subscription?.endsOn ?? '');
  const [seats, setSeats] = useState(subscription?.seats ? String(subscription.seats) : '');
  const [cost, setCost] = useState(centsForInput(subscription?.yearlyCostCents));
  const [contractId, setContractId] = useState(subscription?.contractId ?? '');
  const [notes, setNotes] = useState(subscription?.notes ?? '');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: SubscriptionInput) => {
      if (subscription) {
        const { schoolId: _school, ...changes } = body;
        return unwrap(
          api.PATCH('/api/subscriptions/{id}', { params: { path: { id: subscription.id } }, body: changes }),
        );
      }
      return unwrap(api.POST('/api/subscriptions', { body }));
    },
    onSuccess: async (saved) => {
      await servicesChanged(queryClient);
      onSaved(
        t(subscription ? 'services.subscriptions.saved' : 'services.subscriptions.created', {
          service: saved.serviceName,
          school: saved.schoolName,
        }),
      );
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN);
  const errors: Record<string, string | undefined> = { ...problem.fields, ...checked };

  const serviceOptions = (services.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.name} (${t(`services.kind.${s.kind}`)})`,
  }));
  if (subscription && !serviceOptions.some((o) => o.value === subscription.serviceId)) {
    serviceOptions.push({ value: subscription.serviceId, label: subscription.serviceName });
  }
  const contractOptions = [
    { value: '', label: t('services.subscriptions.noContract') },
    ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
  ];
  if (subscription?.contractId && !contractOptions.some((o) => o.value === subscription.contractId)) {
    contractOptions.push({ value: subscription.contractId, label: subscription.contractReference ?? '' });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!schoolId) found.schoolId = t('errors.fields.required');
    if (!serviceId) found.serviceId = t('errors.fields.required');
    if (!startsOn) found.startsOn = t('errors.fields.required');
    if (startsOn && endsOn && endsOn < startsOn) found.endsOn = t('errors.fields.end_before_start');
    const seatCount = seats.trim() ? Number(seats.trim()) : null;
    if (seatCount !== null && (!Number.isInteger(seatCount) || seatCount < 1))
      found.seats = t('services.subscriptions.seatsInvalid');
    const yearlyCostCents = eurosToCents(cost);
    if (yearlyCostCents !== null && Number.isNaN(yearlyCostCents)) found.yearlyCostCents = t('services.invalidAmount');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      schoolId,
      serviceId,
      startsOn,
      endsOn: endsOn || null,
      seats: seatCount,
      yearlyCostCents,
      contractId: contractId || null,
      notes,
    });
  };
  const school = subscription
    ? `${subscription.schoolName} (${subscription.schoolUai})`
    : fixedSchool
      ? (schoolName ?? '')
      : null;
  return (
    <Dialog
      title={
        subscription
          ? t('services.subscriptions.editTitle', {
              service: subscription.serviceName,
              school: subscription.schoolName,
            })
          : t('services.subscriptions.new')
      }
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {school !== null ? (
            <Text>{t('services.subscriptions.forSchool', { school })}</Text>
          ) : (
            <OneSchoolPicker
              label={t('services.fields.school')}
              required
              value={schoolId}
              onChange={setSchoolId}
              error={errors.schoolId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('services.fields.service')}
              required
              value={serviceId}
              onChange={(e) => setServiceId(e.currentTarget.value)}
              error={errors.serviceId}
              data={[{ value: '', label: t('services.subscriptions.chooseService') }, ...serviceOptions]}
            />
            <NativeSelect
              label={t('services.fields.contract')}
              value={contractId}
              onChange={(e) => setContractId(e.currentTarget.value)}
              error={errors.contractId}
              data={contractOptions}
            />
            <TextInput
              label={t('services.fields.startsOn')}
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              label={t('services.fields.endsOn')}
              description={t('services.fields.endsOnHelp')}
              type="date"
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={errors.endsOn}
            />
            <TextInput
              label={t('services.fields.seats')}
              description={t('services.fields.seatsHelp')}
              inputMode="numeric"
              value={seats}
              onChange={(e) => setSeats(e.currentTarget.value)}
              error={errors.seats}
            />
            <TextInput
              label={t('services.fields.yearlyCost')}
              inputMode="decimal"
              value={cost}
              onChange={(e) => setCost(e.currentTarget.value)}
              error={errors.yearlyCostCents}
            />
          </SimpleGrid>
          <Textarea
            label={t('services.fields.notes')}
            autosize
            minRows={2}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={subscription ? t('common.save') : t('services.subscriptions.create')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Ends a subscription: its last day covered (today by default). */
export function EndSubscriptionDialog({
  subscription,
  onClose,
  onSaved,
}: {
  subscription: Subscription;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [endsOn, setEndsOn] = useState(subscription.endsOn ?? today());
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (day: string) =>
      unwrap(
        api.PATCH('/api/subscriptions/{id}', { params: { path: { id: subscription.id } }, body: { endsOn: day } }),
      ),
    onSuccess: async (saved) => {
      await servicesChanged(queryClient);
      onSaved(t('services.subscriptions.ended', { service: saved.serviceName, school: saved.schoolName }));
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, ['endsOn']);
  const error = checked?.endsOn ?? problem.fields.endsOn;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!endsOn) return setChecked({ endsOn: t('errors.fields.required') });
    if (endsOn < subscription.startsOn) return setChecked({ endsOn: t('errors.fields.end_before_start') });
    setChecked(null);
    save.mutate(endsOn);
  };
  return (
    <Dialog
      title={t('services.subscriptions.endTitle', {
        service: subscription.serviceName,
        school: subscription.schoolName,
      })}
      onClose={onClose}
      size="md"
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('services.fields.endsOn')}
            description={t('services.subscriptions.endHelp')}
            type="date"
            required
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            error={error}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('services.subscriptions.end')} />
        </Stack>
      </form>
    </Dialog>
  );
}
