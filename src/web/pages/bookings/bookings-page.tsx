import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { ApprovalPanel } from './approval-panel.tsx';
import { BookDialog } from './book-dialog.tsx';
import { BookingDialog } from './booking-dialog.tsx';
import { type Booking, calendarQuery, resourcesQuery } from './bookings-queries.ts';
import { FeedsPanel } from './feeds-panel.tsx';
import { BookingStatusBadge, forWhom, slotOf } from './labels.tsx';
import { addDays, type BookingsSearch, mondayOf, schoolDayOf, schoolToday } from './search.ts';

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/** "mardi 1 décembre 2026" */
function longDay(day: string): string {
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * Bookings of carts, devices and rooms (issue #8 point 2): the week
 * calendar of a school, one list per day under its heading (statuses in
 * words), the booking dialog and the calendar feeds. Week, school, resource
 * and Saturday live in the URL.
 */
export function BookingsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/bookings' });
  const navigate = useNavigate({ from: '/bookings' });
  const [done, setDone] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const [shown, setShown] = useState<Booking | null>(null);

  const attached = me.schoolScope === 'attached';
  const schoolId = search.school ?? (attached ? (me.schools[0]?.id ?? '') : '');
  const thisWeek = mondayOf(schoolToday());
  const week = search.week ?? thisWeek;
  const days = Array.from({ length: search.saturday ? 6 : 5 }, (_, i) => addDays(week, i));
  const resources = useQuery(resourcesQuery(schoolId));
  const calendar = useQuery(calendarQuery({ schoolId, from: week, to: addDays(week, 5), resourceId: search.resource }));
  const set = (changes: Partial<BookingsSearch>) =>
    void navigate({ search: (prev: BookingsSearch) => ({ ...prev, ...changes }), replace: false });

  const byDay = new Map<string, Booking[]>();
  for (const b of calendar.data ?? []) {
    const day = schoolDayOf(b.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), b]);
  }
  const resourceLabel = resources.data?.find((r) => r.id === search.resource)?.label;
  const canBook = hasPermission(me, 'bookings.create') && Boolean(schoolId);

  return (
    <Page title={t('bookings.title')}>
      <Text>{t('bookings.intro')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {attached ? (
          me.schools.length > 1 ? (
            <NativeSelect
              label={t('bookings.school')}
              value={schoolId}
              onChange={(e) => set({ school: e.currentTarget.value, resource: undefined })}
              data={me.schools.map((s) => ({ value: s.id, label: `${s.name} (${s.uai})` }))}
            />
          ) : (
            <Text>
              {t('bookings.school')} : {me.schools[0]?.name ?? t('bookings.noSchool')}
            </Text>
          )
        ) : (
          <OneSchoolPicker
            label={t('bookings.school')}
            value={schoolId}
            onChange={(id) => set({ school: id || undefined, resource: undefined })}
          />
        )}
        <NativeSelect
          label={t('bookings.resourceFilter')}
          value={search.resource ?? ''}
          disabled={!schoolId}
          onChange={(e) => set({ resource: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('bookings.allResources') },
            ...(resources.data ?? []).map((r) => ({
              value: r.id,
              label: `${t(`bookings.kind.${r.kind}`)} — ${r.label}`,
            })),
          ]}
        />
      </SimpleGrid>
      {!schoolId ? (
        <Text>{t('bookings.chooseSchool')}</Text>
      ) : (
        <Panel
          title={t('bookings.weekOf', { date: formatDate(week) })}
          actions={
            canBook ? (
              <Button
                onClick={() => {
                  setDone(null);
                  setBooking(true);
                }}
              >
                {t('bookings.book')}
              </Button>
            ) : null
          }
        >
          <Group gap="sm" wrap="wrap">
            <Button variant="default" onClick={() => set({ week: addDays(week, -7) })}>
              {t('bookings.previousWeek')}
            </Button>
            <Button
              variant="default"
              onClick={() => set({ week: undefined })}
              aria-current={week === thisWeek ? 'date' : undefined}
            >
              {t('bookings.thisWeek')}
            </Button>
            <Button variant="default" onClick={() => set({ week: addDays(week, 7) })}>
              {t('bookings.nextWeek')}
            </Button>
            <Checkbox
              label={t('bookings.showSaturday')}
              checked={Boolean(search.saturday)}
              onChange={(e) => set({ saturday: e.currentTarget.checked ? true : undefined })}
            />
          </Group>
          {resourceLabel ? <Text>{t('bookings.onlyResource', { resource: resourceLabel })}</Text> : null}
          {calendar.isError ? <FormAlert kind="error">{errorMessage(t, calendar.error)}</FormAlert> : null}
          {calendar.isPending ? (
            <Text>{t('common.loading')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: days.length }} spacing="sm" data-testid="week-calendar">
              {days.map((day) => (
                <DayColumn
                  key={day}
                  day={day}
                  today={day === schoolToday()}
                  items={byDay.get(day) ?? []}
                  showResource={!search.resource}
                  onOpen={(b) => {
                    setDone(null);
                    setShown(b);
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        </Panel>
      )}
      {schoolId && hasPermission(me, 'bookings.manage') ? <ApprovalPanel schoolId={schoolId} /> : null}
      <FeedsPanel schoolId={schoolId} />
      {booking ? (
        <BookDialog
          schoolId={schoolId}
          defaultDay={week === thisWeek ? schoolToday() : week}
          onClose={() => setBooking(false)}
          onBooked={(message, day) => {
            setBooking(false);
            setDone(message);
            set({ week: mondayOf(day) });
          }}
        />
      ) : null}
      {shown ? (
        <BookingDialog
          booking={shown}
          onClose={() => setShown(null)}
          onDone={(message) => {
            setShown(null);
            setDone(message);
          }}
        />
      ) : null}
    </Page>
  );
}

function DayColumn({
  day,
  today,
  items,
  showResource,
  onOpen,
}: {
  day: string;
  today: boolean;
  items: readonly Booking[];
  showResource: boolean;
  onOpen: (b: Booking) => void;
}) {
  const { t } = useTranslation();
  const label = longDay(day);
  return (
    <Paper withBorder p="sm" component="section" aria-label={label} data-day={day}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {label}
          {today ? ` (${t('bookings.today')})` : null}
        </Title>
        {items.length === 0 ? (
          <Text size="sm">{t('bookings.noBooking')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((b) => (
              <Paper component="li" key={b.id} withBorder p="xs" bg={b.status === 'cancelled' ? 'gray.0' : undefined}>
                <Stack gap={4}>
                  <Text fw={700}>{slotOf(b)}</Text>
                  {showResource ? <Text size="sm">{b.resource.label}</Text> : null}
                  <Text size="sm">{forWhom(b)}</Text>
                  <Group gap="xs">
                    <BookingStatusBadge value={b.status} />
                  </Group>
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => onOpen(b)}
                    aria-label={t('bookings.detailsOf', {
                      slot: slotOf(b),
                      resource: b.resource.label,
                      for: forWhom(b),
                    })}
                  >
                    {t('bookings.details')}
                  </Button>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
