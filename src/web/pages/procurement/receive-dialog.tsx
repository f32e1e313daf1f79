import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type FieldProblem, type Schemas, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage, fieldMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { cameraScanSupported } from '../assets/scan.ts';
import { DeliveredAssets } from './delivered-assets.tsx';
import {
  type Delivery,
  type Order,
  type OrderLine,
  procurementChanged,
  stockLocationsQuery,
} from './procurement-queries.ts';
import { Dialog, splitSerials, today } from './shared.tsx';

// The camera reader (and ZXing) is fetched only when someone turns the camera on.
const CameraScanner = lazy(() => import('../assets/camera-scanner.tsx').then((m) => ({ default: m.CameraScanner })));

type DeliveryInput = Schemas['CreateDeliveryInput'];

interface LineDraft {
  quantity: string;
  serials: string;
}

/**
 * Receiving a delivery of an order: date, delivery note, stock location,
 * and per line the quantity and the serial numbers. A barcode scanner that
 * types like a keyboard types each serial and Enter into the serials field
 * (one per line); a list can be pasted; the camera can read them where the
 * browser allows. The server refuses more than ordered
 * (DELIVERY_OVER_ORDERED) and serials that do not match the quantity, repeat
 * or exist already (DELIVERY_SERIALS_INVALID): shown on their line. Then the
 * created assets, with links.
 */
export function ReceiveDialog({
  order,
  onClose,
  onDone,
}: {
  order: Order;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const open = order.lines.filter((l) => l.receivedQuantity < l.quantity);
  const locations = useQuery(stockLocationsQuery);
  const [receivedOn, setReceivedOn] = useState(today());
  const [noteRef, setNoteRef] = useState('');
  const [stockLocationId, setStockLocationId] = useState('');
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>(() =>
    Object.fromEntries(open.map((l) => [l.id, { quantity: String(l.quantity - l.receivedQuantity), serials: '' }])),
  );
  const [camera, setCamera] = useState<string | null>(null);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [sent, setSent] = useState<string[]>([]);
  const [delivery, setDelivery] = useState<Delivery | null>(null);

  const receive = useMutation({
    mutationFn: (body: DeliveryInput) =>
      unwrap(api.POST('/api/procurement/orders/{id}/deliveries', { params: { path: { id: order.id } }, body })),
    onSuccess: async (created) => {
      await Promise.all([
        procurementChanged(queryClient),
        queryClient.invalidateQueries({ queryKey: ['assets'] }),
        queryClient.invalidateQueries({ queryKey: ['inventory', 'summary'] }),
      ]);
      setDelivery(created);
    },
  });
  useFocusFirstProblem(form, receive.error ?? checked);

  // The server names lines by their index in what was sent: back to order line ids.
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (receive.error instanceof ApiError) {
    for (const item of receive.error.problem.errors ?? []) {
      const parts = item.path.split('.').filter((p) => p !== 'body');
      const lineId = parts[0] === 'lines' ? sent[Number(parts[1])] : undefined;
      const key = lineId ? `${lineId}.${parts[2] === 'serials' ? 'serials' : 'quantity'}` : (parts[0] ?? '');
      const message = receiveMessage(t, item);
      if (lineId || ['receivedOn', 'noteRef', 'stockLocationId'].includes(key)) fields[key] ??= message;
      else rest.push(message);
    }
  }
  const code = receive.error instanceof ApiError ? receive.error.code : null;
  // The reason in words goes with the first line named (or the whole form when none is).
  const firstKey = Object.keys(fields)[0];
  if (firstKey && (code === 'DELIVERY_OVER_ORDERED' || code === 'DELIVERY_SERIALS_INVALID')) {
    fields[firstKey] = `${errorMessage(t, receive.error)} ${fields[firstKey]}`;
  }
  const errors: Record<string, string | undefined> = { ...fields, ...checked };
  const general =
    receive.error && (rest.length || Object.keys(fields).length === 0)
      ? `${errorMessage(t, receive.error)} ${rest.join(' ')}`.trim()
      : null;

  const setDraft = (id: string, patch: Partial<LineDraft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...(all[id] ?? { quantity: '', serials: '' }), ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!receivedOn) found.receivedOn = t('procurement.receive.dateRequired');
    const lines: DeliveryInput['lines'] = [];
    const ids: string[] = [];
    for (const line of open) {
      const draft = drafts[line.id];
      const text = draft?.quantity.trim() ?? '';
      if (!text || text === '0') continue;
      const quantity = Number(text);
      if (!Number.isInteger(quantity) || quantity < 0) {
        found[`${line.id}.quantity`] = t('procurement.orderForm.quantityInvalid');
        continue;
      }
      const serials = splitSerials(draft?.serials ?? '');
      if (serials.length > 0 && serials.length !== quantity) {
        found[`${line.id}.serials`] = t('procurement.receive.serialsCount', { count: serials.length, quantity });
      }
      ids.push(line.id);
      lines.push({ orderLineId: line.id, quantity, ...(serials.length ? { serials } : {}) });
    }
    if (lines.length === 0 && !Object.keys(found).length) found.none = t('procurement.receive.nothing');
    if (Object.keys(found).length) {
      setChecked(found);
      receive.reset();
      return;
    }
    setChecked(null);
    setSent(ids);
    receive.mutate({
      receivedOn,
      noteRef: noteRef.trim() || null,
      stockLocationId: stockLocationId || null,
      lines,
    });
  };

  if (delivery) {
    const count = delivery.lines.reduce((s, l) => s + l.quantity, 0);
    return (
      <Dialog
        title={t('procurement.receive.title', { number: order.number })}
        onClose={() => onDone(t('procurement.receive.done', { count }))}
      >
        <Stack gap="md">
          <FormAlert kind="success">{t('procurement.receive.done', { count })}</FormAlert>
          {delivery.assets.length > 0 ? (
            <>
              <DeliveredAssets assets={delivery.assets} />
              <Text size="sm">
                <AnchorLink to="/assets" search={{ status: 'in_stock' }}>
                  {t('procurement.receive.seeInventory')}
                </AnchorLink>
              </Text>
            </>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={() => onDone(t('procurement.receive.done', { count }))}>{t('common.close')}</Button>
          </Group>
        </Stack>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('procurement.receive.title', { number: order.number })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('procurement.receive.intro')}</Text>
          {general ? <FormAlert kind="error">{general}</FormAlert> : null}
          {errors.none ? <FormAlert kind="error">{errors.none}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('procurement.receive.receivedOn')}
              type="date"
              required
              value={receivedOn}
              onChange={(e) => setReceivedOn(e.currentTarget.value)}
              error={errors.receivedOn}
            />
            <TextInput
              label={t('procurement.receive.noteRef')}
              maxLength={100}
              value={noteRef}
              onChange={(e) => setNoteRef(e.currentTarget.value)}
              error={errors.noteRef}
            />
            <NativeSelect
              label={t('procurement.receive.stockLocation')}
              value={stockLocationId}
              onChange={(e) => setStockLocationId(e.currentTarget.value)}
              error={errors.stockLocationId}
              data={[
                { value: '', label: t('procurement.receive.noLocation') },
                ...(locations.data ?? []).filter((l) => !l.archived).map((l) => ({ value: l.id, label: l.name })),
              ]}
            />
          </SimpleGrid>
          {open.map((line) => (
            <ReceiveLine
              key={line.id}
              line={line}
              draft={drafts[line.id] ?? { quantity: '', serials: '' }}
              onChange={(patch) => setDraft(line.id, patch)}
              quantityError={errors[`${line.id}.quantity`]}
              serialsError={errors[`${line.id}.serials`]}
              camera={camera === line.id}
              onCamera={(on) => setCamera(on ? line.id : null)}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={receive.isPending}>
              {t('procurement.receive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** The server's reason for one line, in the interface's language (its own words as the fallback). */
function receiveMessage(t: TFunction, item: FieldProblem): string {
  const left = /(\d+) left/.exec(item.message)?.[1];
  const taken = item.message.replace(/ already used$/, '');
  switch (item.code) {
    case 'over_ordered':
      return t('procurement.receive.problems.over_ordered', { remaining: left ?? '?' });
    case 'count':
    case 'duplicate':
    case 'empty':
    case 'no_model':
      return t(`procurement.receive.problems.${item.code}`);
    case 'taken':
      return t('procurement.receive.problems.taken', { serials: taken });
    default:
      return fieldMessage(t, item);
  }
}

function ReceiveLine({
  line,
  draft,
  onChange,
  quantityError,
  serialsError,
  camera,
  onCamera,
}: {
  line: OrderLine;
  draft: LineDraft;
  onChange: (patch: Partial<LineDraft>) => void;
  quantityError: string | undefined;
  serialsError: string | undefined;
  camera: boolean;
  onCamera: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const remaining = line.quantity - line.receivedQuantity;
  const serialCount = splitSerials(draft.serials).length;
  const addSerial = (text: string) => {
    const serial = text.trim();
    if (!serial) return;
    const list = splitSerials(draft.serials);
    if (!list.includes(serial)) onChange({ serials: [...list, serial].join('\n') });
  };
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={line.description}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {line.description}
        </Title>
        <Text size="sm">
          {t('procurement.receive.remaining', {
            ordered: formatNumber(line.quantity),
            received: formatNumber(line.receivedQuantity),
            remaining: formatNumber(remaining),
          })}
        </Text>
        <TextInput
          label={t('procurement.receive.quantity', { line: line.description })}
          inputMode="numeric"
          maw="14rem"
          value={draft.quantity}
          onChange={(e) => onChange({ quantity: e.currentTarget.value })}
          error={quantityError}
        />
        {line.modelId ? (
          <>
            <Textarea
              label={t('procurement.receive.serials', { line: line.description })}
              description={t('procurement.receive.serialsHelp', { count: serialCount })}
              autosize
              minRows={3}
              maxRows={12}
              spellCheck={false}
              autoComplete="off"
              value={draft.serials}
              onChange={(e) => onChange({ serials: e.currentTarget.value })}
              error={serialsError}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            {cameraScanSupported() ? (
              camera ? (
                <Suspense fallback={<Text>{t('common.loading')}</Text>}>
                  <CameraScanner onDetected={addSerial} onStop={() => onCamera(false)} />
                </Suspense>
              ) : (
                <div>
                  <Button variant="default" size="compact-sm" onClick={() => onCamera(true)}>
                    {t('procurement.receive.camera', { line: line.description })}
                  </Button>
                </div>
              )
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
