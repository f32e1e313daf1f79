import { Button, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Facts } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { type Booking, bookingsChanged } from './bookings-queries.ts';
import { BookingStatusBadge, Dialog, forWhom, slotOf } from './labels.tsx';
import { schoolDayOf } from './search.ts';

type Action =
  | { kind: 'approve' }
  | { kind: 'pickUp' }
  | { kind: 'cancel'; series: boolean }
  | { kind: 'return'; tags: string[] };

/**
 * One booking and what the signed-in user may do with it (the API says
 * which): approve, cancel (with the rest of its series), record the pick-up,
 * record the return with the tags found in the cart (missing and extra
 * devices are listed).
 */
export function BookingDialog({
  booking: initial,
  onClose,
  onDone,
}: {
  booking: Booking;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [booking, setBooking] = useState(initial);
  const [series, setSeries] = useState(false);
  const [tags, setTags] = useState('');
  const act = useMutation({
    mutationFn: (action: Action) => {
      const path = { params: { path: { id: booking.id } } };
      switch (action.kind) {
        case 'approve':
          return unwrap(api.POST('/api/bookings/{id}/approve', path));
        case 'pickUp':
          return unwrap(api.POST('/api/bookings/{id}/pick-up', path));
        case 'cancel':
          return unwrap(
            api.POST('/api/bookings/{id}/cancel', { ...path, body: action.series ? { series: true } : {} }),
          );
        case 'return':
          return unwrap(api.POST('/api/bookings/{id}/return', { ...path, body: { tags: action.tags } }));
      }
    },
    onSuccess: async (saved, action) => {
      await bookingsChanged(queryClient);
      const message = t(`bookings.done.${action.kind}`, { resource: saved.resource.label, slot: slotOf(saved) });
      // The return's check is worth reading before closing: keep the dialog open for it.
      if (action.kind === 'return') setBooking(saved);
      else onDone(message);
    },
  });
  const check = booking.returnCheck;
  const can = booking.can;
  return (
    <Dialog
      title={t('bookings.detailTitle', {
        resource: booking.resource.label,
        date: formatDate(schoolDayOf(booking.startsAt)),
      })}
      onClose={onClose}
    >
      <Stack gap="md">
        {act.isError ? <FormAlert kind="error">{errorMessage(t, act.error)}</FormAlert> : null}
        <Facts
          empty={t('bookings.none')}
          items={[
            [
              t('bookings.fields.resource'),
              `${t(`bookings.kind.${booking.resource.kind}`)} — ${booking.resource.label}`,
            ],
            [t('bookings.fields.date'), formatDate(schoolDayOf(booking.startsAt))],
            [t('bookings.fields.slot'), slotOf(booking)],
            [t('bookings.fields.for'), forWhom(booking)],
            [t('bookings.fields.status'), <BookingStatusBadge key="s" value={booking.status} />],
            [t('bookings.fields.bookedBy'), booking.bookedBy.displayName],
            [t('bookings.fields.series'), booking.seriesId ? t('bookings.weeklySeries') : null],
            [t('bookings.fields.notes'), booking.notes],
            [t('bookings.fields.pickedUpAt'), formatDateTime(booking.pickedUpAt)],
            [t('bookings.fields.returnedAt'), formatDateTime(booking.returnedAt)],
          ]}
        />
        {booking.status === 'requested' ? (
          <Text role="note" fw={700}>
            {t(can.approve ? 'bookings.approval.pendingManager' : 'bookings.approval.pending')}
          </Text>
        ) : null}
        {check ? (
          <Stack gap="xs" role="status">
            <Text fw={700}>
              {check.missing.length === 0 && check.extra.length === 0
                ? t('bookings.returnComplete', { count: check.expected.length })
                : t('bookings.returnIncomplete', { missing: check.missing.length, extra: check.extra.length })}
            </Text>
            {check.missing.length > 0 ? (
              <>
                <Text>{t('bookings.missing')}</Text>
                <List>
                  {check.missing.map((m) => (
                    <List.Item key={m.id}>{m.tag}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
            {check.extra.length > 0 ? (
              <>
                <Text>{t('bookings.extra')}</Text>
                <List>
                  {check.extra.map((tag) => (
                    <List.Item key={tag}>{tag}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        ) : null}
        {can.return ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act.mutate({
                kind: 'return',
                tags: tags
                  .split(/[\s,;]+/)
                  .map((s) => s.trim())
                  .filter(Boolean),
              });
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t('bookings.returnTags')}
                description={t('bookings.returnTagsHelp', { count: booking.expectedContents?.length ?? 0 })}
                autosize
                minRows={3}
                value={tags}
                onChange={(e) => setTags(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={act.isPending && act.variables?.kind === 'return'}>
                  {t('bookings.recordReturn')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {can.cancel && booking.seriesId ? (
          <Checkbox
            label={t('bookings.cancelSeries')}
            checked={series}
            onChange={(e) => setSeries(e.currentTarget.checked)}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          {can.approve ? (
            <Button
              onClick={() => act.mutate({ kind: 'approve' })}
              loading={act.isPending && act.variables?.kind === 'approve'}
            >
              {t('bookings.approve')}
            </Button>
          ) : null}
          {can.pickUp ? (
            <Button
              onClick={() => act.mutate({ kind: 'pickUp' })}
              loading={act.isPending && act.variables?.kind === 'pickUp'}
            >
              {t('bookings.pickUp')}
            </Button>
          ) : null}
          {can.cancel ? (
            <Button
              variant="outline"
              color="#a51d2d"
              onClick={() => act.mutate({ kind: 'cancel', series })}
              loading={act.isPending && act.variables?.kind === 'cancel'}
            >
              {t('bookings.cancelBooking')}
            </Button>
          ) : null}
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
