import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { AccountRegistration } from './account-registration.tsx';
import { SessionStatusBadge, seatsOf, whereOf } from './labels.tsx';
import { MaterialsPanel } from './materials-panel.tsx';
import { SessionDialog } from './session-dialog.tsx';
import { sessionQuery, type TrainingSessionDetail, trainingChanged } from './training-queries.ts';

/** One training session: details, registrations within the capacity, attendance, feedback. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/training/$id' });
  const session = useQuery(sessionQuery(id));
  const [done, setDone] = useState<string | null>(null);
  const s = session.data;
  return (
    <Page title={s ? s.topic : t('training.session')}>
      <AnchorLink to="/training">{t('training.backToList')}</AnchorLink>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {session.isError ? <FormAlert kind="error">{errorMessage(t, session.error)}</FormAlert> : null}
      {session.isPending ? <Text>{t('common.loading')}</Text> : null}
      {s ? (
        <>
          <DetailsPanel session={s} onDone={setDone} />
          <MaterialsPanel session={s} onDone={setDone} />
          {s.audience === 'families' ? null : <RegistrationsPanel session={s} onDone={setDone} />}
          {s.can.recordAttendance ? <AttendancePanel key={s.updatedAt} session={s} onDone={setDone} /> : null}
          <FeedbackPanel session={s} onDone={setDone} />
        </>
      ) : null}
    </Page>
  );
}

type Done = (message: string | null) => void;

function DetailsPanel({ session: s, onDone }: { session: TrainingSessionDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const change = useMutation({
    mutationFn: (action: 'cancel' | 'restore' | 'delete') =>
      action === 'delete'
        ? unwrap(api.DELETE('/api/training/sessions/{id}', { params: { path: { id: s.id } } }))
        : unwrap(
            api.PATCH('/api/training/sessions/{id}', {
              params: { path: { id: s.id } },
              body: { status: action === 'cancel' ? 'cancelled' : 'planned' },
            }),
          ),
    onSuccess: async (_r, action) => {
      await trainingChanged(queryClient);
      if (action === 'delete') void navigate({ to: '/training' });
      else onDone(t(action === 'cancel' ? 'training.cancelled' : 'training.restored', { topic: s.topic }));
    },
  });
  return (
    <Panel
      title={t('training.details')}
      actions={
        <>
          {s.can.update ? (
            <Button
              variant="default"
              onClick={() => {
                onDone(null);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          {s.can.update && s.status !== 'held' ? (
            <Button
              variant="default"
              loading={change.isPending && change.variables !== 'delete'}
              onClick={() => change.mutate(s.status === 'cancelled' ? 'restore' : 'cancel')}
            >
              {t(s.status === 'cancelled' ? 'training.restore' : 'training.cancel')}
            </Button>
          ) : null}
          {s.can.delete ? (
            <Button variant="subtle" color="#a51d2d" onClick={() => change.mutate('delete')}>
              {t('training.delete')}
            </Button>
          ) : null}
        </>
      }
    >
      {change.isError ? <FormAlert kind="error">{errorMessage(t, change.error)}</FormAlert> : null}
      <Facts
        empty={t('training.none')}
        items={[
          [t('training.fields.status'), <SessionStatusBadge key="s" value={s.status} />],
          [t('training.fields.audience'), t(`training.audience.${s.audience}`)],
          [t('training.fields.startsAt'), formatDateTime(s.startsAt)],
          [t('training.fields.durationMinutes'), formatNumber(s.durationMinutes)],
          [t('training.fields.school'), s.schoolName ?? t('training.openToAll')],
          [t('training.fields.where'), whereOf(t, s)],
          [
            t('training.fields.onlineUrl'),
            s.onlineUrl ? (
              <Anchor key="u" href={s.onlineUrl} target="_blank" rel="noreferrer">
                {s.onlineUrl}
              </Anchor>
            ) : null,
          ],
          [t('training.fields.trainer'), s.trainer],
          [t('training.fields.registrations'), seatsOf(t, s)],
          [t('training.fields.description'), s.description],
          [
            t('training.fields.materials'),
            s.materials.length ? (
              <List key="m">
                {s.materials.map((m) => (
                  <List.Item key={m.url}>
                    <Anchor href={m.url} target="_blank" rel="noreferrer">
                      {m.label}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : null,
          ],
        ]}
      />
      {editing ? (
        <SessionDialog
          session={s}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onDone(t('training.saved', { topic: saved.topic }));
          }}
        />
      ) : null}
    </Panel>
  );
}

function RegistrationsPanel({ session: s, onDone }: { session: TrainingSessionDetail; onDone: Done }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const captionId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [schoolId, setSchoolId] = useState(s.schoolId ?? (me.schools.length === 1 ? (me.schools[0]?.id ?? '') : ''));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const register = useMutation({
    mutationFn: (body: { name: string; schoolId: string } | null) =>
      unwrap(
        api.POST('/api/training/sessions/{id}/registrations', { params: { path: { id: s.id } }, body: body ?? {} }),
      ),
    onSuccess: async (_r, body) => {
      await trainingChanged(queryClient);
      setName('');
      onDone(body ? t('training.registeredNamed', { name: body.name }) : t('training.registeredSelf'));
    },
  });
  const unregister = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/training/registrations/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await trainingChanged(queryClient);
      onDone(t('training.unregistered'));
    },
  });
  useFocusFirstProblem(form, (register.isError && register.variables ? register.error : null) ?? checked);
  const problem = formProblem(t, register.variables ? register.error : null, ['name', 'schoolId']);
  const own = (m: string | undefined) =>
    m && t(`training.fieldErrors.${m}`, { defaultValue: '' }) ? t(`training.fieldErrors.${m}`) : m;
  const errors: Record<string, string | undefined> = {
    name: own(problem.fields.name),
    schoolId: own(problem.fields.schoolId),
    ...checked,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim().length < 2) found.name = t('errors.fields.required');
    if (!schoolId) found.schoolId = t('errors.fields.required');
    if (Object.keys(found).length) {
      setChecked(found);
      register.reset();
      return;
    }
    setChecked(null);
    register.mutate({ name: name.trim(), schoolId });
  };
  const items = s.registrations;
  return (
    <Panel
      title={t('training.registrations')}
      actions={
        s.can.register && !s.registeredSelf ? (
          <Button
            variant="default"
            loading={register.isPending && register.variables === null}
            onClick={() => {
              onDone(null);
              register.mutate(null);
            }}
          >
            {t('training.registerMe')}
          </Button>
        ) : null
      }
    >
      <Text>{seatsOf(t, s)}</Text>
      {register.isError && register.variables === null ? (
        <FormAlert kind="error">{errorMessage(t, register.error)}</FormAlert>
      ) : null}
      {unregister.isError ? <FormAlert kind="error">{errorMessage(t, unregister.error)}</FormAlert> : null}
      {items.length === 0 ? (
        <Text>{t('training.noRegistration')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>{t('training.registrationsCaption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.school')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.attendance')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">{r.name ?? t('training.nameErased')}</Table.Th>
                  <Table.Td>{r.schoolName ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.attended === null
                      ? t('training.notRecorded')
                      : t(r.attended ? 'training.present' : 'training.absent')}
                  </Table.Td>
                  <Table.Td>
                    {r.can.unregister ? (
                      <Button
                        variant="subtle"
                        color="#a51d2d"
                        size="compact-sm"
                        loading={unregister.isPending && unregister.variables === r.id}
                        aria-label={t('training.unregisterNamed', { name: r.name ?? '' })}
                        onClick={() => {
                          onDone(null);
                          unregister.mutate(r.id);
                        }}
                      >
                        {t('training.unregister')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {s.can.register ? <AccountRegistration session={s} onDone={onDone} /> : null}
      {s.can.register ? (
        <form ref={form} onSubmit={submit} noValidate aria-labelledby={`${captionId}-named`}>
          <Stack gap="sm">
            <Text fw={700} id={`${captionId}-named`}>
              {t('training.registerNamed')}
            </Text>
            <Text size="sm">{t('training.registerNamedHelp')}</Text>
            {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('training.fields.name')}
                required
                maxLength={200}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              {s.schoolId ? (
                <Text>{t('training.forSchool', { school: s.schoolName ?? '' })}</Text>
              ) : me.schoolScope === 'all' ? (
                <OneSchoolPicker
                  label={t('training.fields.school')}
                  required
                  value={schoolId}
                  onChange={setSchoolId}
                  error={errors.schoolId}
                />
              ) : (
                <NativeSelect
                  label={t('training.fields.school')}
                  required
                  value={schoolId}
                  onChange={(e) => setSchoolId(e.currentTarget.value)}
                  error={errors.schoolId}
                  data={[
                    { value: '', label: t('training.chooseSchool') },
                    ...me.schools.map((x) => ({ value: x.id, label: x.name })),
                  ]}
                />
              )}
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={register.isPending && register.variables !== null}>
                {t('training.register')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Panel>
  );
}

function AttendancePanel({ session: s, onDone }: { session: TrainingSessionDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const families = s.audience === 'families';
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(s.registrations.map((r) => [r.id, r.attended ?? false])),
  );
  const [headCount, setHeadCount] = useState(s.headCount === null ? '' : String(s.headCount));
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { entries?: { registrationId: string; attended: boolean }[]; headCount?: number }) =>
      unwrap(api.PUT('/api/training/sessions/{id}/attendance', { params: { path: { id: s.id } }, body })),
    onSuccess: async () => {
      await trainingChanged(queryClient);
      onDone(t('training.attendanceSaved'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(null);
    if (families) {
      const n = Number(headCount);
      if (!headCount.trim() || !Number.isInteger(n) || n < 0) return setInvalid(t('training.headCountInvalid'));
      setInvalid(null);
      return save.mutate({ headCount: n });
    }
    save.mutate({ entries: s.registrations.map((r) => ({ registrationId: r.id, attended: present[r.id] ?? false })) });
  };
  return (
    <Panel title={t('training.attendance')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(families ? 'training.attendanceFamiliesHelp' : 'training.attendanceHelp')}</Text>
          {save.isError ? <FormAlert kind="error">{errorMessage(t, save.error)}</FormAlert> : null}
          {families ? (
            <TextInput
              label={t('training.fields.headCount')}
              inputMode="numeric"
              required
              value={headCount}
              onChange={(e) => setHeadCount(e.currentTarget.value)}
              error={invalid}
            />
          ) : s.registrations.length === 0 ? (
            <Text>{t('training.noRegistration')}</Text>
          ) : (
            <Stack gap="xs" role="group" aria-label={t('training.presentList')}>
              {s.registrations.map((r) => (
                <Checkbox
                  key={r.id}
                  label={t('training.presentNamed', { name: r.name ?? t('training.nameErased') })}
                  checked={present[r.id] ?? false}
                  onChange={(e) => {
                    const value = e.currentTarget.checked;
                    setPresent((p) => ({ ...p, [r.id]: value }));
                  }}
                />
              ))}
            </Stack>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('training.saveAttendance')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function FeedbackPanel({ session: s, onDone }: { session: TrainingSessionDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [score, setScore] = useState('5');
  const give = useMutation({
    mutationFn: (value: number) =>
      unwrap(
        api.POST('/api/training/sessions/{id}/feedback', { params: { path: { id: s.id } }, body: { scores: [value] } }),
      ),
    onSuccess: async () => {
      await trainingChanged(queryClient);
      onDone(t('training.feedbackSaved'));
    },
  });
  const f = s.feedback;
  return (
    <Panel title={t('training.feedback')}>
      <Text>
        {f.count === 0
          ? t('training.noFeedback')
          : t('training.feedbackSummary', { count: f.count, average: formatNumber(f.average ?? 0) })}
      </Text>
      {f.count > 0 ? (
        <List>
          {f.distribution.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the five scores, in order
            <List.Item key={i}>{t('training.scoreCount', { score: i + 1, count: n })}</List.Item>
          ))}
        </List>
      ) : null}
      {give.isError ? <FormAlert kind="error">{errorMessage(t, give.error)}</FormAlert> : null}
      {s.can.giveFeedback ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onDone(null);
            give.mutate(Number(score));
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('training.fields.score')}
              value={score}
              onChange={(e) => setScore(e.currentTarget.value)}
              data={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('training.scoreOption', { score: n }) }))}
            />
            <Button type="submit" loading={give.isPending}>
              {t('training.giveFeedback')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Panel>
  );
}
