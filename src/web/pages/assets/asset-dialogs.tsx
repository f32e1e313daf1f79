import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type AssetDetail, type AssetStatus, api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem, innerFieldOf } from '../../errors.ts';
import { assetQuery, assetSaved, cartsQuery } from './asset-queries.ts';
import { LocationFields, type LocationValue, locationBody } from './location-fields.tsx';
import { isOneOf, TAKE_OUT_STATUSES } from './statuses.ts';

/**
 * The lifecycle actions of one asset, each a small dialog that sends the
 * version shown. A version conflict (someone changed the asset meanwhile)
 * is said, with a way to reload; a refused status change lists the
 * statuses the asset may go to.
 */

const LOCATION_FIELDS = ['schoolId', 'roomId', 'classId', 'stockLocationId', 'cartId', 'to', 'note'] as const;

function currentLocation(asset: AssetDetail): LocationValue {
  return {
    schoolId: asset.school?.id ?? '',
    roomId: asset.room?.id ?? '',
    classId: asset.class?.id ?? '',
    stockLocationId: asset.stockLocation?.id ?? '',
  };
}

/** The refusal of a change, in words; a stale version comes with a way to reload the asset. */
function ChangeRefused({
  error,
  general,
  asset,
  onClose,
}: {
  error: unknown;
  general: string | null;
  asset: AssetDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!general) return null;
  const code = error instanceof ApiError ? error.code : null;
  const allowed = error instanceof ApiError ? (error.problem.allowed ?? []) : [];
  return (
    <FormAlert kind="error">
      <Stack gap="xs">
        <Text inherit>{general}</Text>
        {code === 'ASSET_INVALID_TRANSITION' ? (
          <Text inherit>
            {allowed.length
              ? t('assets.transition.allowed', {
                  statuses: allowed.map((s) => t(`assets.status.${s}`, { defaultValue: s })).join(', '),
                })
              : t('assets.transition.noneAllowed')}
          </Text>
        ) : null}
        {code === 'ASSET_VERSION_CONFLICT' ? (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await queryClient.invalidateQueries({ queryKey: assetQuery(asset.id).queryKey });
                onClose();
              }}
            >
              {t('assets.reload')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </FormAlert>
  );
}

function ActionDialog({
  title,
  onClose,
  onSubmit,
  pending,
  submitLabel,
  form,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  pending: boolean;
  submitLabel: string;
  form: RefObject<HTMLFormElement | null>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('assets.fields.note')}
      description={t('assets.fields.noteHelp')}
      autosize
      minRows={2}
      maxLength={1000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** A change of status (`POST /api/assets/{id}/transition`). */
export function TransitionDialog({
  asset,
  to,
  onClose,
  onDone,
}: {
  asset: AssetDetail;
  to: AssetStatus;
  onClose: () => void;
  onDone: (saved: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState('');
  const [wiped, setWiped] = useState(false);
  const [location, setLocation] = useState<LocationValue>(() => currentLocation(asset));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const needsWipe = asset.status === 'returned' && to === 'in_stock';
  const placed = to === 'deployed' || to === 'in_stock';
  // Back from repair, a device returns where it was unless the user says otherwise.
  const [touched, setTouched] = useState(false);
  // In stock without a stock location chosen: the server keeps the asset where it is.
  const sendPlace =
    placed && (touched || asset.status !== 'in_repair') && (to === 'deployed' || Boolean(location.stockLocationId));

  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assets/{id}/transition', {
          params: { path: { id: asset.id } },
          body: {
            version: asset.version,
            to,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(needsWipe ? { wiped } : {}),
            ...(!sendPlace
              ? {}
              : to === 'deployed'
                ? { location: { ...locationBody(location), stockLocationId: null } }
                : { location: { ...locationBody(location), schoolId: null, roomId: null, classId: null } }),
          },
        }),
      ),
    onSuccess: async (saved) => {
      await assetSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, change.error ?? checked);
  const problem = change.error ? formProblem(t, change.error, LOCATION_FIELDS, innerFieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (needsWipe && !wiped) found.wiped = t('assets.transition.wipedRequired');
    if (to === 'deployed' && sendPlace && !location.schoolId) found.schoolId = t('errors.fields.school_required');
    if (Object.keys(found).length) {
      setChecked(found);
      change.reset();
      return;
    }
    setChecked(null);
    change.mutate();
  };

  const status = t(`assets.status.${to}`);
  return (
    <ActionDialog
      title={t('assets.transition.title', { tag: asset.tag, status })}
      onClose={onClose}
      onSubmit={submit}
      pending={change.isPending}
      submitLabel={t('assets.transition.submit', { status })}
      form={form}
    >
      <Text>{t('assets.transition.from', { from: t(`assets.status.${asset.status}`), to: status })}</Text>
      {t(`assets.transition.help.${to}`, { defaultValue: '' }) ? (
        <Text size="sm">{t(`assets.transition.help.${to}`)}</Text>
      ) : null}
      <ChangeRefused error={change.error} general={problem?.general ?? null} asset={asset} onClose={onClose} />
      {needsWipe ? (
        <Checkbox
          label={t('assets.transition.wipedLabel')}
          description={t('assets.transition.wipedHelp')}
          required
          checked={wiped}
          onChange={(e) => setWiped(e.currentTarget.checked)}
          error={errors.wiped}
          aria-invalid={errors.wiped ? true : undefined}
        />
      ) : null}
      {placed && asset.status === 'in_repair' ? <Text size="sm">{t('assets.transition.backFromRepair')}</Text> : null}
      {placed ? (
        <LocationFields
          value={location}
          onChange={(value) => {
            setTouched(true);
            setLocation(value);
          }}
          errors={errors}
          schoolRequired={to === 'deployed'}
          show={to === 'deployed' ? ['schoolId', 'roomId', 'classId'] : ['stockLocationId']}
        />
      ) : null}
      <NoteField value={note} onChange={setNote} />
    </ActionDialog>
  );
}

/** A move (`POST /api/assets/{id}/move`); a cart moves with its contents. */
export function MoveDialog({
  asset,
  onClose,
  onDone,
}: {
  asset: AssetDetail;
  onClose: () => void;
  onDone: (saved: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState('');
  const [location, setLocation] = useState<LocationValue>(() => currentLocation(asset));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assets/{id}/move', {
          params: { path: { id: asset.id } },
          body: { version: asset.version, ...locationBody(location), ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: async (saved) => {
      await assetSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, move.error ?? checked);
  const problem = move.error ? formProblem(t, move.error, LOCATION_FIELDS, innerFieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (asset.status === 'deployed' && !location.schoolId) {
      setChecked({ schoolId: t('errors.fields.school_required') });
      move.reset();
      return;
    }
    setChecked(null);
    move.mutate();
  };
  return (
    <ActionDialog
      title={t('assets.move.title', { tag: asset.tag })}
      onClose={onClose}
      onSubmit={submit}
      pending={move.isPending}
      submitLabel={t('assets.move.submit')}
      form={form}
    >
      {asset.category.role === 'cart' ? <Text size="sm">{t('assets.move.cartHelp')}</Text> : null}
      <ChangeRefused error={move.error} general={problem?.general ?? null} asset={asset} onClose={onClose} />
      <LocationFields
        value={location}
        onChange={setLocation}
        errors={errors}
        schoolRequired={asset.status === 'deployed'}
      />
      <NoteField value={note} onChange={setNote} />
    </ActionDialog>
  );
}

/** Into a cart (`POST /api/assets/{id}/cart`). */
export function CartDialog({
  asset,
  onClose,
  onDone,
}: {
  asset: AssetDetail;
  onClose: () => void;
  onDone: (saved: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const carts = useQuery(cartsQuery());
  const [cartId, setCartId] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const put = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assets/{id}/cart', {
          params: { path: { id: asset.id } },
          body: { version: asset.version, cartId, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: async (saved) => {
      await assetSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, put.error ?? checked);
  const problem = put.error ? formProblem(t, put.error, LOCATION_FIELDS, innerFieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  // The carts of the asset's school first: that is where it usually goes.
  const options = [...(carts.data?.items ?? [])]
    .filter((c) => c.id !== asset.cart?.id)
    .sort((a, b) => Number(b.school?.id === asset.school?.id) - Number(a.school?.id === asset.school?.id));
  return (
    <ActionDialog
      title={t('assets.cart.title', { tag: asset.tag })}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        if (!cartId) {
          setChecked({ cartId: t('errors.fields.required') });
          put.reset();
          return;
        }
        setChecked(null);
        put.mutate();
      }}
      pending={put.isPending}
      submitLabel={t('assets.cart.submit')}
      form={form}
    >
      <ChangeRefused error={put.error} general={problem?.general ?? null} asset={asset} onClose={onClose} />
      <NativeSelect
        label={t('assets.fields.cart')}
        required
        value={cartId}
        onChange={(e) => setCartId(e.currentTarget.value)}
        error={errors.cartId}
        data={[
          { value: '', label: t('assets.cart.choose') },
          ...options.map((c) => ({ value: c.id, label: c.school ? `${c.tag} — ${c.school.name}` : c.tag })),
        ]}
      />
      <NoteField value={note} onChange={setNote} />
    </ActionDialog>
  );
}

/** Out of its cart (`POST /api/assets/{id}/take-out`): deployed in a class, to stock, to repair, lent. */
export function TakeOutDialog({
  asset,
  onClose,
  onDone,
}: {
  asset: AssetDetail;
  onClose: () => void;
  onDone: (saved: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [to, setTo] = useState<(typeof TAKE_OUT_STATUSES)[number]>('deployed');
  const [location, setLocation] = useState<LocationValue>(() => currentLocation(asset));
  const [note, setNote] = useState('');
  const out = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assets/{id}/take-out', {
          params: { path: { id: asset.id } },
          body: {
            version: asset.version,
            to,
            ...(to === 'deployed' ? { location: { ...locationBody(location), stockLocationId: null } } : {}),
            ...(to === 'in_stock' && location.stockLocationId
              ? { location: { ...locationBody(location), schoolId: null, roomId: null, classId: null } }
              : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (saved) => {
      await assetSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, out.error);
  const problem = out.error ? formProblem(t, out.error, LOCATION_FIELDS, innerFieldOf) : null;
  return (
    <ActionDialog
      title={t('assets.takeOut.title', { tag: asset.tag })}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        out.mutate();
      }}
      pending={out.isPending}
      submitLabel={t('assets.takeOut.submit')}
      form={form}
    >
      <Text size="sm">{t('assets.takeOut.help', { cart: asset.cart?.tag ?? '' })}</Text>
      <ChangeRefused error={out.error} general={problem?.general ?? null} asset={asset} onClose={onClose} />
      <NativeSelect
        label={t('assets.cart.outTo')}
        value={to}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isOneOf(TAKE_OUT_STATUSES, value)) setTo(value);
        }}
        data={TAKE_OUT_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
      />
      {to === 'deployed' || to === 'in_stock' ? (
        <LocationFields
          value={location}
          onChange={setLocation}
          errors={problem?.fields ?? {}}
          show={to === 'deployed' ? ['schoolId', 'roomId', 'classId'] : ['stockLocationId']}
        />
      ) : null}
      <NoteField value={note} onChange={setNote} />
    </ActionDialog>
  );
}
