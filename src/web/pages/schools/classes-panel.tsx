import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentSchoolYear, schoolYearLabel } from '../../../shared/school-year.ts';
import { api, type Level, type Room, type School, type SchoolClass, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { LEVELS } from './labels.ts';
import { classesOrRoomsChanged, classesQuery, roomsQuery } from './school-queries.ts';

/** The classes of the current school year; classes made up from published counts are marked "générée". */
export function ClassesPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const captionId = useId();
  const classes = useQuery(classesQuery(school.id));
  const [editing, setEditing] = useState<SchoolClass | 'new' | null>(null);
  const [removing, setRemoving] = useState<SchoolClass | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const manage = school.can.manageClasses;
  const year = classes.data?.[0]?.year ?? currentSchoolYear();
  const items = classes.data ?? [];

  return (
    <Panel
      title={t('schools.classesPanel.title', { year: schoolYearLabel(year) })}
      actions={
        manage ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('schools.classesPanel.add')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {classes.isError ? <FormAlert kind="error">{errorMessage(t, classes.error)}</FormAlert> : null}
      {classes.isPending ? <Text>{t('common.loading')}</Text> : null}
      {classes.isSuccess && items.length === 0 ? <Text>{t('schools.classesPanel.none')}</Text> : null}
      {items.some((c) => c.generated) ? <Text size="sm">{t('schools.classesPanel.generatedHelp')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('schools.classesPanel.caption', { year: schoolYearLabel(year) })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schools.classesPanel.name')}</Table.Th>
                <Table.Th scope="col">{t('schools.classesPanel.levels')}</Table.Th>
                <Table.Th scope="col">{t('schools.pupils')}</Table.Th>
                <Table.Th scope="col">{t('schools.classesPanel.ulis')}</Table.Th>
                <Table.Th scope="col">{t('schools.classesPanel.room')}</Table.Th>
                {manage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={600}>
                    {c.name}{' '}
                    {c.generated ? (
                      <Badge variant="outline" color="gray.8" tt="none" styles={{ label: { color: '#343a40' } }}>
                        {t('schools.classesPanel.generated')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{c.levels.join(', ')}</Table.Td>
                  <Table.Td>{c.pupils === null ? '—' : formatNumber(c.pupils)}</Table.Td>
                  <Table.Td>{c.ulis ? t('schools.yes') : t('schools.no')}</Table.Td>
                  <Table.Td>{c.roomName ?? '—'}</Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(c);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {t('schools.classesPanel.theClass', { name: c.name })}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => {
                            setDone(null);
                            setRemoving(c);
                          }}
                        >
                          {t('schools.classesPanel.remove')}
                          <VisuallyHidden> {t('schools.classesPanel.theClass', { name: c.name })}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {editing ? (
        <ClassDialog
          school={school}
          schoolClass={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'schools.classesPanel.created' : 'schools.classesPanel.updated', { name: saved.name }));
          }}
        />
      ) : null}
      {removing ? (
        <RemoveClassDialog
          schoolClass={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            setDone(t('schools.classesPanel.removed', { name: removing.name }));
          }}
        />
      ) : null}
    </Panel>
  );
}

const FIELDS = ['name', 'levels', 'pupils', 'ulis', 'roomId'] as const;
type Field = (typeof FIELDS)[number];

/** A room as a classroom choice: its building, and the class already in it this year. */
function roomLabel(t: TFunction, room: Room, own: string | null) {
  const name = room.buildingName ? `${room.name} (${room.buildingName})` : room.name;
  return room.currentClass && room.currentClass.id !== own
    ? t('schools.classesPanel.roomUsedBy', { room: name, name: room.currentClass.name })
    : name;
}

function ClassDialog({
  school,
  schoolClass,
  onClose,
  onSaved,
}: {
  school: School;
  schoolClass: SchoolClass | null;
  onClose: () => void;
  onSaved: (saved: SchoolClass, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const rooms = useQuery(roomsQuery(school.id, false));
  const [name, setName] = useState(schoolClass?.name ?? '');
  const [levels, setLevels] = useState<Level[]>(schoolClass?.levels ?? []);
  const [pupils, setPupils] = useState(schoolClass?.pupils === null || !schoolClass ? '' : String(schoolClass.pupils));
  const [ulis, setUlis] = useState(schoolClass?.ulis ?? false);
  const [roomId, setRoomId] = useState(schoolClass?.roomId ?? '');
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const save = useMutation({
    mutationFn: async (): Promise<SchoolClass> => {
      const body = {
        name: name.trim(),
        levels: LEVELS.filter((level) => levels.includes(level)),
        pupils: pupils.trim() ? Number(pupils.trim()) : null,
        ulis,
        roomId: roomId || null,
      };
      if (schoolClass) {
        return unwrap(api.PATCH('/api/classes/{id}', { params: { path: { id: schoolClass.id } }, body }));
      }
      return unwrap(api.POST('/api/schools/{id}/classes', { params: { path: { id: school.id } }, body }));
    },
    onSuccess: async (saved) => {
      await classesOrRoomsChanged(queryClient, school.id);
      onSaved(saved, schoolClass === null);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('errors.fields.required');
    if (levels.length === 0) found.levels = t('errors.fields.level_required');
    if (pupils.trim() && !/^\d{1,3}$/.test(pupils.trim())) {
      found.pupils = t('errors.fields.number_between', { min: 0, max: 100 });
    } else if (pupils.trim() && Number(pupils.trim()) > 100) {
      found.pupils = t('errors.fields.number_between', { min: 0, max: 100 });
    }
    const hasProblems = Object.keys(found).length > 0;
    setChecked(hasProblems ? found : null);
    if (hasProblems) {
      save.reset();
      return;
    }
    save.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        schoolClass
          ? t('schools.classesPanel.editTitle', { name: schoolClass.name })
          : t('schools.classesPanel.addTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {schoolClass?.generated ? <Text size="sm">{t('schools.classesPanel.editGenerated')}</Text> : null}
          <TextInput
            label={t('schools.classesPanel.name')}
            description={t('schools.classesPanel.nameHelp')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Checkbox.Group
            label={t('schools.classesPanel.levels')}
            required
            value={levels}
            onChange={(value) => setLevels(value as Level[])}
            error={errors.levels}
          >
            <SimpleGrid cols={{ base: 3, xs: 5 }} spacing="xs" mt="xs">
              {LEVELS.map((level) => (
                <Checkbox key={level} value={level} label={level} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label={t('schools.pupils')}
            inputMode="numeric"
            value={pupils}
            onChange={(e) => setPupils(e.currentTarget.value)}
            error={errors.pupils}
          />
          <Checkbox
            label={t('schools.classesPanel.ulisLabel')}
            checked={ulis}
            onChange={(e) => setUlis(e.currentTarget.checked)}
            error={errors.ulis}
          />
          <NativeSelect
            label={t('schools.classesPanel.room')}
            description={rooms.data?.length === 0 ? t('schools.classesPanel.noRooms') : undefined}
            value={roomId}
            onChange={(e) => setRoomId(e.currentTarget.value)}
            error={errors.roomId}
            data={[
              { value: '', label: t('schools.classesPanel.noRoom') },
              ...(rooms.data ?? []).map((room) => ({
                value: room.id,
                label: roomLabel(t, room, schoolClass?.id ?? null),
              })),
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {schoolClass ? t('common.save') : t('schools.classesPanel.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveClassDialog({
  schoolClass,
  onClose,
  onRemoved,
}: {
  schoolClass: SchoolClass;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/classes/{id}', { params: { path: { id: schoolClass.id } } })),
    onSuccess: async () => {
      await classesOrRoomsChanged(queryClient, schoolClass.schoolId);
      onRemoved();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schools.classesPanel.removeTitle', { name: schoolClass.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <Stack gap="md">
        <Text>{t('schools.classesPanel.removeConfirm', { name: schoolClass.name })}</Text>
        {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('schools.classesPanel.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
