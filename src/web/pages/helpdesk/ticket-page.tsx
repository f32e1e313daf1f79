import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { helpdeskChanged, type TicketDetail, ticketQuery } from './helpdesk-queries.ts';
import { BreachBadge, PriorityBadge, TicketStatusBadge } from './labels.tsx';
import { AttachmentsPanel, Confirm } from './ticket-files.tsx';

type Done = (message: string | null) => void;

/** One ticket: details, SLA, assets, the timeline, the comment form, the status actions and the satisfaction. */
export function TicketPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/helpdesk/$id' });
  const ticket = useQuery(ticketQuery(id));
  const [done, setDone] = useState<string | null>(null);
  // Files chosen at the opening that could not be attached (set by the new-ticket dialog).
  const notAttached = useFlash();
  const tk = ticket.data;
  return (
    <Page title={tk ? tk.title : t('helpdesk.ticket')}>
      <AnchorLink to="/helpdesk">{t('helpdesk.backToList')}</AnchorLink>
      {notAttached ? <FormAlert kind="error">{notAttached}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {ticket.isError ? <FormAlert kind="error">{errorMessage(t, ticket.error)}</FormAlert> : null}
      {ticket.isPending ? <Text>{t('common.loading')}</Text> : null}
      {tk ? (
        <>
          <DetailsPanel ticket={tk} />
          <ActionsPanel key={`${tk.status}-${tk.updatedAt}`} ticket={tk} onDone={setDone} />
          {tk.assets.length ? <AssetsPanel ticket={tk} onDone={setDone} /> : null}
          <AttachmentsPanel ticket={tk} onDone={setDone} />
          <TimelinePanel ticket={tk} onDone={setDone} />
          {tk.can.rate || tk.satisfaction ? <SatisfactionPanel ticket={tk} onDone={setDone} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function DetailsPanel({ ticket: tk }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('helpdesk.details')}>
      <Facts
        empty={t('helpdesk.none')}
        items={[
          [t('helpdesk.fields.number'), tk.number],
          [t('helpdesk.fields.status'), <TicketStatusBadge key="s" value={tk.status} />],
          [t('helpdesk.fields.school'), tk.school.name],
          [t('helpdesk.fields.room'), tk.room?.name],
          [t('helpdesk.fields.category'), t(`helpdesk.category.${tk.category}`)],
          [t('helpdesk.fields.priority'), <PriorityBadge key="p" value={tk.priority} />],
          [t('helpdesk.fields.openedBy'), tk.openedBy?.displayName ?? t(`helpdesk.source.${tk.source}`)],
          [t('helpdesk.fields.openedAt'), formatDateTime(tk.createdAt)],
          [t('helpdesk.fields.assignee'), tk.assignee?.displayName ?? t('helpdesk.unassigned')],
          [
            t('helpdesk.fields.description'),
            tk.description ? (
              <Text key="d" style={{ whiteSpace: 'pre-wrap' }}>
                {tk.description}
              </Text>
            ) : null,
          ],
          [
            t('helpdesk.fields.responseDue'),
            tk.firstResponseAt
              ? t('helpdesk.respondedAt', { at: formatDateTime(tk.firstResponseAt) })
              : formatDateTime(tk.responseDueAt),
          ],
          [
            t('helpdesk.fields.resolutionDue'),
            tk.resolvedAt
              ? t('helpdesk.resolvedAt', { at: formatDateTime(tk.resolvedAt) })
              : `${formatDateTime(tk.resolutionDueAt)}${tk.paused ? ` (${t('helpdesk.paused')})` : ''}`,
          ],
          [t('helpdesk.fields.sla'), tk.breached.any ? <BreachBadge key="b" ticket={tk} /> : t('helpdesk.withinSla')],
        ]}
      />
    </Panel>
  );
}

type Change = 'in_progress' | 'waiting' | 'resolved' | 'closed';
const STATUS_ACTIONS: Record<Change, string> = {
  in_progress: 'helpdesk.actions.in_progress',
  waiting: 'helpdesk.actions.waiting',
  resolved: 'helpdesk.actions.resolved',
  closed: 'helpdesk.actions.closed',
};

/** What the API allows (`can`): assign to me, the reachable statuses with an optional public note, reopen. */
function ActionsPanel({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const open = tk.status !== 'resolved' && tk.status !== 'closed';
  const canTake = tk.can.manage && open && tk.assignee?.id !== me.user.id;
  const targets = tk.can.statuses.filter((s): s is Change => s in STATUS_ACTIONS);
  const act = useMutation({
    mutationFn: async (action: { kind: 'assign' } | { kind: 'status'; status: Change } | { kind: 'reopen' }) => {
      const path = { params: { path: { id: tk.id } } };
      if (action.kind === 'assign')
        return unwrap(api.POST('/api/helpdesk/tickets/{id}/assign', { ...path, body: { assigneeId: me.user.id } }));
      if (action.kind === 'reopen')
        return unwrap(api.POST('/api/helpdesk/tickets/{id}/reopen', { ...path, body: { reason: note.trim() } }));
      const status = action.status;
      return unwrap(
        api.POST('/api/helpdesk/tickets/{id}/status', {
          ...path,
          body: { status, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
    },
    onSuccess: async (saved) => {
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.changed', { status: t(`helpdesk.status.${saved.status}`) }));
    },
    onError: async () => {
      // A 409 names the allowed statuses: the ticket moved, show what it can do now.
      await helpdeskChanged(queryClient);
    },
  });
  if (!canTake && targets.length === 0 && !tk.can.reopen && !tk.can.assign) return null;
  const allowed =
    act.error instanceof ApiError && act.error.problem.allowed?.length
      ? t('helpdesk.allowedNow', {
          list: act.error.problem.allowed.map((s) => t(`helpdesk.status.${s}`, { defaultValue: s })).join(', '),
        })
      : '';
  return (
    <Panel title={t('helpdesk.actionsTitle')}>
      {act.isError ? (
        <FormAlert kind="error">
          {errorMessage(t, act.error)} {allowed}
        </FormAlert>
      ) : null}
      {targets.length || tk.can.reopen ? (
        <Textarea
          label={tk.can.reopen && !targets.length ? t('helpdesk.reopenReason') : t('helpdesk.note')}
          description={tk.can.reopen && !targets.length ? undefined : t('helpdesk.noteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      ) : null}
      <Group gap="sm">
        {canTake ? (
          <Button
            variant="default"
            loading={act.isPending && act.variables?.kind === 'assign'}
            onClick={() => act.mutate({ kind: 'assign' })}
          >
            {t('helpdesk.actions.assignToMe')}
          </Button>
        ) : null}
        {targets.map((status) => (
          <Button
            key={status}
            variant={status === 'resolved' ? 'filled' : 'default'}
            loading={act.isPending && act.variables?.kind === 'status' && act.variables.status === status}
            onClick={() => act.mutate({ kind: 'status', status })}
          >
            {t(STATUS_ACTIONS[status])}
          </Button>
        ))}
        {tk.can.reopen ? (
          <Button
            variant="default"
            disabled={!note.trim()}
            loading={act.isPending && act.variables?.kind === 'reopen'}
            onClick={() => act.mutate({ kind: 'reopen' })}
          >
            {t('helpdesk.actions.reopen')}
          </Button>
        ) : null}
      </Group>
      {tk.can.assign ? <AssignControl ticket={tk} onDone={onDone} /> : null}
    </Panel>
  );
}

/**
 * Assign to another technician: the API lists who can take it (helpdesk
 * workers reaching the school); "take it" above stays for oneself.
 */
function AssignControl({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const people = useQuery({
    queryKey: ['helpdesk', 'assignees', tk.id],
    queryFn: () => unwrap(api.GET('/api/helpdesk/tickets/{id}/assignees', { params: { path: { id: tk.id } } })),
  });
  const assign = useMutation({
    mutationFn: (assigneeId: string) =>
      unwrap(api.POST('/api/helpdesk/tickets/{id}/assign', { params: { path: { id: tk.id } }, body: { assigneeId } })),
    onSuccess: async (saved) => {
      setChosen('');
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.assign.done', { name: saved.assignee?.displayName ?? '' }));
    },
  });
  const others = (people.data ?? []).filter((p) => !p.current);
  const problem = formProblem(t, assign.error, ['assigneeId']);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) {
          setMissing(true);
          return;
        }
        setMissing(false);
        assign.mutate(chosen);
      }}
    >
      <Stack gap="xs">
        {people.isError ? <FormAlert kind="error">{errorMessage(t, people.error)}</FormAlert> : null}
        {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        <Group align="end" gap="sm">
          <NativeSelect
            label={tk.assignee ? t('helpdesk.assign.reassign') : t('helpdesk.assign.label')}
            value={chosen}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('helpdesk.assign.missing') : problem.fields.assigneeId}
            disabled={people.isPending}
            data={[
              { value: '', label: people.isPending ? t('common.loading') : t('helpdesk.assign.choose') },
              ...others.map((p) => ({ value: p.id, label: p.displayName })),
            ]}
            style={{ flex: '1 1 16rem' }}
            maw="24rem"
          />
          <Button type="submit" variant="default" loading={assign.isPending}>
            {t('helpdesk.assign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type AssetRow = TicketDetail['assets'][number];

/** Linked assets with their inventory status; the helpdesk sends one to repair and brings it back, after a confirmation. */
function AssetsPanel({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const captionId = useId();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<{ asset: AssetRow; kind: 'repair' | 'return' } | null>(null);
  const repair = useMutation({
    mutationFn: ({ asset, kind }: { asset: AssetRow; kind: 'repair' | 'return' }) =>
      unwrap(
        kind === 'repair'
          ? api.POST('/api/helpdesk/tickets/{id}/repair', {
              params: { path: { id: tk.id } },
              body: { assetIds: [asset.id] },
            })
          : api.POST('/api/helpdesk/tickets/{id}/repair/return', {
              params: { path: { id: tk.id } },
              body: { assetIds: [asset.id] },
            }),
      ),
    onSuccess: async (_saved, { asset, kind }) => {
      setAsking(null);
      await helpdeskChanged(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['assets'] });
      onDone(t(kind === 'repair' ? 'helpdesk.repair.sent' : 'helpdesk.repair.back', { tag: asset.tag }));
    },
  });
  const withActions = tk.assets.some((a) => a.can.repair || a.can.returnFromRepair);
  return (
    <Panel title={t('helpdesk.assets')}>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="xs">
          <caption id={captionId}>{t('helpdesk.assetsCaption', { count: tk.assets.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('helpdesk.fields.tag')}</Table.Th>
              <Table.Th scope="col">{t('helpdesk.fields.model')}</Table.Th>
              <Table.Th scope="col">{t('helpdesk.fields.assetStatus')}</Table.Th>
              <Table.Th scope="col">{t('helpdesk.fields.repair')}</Table.Th>
              {withActions ? <Table.Th scope="col">{t('helpdesk.repair.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tk.assets.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row">
                  <AnchorLink to="/assets/$id" params={{ id: a.id }}>
                    {a.tag}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{a.model}</Table.Td>
                <Table.Td>{t(`assets.status.${a.status}`, { defaultValue: a.status })}</Table.Td>
                <Table.Td>
                  {a.backFromRepairAt
                    ? t('helpdesk.backFromRepair', { at: formatDateTime(a.backFromRepairAt) })
                    : a.sentToRepairAt
                      ? t('helpdesk.sentToRepair', { at: formatDateTime(a.sentToRepairAt) })
                      : '—'}
                </Table.Td>
                {withActions ? (
                  <Table.Td>
                    {a.can.repair ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('helpdesk.repair.sendNamed', { tag: a.tag })}
                        onClick={() => setAsking({ asset: a, kind: 'repair' })}
                      >
                        {t('helpdesk.repair.send')}
                      </Button>
                    ) : a.can.returnFromRepair ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('helpdesk.repair.returnNamed', { tag: a.tag })}
                        onClick={() => setAsking({ asset: a, kind: 'return' })}
                      >
                        {t('helpdesk.repair.return')}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {asking ? (
        <Confirm
          title={t(asking.kind === 'repair' ? 'helpdesk.repair.sendTitle' : 'helpdesk.repair.returnTitle', {
            tag: asking.asset.tag,
          })}
          body={t(asking.kind === 'repair' ? 'helpdesk.repair.sendBody' : 'helpdesk.repair.returnBody', {
            tag: asking.asset.tag,
            status: t(`assets.status.${asking.asset.status}`, { defaultValue: asking.asset.status }),
          })}
          confirm={t(asking.kind === 'repair' ? 'helpdesk.repair.send' : 'helpdesk.repair.return')}
          pending={repair.isPending}
          error={repair.isError ? errorMessage(t, repair.error) : null}
          onCancel={() => {
            setAsking(null);
            repair.reset();
          }}
          onConfirm={() => repair.mutate(asking)}
        />
      ) : null}
    </Panel>
  );
}

function TimelinePanel({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/helpdesk/tickets/{id}/comments', {
          params: { path: { id: tk.id } },
          body: { body: body.trim(), internal: tk.can.commentInternal && internal },
        }),
      ),
    onSuccess: async () => {
      setBody('');
      setInternal(false);
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.commentAdded'));
    },
  });
  useFocusFirstProblem(form, add.error ?? missing);
  const problem = formProblem(t, add.error, ['body']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(t('errors.fields.required'));
      add.reset();
      return;
    }
    setMissing(null);
    add.mutate();
  };
  return (
    <Panel title={t('helpdesk.timeline')}>
      {tk.comments.length === 0 ? (
        <Text>{t('helpdesk.noComment')}</Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {tk.comments.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" bg={c.internal ? '#fff8e1' : undefined}>
              <Group gap="xs">
                <Text fw={700}>{c.author?.displayName ?? t('helpdesk.system')}</Text>
                <Text size="sm">{formatDateTime(c.createdAt)}</Text>
                {c.internal ? (
                  <Badge variant="outline" color="#8a4a00" tt="none" styles={{ label: { color: '#8a4a00' } }}>
                    {t('helpdesk.internal')}
                  </Badge>
                ) : null}
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      {tk.can.comment ? (
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="sm">
            {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <Textarea
              label={t('helpdesk.comment')}
              required
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={missing ?? problem.fields.body}
            />
            {tk.can.commentInternal ? (
              <Checkbox
                label={t('helpdesk.internalComment')}
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                {t('helpdesk.addComment')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Panel>
  );
}

function SatisfactionPanel({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const rate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/helpdesk/tickets/{id}/satisfaction', {
          params: { path: { id: tk.id } },
          body: { score: Number(score), ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      ),
    onSuccess: async () => {
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.rated'));
    },
  });
  const problem = formProblem(t, rate.error, ['score', 'comment']);
  if (tk.satisfaction) {
    return (
      <Panel title={t('helpdesk.satisfaction')}>
        <Text>
          {t('helpdesk.ratedScore', { score: tk.satisfaction.score, at: formatDateTime(tk.satisfaction.at) })}
        </Text>
        {tk.satisfaction.comment ? <Text>{tk.satisfaction.comment}</Text> : null}
      </Panel>
    );
  }
  return (
    <Panel title={t('helpdesk.satisfaction')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!score) {
            setMissing(t('errors.fields.required'));
            return;
          }
          setMissing(null);
          rate.mutate();
        }}
      >
        <Stack gap="sm">
          <Text>{t('helpdesk.rateIntro')}</Text>
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <NativeSelect
            label={t('helpdesk.score')}
            required
            value={score}
            onChange={(e) => setScore(e.currentTarget.value)}
            error={missing ?? problem.fields.score}
            data={[
              { value: '', label: t('helpdesk.chooseScore') },
              ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`helpdesk.scores.${n}`) })),
            ]}
          />
          <Textarea
            label={t('helpdesk.rateComment')}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={problem.fields.comment}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={rate.isPending}>
              {t('helpdesk.rate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
