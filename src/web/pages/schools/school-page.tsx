import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ComponentType, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type School, unwrap } from '../../api/client.ts';
import { useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { EquipmentPanel } from '../assets/equipment-panel.tsx';
import { SchoolBaselinePanel } from '../baseline/school-baseline-panel.tsx';
import { SchoolBookingsPanel } from '../bookings/school-bookings-panel.tsx';
import { SchoolTicketsPanel } from '../helpdesk/school-tickets-panel.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { SchoolServicesPanel } from '../services/school-services-panel.tsx';
import { StatusBadge } from './badges.tsx';
import { ClassesPanel } from './classes-panel.tsx';
import { IdentityPanel } from './identity-panel.tsx';
import { LocationPanel } from './location-panel.tsx';
import { NetworkPanel } from './network-panel.tsx';
import { RoomsPanel } from './rooms-panel.tsx';
import { SchoolForm } from './school-form.tsx';
import { schoolQuery, schoolSaved } from './school-queries.ts';
import { YearsPanel } from './years-panel.tsx';

/**
 * The page of one school: a stack of panels, each given the school (with its
 * `can` abilities, which alone decide what may be changed). Modules to come
 * (equipment, loans, tickets, baseline) add their panel to this list.
 */
const PANELS: readonly (readonly [key: string, panel: ComponentType<{ school: School }>])[] = [
  ['identity', IdentityPanel],
  ['network', NetworkPanel],
  ['years', YearsPanel],
  ['classes', ClassesPanel],
  ['rooms', RoomsPanel],
  ['equipment', EquipmentPanel],
  ['bookings', SchoolBookingsPanel],
  ['helpdesk', SchoolTicketsPanel],
  ['services', SchoolServicesPanel],
  ['baseline', SchoolBaselinePanel],
  ['location', LocationPanel],
];

export function SchoolPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/schools/$id' });
  const school = useQuery(schoolQuery(id));
  const flash = useFlash();

  if (school.error instanceof ApiError && (school.error.status === 404 || school.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!school.data) {
    return (
      <Page title={t('schools.schoolTitle')}>
        {school.isError ? (
          <FormAlert kind="error">{errorMessage(t, school.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = school.data;
  return (
    <Page
      title={data.usualName ?? data.name}
      actions={
        <Stack gap="sm">
          <Group gap="sm">
            <Text>
              <Anchor component={Link} to="/schools">
                {t('schools.backToList')}
              </Anchor>
            </Text>
            <Text component="span" ff="monospace">
              {t('schools.uaiValue', { uai: data.uai })}
            </Text>
            <StatusBadge value={data.status} />
          </Group>
          <SchoolActions school={data} />
        </Stack>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      {PANELS.map(([key, Panel]) => (
        <Panel key={key} school={data} />
      ))}
    </Page>
  );
}

/** Edit, close, reopen: offered as the school's abilities say. */
function SchoolActions({ school }: { school: School }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'close' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reopen = useMutation({
    mutationFn: () => unwrap(api.POST('/api/schools/{id}/reopen', { params: { path: { id: school.id } } })),
    onSuccess: async (saved) => {
      await schoolSaved(queryClient, saved);
      setDone(t('schools.reopened'));
    },
  });
  const closed = school.closedOn !== null;
  if (!school.can.update && !school.can.close) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {school.can.update ? (
          <Button variant="default" onClick={() => setDialog('edit')}>
            {t('schools.edit')}
          </Button>
        ) : null}
        {school.can.close && !closed ? (
          <Button variant="outline" color="red.9" onClick={() => setDialog('close')}>
            {t('schools.close')}
          </Button>
        ) : null}
        {school.can.close && closed ? (
          <Button variant="outline" onClick={() => reopen.mutate()} loading={reopen.isPending}>
            {t('schools.reopen')}
          </Button>
        ) : null}
      </Group>
      {reopen.isError ? <FormAlert kind="error">{errorMessage(t, reopen.error)}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {dialog === 'edit' ? (
        <Modal
          opened
          onClose={() => setDialog(null)}
          title={t('schools.editTitle', { name: school.name })}
          size="xl"
          closeButtonProps={{ 'aria-label': t('common.close') }}
          styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
        >
          <SchoolForm
            school={school}
            onCancel={() => setDialog(null)}
            onSaved={() => {
              setDialog(null);
              setDone(t('schools.updated'));
            }}
          />
        </Modal>
      ) : null}
      {dialog === 'close' ? (
        <CloseSchoolDialog
          school={school}
          onClose={() => setDialog(null)}
          onClosed={() => {
            setDialog(null);
            setDone(t('schools.closedMessage'));
          }}
        />
      ) : null}
    </Stack>
  );
}

function CloseSchoolDialog({
  school,
  onClose,
  onClosed,
}: {
  school: School;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [closedOn, setClosedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [missing, setMissing] = useState<object | null>(null);
  const close = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/schools/{id}/close', { params: { path: { id: school.id } }, body: { closedOn } })),
    onSuccess: async (saved) => {
      await schoolSaved(queryClient, saved);
      onClosed();
    },
  });
  useFocusFirstProblem(form, close.error ?? missing);
  const problem = close.error ? formProblem(t, close.error, ['closedOn']) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!closedOn) {
      setMissing({});
      close.reset();
      return;
    }
    setMissing(null);
    close.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schools.closeTitle', { name: school.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('schools.closeHelp')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('schools.closedOn')}
            type="date"
            required
            value={closedOn}
            onChange={(e) => setClosedOn(e.currentTarget.value)}
            error={missing ? t('errors.fields.required') : problem?.fields.closedOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={close.isPending}>
              {t('schools.closeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
