import { Alert, Checkbox, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { classesQuery } from '../schools/school-queries.ts';
import { bookingsChanged, resourcesQuery } from './bookings-queries.ts';
import { Dialog, FormButtons } from './labels.tsx';
import { schoolInstant, weekdayOf } from './search.ts';

type CreateBookingInput = Schemas['CreateBookingInput'];

/** Form fields, named as the problems of the API name them (after mapping). */
const KNOWN = ['resourceId', 'classId', 'activity', 'date', 'startTime', 'endTime', 'until', 'count', 'notes'];

/** `body.series.endsOn` → `until`, `body.startsAt` → `date`…: where the form shows each problem. */
function fieldOfPath(path: string): string {
  const name = path.replace(/^body\./, '');
  if (name === 'startsAt' || name === 'series' || name === 'series.startsOn') return 'date';
  if (name === 'endsAt' || name === 'series.endTime') return 'endTime';
  if (name === 'series.startTime') return 'startTime';
  if (name === 'series.endsOn') return 'until';
  if (name === 'series.count') return 'count';
  if (name === 'resourceKind') return 'resourceId';
  return name;
}

/** The date the API says collides (409 BOOKING_CONFLICT), if that is the error. */
function conflictDate(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'BOOKING_CONFLICT') return null;
  const conflict = (error.problem as { conflict?: { date?: string } }).conflict;
  return conflict?.date || null;
}

/**
 * "Réserver": a resource of the school (carts first), for a class or a
 * périscolaire activity, one slot or every week until a date or for a
 * number of weeks. A collision answers with its date, shown at the date.
 */
export function BookDialog({
  schoolId,
  defaultDay,
  onClose,
  onBooked,
}: {
  schoolId: string;
  defaultDay: string;
  onClose: () => void;
  onBooked: (message: string, day: string) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canApprove = hasPermission(me, 'bookings.manage');
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const resources = useQuery(resourcesQuery(schoolId));
  const classes = useQuery(classesQuery(schoolId));
  const [resourceId, setResourceId] = useState('');
  const [forKind, setForKind] = useState<'class' | 'activity'>('class');
  const [classId, setClassId] = useState('');
  const [activity, setActivity] = useState('');
  const [date, setDate] = useState(defaultDay);
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [endKind, setEndKind] = useState<'until' | 'count'>('until');
  const [until, setUntil] = useState('');
  const [count, setCount] = useState('');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: (body: CreateBookingInput) => unwrap(api.POST('/api/bookings', { body })),
    onSuccess: async (created) => {
      await bookingsChanged(queryClient);
      const first = created.occurrences[0];
      const pending = created.booking.status === 'requested';
      onBooked(
        t(
          created.occurrences.length > 1
            ? pending
              ? 'bookings.requestedSeries'
              : 'bookings.bookedSeries'
            : pending
              ? 'bookings.requested'
              : 'bookings.booked',
          {
            resource: created.booking.resource.label,
            date: formatDate(first?.date ?? date),
            count: created.occurrences.length,
          },
        ),
        first?.date ?? date,
      );
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN, fieldOfPath);
  const collision = conflictDate(save.error);
  const errors: Record<string, string | undefined> = {
    ...problem.fields,
    ...(collision ? { date: t('bookings.conflictOn', { date: formatDate(collision) }) } : {}),
    ...checked,
  };
  const general = collision ? null : problem.general;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const resource = resources.data?.find((r) => r.id === resourceId);
    if (!resource) found.resourceId = t('errors.fields.required');
    if (forKind === 'class' && !classId) found.classId = t('errors.fields.required');
    if (forKind === 'activity' && !activity.trim()) found.activity = t('errors.fields.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('errors.fields.required');
    if (!/^\d{2}:\d{2}$/.test(startTime)) found.startTime = t('errors.fields.required');
    if (!/^\d{2}:\d{2}$/.test(endTime)) found.endTime = t('errors.fields.required');
    else if (startTime && endTime <= startTime) found.endTime = t('bookings.endBeforeStart');
    const weeks = Number(count);
    if (weekly && endKind === 'until' && !until) found.until = t('errors.fields.required');
    if (weekly && endKind === 'until' && until && until < date) found.until = t('errors.fields.end_before_start');
    if (weekly && endKind === 'count' && !(Number.isInteger(weeks) && weeks >= 1 && weeks <= 60))
      found.count = t('bookings.countRange');
    if (Object.keys(found).length || !resource) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      resourceKind: resource.kind,
      resourceId: resource.id,
      ...(forKind === 'class' ? { classId } : { activity: activity.trim() }),
      ...(weekly
        ? {
            series: {
              startsOn: date,
              weekday: weekdayOf(date),
              startTime,
              endTime,
              ...(endKind === 'until' ? { endsOn: until } : { count: weeks }),
            },
          }
        : { startsAt: schoolInstant(date, startTime), endsAt: schoolInstant(date, endTime) }),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  };

  const selected = resources.data?.find((r) => r.id === resourceId);
  const resourceOptions = (resources.data ?? []).map((r) => ({
    value: r.id,
    label: `${t(`bookings.kind.${r.kind}`)} — ${r.label}${r.requiresApproval ? ` (${t('bookings.needsApproval')})` : ''}`,
  }));
  return (
    <Dialog title={t('bookings.bookTitle')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {general ? <FormAlert kind="error">{general}</FormAlert> : null}
          <NativeSelect
            label={t('bookings.fields.resource')}
            required
            value={resourceId}
            onChange={(e) => setResourceId(e.currentTarget.value)}
            error={errors.resourceId}
            data={[{ value: '', label: t('bookings.chooseResource') }, ...resourceOptions]}
          />
          {selected?.requiresApproval ? (
            <Alert
              variant="light"
              color="yellow"
              title={t('bookings.approval.noticeTitle')}
              styles={{ title: { color: '#1a1b1e' }, message: { color: '#1a1b1e' } }}
            >
              {t(canApprove ? 'bookings.approval.noticeManager' : 'bookings.approval.notice')}
            </Alert>
          ) : null}
          <Radio.Group
            label={t('bookings.fields.for')}
            value={forKind}
            onChange={(value) => setForKind(value === 'activity' ? 'activity' : 'class')}
          >
            <SimpleGrid cols={2} mt="xs">
              <Radio value="class" label={t('bookings.forClass')} />
              <Radio value="activity" label={t('bookings.forActivity')} />
            </SimpleGrid>
          </Radio.Group>
          {forKind === 'class' ? (
            <NativeSelect
              label={t('bookings.fields.class')}
              required
              value={classId}
              onChange={(e) => setClassId(e.currentTarget.value)}
              error={errors.classId}
              data={[
                { value: '', label: t('bookings.chooseClass') },
                ...(classes.data ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          ) : (
            <TextInput
              label={t('bookings.fields.activity')}
              description={t('bookings.fields.activityHelp')}
              required
              maxLength={200}
              value={activity}
              onChange={(e) => setActivity(e.currentTarget.value)}
              error={errors.activity}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('bookings.fields.date')}
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
            />
            <TextInput
              label={t('bookings.fields.startTime')}
              type="time"
              required
              value={startTime}
              onChange={(e) => setStartTime(e.currentTarget.value)}
              error={errors.startTime}
            />
            <TextInput
              label={t('bookings.fields.endTime')}
              type="time"
              required
              value={endTime}
              onChange={(e) => setEndTime(e.currentTarget.value)}
              error={errors.endTime}
            />
          </SimpleGrid>
          <Text size="sm">{t('bookings.schoolTime')}</Text>
          <Checkbox
            label={t('bookings.fields.weekly')}
            checked={weekly}
            onChange={(e) => setWeekly(e.currentTarget.checked)}
          />
          {weekly ? (
            <Stack gap="sm">
              <Radio.Group
                label={t('bookings.fields.seriesEnd')}
                value={endKind}
                onChange={(value) => setEndKind(value === 'count' ? 'count' : 'until')}
              >
                <SimpleGrid cols={2} mt="xs">
                  <Radio value="until" label={t('bookings.untilDate')} />
                  <Radio value="count" label={t('bookings.forWeeks')} />
                </SimpleGrid>
              </Radio.Group>
              {endKind === 'until' ? (
                <TextInput
                  label={t('bookings.fields.until')}
                  type="date"
                  required
                  value={until}
                  onChange={(e) => setUntil(e.currentTarget.value)}
                  error={errors.until}
                />
              ) : (
                <TextInput
                  label={t('bookings.fields.count')}
                  inputMode="numeric"
                  required
                  value={count}
                  onChange={(e) => setCount(e.currentTarget.value)}
                  error={errors.count}
                />
              )}
            </Stack>
          ) : null}
          <Textarea
            label={t('bookings.fields.notes')}
            autosize
            minRows={2}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('bookings.confirmBook')} />
        </Stack>
      </form>
    </Dialog>
  );
}
