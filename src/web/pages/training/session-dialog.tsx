import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { formProblem } from '../../errors.ts';
import { schoolDayOf, schoolInstant, schoolTimeOf, schoolToday } from '../bookings/search.ts';
import { roomsQuery } from '../schools/school-queries.ts';
import { Dialog, FormButtons } from './labels.tsx';
import { AUDIENCES, type TrainingAudience, type TrainingSessionDetail, trainingChanged } from './training-queries.ts';

type CreateInput = Schemas['CreateTrainingSessionInput'];
type Material = Schemas['TrainingMaterial'];

const KNOWN = [
  'audience',
  'topic',
  'description',
  'date',
  'time',
  'durationMinutes',
  'schoolId',
  'roomId',
  'place',
  'onlineUrl',
  'trainer',
  'capacity',
  'materials',
];

const fieldOfPath = (path: string) => {
  const name = path.replace(/^body\./, '').split('.')[0] ?? path;
  return name === 'startsAt' ? 'date' : name === 'online' ? 'onlineUrl' : name;
};

/** "Diaporama | https://…" per line ↔ materials. */
const materialsText = (list: readonly Material[]) => list.map((m) => `${m.label} | ${m.url}`).join('\n');
function parseMaterials(text: string): Material[] | null {
  const out: Material[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.lastIndexOf('|');
    const label = at >= 0 ? line.slice(0, at).trim() : '';
    const url = (at >= 0 ? line.slice(at + 1) : line).trim();
    if (!/^https?:\/\/\S+$/.test(url)) return null;
    out.push({ label: label || url, url });
  }
  return out;
}

/** Creates or edits a training session (training.manage); the audience is fixed once created. */
export function SessionDialog({
  session,
  onClose,
  onSaved,
}: {
  session?: TrainingSessionDetail | undefined;
  onClose: () => void;
  onSaved: (saved: TrainingSessionDetail) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [audience, setAudience] = useState<TrainingAudience>(session?.audience ?? 'teachers');
  const [topic, setTopic] = useState(session?.topic ?? '');
  const [description, setDescription] = useState(session?.description ?? '');
  const [date, setDate] = useState(session ? schoolDayOf(session.startsAt) : schoolToday());
  const [time, setTime] = useState(session ? schoolTimeOf(session.startsAt) : '');
  const [duration, setDuration] = useState(String(session?.durationMinutes ?? 120));
  const [schoolId, setSchoolId] = useState(session?.schoolId ?? '');
  const [roomId, setRoomId] = useState(session?.roomId ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [online, setOnline] = useState(session?.online ?? false);
  const [onlineUrl, setOnlineUrl] = useState(session?.onlineUrl ?? '');
  const [trainer, setTrainer] = useState(session?.trainer ?? '');
  const [capacity, setCapacity] = useState(session?.capacity ? String(session.capacity) : '');
  const [materials, setMaterials] = useState(materialsText(session?.materials ?? []));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const rooms = useQuery({ ...roomsQuery(schoolId, false), enabled: Boolean(schoolId) });

  const save = useMutation({
    mutationFn: (body: CreateInput) => {
      if (session) {
        const { audience: _a, ...changes } = body;
        return unwrap(
          api.PATCH('/api/training/sessions/{id}', { params: { path: { id: session.id } }, body: changes }),
        );
      }
      return unwrap(api.POST('/api/training/sessions', { body }));
    },
    onSuccess: async (saved) => {
      await trainingChanged(queryClient);
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN, fieldOfPath);
  // The training's own field codes (place_required…) read better than the generic ones.
  const own = (message: string | undefined) =>
    message && t(`training.fieldErrors.${message}`, { defaultValue: '' })
      ? t(`training.fieldErrors.${message}`)
      : message;
  const apiFields = Object.fromEntries(Object.entries(problem.fields).map(([k, v]) => [k, own(v) ?? v]));
  const errors: Record<string, string | undefined> = { ...apiFields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!topic.trim()) found.topic = t('errors.fields.required');
    if (!trainer.trim()) found.trainer = t('errors.fields.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t('errors.fields.required');
    if (!/^\d{2}:\d{2}$/.test(time)) found.time = t('errors.fields.required');
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440)
      found.durationMinutes = t('training.durationRange');
    const seats = capacity.trim() ? Number(capacity.trim()) : null;
    if (seats !== null && (!Number.isInteger(seats) || seats < 1)) found.capacity = t('training.capacityInvalid');
    if (!online && !roomId && !place.trim()) found.place = t('training.fieldErrors.place_required');
    const links = parseMaterials(materials);
    if (!links) found.materials = t('training.materialsInvalid');
    if (Object.keys(found).length || !links) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      audience,
      topic: topic.trim(),
      description: description.trim(),
      startsAt: schoolInstant(date, time),
      durationMinutes: minutes,
      schoolId: schoolId || null,
      roomId: roomId || null,
      place: place.trim() || null,
      online,
      onlineUrl: online && onlineUrl.trim() ? onlineUrl.trim() : null,
      trainer: trainer.trim(),
      capacity: seats,
      materials: links,
    });
  };

  return (
    <Dialog
      title={session ? t('training.editTitle', { topic: session.topic }) : t('training.newSession')}
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {session ? (
            <Text>{t('training.audienceFixed', { audience: t(`training.audience.${session.audience}`) })}</Text>
          ) : (
            <NativeSelect
              label={t('training.fields.audience')}
              required
              value={audience}
              onChange={(e) => setAudience(AUDIENCES.find((a) => a === e.currentTarget.value) ?? 'teachers')}
              error={errors.audience}
              data={AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) }))}
            />
          )}
          <TextInput
            label={t('training.fields.topic')}
            required
            maxLength={200}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            error={errors.topic}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('training.fields.date')}
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
            />
            <TextInput
              label={t('training.fields.time')}
              type="time"
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              error={errors.time}
            />
            <TextInput
              label={t('training.fields.durationMinutes')}
              inputMode="numeric"
              required
              value={duration}
              onChange={(e) => setDuration(e.currentTarget.value)}
              error={errors.durationMinutes}
            />
          </SimpleGrid>
          <TextInput
            label={t('training.fields.trainer')}
            required
            maxLength={200}
            value={trainer}
            onChange={(e) => setTrainer(e.currentTarget.value)}
            error={errors.trainer}
          />
          {me.schoolScope === 'all' ? (
            <OneSchoolPicker
              label={t('training.fields.school')}
              description={t('training.fields.schoolHelp')}
              value={schoolId}
              onChange={(id) => {
                setSchoolId(id);
                setRoomId('');
              }}
              error={errors.schoolId}
              clearable
            />
          ) : (
            <NativeSelect
              label={t('training.fields.school')}
              description={t('training.fields.schoolHelp')}
              value={schoolId}
              onChange={(e) => {
                setSchoolId(e.currentTarget.value);
                setRoomId('');
              }}
              error={errors.schoolId}
              data={[
                { value: '', label: t('training.openToAll') },
                ...me.schools.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('training.fields.room')}
              value={roomId}
              disabled={!schoolId}
              onChange={(e) => setRoomId(e.currentTarget.value)}
              error={errors.roomId}
              data={[
                { value: '', label: t('training.noRoom') },
                ...(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name })),
              ]}
            />
            <TextInput
              label={t('training.fields.place')}
              description={t('training.fields.placeHelp')}
              maxLength={500}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={errors.place}
            />
          </SimpleGrid>
          <Checkbox
            label={t('training.fields.online')}
            checked={online}
            onChange={(e) => setOnline(e.currentTarget.checked)}
          />
          {online ? (
            <TextInput
              label={t('training.fields.onlineUrl')}
              type="url"
              value={onlineUrl}
              onChange={(e) => setOnlineUrl(e.currentTarget.value)}
              error={errors.onlineUrl}
            />
          ) : null}
          <TextInput
            label={t('training.fields.capacity')}
            description={t('training.fields.capacityHelp')}
            inputMode="numeric"
            value={capacity}
            onChange={(e) => setCapacity(e.currentTarget.value)}
            error={errors.capacity}
          />
          <Textarea
            label={t('training.fields.description')}
            autosize
            minRows={2}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Textarea
            label={t('training.fields.materials')}
            description={t('training.fields.materialsHelp')}
            autosize
            minRows={2}
            value={materials}
            onChange={(e) => setMaterials(e.currentTarget.value)}
            error={errors.materials}
          />
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={session ? t('common.save') : t('training.create')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
