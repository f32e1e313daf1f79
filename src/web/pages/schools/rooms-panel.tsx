import {
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Building, type Room, type School, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { isOneOf, ROOM_KINDS } from './labels.ts';
import { buildingsQuery, classesOrRoomsChanged, roomsQuery } from './school-queries.ts';

/** Buildings and rooms of a school, with the class using each room this school year. */
export function RoomsPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const [showArchived, setShowArchived] = useState(false);
  const rooms = useQuery(roomsQuery(school.id, showArchived));
  const buildings = useQuery(buildingsQuery(school.id));
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const manage = school.can.manageRooms;
  const items = rooms.data ?? [];

  const archive = useMutation({
    mutationFn: (room: Room) =>
      unwrap(api.PATCH('/api/rooms/{id}', { params: { path: { id: room.id } }, body: { archived: !room.archived } })),
    onSuccess: async (saved) => {
      await classesOrRoomsChanged(queryClient, school.id);
      setDone(t(saved.archived ? 'schools.rooms.archivedMessage' : 'schools.rooms.restored', { name: saved.name }));
    },
  });

  return (
    <Panel
      title={t('schools.rooms.title')}
      actions={
        manage ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('schools.rooms.add')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {archive.isError ? <FormAlert kind="error">{errorMessage(t, archive.error)}</FormAlert> : null}
      {rooms.isError ? <FormAlert kind="error">{errorMessage(t, rooms.error)}</FormAlert> : null}

      <Buildings
        school={school}
        buildings={buildings.data ?? []}
        onAdded={(b) => setDone(t('schools.rooms.buildingAdded', { name: b.name }))}
      />

      <Title order={3}>{t('schools.rooms.roomsTitle')}</Title>
      <Switch
        label={t('schools.rooms.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      {rooms.isPending ? <Text>{t('common.loading')}</Text> : null}
      {rooms.isSuccess && items.length === 0 ? <Text>{t('schools.rooms.none')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('schools.rooms.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schools.rooms.name')}</Table.Th>
                <Table.Th scope="col">{t('schools.rooms.kind')}</Table.Th>
                <Table.Th scope="col">{t('schools.rooms.building')}</Table.Th>
                <Table.Th scope="col">{t('schools.rooms.floor')}</Table.Th>
                <Table.Th scope="col">{t('schools.rooms.currentClass')}</Table.Th>
                {manage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((room) => (
                <Table.Tr key={room.id}>
                  <Table.Th scope="row" fw={600}>
                    {room.name}
                    {room.archived ? (
                      <Text span size="sm" fw={400}>
                        {' '}
                        {t('schools.rooms.archivedTag')}
                      </Text>
                    ) : null}
                    {room.notes ? (
                      <Text size="sm" c="dimmed" fw={400}>
                        {room.notes}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`schools.rooms.kinds.${room.kind}`)}</Table.Td>
                  <Table.Td>{room.buildingName ?? '—'}</Table.Td>
                  <Table.Td>{room.floor ?? '—'}</Table.Td>
                  <Table.Td>{room.currentClass?.name ?? '—'}</Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {room.archived ? null : (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => {
                              setDone(null);
                              setEditing(room);
                            }}
                          >
                            {t('common.edit')}
                            <VisuallyHidden> {t('schools.rooms.theRoom', { name: room.name })}</VisuallyHidden>
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="outline"
                          color={room.archived ? undefined : 'red.9'}
                          loading={archive.isPending && archive.variables?.id === room.id}
                          onClick={() => {
                            setDone(null);
                            archive.mutate(room);
                          }}
                        >
                          {room.archived ? t('schools.rooms.restore') : t('schools.rooms.archive')}
                          <VisuallyHidden> {t('schools.rooms.theRoom', { name: room.name })}</VisuallyHidden>
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
        <RoomDialog
          school={school}
          room={editing === 'new' ? null : editing}
          buildings={buildings.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'schools.rooms.created' : 'schools.rooms.updated', { name: saved.name }));
          }}
        />
      ) : null}
    </Panel>
  );
}

function Buildings({
  school,
  buildings,
  onAdded,
}: {
  school: School;
  buildings: readonly Building[];
  onAdded: (building: Building) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState<object | null>(null);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/schools/{id}/buildings', { params: { path: { id: school.id } }, body: { name: name.trim() } }),
      ),
    onSuccess: async (building) => {
      setName('');
      await classesOrRoomsChanged(queryClient, school.id);
      onAdded(building);
    },
  });
  useFocusFirstProblem(form, add.error ?? missing);
  const problem = add.error ? formProblem(t, add.error, ['name']) : null;
  const headingId = useId();
  return (
    <Stack gap="xs">
      <Title order={3} id={headingId}>
        {t('schools.rooms.buildingsTitle')}
      </Title>
      {buildings.length === 0 ? (
        <Text>{t('schools.rooms.noBuildings')}</Text>
      ) : (
        <List aria-labelledby={headingId}>
          {buildings.map((b) => (
            <List.Item key={b.id}>{b.name}</List.Item>
          ))}
        </List>
      )}
      {school.can.manageRooms ? (
        <form
          ref={form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) {
              setMissing({});
              add.reset();
              return;
            }
            setMissing(null);
            add.mutate();
          }}
        >
          <Stack gap="xs">
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <Group align="end" gap="sm">
              <TextInput
                label={t('schools.rooms.newBuilding')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={missing ? t('errors.fields.required') : problem?.fields.name}
              />
              <Button type="submit" variant="default" loading={add.isPending}>
                {t('schools.rooms.addBuilding')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

const FIELDS = ['name', 'kind', 'buildingId', 'floor', 'notes'] as const;
type Field = (typeof FIELDS)[number];

function RoomDialog({
  school,
  room,
  buildings,
  onClose,
  onSaved,
}: {
  school: School;
  room: Room | null;
  buildings: readonly Building[];
  onClose: () => void;
  onSaved: (room: Room, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(room?.name ?? '');
  const [kind, setKind] = useState<string>(room?.kind ?? 'classroom');
  const [buildingId, setBuildingId] = useState(room?.buildingId ?? '');
  const [floor, setFloor] = useState(room?.floor ?? '');
  const [notes, setNotes] = useState(room?.notes ?? '');
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const save = useMutation({
    mutationFn: async (): Promise<Room> => {
      const body = {
        name: name.trim(),
        kind: isOneOf(ROOM_KINDS, kind) ? kind : 'classroom',
        buildingId: buildingId || null,
        floor: floor.trim() || null,
        notes: notes.trim() || null,
      };
      if (room) return unwrap(api.PATCH('/api/rooms/{id}', { params: { path: { id: room.id } }, body }));
      return unwrap(api.POST('/api/schools/{id}/rooms', { params: { path: { id: school.id } }, body }));
    },
    onSuccess: async (saved) => {
      await classesOrRoomsChanged(queryClient, school.id);
      onSaved(saved, room === null);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setChecked({ name: t('errors.fields.required') });
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={room ? t('schools.rooms.editTitle', { name: room.name }) : t('schools.rooms.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('schools.rooms.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <NativeSelect
              label={t('schools.rooms.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              error={errors.kind}
              data={ROOM_KINDS.map((k) => ({ value: k, label: t(`schools.rooms.kinds.${k}`) }))}
            />
            <NativeSelect
              label={t('schools.rooms.building')}
              value={buildingId}
              onChange={(e) => setBuildingId(e.currentTarget.value)}
              error={errors.buildingId}
              data={[
                { value: '', label: t('schools.rooms.noBuilding') },
                ...buildings.map((b) => ({ value: b.id, label: b.name })),
              ]}
            />
            <TextInput
              label={t('schools.rooms.floor')}
              description={t('schools.rooms.floorHelp')}
              value={floor}
              onChange={(e) => setFloor(e.currentTarget.value)}
              error={errors.floor}
            />
          </SimpleGrid>
          <Textarea
            label={t('schools.rooms.notes')}
            autosize
            minRows={2}
            maxRows={5}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {room ? t('common.save') : t('schools.rooms.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
