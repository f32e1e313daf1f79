import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type InventoryRound, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { cartsQuery, roundsQuery } from '../assets/asset-queries.ts';
import { roomsQuery } from '../schools/school-queries.ts';

type RoundStatus = InventoryRound['status'];
const ROUND_COLOURS: Record<RoundStatus, string> = { open: '#1d4a87', closed: '#1e6b34', cancelled: '#495057' };

export function RoundStatusBadge({ value }: { value: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ROUND_COLOURS[value]}
      variant="outline"
      tt="none"
      style={{ minWidth: 'max-content' }}
      styles={{ label: { color: ROUND_COLOURS[value] } }}
    >
      {t(`inventory.rounds.statuses.${value}`)}
    </Badge>
  );
}

/** Inventory rounds, newest first; a new one for a school, a room or a cart. */
export function RoundsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const rounds = useQuery(roundsQuery());
  const [starting, setStarting] = useState(false);
  const items = rounds.data ?? [];
  return (
    <Page
      title={t('inventory.rounds.title')}
      actions={
        hasPermission(me, 'inventory.audit') ? (
          <Group>
            <Button onClick={() => setStarting(true)}>{t('inventory.rounds.create')}</Button>
          </Group>
        ) : null
      }
    >
      <Text>{t('inventory.rounds.intro')}</Text>
      {rounds.isError ? <FormAlert kind="error">{errorMessage(t, rounds.error)}</FormAlert> : null}
      {rounds.isPending ? <Text>{t('common.loading')}</Text> : null}
      {rounds.isSuccess && items.length === 0 ? <Text>{t('inventory.rounds.none')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy="rounds-caption">
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption id="rounds-caption">
              <VisuallyHidden>{t('inventory.rounds.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.rounds.startedAt')}</Table.Th>
                <Table.Th scope="col">{t('inventory.rounds.place')}</Table.Th>
                <Table.Th scope="col">{t('inventory.rounds.status')}</Table.Th>
                <Table.Th scope="col">{t('inventory.counts.expected')}</Table.Th>
                <Table.Th scope="col">{t('inventory.counts.found')}</Table.Th>
                <Table.Th scope="col">{t('inventory.counts.missing')}</Table.Th>
                <Table.Th scope="col">{t('inventory.counts.unexpected')}</Table.Th>
                <Table.Th scope="col">{t('inventory.counts.unknown')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((round) => (
                <Table.Tr key={round.id}>
                  <Table.Th scope="row" fw={600}>
                    <AnchorLink to="/inventory/rounds/$id" params={{ id: round.id }}>
                      {formatDateTime(round.startedAt)}
                    </AnchorLink>
                    {round.startedBy ? (
                      <Text size="xs" c="dimmed" fw={400}>
                        {round.startedBy}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    {round.place}
                    <Text size="xs" c="dimmed">
                      {t(`inventory.rounds.scopes.${round.scope}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoundStatusBadge value={round.status} />
                  </Table.Td>
                  <Table.Td>{formatNumber(round.counts.expected)}</Table.Td>
                  <Table.Td>{formatNumber(round.counts.found)}</Table.Td>
                  <Table.Td>{formatNumber(round.counts.missing)}</Table.Td>
                  <Table.Td>{formatNumber(round.counts.unexpected)}</Table.Td>
                  <Table.Td>{formatNumber(round.counts.unknown)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {starting ? <StartRoundDialog onClose={() => setStarting(false)} /> : null}
    </Page>
  );
}

type Scope = 'school' | 'room' | 'cart';

function StartRoundDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [scope, setScope] = useState<Scope>('school');
  const [schoolId, setSchoolId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [cartId, setCartId] = useState('');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const rooms = useQuery({ ...roomsQuery(schoolId, false), enabled: scope === 'room' && Boolean(schoolId) });
  const carts = useQuery({ ...cartsQuery(schoolId || undefined), enabled: scope === 'cart' });

  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/inventory/rounds', {
          body: {
            scope,
            ...(scope === 'school' ? { schoolId } : scope === 'room' ? { roomId } : { cartId }),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          },
        }),
      ),
    onSuccess: (round) => {
      setFlash(t('inventory.rounds.started', { place: round.place }));
      void navigate({ to: '/inventory/rounds/$id', params: { id: round.id } });
    },
  });
  useFocusFirstProblem(form, start.error ?? checked);
  const problem = start.error ? formProblem(t, start.error, ['schoolId', 'roomId', 'cartId', 'notes']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('errors.fields.required');
    const found: Record<string, string> = {};
    if (scope !== 'cart' && !schoolId) found.schoolId = required;
    if (scope === 'room' && !roomId) found.roomId = required;
    if (scope === 'cart' && !cartId) found.cartId = required;
    if (Object.keys(found).length) {
      setChecked(found);
      start.reset();
      return;
    }
    setChecked(null);
    start.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inventory.rounds.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('inventory.rounds.createHelp')}</Text>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Radio.Group
            label={t('inventory.rounds.scope')}
            value={scope}
            onChange={(value) => {
              setScope(value === 'room' || value === 'cart' ? value : 'school');
              setChecked(null);
            }}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="school" label={t('inventory.rounds.scopes.school')} />
              <Radio value="room" label={t('inventory.rounds.scopes.room')} />
              <Radio value="cart" label={t('inventory.rounds.scopes.cart')} />
            </Stack>
          </Radio.Group>
          <OneSchoolPicker
            label={t('assets.fields.school')}
            description={scope === 'cart' ? t('inventory.rounds.cartSchoolHelp') : t('assets.fields.schoolHelp')}
            required={scope !== 'cart'}
            value={schoolId}
            onChange={(id) => {
              setSchoolId(id);
              setRoomId('');
              setCartId('');
            }}
            error={errors.schoolId}
          />
          {scope === 'room' ? (
            <NativeSelect
              label={t('assets.fields.room')}
              required
              disabled={!schoolId}
              description={schoolId ? undefined : t('assets.fields.chooseSchoolFirst')}
              value={roomId}
              onChange={(e) => setRoomId(e.currentTarget.value)}
              error={errors.roomId}
              data={[
                { value: '', label: t('inventory.rounds.chooseRoom') },
                ...(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name })),
              ]}
            />
          ) : null}
          {scope === 'cart' ? (
            <NativeSelect
              label={t('assets.fields.cart')}
              required
              value={cartId}
              onChange={(e) => setCartId(e.currentTarget.value)}
              error={errors.cartId}
              data={[
                { value: '', label: t('assets.cart.choose') },
                ...(carts.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: c.school ? `${c.tag} — ${c.school.name}` : c.tag,
                })),
              ]}
            />
          ) : null}
          <Textarea
            label={t('inventory.rounds.notes')}
            autosize
            minRows={2}
            maxLength={1000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending}>
              {t('inventory.rounds.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
