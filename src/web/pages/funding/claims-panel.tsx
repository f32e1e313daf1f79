import { Button, NativeSelect, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber, parseDecimal } from '../../format.ts';
import { eurosToCents } from '../assets/labels.tsx';
import { Dialog, FormButtons, fundingFormProblem, WordBadge } from './labels.tsx';

/**
 * The payment claims of a programme: per funder what was granted, claimed,
 * accepted and received (and what is still claimable), every claim, and the
 * dialog that opens a new one (the server picks the claimable lines).
 */

export type Claim = Schemas['FundingClaim'];
export type ClaimStatus = Claim['status'];
export type ClaimKind = Claim['kind'];
export const CLAIM_KINDS = ['advance', 'instalment', 'final'] as const satisfies readonly ClaimKind[];

const STATUS_COLOURS: Record<ClaimStatus, string> = {
  draft: '#495057',
  submitted: '#1d4a87',
  checked: '#8a4a00',
  paid: '#1e6b34',
};

export function ClaimStatusBadge({ value }: { value: ClaimStatus }) {
  const { t } = useTranslation();
  return <WordBadge colour={STATUS_COLOURS[value]}>{t(`funding.claims.status.${value}`)}</WordBadge>;
}

export const claimsQuery = (programmeId: string) => ({
  queryKey: ['funding', 'programme', programmeId, 'claims'] as const,
  queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/claims', { params: { path: { id: programmeId } } })),
});

const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : formatMoney(cents));

export function ClaimsPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const fundersCaption = useId();
  const claimsCaption = useId();
  const claims = useQuery(claimsQuery(programmeId));
  const [creating, setCreating] = useState(false);
  const data = claims.data;
  return (
    <Panel
      title={t('funding.claims.title')}
      actions={
        canManage && data && data.funders.length > 0 ? (
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('funding.claims.create')}
          </Button>
        ) : null
      }
    >
      {claims.isError ? <FormAlert kind="error">{errorMessage(t, claims.error)}</FormAlert> : null}
      {claims.isPending ? <Text>{t('common.loading')}</Text> : null}
      {data ? (
        <>
          {data.funders.length === 0 ? <Text>{t('funding.claims.noConvention')}</Text> : null}
          {data.funders.length > 0 ? (
            <TableScroll labelledBy={fundersCaption}>
              <Table striped verticalSpacing="xs">
                <caption id={fundersCaption}>{t('funding.claims.byFunder')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.conventions.funder')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.aid')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.advanceAndInstalments')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.claimed')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.accepted')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.received')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.claimable')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.funders.map((f) => (
                    <Table.Tr key={f.conventionId}>
                      <Table.Th scope="row">
                        {f.funderName}
                        <Text size="xs" fw={400}>
                          {f.conventionReference}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">{formatMoney(f.aidCents)}</Table.Td>
                      <Table.Td ta="right">
                        {t('funding.claims.ofCap', {
                          amount: formatMoney(f.advanceAndInstalmentsCents),
                          cap: formatMoney(f.instalmentCapCents),
                        })}
                      </Table.Td>
                      <Table.Td ta="right">{formatMoney(f.claimedCents)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(f.acceptedCents)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(f.receivedCents)}</Table.Td>
                      <Table.Td ta="right">
                        {t('funding.claims.claimableText', {
                          count: f.claimableLines,
                          lines: formatNumber(f.claimableLines),
                          amount: formatMoney(f.claimableCents),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : null}
          {data.claims.length === 0 ? (
            <Text>{t('funding.claims.none')}</Text>
          ) : (
            <TableScroll labelledBy={claimsCaption}>
              <Table striped verticalSpacing="xs">
                <caption id={claimsCaption}>{t('funding.claims.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.claims.claim')}</Table.Th>
                    <Table.Th scope="col">{t('funding.conventions.funder')}</Table.Th>
                    <Table.Th scope="col">{t('funding.claims.kind')}</Table.Th>
                    <Table.Th scope="col">{t('funding.claims.statusLabel')}</Table.Th>
                    <Table.Th scope="col">{t('funding.claims.period')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.lines')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.claimed')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.accepted')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.received')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.claims.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row">
                        <AnchorLink to="/funding/claims/$id" params={{ id: c.id }}>
                          {c.label}
                        </AnchorLink>
                      </Table.Th>
                      <Table.Td>{c.funderName}</Table.Td>
                      <Table.Td>{t(`funding.claims.kinds.${c.kind}`)}</Table.Td>
                      <Table.Td>
                        <ClaimStatusBadge value={c.status} />
                      </Table.Td>
                      <Table.Td>{periodText(t, c)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(c.lineCount)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(c.claimedCents)}</Table.Td>
                      <Table.Td ta="right">{money(c.acceptedCents)}</Table.Td>
                      <Table.Td ta="right">{money(c.receivedCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </>
      ) : null}
      {creating && data ? (
        <CreateClaimDialog programmeId={programmeId} funders={data.funders} onClose={() => setCreating(false)} />
      ) : null}
    </Panel>
  );
}

export function periodText(
  t: (key: string, options?: Record<string, unknown>) => string,
  c: { periodFrom: string | null; periodTo: string | null },
): string {
  if (!c.periodFrom && !c.periodTo) return t('funding.claims.anyPeriod');
  return t('funding.programmes.range', {
    from: c.periodFrom ? formatDate(c.periodFrom) : '…',
    to: c.periodTo ? formatDate(c.periodTo) : '…',
  });
}

const KNOWN = ['conventionId', 'kind', 'periodFrom', 'periodTo', 'advanceCents', 'notes'];

function CreateClaimDialog({
  programmeId,
  funders,
  onClose,
}: {
  programmeId: string;
  funders: Schemas['FundingClaimList']['funders'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [conventionId, setConventionId] = useState(funders.length === 1 ? (funders[0]?.conventionId ?? '') : '');
  const [kind, setKind] = useState<ClaimKind>('instalment');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [advance, setAdvance] = useState('');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const chosen = funders.find((f) => f.conventionId === conventionId);
  const create = useMutation({
    mutationFn: (advanceCents: number | null) =>
      unwrap(
        api.POST('/api/funding/programmes/{id}/claims', {
          params: { path: { id: programmeId } },
          body: {
            conventionId,
            kind,
            ...(kind !== 'advance' ? { periodFrom: periodFrom || null, periodTo: periodTo || null } : {}),
            ...(kind === 'advance' && advanceCents !== null ? { advanceCents } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (claim) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
      setFlash(
        t('funding.claims.created', {
          label: claim.label,
          count: claim.lineCount,
          lines: formatNumber(claim.lineCount),
          amount: formatMoney(claim.claimedCents),
        }),
      );
      await navigate({ to: '/funding/claims/$id', params: { id: claim.id } });
    },
  });
  useFocusFirstProblem(form, create.error ?? checked);
  const problem = create.error ? fundingFormProblem(t, create.error, KNOWN) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!conventionId) found.conventionId = t('errors.fields.required');
    const advanceCents = eurosToCents(parseDecimal(advance));
    if (kind === 'advance' && Number.isNaN(advanceCents)) found.advanceCents = t('funding.amountInvalid');
    if (Object.keys(found).length) {
      setChecked(found);
      create.reset();
      return;
    }
    setChecked(null);
    create.mutate(advanceCents);
  };
  return (
    <Dialog title={t('funding.claims.create')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('funding.claims.createHelp')}</Text>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <NativeSelect
            label={t('funding.claims.convention')}
            required
            value={conventionId}
            onChange={(e) => setConventionId(e.currentTarget.value)}
            error={errors.conventionId}
            data={[
              { value: '', label: t('funding.claims.chooseConvention') },
              ...funders.map((f) => ({ value: f.conventionId, label: `${f.funderName} — ${f.conventionReference}` })),
            ]}
          />
          {chosen ? (
            <Text size="sm">
              {t('funding.claims.chosenHelp', {
                aid: formatMoney(chosen.aidCents),
                cap: formatMoney(chosen.instalmentCapCents),
                so: formatMoney(chosen.advanceAndInstalmentsCents),
                count: chosen.claimableLines,
                lines: formatNumber(chosen.claimableLines),
                amount: formatMoney(chosen.claimableCents),
              })}
            </Text>
          ) : null}
          <Radio.Group
            label={t('funding.claims.kind')}
            required
            value={kind}
            onChange={(value) => {
              if ((CLAIM_KINDS as readonly string[]).includes(value)) setKind(value as ClaimKind);
            }}
            error={errors.kind}
          >
            <Stack gap={4} mt="xs">
              {CLAIM_KINDS.map((k) => (
                <Radio
                  key={k}
                  value={k}
                  label={t(`funding.claims.kinds.${k}`)}
                  description={t(`funding.claims.kindHelp.${k}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {kind === 'advance' ? (
            <TextInput
              label={t('funding.claims.advanceEuros')}
              description={t('funding.claims.advanceEurosHelp')}
              inputMode="decimal"
              value={advance}
              onChange={(e) => setAdvance(e.currentTarget.value)}
              error={errors.advanceCents}
              maw="20rem"
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('funding.claims.periodFrom')}
                description={t('funding.claims.periodHelp')}
                type="date"
                value={periodFrom}
                onChange={(e) => setPeriodFrom(e.currentTarget.value)}
                error={errors.periodFrom}
              />
              <TextInput
                label={t('funding.claims.periodTo')}
                description={t('funding.claims.periodHelp')}
                type="date"
                value={periodTo}
                onChange={(e) => setPeriodTo(e.currentTarget.value)}
                error={errors.periodTo}
              />
            </SimpleGrid>
          )}
          <Textarea
            label={t('funding.claims.notes')}
            autosize
            minRows={2}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <FormButtons onCancel={onClose} pending={create.isPending} submit={t('funding.claims.createSubmit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
