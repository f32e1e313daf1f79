import { Button, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { addDays, schoolToday } from '../bookings/search.ts';
import { formatRate } from '../funding/labels.tsx';
import { SessionStatusBadge, seatsOf, whereOf } from './labels.tsx';
import { SessionDialog } from './session-dialog.tsx';
import { AUDIENCES, sessionsQuery, type TrainingAudience, trainedQuery } from './training-queries.ts';

/** Training sessions (issue #8 point 3) and the teachers trained per school. */
export function TrainingPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('training.title')}>
      <Text>{t('training.intro')}</Text>
      <SessionsPanel />
      <TrainedPanel />
    </Page>
  );
}

function SessionsPanel() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const captionId = useId();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [audience, setAudience] = useState<TrainingAudience | ''>('');
  const [creating, setCreating] = useState(false);
  const today = schoolToday();
  const list = useQuery(
    sessionsQuery({
      audience: audience || undefined,
      ...(when === 'upcoming' ? { from: today } : { to: addDays(today, -1) }),
    }),
  );
  const items = when === 'past' ? [...(list.data ?? [])].reverse() : (list.data ?? []);
  return (
    <Panel
      title={t('training.sessions')}
      actions={
        hasPermission(me, 'training.manage') ? (
          <Button onClick={() => setCreating(true)}>{t('training.newSession')}</Button>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          <Text component="span" id={`${captionId}-when`} size="sm" fw={500}>
            {t('training.when')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${captionId}-when`}
            value={when}
            onChange={(value) => setWhen(value === 'past' ? 'past' : 'upcoming')}
            data={[
              { value: 'upcoming', label: t('training.upcoming') },
              { value: 'past', label: t('training.past') },
            ]}
          />
        </Stack>
        <NativeSelect
          label={t('training.fields.audience')}
          value={audience}
          onChange={(e) => setAudience(AUDIENCES.find((a) => a === e.currentTarget.value) ?? '')}
          data={[
            { value: '', label: t('training.allAudiences') },
            ...AUDIENCES.map((a) => ({ value: a, label: t(`training.audience.${a}`) })),
          ]}
        />
      </SimpleGrid>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text role="status">{t('training.noSession')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              {t(when === 'upcoming' ? 'training.captionUpcoming' : 'training.captionPast', { count: items.length })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.fields.topic')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.startsAt')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.audience')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.where')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.trainer')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.registrations')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/training/$id" params={{ id: s.id }}>
                      {s.topic}
                    </AnchorLink>
                    {s.schoolName ? <Text size="sm">{s.schoolName}</Text> : null}
                  </Table.Th>
                  <Table.Td>{formatDateTime(s.startsAt)}</Table.Td>
                  <Table.Td>{t(`training.audience.${s.audience}`)}</Table.Td>
                  <Table.Td>{whereOf(t, s)}</Table.Td>
                  <Table.Td>{s.trainer}</Table.Td>
                  <Table.Td>{seatsOf(t, s)}</Table.Td>
                  <Table.Td>
                    <SessionStatusBadge value={s.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {creating ? (
        <SessionDialog
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void navigate({ to: '/training/$id', params: { id: saved.id } });
          }}
        />
      ) : null}
    </Panel>
  );
}

function TrainedPanel() {
  const { t } = useTranslation();
  const captionId = useId();
  const report = useQuery(trainedQuery);
  const schools = report.data?.schools ?? [];
  return (
    <Panel title={t('training.trained.title')}>
      <Text>{t('training.trained.intro')}</Text>
      {report.isError ? <FormAlert kind="error">{errorMessage(t, report.error)}</FormAlert> : null}
      {report.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : schools.length === 0 ? (
        <Text>{t('training.trained.empty')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              {t('training.trained.caption', {
                from: formatDate(report.data?.windowStart),
                on: formatDate(report.data?.on),
              })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.trained.school')}</Table.Th>
                <Table.Th scope="col">{t('training.trained.uai')}</Table.Th>
                <Table.Th scope="col">{t('training.trained.teachers')}</Table.Th>
                <Table.Th scope="col">{t('training.trained.trained')}</Table.Th>
                <Table.Th scope="col">{t('training.trained.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schools.map((s) => (
                <Table.Tr key={s.schoolId} data-school={s.schoolId}>
                  <Table.Th scope="row">{s.name}</Table.Th>
                  <Table.Td>{s.uai}</Table.Td>
                  <Table.Td>{s.teachers === null ? t('training.trained.unknown') : formatNumber(s.teachers)}</Table.Td>
                  <Table.Td>{formatNumber(s.trained)}</Table.Td>
                  <Table.Td>{s.shareBp === null ? t('training.trained.unknown') : formatRate(s.shareBp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}
