import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { type BookingFeed, type CreatedFeed, feedsQuery } from './bookings-queries.ts';

/**
 * "Agenda (ICS)": secret feed URLs of one's own bookings and of the school's,
 * for calendar applications. The URL is shown once, when created or rotated
 * (only its hash is stored); revoking makes it answer "not found".
 */
export function FeedsPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feeds = useQuery(feedsQuery);
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [revoked, setRevoked] = useState(false);
  const create = useMutation({
    mutationFn: (kind: 'user' | 'school') =>
      unwrap(api.POST('/api/bookings/feeds', { body: kind === 'school' ? { kind, schoolId } : { kind } })),
    onSuccess: async (feed) => {
      setRevoked(false);
      setCreated(feed);
      await queryClient.invalidateQueries({ queryKey: feedsQuery.queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (feed: BookingFeed) =>
      unwrap(api.DELETE('/api/bookings/feeds/{id}', { params: { path: { id: feed.id } } })),
    onSuccess: async (_r, feed) => {
      if (created?.id === feed.id) setCreated(null);
      setRevoked(true);
      await queryClient.invalidateQueries({ queryKey: feedsQuery.queryKey });
    },
  });
  const mine = feeds.data?.find((f) => f.kind === 'user');
  const school = feeds.data?.find((f) => f.kind === 'school' && f.schoolId === schoolId);
  const url = created ? new URL(created.url, window.location.origin).toString() : '';
  const row = (kind: 'user' | 'school', feed: BookingFeed | undefined) => (
    <Stack gap={4}>
      <Text fw={700}>{t(`bookings.feeds.${kind}`)}</Text>
      <Text size="sm">
        {feed
          ? t('bookings.feeds.active', {
              created: formatDateTime(feed.createdAt),
              used: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : t('bookings.feeds.never'),
            })
          : t('bookings.feeds.noneYet')}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          onClick={() => create.mutate(kind)}
          loading={create.isPending && create.variables === kind}
          aria-label={t(feed ? 'bookings.feeds.rotateNamed' : 'bookings.feeds.createNamed', {
            feed: t(`bookings.feeds.${kind}`),
          })}
        >
          {t(feed ? 'bookings.feeds.rotate' : 'bookings.feeds.create')}
        </Button>
        {feed ? (
          <Button
            variant="subtle"
            color="#a51d2d"
            onClick={() => revoke.mutate(feed)}
            loading={revoke.isPending && revoke.variables?.id === feed.id}
            aria-label={t('bookings.feeds.revokeNamed', { feed: t(`bookings.feeds.${kind}`) })}
          >
            {t('bookings.feeds.revoke')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
  return (
    <Panel title={t('bookings.feeds.title')}>
      <Text>{t('bookings.feeds.intro')}</Text>
      {feeds.isError ? <FormAlert kind="error">{errorMessage(t, feeds.error)}</FormAlert> : null}
      {create.isError ? <FormAlert kind="error">{errorMessage(t, create.error)}</FormAlert> : null}
      {revoke.isError ? <FormAlert kind="error">{errorMessage(t, revoke.error)}</FormAlert> : null}
      {revoked ? <FormAlert kind="success">{t('bookings.feeds.revoked')}</FormAlert> : null}
      {created ? (
        <Stack gap="xs" role="status">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              readOnly
              label={t('bookings.feeds.urlOf', { feed: t(`bookings.feeds.${created.kind}`) })}
              value={url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('bookings.feeds.copied') : t('bookings.feeds.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">{t('bookings.feeds.howTo')}</Text>
        </Stack>
      ) : null}
      {row('user', mine)}
      {schoolId ? row('school', school) : null}
    </Panel>
  );
}
