import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';

/**
 * Outbound webhooks (admins): register endpoints, see each one's delivery
 * log (status code, duration, error per attempt), redeliver by hand, enable
 * again an endpoint the system disabled. Payload and signature: the
 * server's webhooks README.
 */

type Endpoint = Schemas['WebhookEndpoint'];
type Delivery = Schemas['WebhookDelivery'];
type EventType = Schemas['WebhookEventType'];

const endpointsQuery = {
  queryKey: ['webhooks', 'endpoints'],
  queryFn: () => unwrap(api.GET('/api/webhooks/endpoints')),
};
const catalogueQuery = {
  queryKey: ['webhooks', 'catalogue'],
  queryFn: () => unwrap(api.GET('/api/webhooks/catalogue')),
  staleTime: Number.POSITIVE_INFINITY,
};

const STATUS_COLOURS: Record<Delivery['status'], string> = {
  pending: '#495057',
  delivered: '#1e6b34',
  failed: '#a51d2d',
  cancelled: '#495057',
};

export function WebhooksPage() {
  const { t } = useTranslation();
  const endpoints = useQuery(endpointsQuery);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  return (
    <Page title={t('webhooks.title')}>
      <Text>{t('webhooks.intro')}</Text>
      {secret ? (
        <FormAlert kind="success" title={t('webhooks.secret.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('webhooks.secret.once', { url: secret.url })}</Text>
            <Code block>{secret.secret}</Code>
          </Stack>
        </FormAlert>
      ) : null}
      <NewEndpoint onCreated={setSecret} />
      {endpoints.isError ? <FormAlert kind="error">{errorMessage(t, endpoints.error)}</FormAlert> : null}
      {endpoints.data && endpoints.data.length === 0 ? <Text>{t('webhooks.empty')}</Text> : null}
      {endpoints.data?.map((e) => (
        <EndpointPanel key={e.id} endpoint={e} onSecret={setSecret} />
      ))}
      {!endpoints.data && !endpoints.isError ? <Text role="status">{t('common.loading')}</Text> : null}
    </Page>
  );
}

function EventChoice({
  value,
  onChange,
  error,
}: {
  value: EventType[];
  onChange: (v: EventType[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const catalogue = useQuery(catalogueQuery);
  return (
    <Checkbox.Group
      label={t('webhooks.fields.events')}
      description={t('webhooks.fields.eventsHelp')}
      required
      value={value}
      onChange={(v) => onChange(v as EventType[])}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {(catalogue.data ?? []).map((c) => (
          <Checkbox key={c.type} value={c.type} label={`${t(`webhooks.events.${c.type}`)} (${c.type})`} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function NewEndpoint({ onCreated }: { onCreated: (s: { url: string; secret: string }) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>([]);
  const [personal, setPersonal] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/webhooks/endpoints', {
          body: { url: url.trim(), description: description.trim(), events, includePersonalData: personal },
        }),
      ),
    onSuccess: (created) => {
      onCreated({ url: created.url, secret: created.secret });
      setUrl('');
      setDescription('');
      setEvents([]);
      setPersonal(false);
      void queryClient.invalidateQueries({ queryKey: endpointsQuery.queryKey });
    },
  });
  useFocusFirstProblem(form, create.error);
  const problem = create.error ? formProblem(t, create.error, ['url', 'description', 'events']) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Panel title={t('webhooks.new')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="url"
              label={t('webhooks.fields.url')}
              description={t('webhooks.fields.urlHelp')}
              required
              autoComplete="off"
              spellCheck={false}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={problem?.fields.url}
            />
            <TextInput
              label={t('webhooks.fields.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={problem?.fields.description}
            />
          </SimpleGrid>
          <EventChoice value={events} onChange={setEvents} error={problem?.fields.events} />
          <Checkbox
            label={t('webhooks.fields.personalData')}
            description={t('webhooks.fields.personalDataHelp')}
            checked={personal}
            onChange={(e) => setPersonal(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function EndpointPanel({
  endpoint,
  onSecret,
}: {
  endpoint: Endpoint;
  onSecret: (s: { url: string; secret: string }) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/webhooks/endpoints/{id}', {
          params: { path: { id: endpoint.id } },
          body: { enabled: !endpoint.enabled },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const rotate = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/webhooks/endpoints/{id}/secret', { params: { path: { id: endpoint.id } } })),
    onSuccess: (s) => onSecret({ url: endpoint.url, secret: s.secret }),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/webhooks/endpoints/{id}', { params: { path: { id: endpoint.id } } })),
    onSuccess: () => void refresh(),
  });
  const failing = toggle.error ?? rotate.error ?? remove.error;
  return (
    <Panel title={endpoint.description || endpoint.url}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="outline" tt="none" color={endpoint.enabled ? '#1e6b34' : '#a51d2d'}>
            {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
          </Badge>
          {endpoint.includePersonalData ? (
            <Badge variant="outline" tt="none" color="#495057">
              {t('webhooks.personalDataBadge')}
            </Badge>
          ) : null}
        </Group>
        {endpoint.disabledReason === 'failures' ? (
          <FormAlert kind="error" title={t('webhooks.autoDisabled.title')}>
            {t('webhooks.autoDisabled.text', {
              failures: endpoint.consecutiveFailures,
              date: formatDateTime(endpoint.disabledAt),
            })}
          </FormAlert>
        ) : null}
        <Text size="sm">
          <Code>{endpoint.url}</Code>
        </Text>
        <Text size="sm">
          {t('webhooks.subscribed')} {endpoint.events.map((e) => t(`webhooks.events.${e}`)).join(', ')}
        </Text>
        <Text size="sm">
          {t('webhooks.counts', {
            pending: endpoint.deliveries.pending,
            delivered: endpoint.deliveries.delivered,
            failed: endpoint.deliveries.failed,
          })}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
            {showLog ? t('webhooks.hideLog') : t('webhooks.showLog')}
          </Button>
          <Button variant="default" loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
          </Button>
          <Button
            variant="default"
            loading={rotate.isPending}
            onClick={() => {
              if (window.confirm(t('webhooks.confirmRotate'))) rotate.mutate();
            }}
          >
            {t('webhooks.rotate')}
          </Button>
          <Button
            variant="default"
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('webhooks.confirmDelete', { url: endpoint.url }))) remove.mutate();
            }}
          >
            {t('webhooks.delete')}
          </Button>
        </Group>
        {failing ? <FormAlert kind="error">{errorMessage(t, failing)}</FormAlert> : null}
        {showLog ? <DeliveryLog endpointId={endpoint.id} /> : null}
      </Stack>
    </Panel>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const log = useQuery({
    queryKey: ['webhooks', 'deliveries', endpointId],
    queryFn: () =>
      unwrap(api.GET('/api/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: {} } })),
  });
  const redeliver = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/webhooks/deliveries/{id}/redeliver', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const items = log.data ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('webhooks.log.title')}</Title>
      {log.isError ? <FormAlert kind="error">{errorMessage(t, log.error)}</FormAlert> : null}
      {redeliver.isError ? <FormAlert kind="error">{errorMessage(t, redeliver.error)}</FormAlert> : null}
      {redeliver.isSuccess ? <FormAlert kind="success">{t('webhooks.log.redelivered')}</FormAlert> : null}
      {log.data && items.length === 0 ? <Text>{t('webhooks.log.empty')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('webhooks.log.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.log.when')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.log.event')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.log.status')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.log.attempts')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('webhooks.log.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDateTime(d.occurredAt)}</Table.Td>
                  <Table.Td>{t(`webhooks.events.${d.eventType}`)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLOURS[d.status]}
                      variant="outline"
                      tt="none"
                      styles={{ label: { color: STATUS_COLOURS[d.status] } }}
                    >
                      {t(`webhooks.statuses.${d.status}`)}
                    </Badge>
                    {d.status === 'pending' && d.nextAttemptAt ? (
                      <Text size="xs" mt={4}>
                        {t('webhooks.log.next', { date: formatDateTime(d.nextAttemptAt) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {d.log.map((a) => (
                        <Text size="xs" key={a.attempt}>
                          {t('webhooks.log.attempt', {
                            n: a.attempt,
                            date: formatDateTime(a.attemptedAt),
                            code: a.statusCode ?? '—',
                            ms: a.durationMs,
                          })}
                          {a.manual ? ` ${t('webhooks.log.manual')}` : ''}
                          {a.error ? ` — ${a.error}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      loading={redeliver.isPending && redeliver.variables === d.id}
                      onClick={() => redeliver.mutate(d.id)}
                    >
                      {t('webhooks.log.redeliver')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Stack>
  );
}
