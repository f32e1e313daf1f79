import { Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash, useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber, parseDecimal } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { centsForInput, eurosToCents } from '../assets/labels.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { ClaimStatusBadge, periodText } from './claims-panel.tsx';
import { Dialog, FormButtons, fundingFormProblem, today } from './labels.tsx';

/**
 * One payment claim: what it asks, its lines in statement order (a draft's
 * lines can be taken out), its subtotals per cost item, the workflow
 * (submit → check → record the payment) and the exports the funder expects.
 */

type ClaimDetail = Schemas['FundingClaimDetail'];
type ClaimLine = ClaimDetail['lines'][number];

export const claimQuery = (id: string) => ({
  queryKey: ['funding', 'claim', id] as const,
  queryFn: () => unwrap(api.GET('/api/funding/claims/{id}', { params: { path: { id } } })),
});

const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : formatMoney(cents));

export function ClaimPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const { id } = useParams({ from: '/signedIn/funding/claims/$id' });
  const claim = useQuery(claimQuery(id));
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'submit' | 'check' | 'pay' | null>(null);
  if (claim.error instanceof ApiError && (claim.error.status === 404 || claim.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!claim.data) {
    return (
      <Page title={t('funding.claims.titleShort')}>
        {claim.isError ? (
          <FormAlert kind="error">{errorMessage(t, claim.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = claim.data;
  const lang = currentLanguage();
  const r = data.reconciliation;
  const saved = (message: string) => {
    setDialog(null);
    setDone(message);
  };
  return (
    <Page
      title={t('funding.claims.claimTitle', { label: data.label })}
      actions={
        <Stack gap="sm">
          <Group gap="md">
            <Text>
              <AnchorLink to="/funding/programmes/$id" params={{ id: data.programmeId }} search={{ tab: 'claims' }}>
                {t('funding.claims.backToProgramme')}
              </AnchorLink>
            </Text>
            <ClaimStatusBadge value={data.status} />
          </Group>
          {canManage ? (
            <Group gap="sm">
              {data.status === 'draft' ? (
                <>
                  <Button onClick={() => setDialog('submit')}>{t('funding.claims.submit')}</Button>
                  <DeleteClaimButton claim={data} />
                </>
              ) : null}
              {data.status === 'submitted' ? (
                <Button onClick={() => setDialog('check')}>{t('funding.claims.check')}</Button>
              ) : null}
              {data.status === 'checked' ? (
                <Button onClick={() => setDialog('pay')}>{t('funding.claims.pay')}</Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Panel title={t('funding.claims.about')}>
        <Facts
          empty={t('funding.notGiven')}
          items={[
            [t('funding.conventions.funder'), data.funderName],
            [t('funding.claims.convention'), data.conventionReference],
            [t('funding.claims.kind'), t(`funding.claims.kinds.${data.kind}`)],
            [t('funding.claims.statusLabel'), t(`funding.claims.status.${data.status}`)],
            [t('funding.claims.period'), data.kind === 'advance' ? null : periodText(t, data)],
            [t('funding.claims.lines'), formatNumber(data.lineCount)],
            [t('funding.claims.eligible'), formatMoney(data.eligibleCents)],
            [t('funding.claims.claimed'), formatMoney(data.claimedCents)],
            [t('funding.claims.submittedOn'), data.submittedOn ? formatDate(data.submittedOn) : null],
            [t('funding.claims.accepted'), money(data.acceptedCents)],
            [t('funding.claims.checkedOn'), data.checkedOn ? formatDate(data.checkedOn) : null],
            [t('funding.claims.received'), money(data.receivedCents)],
            [t('funding.claims.receivedOn'), data.receivedOn ? formatDate(data.receivedOn) : null],
            [t('funding.claims.notes'), data.notes || null],
          ]}
        />
        {r ? (
          <Text size="sm">
            {t('funding.claims.reconciliation', {
              aid: formatMoney(r.aidCents),
              justified: formatMoney(r.justifiedCents),
              due: formatMoney(r.dueCents),
              earlier: formatMoney(r.earlierCents),
              balance: formatMoney(r.balanceCents),
            })}
          </Text>
        ) : null}
      </Panel>
      <Panel title={t('funding.claims.exports')}>
        <Text size="sm">{t('funding.claims.exportsHelp')}</Text>
        <Group gap="sm">
          <Button
            component="a"
            variant="default"
            href={`/api/funding/claims/${data.id}/statement.xlsx?lang=${lang}`}
            download
          >
            {t('funding.claims.statementXlsx')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/funding/claims/${data.id}/statement.pdf?lang=${lang}`}
            download
          >
            {t('funding.claims.statementPdf')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/funding/claims/${data.id}/cofinancing.pdf?lang=${lang}`}
            download
          >
            {t('funding.claims.cofinancingPdf')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/funding/claims/${data.id}/invoices.zip?lang=${lang}`}
            download
          >
            {t('funding.claims.invoicesZip')}
          </Button>
        </Group>
      </Panel>
      {data.costItems.length > 0 ? <CostItemTotals claim={data} /> : null}
      <LinesPanel claim={data} canRemove={canManage && data.status === 'draft'} onRemoved={setDone} />
      {dialog === 'submit' ? <SubmitDialog claim={data} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog === 'check' ? <CheckDialog claim={data} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog === 'pay' ? <PayDialog claim={data} onClose={() => setDialog(null)} onSaved={saved} /> : null}
    </Page>
  );
}

function useClaimSaved(claim: ClaimDetail) {
  const queryClient = useQueryClient();
  return async (saved: ClaimDetail) => {
    queryClient.setQueryData(['funding', 'claim', claim.id], saved);
    await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', claim.programmeId] });
  };
}

function DeleteClaimButton({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/funding/claims/{id}', { params: { path: { id: claim.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', claim.programmeId] });
      setFlash(t('funding.claims.deleted', { label: claim.label }));
      await navigate({ to: '/funding/programmes/$id', params: { id: claim.programmeId }, search: { tab: 'claims' } });
    },
  });
  return (
    <>
      <Button
        variant="default"
        color="#a51d2d"
        loading={remove.isPending}
        onClick={() => {
          if (window.confirm(t('funding.claims.confirmDelete', { label: claim.label }))) remove.mutate();
        }}
      >
        {t('funding.claims.delete')}
      </Button>
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
    </>
  );
}

function CostItemTotals({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Panel title={t('funding.claims.byCostItem')}>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="xs">
          <caption id={captionId}>
            <VisuallyHidden>{t('funding.claims.byCostItem')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('funding.costItems.item')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funding.claims.lines')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funding.lines.ht')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funding.claims.eligible')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funding.claims.aidLine')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funding.claims.accepted')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claim.costItems.map((c) => (
              <Table.Tr key={c.costItemId}>
                <Table.Th scope="row">{`${c.code} — ${c.label}`}</Table.Th>
                <Table.Td ta="right">{formatNumber(c.lines)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.htCents)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.eligibleCents)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.aidCents)}</Table.Td>
                <Table.Td ta="right">{money(c.acceptedCents) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('funding.budget.total')}</Table.Th>
              <Table.Td ta="right" fw={700}>
                {formatNumber(claim.lines.length)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatMoney(claim.totals.htCents)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatMoney(claim.totals.eligibleCents)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatMoney(claim.totals.aidCents)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {money(claim.totals.acceptedCents) ?? '—'}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </Panel>
  );
}

function LinesPanel({
  claim,
  canRemove,
  onRemoved,
}: {
  claim: ClaimDetail;
  canRemove: boolean;
  onRemoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const onSaved = useClaimSaved(claim);
  const remove = useMutation({
    mutationFn: (line: ClaimLine) =>
      unwrap(
        api.POST('/api/funding/claims/{id}/lines', {
          params: { path: { id: claim.id } },
          body: { remove: [line.expenseLineId] },
        }),
      ).then((saved) => ({ saved, line })),
    onSuccess: async ({ saved, line }) => {
      await onSaved(saved);
      onRemoved(
        t('funding.claims.lineRemoved', { number: line.invoiceNumber, amount: formatMoney(saved.claimedCents) }),
      );
    },
  });
  return (
    <Panel title={t('funding.claims.linesTitle')}>
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {claim.lines.length === 0 ? (
        <Text>{t('funding.claims.noLines')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.claims.linesTitle')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.lines.invoice')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.item')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.supplier')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.paidOn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.lines.ht')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.claims.eligible')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.claims.aidLine')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.claims.accepted')}
                </Table.Th>
                {canRemove ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {claim.lines.map((line) => (
                <Table.Tr key={line.expenseLineId}>
                  <Table.Th scope="row">
                    {line.invoiceId ? (
                      <AnchorLink to="/procurement/invoices/$id" params={{ id: line.invoiceId }}>
                        {line.invoiceNumber}
                      </AnchorLink>
                    ) : (
                      line.invoiceNumber
                    )}
                    <Text size="xs" fw={400}>
                      {formatDate(line.invoiceDate)}
                    </Text>
                  </Table.Th>
                  <Table.Td ff="monospace">{line.costItemCode}</Table.Td>
                  <Table.Td>{line.supplierName}</Table.Td>
                  <Table.Td>{line.paidOn ? formatDate(line.paidOn) : '—'}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.htCents)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.eligibleCents)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.aidCents)}</Table.Td>
                  <Table.Td ta="right">
                    {money(line.acceptedCents) ?? '—'}
                    {line.rejectionReason ? <Text size="xs">{line.rejectionReason}</Text> : null}
                  </Table.Td>
                  {canRemove ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={remove.isPending && remove.variables?.expenseLineId === line.expenseLineId}
                        onClick={() => remove.mutate(line)}
                      >
                        {t('funding.claims.removeLine')}
                        <VisuallyHidden> {t('funding.lines.ofInvoice', { number: line.invoiceNumber })}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}

function SubmitDialog({
  claim,
  onClose,
  onSaved,
}: {
  claim: ClaimDetail;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [date, setDate] = useState(today());
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const store = useClaimSaved(claim);
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/claims/{id}/submit', {
          params: { path: { id: claim.id } },
          body: { submittedOn: date },
        }),
      ),
    onSuccess: async (saved) => {
      await store(saved);
      onSaved(t('funding.claims.submitted', { label: saved.label, date: formatDate(saved.submittedOn) }));
    },
  });
  useFocusFirstProblem(form, submit.error ?? checked);
  const problem = submit.error ? fundingFormProblem(t, submit.error, ['submittedOn']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!date) {
      setChecked({ submittedOn: t('errors.fields.required') });
      submit.reset();
      return;
    }
    setChecked(null);
    submit.mutate();
  };
  return (
    <Dialog title={t('funding.claims.submitTitle', { label: claim.label })} onClose={onClose}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t('funding.claims.submitHelp', { amount: formatMoney(claim.claimedCents), count: claim.lineCount })}
          </Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.claims.submittedOn')}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.submittedOn}
            maw="20rem"
          />
          <FormButtons onCancel={onClose} pending={submit.isPending} submit={t('funding.claims.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}

interface LineDecision {
  accepted: string;
  reason: string;
}

function CheckDialog({
  claim,
  onClose,
  onSaved,
}: {
  claim: ClaimDetail;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const captionId = useId();
  const store = useClaimSaved(claim);
  const [date, setDate] = useState(today());
  const [advance, setAdvance] = useState(centsForInput(claim.claimedCents));
  const [decisions, setDecisions] = useState<Record<string, LineDecision>>(() =>
    Object.fromEntries(claim.lines.map((l) => [l.expenseLineId, { accepted: centsForInput(l.aidCents), reason: '' }])),
  );
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const check = useMutation({
    mutationFn: (body: Schemas['CheckClaimInput']) =>
      unwrap(api.POST('/api/funding/claims/{id}/check', { params: { path: { id: claim.id } }, body })),
    onSuccess: async (saved) => {
      await store(saved);
      onSaved(t('funding.claims.checked', { label: saved.label, amount: formatMoney(saved.acceptedCents ?? 0) }));
    },
  });
  useFocusFirstProblem(form, check.error ?? checked);
  const problem = check.error ? fundingFormProblem(t, check.error, ['checkedOn', 'acceptedCents']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const isAdvance = claim.kind === 'advance';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.checkedOn = t('errors.fields.required');
    const lines: { lineId: string; acceptedCents: number; reason: string | null }[] = [];
    let acceptedCents: number | undefined;
    if (isAdvance) {
      const cents = eurosToCents(parseDecimal(advance));
      if (cents === null || Number.isNaN(cents)) found.acceptedCents = t('funding.amountInvalid');
      else acceptedCents = cents;
    } else {
      for (const line of claim.lines) {
        const d = decisions[line.expenseLineId] ?? { accepted: '', reason: '' };
        const cents = eurosToCents(parseDecimal(d.accepted));
        if (cents === null || Number.isNaN(cents) || cents > line.aidCents) {
          found[`accepted.${line.expenseLineId}`] = t('funding.claims.acceptedInvalid', {
            max: formatMoney(line.aidCents),
          });
          continue;
        }
        if (cents < line.aidCents && !d.reason.trim())
          found[`reason.${line.expenseLineId}`] = t('funding.fieldErrors.reason_required');
        if (cents !== line.aidCents)
          lines.push({ lineId: line.expenseLineId, acceptedCents: cents, reason: d.reason.trim() || null });
      }
    }
    if (Object.keys(found).length) {
      setChecked(found);
      check.reset();
      return;
    }
    setChecked(null);
    check.mutate({ checkedOn: date, ...(isAdvance ? { acceptedCents } : { lines }) });
  };
  const decide = (id: string, patch: Partial<LineDecision>) =>
    setDecisions((all) => ({ ...all, [id]: { ...(all[id] ?? { accepted: '', reason: '' }), ...patch } }));
  return (
    <Dialog title={t('funding.claims.checkTitle', { label: claim.label })} onClose={onClose} size="xl">
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{isAdvance ? t('funding.claims.checkAdvanceHelp') : t('funding.claims.checkHelp')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.claims.checkedOn')}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.checkedOn}
            maw="20rem"
          />
          {isAdvance ? (
            <TextInput
              label={t('funding.claims.acceptedEuros')}
              required
              inputMode="decimal"
              value={advance}
              onChange={(e) => setAdvance(e.currentTarget.value)}
              error={errors.acceptedCents}
              maw="20rem"
            />
          ) : (
            <TableScroll labelledBy={captionId}>
              <Table verticalSpacing="xs">
                <caption id={captionId}>
                  <VisuallyHidden>{t('funding.claims.checkCaption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funding.lines.invoice')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funding.claims.aidLine')}
                    </Table.Th>
                    <Table.Th scope="col">{t('funding.claims.acceptedEuros')}</Table.Th>
                    <Table.Th scope="col">{t('funding.claims.rejectionReason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {claim.lines.map((line) => {
                    const d = decisions[line.expenseLineId] ?? { accepted: '', reason: '' };
                    return (
                      <Table.Tr key={line.expenseLineId}>
                        <Table.Th scope="row" fw={400}>
                          {line.invoiceNumber} — {line.supplierName}
                        </Table.Th>
                        <Table.Td ta="right">{formatMoney(line.aidCents)}</Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('funding.claims.acceptedFor', { number: line.invoiceNumber })}
                            inputMode="decimal"
                            size="xs"
                            value={d.accepted}
                            onChange={(e) => decide(line.expenseLineId, { accepted: e.currentTarget.value })}
                            error={errors[`accepted.${line.expenseLineId}`]}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('funding.claims.reasonFor', { number: line.invoiceNumber })}
                            size="xs"
                            maxLength={1000}
                            value={d.reason}
                            onChange={(e) => decide(line.expenseLineId, { reason: e.currentTarget.value })}
                            error={errors[`reason.${line.expenseLineId}`]}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          <FormButtons onCancel={onClose} pending={check.isPending} submit={t('funding.claims.check')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function PayDialog({
  claim,
  onClose,
  onSaved,
}: {
  claim: ClaimDetail;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const store = useClaimSaved(claim);
  const [amount, setAmount] = useState(centsForInput(claim.acceptedCents ?? claim.claimedCents));
  const [date, setDate] = useState(today());
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const pay = useMutation({
    mutationFn: (receivedCents: number) =>
      unwrap(
        api.POST('/api/funding/claims/{id}/pay', {
          params: { path: { id: claim.id } },
          body: { receivedCents, receivedOn: date },
        }),
      ),
    onSuccess: async (saved) => {
      await store(saved);
      onSaved(t('funding.claims.paid', { label: saved.label, amount: formatMoney(saved.receivedCents ?? 0) }));
    },
  });
  useFocusFirstProblem(form, pay.error ?? checked);
  const problem = pay.error ? fundingFormProblem(t, pay.error, ['receivedCents', 'receivedOn']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const cents = eurosToCents(parseDecimal(amount));
    if (cents === null || Number.isNaN(cents)) found.receivedCents = t('funding.amountInvalid');
    if (!date) found.receivedOn = t('errors.fields.required');
    if (Object.keys(found).length) {
      setChecked(found);
      pay.reset();
      return;
    }
    setChecked(null);
    pay.mutate(cents as number);
  };
  return (
    <Dialog title={t('funding.claims.payTitle', { label: claim.label })} onClose={onClose}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.claims.receivedEuros')}
            required
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.receivedCents}
            maw="20rem"
          />
          <TextInput
            label={t('funding.claims.receivedOn')}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.receivedOn}
            maw="20rem"
          />
          <FormButtons onCancel={onClose} pending={pay.isPending} submit={t('funding.claims.pay')} />
        </Stack>
      </form>
    </Dialog>
  );
}
