import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type School, type SchoolNetwork, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { formProblem } from '../../errors.ts';
import { formatDate, formatDateTime, formatNumber, numberForInput, parseDecimal } from '../../format.ts';
import { INTERNET_ACCESS, isOneOf, WIRED_NETWORK } from './labels.ts';
import { schoolSaved } from './school-queries.ts';

/**
 * Network facts the city keeps per school. Loi n° 2015-136 (art. 7): a new
 * radio network in a primary school is preceded by informing the conseil
 * d'école — hence the warning when wifi is there and that date is not.
 */

export function missesConseilInformation(network: SchoolNetwork): boolean {
  return network.wifiPresent === true && !network.conseilEcoleInformedOn;
}

export function NetworkPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const n = school.network;
  const mbps = (value: number | null) =>
    value === null ? null : t('schools.network.mbps', { value: formatNumber(value) });
  const yesNo = (value: boolean | null) => (value === null ? null : t(value ? 'schools.yes' : 'schools.no'));
  return (
    <Panel
      title={t('schools.network.title')}
      actions={
        school.can.manageNetwork ? (
          <Button
            variant="default"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('schools.network.edit')}
          </Button>
        ) : null
      }
    >
      {saved ? <FormAlert kind="success">{t('schools.network.saved')}</FormAlert> : null}
      {missesConseilInformation(n) ? (
        <Alert
          color="orange"
          variant="light"
          title={t('schools.network.conseilMissingTitle')}
          styles={{ title: { color: '#1a1b1e' }, message: { color: '#1a1b1e' } }}
        >
          {t('schools.network.conseilMissing')}
        </Alert>
      ) : null}
      <Facts
        empty={t('schools.unknown')}
        items={[
          [
            t('schools.network.internetAccess'),
            n.internetAccess ? t(`schools.network.access.${n.internetAccess}`) : null,
          ],
          [t('schools.network.bandwidthDown'), mbps(n.bandwidthDownMbps)],
          [t('schools.network.bandwidthUp'), mbps(n.bandwidthUpMbps)],
          [t('schools.network.wiredNetwork'), n.wiredNetwork ? t(`schools.network.wired.${n.wiredNetwork}`) : null],
          [t('schools.network.wifiPresent'), yesNo(n.wifiPresent)],
          [t('schools.network.conseilEcoleInformedOn'), formatDate(n.conseilEcoleInformedOn)],
          [t('schools.network.notes'), n.notes],
          [t('schools.network.updatedAt'), formatDateTime(n.updatedAt)],
        ]}
      />
      <Text size="sm" c="dimmed">
        {t('schools.network.lawNote')}
      </Text>
      {editing ? (
        <NetworkDialog
          school={school}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
    </Panel>
  );
}

const FIELDS = [
  'internetAccess',
  'bandwidthDownMbps',
  'bandwidthUpMbps',
  'wiredNetwork',
  'wifiPresent',
  'conseilEcoleInformedOn',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

function NetworkDialog({ school, onClose, onSaved }: { school: School; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const n = school.network;
  const [internetAccess, setInternetAccess] = useState<string>(n.internetAccess ?? '');
  const [down, setDown] = useState(numberForInput(n.bandwidthDownMbps));
  const [up, setUp] = useState(numberForInput(n.bandwidthUpMbps));
  const [wiredNetwork, setWiredNetwork] = useState<string>(n.wiredNetwork ?? '');
  const [wifi, setWifi] = useState(n.wifiPresent === null ? 'unknown' : n.wifiPresent ? 'yes' : 'no');
  const [informedOn, setInformedOn] = useState(n.conseilEcoleInformedOn ?? '');
  const [notes, setNotes] = useState(n.notes ?? '');
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/schools/{id}/network', {
          params: { path: { id: school.id } },
          body: {
            internetAccess: isOneOf(INTERNET_ACCESS, internetAccess) ? internetAccess : null,
            bandwidthDownMbps: parseDecimal(down),
            bandwidthUpMbps: parseDecimal(up),
            wiredNetwork: isOneOf(WIRED_NETWORK, wiredNetwork) ? wiredNetwork : null,
            wifiPresent: wifi === 'unknown' ? null : wifi === 'yes',
            conseilEcoleInformedOn: informedOn || null,
            notes: notes.trim() || null,
          },
        }),
      ),
    onSuccess: async (saved) => {
      await schoolSaved(queryClient, saved);
      onSaved();
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    for (const [field, text] of [
      ['bandwidthDownMbps', down],
      ['bandwidthUpMbps', up],
    ] as const) {
      const value = parseDecimal(text);
      if (value !== null && (Number.isNaN(value) || value < 0 || value > 100_000)) {
        found[field] = t('errors.fields.number_between', { min: 0, max: formatNumber(100_000) });
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

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schools.network.editTitle', { name: school.usualName ?? school.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <NativeSelect
            label={t('schools.network.internetAccess')}
            value={internetAccess}
            onChange={(e) => setInternetAccess(e.currentTarget.value)}
            error={errors.internetAccess}
            data={[
              { value: '', label: t('schools.unknown') },
              ...INTERNET_ACCESS.map((a) => ({ value: a, label: t(`schools.network.access.${a}`) })),
            ]}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t('schools.network.bandwidthDownInput')}
              inputMode="decimal"
              value={down}
              onChange={(e) => setDown(e.currentTarget.value)}
              error={errors.bandwidthDownMbps}
            />
            <TextInput
              label={t('schools.network.bandwidthUpInput')}
              inputMode="decimal"
              value={up}
              onChange={(e) => setUp(e.currentTarget.value)}
              error={errors.bandwidthUpMbps}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('schools.network.wiredNetwork')}
            value={wiredNetwork}
            onChange={(e) => setWiredNetwork(e.currentTarget.value)}
            error={errors.wiredNetwork}
            data={[
              { value: '', label: t('schools.unknown') },
              ...WIRED_NETWORK.map((w) => ({ value: w, label: t(`schools.network.wired.${w}`) })),
            ]}
          />
          <Radio.Group
            label={t('schools.network.wifiPresent')}
            value={wifi}
            onChange={setWifi}
            error={errors.wifiPresent}
          >
            <Group gap="lg" mt="xs">
              <Radio value="yes" label={t('schools.yes')} />
              <Radio value="no" label={t('schools.no')} />
              <Radio value="unknown" label={t('schools.unknown')} />
            </Group>
          </Radio.Group>
          <TextInput
            label={t('schools.network.conseilEcoleInformedOn')}
            description={t('schools.network.conseilHelp')}
            type="date"
            value={informedOn}
            onChange={(e) => setInformedOn(e.currentTarget.value)}
            error={errors.conseilEcoleInformedOn}
          />
          <Textarea
            label={t('schools.network.notes')}
            autosize
            minRows={2}
            maxRows={6}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
