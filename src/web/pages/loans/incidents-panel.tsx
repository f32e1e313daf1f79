import { Button, Group, Modal, NativeSelect, Radio, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, fieldOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { loanFormProblem } from './labels.tsx';
import { type Loan, loanQuery } from './loan-queries.ts';

/**
 * Incidents of a loan (DOMAIN.md §5): a damage, a loss or a theft (the
 * police report reference is required for a theft), then its outcome. The
 * MDM location may be switched on only for a declared loss or theft not
 * settled yet: the button shows only where the server allows it (`can`),
 * and each row says why it does not otherwise.
 */

export type Incident = Schemas['LoanIncident'];
type Kind = Incident['kind'];
type Outcome = Incident['outcome'];

const KINDS: readonly Kind[] = ['damage', 'loss', 'theft'];
const OUTCOMES: readonly Exclude<Outcome, 'pending'>[] = [
  'repaired',
  'replaced',
  'written_off',
  'paid_by_insurance',
  'found',
];
const DECLARABLE = ['handed_over', 'returned', 'closed'];

export const incidentsQuery = (loanId: string) =>
  queryOptions({
    queryKey: ['loans', 'incidents', loanId],
    queryFn: () => unwrap(api.GET('/api/loans/{id}/incidents', { params: { path: { id: loanId } } })),
    // Notes may be personal data: not kept beyond the page.
    gcTime: 0,
  });

const today = () => new Date().toISOString().slice(0, 10);

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
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
      {children}
    </Modal>
  );
}

/** Why the MDM location cannot be switched on for this incident (null when it can, or was). */
function locationRefusal(t: (key: string) => string, incident: Incident, allowed: boolean): string | null {
  if (incident.locationActivatedAt) return null;
  if (incident.can.activateLocation) return null;
  if (incident.kind === 'damage') return t('loans.incidents.location.notForDamage');
  if (incident.outcome !== 'pending') return t('loans.incidents.location.settled');
  if (!allowed) return t('loans.incidents.location.notAllowed');
  return null;
}

export function IncidentsPanel({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const incidents = useQuery(incidentsQuery(loan.id));
  const captionId = useId();
  const [dialog, setDialog] = useState<{ kind: 'declare' } | { kind: 'settle'; incident: Incident } | null>(null);
  const [activationError, setActivationError] = useState<unknown>(null);
  const mayDeclare = hasPermission(me, 'loans.incidents');
  const mayLocate = hasPermission(me, 'loans.location');
  const declarable = DECLARABLE.includes(loan.status);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['loans', 'incidents', loan.id] }),
      queryClient.invalidateQueries({ queryKey: loanQuery(loan.id).queryKey }),
      queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'loans' && q.queryKey[2] !== 'detail' && q.queryKey[1] !== 'incidents',
      }),
      queryClient.invalidateQueries({ queryKey: ['assets'] }),
    ]);
  };

  const activate = useMutation({
    mutationFn: (incident: Incident) =>
      unwrap(
        api.POST('/api/loans/{id}/incidents/{incidentId}/location-activation', {
          params: { path: { id: loan.id, incidentId: incident.id } },
        }),
      ),
    onSuccess: async () => {
      setActivationError(null);
      await refresh();
      onDone(t('loans.incidents.location.done'));
    },
    onError: (error) => setActivationError(error),
  });

  const list = incidents.data ?? [];
  return (
    <Panel
      title={t('loans.incidents.title')}
      actions={
        mayDeclare && declarable ? (
          <Button variant="default" onClick={() => setDialog({ kind: 'declare' })}>
            {t('loans.incidents.declare')}
          </Button>
        ) : null
      }
    >
      {mayDeclare && !declarable ? <Text size="sm">{t('loans.incidents.notYet')}</Text> : null}
      {incidents.isError ? <FormAlert kind="error">{errorMessage(t, incidents.error)}</FormAlert> : null}
      {activationError ? <FormAlert kind="error">{errorMessage(t, activationError)}</FormAlert> : null}
      {incidents.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : list.length === 0 ? (
        <Text>{t('loans.incidents.none')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>{t('loans.incidents.caption', { count: list.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.incidents.fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.declaredOn')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.policeReportRef')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.notes')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.outcome')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.location')}</Table.Th>
                <Table.Th scope="col">{t('loans.incidents.fields.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((incident) => {
                const refusal = locationRefusal(t, incident, mayLocate);
                return (
                  <Table.Tr key={incident.id}>
                    <Table.Th scope="row">{t(`loans.incidents.kinds.${incident.kind}`)}</Table.Th>
                    <Table.Td>{formatDate(incident.declaredOn)}</Table.Td>
                    <Table.Td ff="monospace">{incident.asset?.tag ?? '—'}</Table.Td>
                    <Table.Td>{incident.policeReportRef ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{incident.notes ?? '—'}</Table.Td>
                    <Table.Td>
                      {incident.outcome === 'pending'
                        ? t('loans.incidents.outcomes.pending')
                        : t('loans.incidents.settledOn', {
                            outcome: t(`loans.incidents.outcomes.${incident.outcome}`),
                            date: formatDate(incident.settledOn),
                          })}
                    </Table.Td>
                    <Table.Td>
                      {incident.locationActivatedAt ? (
                        t('loans.incidents.location.activated', {
                          date: formatDateTime(incident.locationActivatedAt),
                          name: incident.locationActivatedBy ?? '—',
                        })
                      ) : incident.can.activateLocation ? (
                        <Button
                          size="xs"
                          variant="default"
                          loading={activate.isPending && activate.variables?.id === incident.id}
                          onClick={() => activate.mutate(incident)}
                        >
                          {t('loans.incidents.location.activate')}
                        </Button>
                      ) : (
                        (refusal ?? '—')
                      )}
                    </Table.Td>
                    <Table.Td>
                      {incident.can.update && incident.outcome === 'pending' ? (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('loans.incidents.settleOne', {
                            kind: t(`loans.incidents.kinds.${incident.kind}`),
                            date: formatDate(incident.declaredOn),
                          })}
                          onClick={() => setDialog({ kind: 'settle', incident })}
                        >
                          {t('loans.incidents.settle')}
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {dialog?.kind === 'declare' ? (
        <DeclareDialog
          loan={loan}
          onClose={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            await refresh();
            onDone(t('loans.incidents.declared'));
          }}
        />
      ) : null}
      {dialog?.kind === 'settle' ? (
        <SettleDialog
          loan={loan}
          incident={dialog.incident}
          onClose={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            await refresh();
            onDone(t('loans.incidents.settled'));
          }}
        />
      ) : null}
    </Panel>
  );
}

const DECLARE_FIELDS = ['kind', 'declaredOn', 'policeReportRef', 'notes', 'assetId'];

function DeclareDialog({ loan, onClose, onDone }: { loan: Loan; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<Kind | ''>('');
  const [declaredOn, setDeclaredOn] = useState(today());
  const [policeReportRef, setPoliceReportRef] = useState('');
  const [notes, setNotes] = useState('');
  const devices = loan.items;
  const [assetId, setAssetId] = useState(
    devices.find((i) => i.role === 'device' && i.open)?.assetId ?? devices[0]?.assetId ?? '',
  );
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const declare = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/{id}/incidents', {
          params: { path: { id: loan.id } },
          body: {
            kind: kind as Kind,
            declaredOn,
            policeReportRef: policeReportRef.trim() || null,
            notes: notes.trim() || null,
            ...(assetId ? { assetId } : {}),
            updateAsset: true,
          },
        }),
      ),
    onSuccess: () => onDone(),
  });
  useFocusFirstProblem(form, declare.error ?? checked);
  const problem = declare.error ? loanFormProblem(t, declare.error, DECLARE_FIELDS, fieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setChecked({ kind: t('loans.incidents.kindRequired') });
      declare.reset();
      return;
    }
    setChecked(null);
    declare.mutate();
  };
  return (
    <Dialog title={t('loans.incidents.declareTitle', { pseudonym: loan.household.pseudonym })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('loans.incidents.declareIntro')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Radio.Group
            label={t('loans.incidents.fields.kind')}
            required
            value={kind}
            onChange={(v) => setKind((KINDS as readonly string[]).includes(v) ? (v as Kind) : '')}
            error={errors.kind}
          >
            <Stack gap="xs" mt="xs">
              {KINDS.map((k) => (
                <Radio key={k} value={k} label={t(`loans.incidents.kinds.${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {devices.length > 1 ? (
            <NativeSelect
              label={t('loans.incidents.fields.asset')}
              value={assetId}
              onChange={(e) => setAssetId(e.currentTarget.value)}
              error={errors.assetId}
              data={devices.map((d) => ({ value: d.assetId, label: `${d.tag} — ${d.model}` }))}
            />
          ) : null}
          <TextInput
            label={t('loans.incidents.fields.declaredOn')}
            type="date"
            required
            value={declaredOn}
            max={today()}
            onChange={(e) => setDeclaredOn(e.currentTarget.value)}
            error={errors.declaredOn}
            maw="20rem"
          />
          <TextInput
            label={t('loans.incidents.fields.policeReportRef')}
            description={t('loans.incidents.policeHelp')}
            required={kind === 'theft'}
            value={policeReportRef}
            maxLength={100}
            onChange={(e) => setPoliceReportRef(e.currentTarget.value)}
            error={errors.policeReportRef}
          />
          <Textarea
            label={t('loans.incidents.fields.notes')}
            description={t('loans.incidents.notesHelp')}
            value={notes}
            maxLength={2000}
            autosize
            minRows={3}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={declare.isPending}>
              {t('loans.incidents.declareSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

const SETTLE_FIELDS = ['outcome', 'settledOn', 'policeReportRef', 'notes'];

function SettleDialog({
  loan,
  incident,
  onClose,
  onDone,
}: {
  loan: Loan;
  incident: Incident;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const choices = OUTCOMES.filter((o) => o !== 'found' || incident.kind !== 'damage');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [settledOn, setSettledOn] = useState(today());
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const settle = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/loans/{id}/incidents/{incidentId}', {
          params: { path: { id: loan.id, incidentId: incident.id } },
          body: { outcome: outcome as Outcome, settledOn },
        }),
      ),
    onSuccess: () => onDone(),
  });
  useFocusFirstProblem(form, settle.error ?? checked);
  const problem = settle.error ? loanFormProblem(t, settle.error, SETTLE_FIELDS, fieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setChecked({ outcome: t('loans.incidents.outcomeRequired') });
      settle.reset();
      return;
    }
    setChecked(null);
    settle.mutate();
  };
  return (
    <Dialog
      title={t('loans.incidents.settleTitle', {
        kind: t(`loans.incidents.kinds.${incident.kind}`),
        date: formatDate(incident.declaredOn),
      })}
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Radio.Group
            label={t('loans.incidents.fields.outcome')}
            required
            value={outcome}
            onChange={(v) => setOutcome((choices as readonly string[]).includes(v) ? (v as Outcome) : '')}
            error={errors.outcome}
          >
            <Stack gap="xs" mt="xs">
              {choices.map((o) => (
                <Radio key={o} value={o} label={t(`loans.incidents.outcomes.${o}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('loans.incidents.fields.settledOn')}
            type="date"
            required
            value={settledOn}
            min={incident.declaredOn}
            onChange={(e) => setSettledOn(e.currentTarget.value)}
            error={errors.settledOn}
            maw="20rem"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={settle.isPending}>
              {t('loans.incidents.settleSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
