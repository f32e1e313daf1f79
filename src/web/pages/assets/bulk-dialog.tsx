import {
  Button,
  Checkbox,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Asset,
  type AssetStatus,
  api,
  type BulkAssetInput,
  type BulkAssetResult,
  unwrap,
} from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formProblem, innerFieldOf } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { cartsQuery, manyAssetsChanged } from './asset-queries.ts';
import { codeLabel } from './labels.tsx';
import { LocationFields, type LocationValue, locationBody, NO_LOCATION } from './location-fields.tsx';
import { ASSET_STATUSES, isOneOf, TAKE_OUT_STATUSES } from './statuses.ts';

const ACTIONS = ['status', 'move', 'assign_school', 'cart_in', 'cart_out'] as const;
type Action = (typeof ACTIONS)[number];
/** `in_cart` is reached by putting into a cart, not by a status change. */
const BULK_STATUSES = ASSET_STATUSES.filter((s) => s !== 'in_cart');

/**
 * One action on the selected assets (`POST /api/assets/bulk`), each asset
 * answered on its own: done, or refused with the reason. "Each" lets the
 * others go through; "all or nothing" applies nothing if one is refused.
 */
export function BulkDialog({ assets, onClose }: { assets: readonly Asset[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [action, setAction] = useState<Action>('status');
  const [mode, setMode] = useState<'each' | 'all'>('each');
  const [to, setTo] = useState<AssetStatus | ''>('');
  const [outTo, setOutTo] = useState<(typeof TAKE_OUT_STATUSES)[number]>('deployed');
  const [wiped, setWiped] = useState(false);
  const [location, setLocation] = useState<LocationValue>(NO_LOCATION);
  const [cartId, setCartId] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const carts = useQuery({ ...cartsQuery(), enabled: action === 'cart_in' });

  const run = useMutation({
    mutationFn: (): Promise<BulkAssetResult> => {
      const body: BulkAssetInput = { action, mode, ids: assets.map((a) => a.id), ...(note.trim() ? { note } : {}) };
      if (action === 'status' && to) {
        body.to = to;
        if (to === 'in_stock') body.wiped = wiped;
        if (to === 'deployed') body.location = locationBody(location);
        // In stock without a stock location chosen: each asset stays where it is.
        if (to === 'in_stock' && location.stockLocationId) body.location = locationBody(location);
      }
      if (action === 'move') body.location = locationBody(location);
      if (action === 'assign_school') body.location = { schoolId: location.schoolId || null };
      if (action === 'cart_in') body.cartId = cartId;
      if (action === 'cart_out') body.to = outTo;
      return unwrap(api.POST('/api/assets/bulk', { body }));
    },
    onSuccess: async (result) => {
      if (result.done > 0) await manyAssetsChanged(queryClient);
    },
  });
  useFocusFirstProblem(form, run.error ?? checked);
  const problem = run.error
    ? formProblem(t, run.error, ['to', 'cartId', 'schoolId', 'roomId', 'classId', 'stockLocationId'], innerFieldOf)
    : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    const required = t('errors.fields.required');
    if (action === 'status' && !to) missing.to = required;
    if (action === 'status' && to === 'deployed' && !location.schoolId) missing.schoolId = required;
    if ((action === 'move' || action === 'assign_school') && !location.schoolId && !location.stockLocationId)
      missing.schoolId = required;
    if (action === 'cart_in' && !cartId) missing.cartId = required;
    if (Object.keys(missing).length) {
      setChecked(missing);
      run.reset();
      return;
    }
    setChecked(null);
    run.mutate();
  };

  const result = run.data;
  const title = t('assets.bulk.title', { count: assets.length });
  return (
    <Modal
      opened
      onClose={() => onClose(Boolean(result && result.done > 0))}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      {result ? (
        <BulkResults result={result} onClose={() => onClose(result.done > 0)} />
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('common.requiredHint')}</Text>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <Radio.Group
              label={t('assets.bulk.action')}
              value={action}
              onChange={(value) => {
                if (isOneOf(ACTIONS, value)) setAction(value);
                setChecked(null);
                run.reset();
              }}
            >
              <Stack gap="xs" mt="xs">
                {ACTIONS.map((a) => (
                  <Radio key={a} value={a} label={t(`assets.bulk.actions.${a}`)} />
                ))}
              </Stack>
            </Radio.Group>

            {action === 'status' ? (
              <>
                <NativeSelect
                  label={t('assets.bulk.to')}
                  required
                  value={to}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setTo(isOneOf(BULK_STATUSES, value) ? value : '');
                  }}
                  error={errors.to}
                  data={[
                    { value: '', label: t('assets.bulk.chooseStatus') },
                    ...BULK_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) })),
                  ]}
                />
                {to === 'in_stock' ? (
                  <Checkbox
                    label={t('assets.transition.wipedLabel')}
                    description={t('assets.bulk.wipedHelp')}
                    checked={wiped}
                    onChange={(e) => setWiped(e.currentTarget.checked)}
                  />
                ) : null}
                {to === 'deployed' || to === 'in_stock' ? (
                  <LocationFields
                    value={location}
                    onChange={setLocation}
                    errors={errors}
                    schoolRequired={to === 'deployed'}
                    show={to === 'deployed' ? ['schoolId', 'roomId', 'classId'] : ['stockLocationId']}
                  />
                ) : null}
              </>
            ) : null}
            {action === 'move' ? (
              <LocationFields
                value={location}
                onChange={setLocation}
                errors={errors}
                schoolHelp={t('assets.bulk.moveHelp')}
              />
            ) : null}
            {action === 'assign_school' ? (
              <OneSchoolPicker
                label={t('assets.fields.school')}
                description={t('assets.fields.schoolHelp')}
                required
                value={location.schoolId}
                onChange={(schoolId) => setLocation({ ...NO_LOCATION, schoolId })}
                error={errors.schoolId}
              />
            ) : null}
            {action === 'cart_in' ? (
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
            {action === 'cart_out' ? (
              <NativeSelect
                label={t('assets.cart.outTo')}
                value={outTo}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isOneOf(TAKE_OUT_STATUSES, value)) setOutTo(value);
                }}
                data={TAKE_OUT_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
              />
            ) : null}

            <Radio.Group
              label={t('assets.bulk.mode')}
              value={mode}
              onChange={(value) => setMode(value === 'all' ? 'all' : 'each')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="each" label={t('assets.bulk.modeEach')} description={t('assets.bulk.modeEachHelp')} />
                <Radio value="all" label={t('assets.bulk.modeAll')} description={t('assets.bulk.modeAllHelp')} />
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('assets.fields.note')}
              description={t('assets.fields.noteHelp')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={run.isPending}>
                {t('assets.bulk.submit', { count: assets.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function BulkResults({ result, onClose }: { result: BulkAssetResult; onClose: () => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  // The form is gone: the focus goes to the outcome, which a screen reader then reads.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => outcome.current?.focus(), []);
  const summary = t('assets.bulk.summary', {
    done: formatNumber(result.done),
    refused: formatNumber(result.refused),
  });
  return (
    <Stack gap="md">
      <div ref={outcome} tabIndex={-1}>
        <FormAlert
          kind={result.refused > 0 && result.done === 0 ? 'error' : 'success'}
          title={t(result.mode === 'all' ? 'assets.bulk.resultAll' : 'assets.bulk.resultEach')}
        >
          {summary}
        </FormAlert>
      </div>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="xs">
          <caption id={captionId}>
            <VisuallyHidden>{t('assets.bulk.resultsCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
              <Table.Th scope="col">{t('assets.bulk.outcome')}</Table.Th>
              <Table.Th scope="col">{t('assets.bulk.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.results.map((r) => (
              <Table.Tr key={r.id ?? r.tag}>
                <Table.Th scope="row" ff="monospace">
                  {r.tag ?? r.id}
                </Table.Th>
                <Table.Td>{t(`assets.bulk.outcomes.${r.outcome}`)}</Table.Td>
                <Table.Td>{r.outcome === 'refused' ? codeLabel(t, r.code, r.reason) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
