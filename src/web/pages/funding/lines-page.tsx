import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber, parseDecimal } from '../../format.ts';
import { centsForInput, eurosToCents } from '../assets/labels.tsx';
import { Pager } from '../loans/pager.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import {
  budgetQuery,
  costItemsQuery,
  ELIGIBILITIES,
  type Eligibility,
  type ExpenseLine,
  programmeQuery,
} from './funding-queries.ts';
import { Dialog, EligibilityBadge, FormButtons, fundingFormProblem } from './labels.tsx';
import { LINES_PAGE_SIZE, type LinesSearch } from './search.ts';

/**
 * The expense lines of a programme in statement order, filtered by cost item
 * (in the URL), 50 a page: eligibility decisions, the split over schools,
 * and the invoice each line comes from when procurement recorded it.
 */
export function LinesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const { id } = useParams({ from: '/signedIn/funding/programmes/$id/lines' });
  const search = useSearch({ from: '/signedIn/funding/programmes/$id/lines' });
  const navigate = useNavigate({ from: '/funding/programmes/$id/lines' });
  const captionId = useId();
  const programme = useQuery(programmeQuery(id));
  const costItems = useQuery(costItemsQuery(id));
  const page = search.page ?? 1;
  const list = useQuery({
    queryKey: ['funding', 'programme', id, 'lines', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/funding/programmes/{id}/expense-lines', {
          params: {
            path: { id },
            query: {
              ...(search.costItemId ? { costItemId: search.costItemId } : {}),
              limit: LINES_PAGE_SIZE,
              offset: (page - 1) * LINES_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<ExpenseLine | null>(null);
  const [splitOf, setSplitOf] = useState<ExpenseLine | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const update = (patch: Partial<LinesSearch>) =>
    void navigate({
      search: (previous) => {
        const next: LinesSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof LinesSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });

  if (programme.error instanceof ApiError && (programme.error.status === 404 || programme.error.status === 400)) {
    return <NotFoundPage />;
  }
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / LINES_PAGE_SIZE));
  const codeOf = new Map((costItems.data ?? []).map((c) => [c.id, c.code]));
  const title = programme.data ? t('funding.lines.titleOf', { name: programme.data.name }) : t('funding.lines.title');
  return (
    <Page
      title={title}
      actions={
        <Text>
          <AnchorLink to="/funding/programmes/$id" params={{ id }}>
            {t('funding.lines.backToProgramme')}
          </AnchorLink>
        </Text>
      }
    >
      <Paper withBorder p="md" role="search" aria-label={t('funding.lines.filters')}>
        <NativeSelect
          label={t('funding.costItems.item')}
          value={search.costItemId ?? ''}
          onChange={(e) => update({ costItemId: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('funding.lines.allItems') },
            ...(costItems.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.label}` })),
          ]}
          maw="36rem"
        />
      </Paper>
      <Text role="status" aria-live="polite">
        {list.isPending ? t('common.loading') : t('funding.lines.count', { count: total, total: formatNumber(total) })}
      </Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs" aria-busy={list.isFetching}>
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.lines.caption', { page, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.lines.invoice')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.item')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.supplier')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.lines.ht')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.lines.eligibleAmount')}
                </Table.Th>
                <Table.Th scope="col">{t('funding.lines.eligibility')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.paidOn')}</Table.Th>
                <Table.Th scope="col">{t('funding.lines.schools')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((line) => {
                const invoiceId = (line as { invoiceId?: string | null }).invoiceId;
                return (
                  <Table.Tr key={line.id}>
                    <Table.Th scope="row">
                      {invoiceId ? (
                        <AnchorLink to="/procurement/invoices/$id" params={{ id: invoiceId }}>
                          {line.invoiceNumber}
                        </AnchorLink>
                      ) : (
                        line.invoiceNumber
                      )}
                      <Text size="xs" fw={400}>
                        {formatDate(line.invoiceDate)}
                      </Text>
                      {line.description ? (
                        <Text size="xs" fw={400}>
                          {line.description}
                        </Text>
                      ) : null}
                      {line.subscriptionId && line.subscriptionFrom && line.subscriptionTo ? (
                        <Text size="xs" fw={400}>
                          <AnchorLink to="/services">
                            {t('funding.lines.fromSubscription', {
                              from: formatDate(line.subscriptionFrom),
                              to: formatDate(line.subscriptionTo),
                            })}
                          </AnchorLink>
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td ff="monospace">{codeOf.get(line.costItemId) ?? ''}</Table.Td>
                    <Table.Td>{line.supplierName}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(line.htCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(line.eligibleCents)}
                    </Table.Td>
                    <Table.Td>
                      <EligibilityBadge value={line.eligibility} />
                      {line.eligibilityReason ? <Text size="xs">{line.eligibilityReason}</Text> : null}
                    </Table.Td>
                    <Table.Td>{line.paidOn ? formatDate(line.paidOn) : t('funding.lines.unpaid')}</Table.Td>
                    <Table.Td>
                      {line.schools.length === 0 ? (
                        t('funding.lines.noSplit')
                      ) : (
                        <Button size="xs" variant="subtle" onClick={() => setSplitOf(line)}>
                          {t('funding.lines.splitButton', { count: line.schools.length })}
                          <VisuallyHidden>
                            {' '}
                            {t('funding.lines.ofInvoice', { number: line.invoiceNumber })}
                          </VisuallyHidden>
                        </Button>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(line);
                          }}
                        >
                          {t('funding.lines.editEligibility')}
                          <VisuallyHidden>
                            {' '}
                            {t('funding.lines.ofInvoice', { number: line.invoiceNumber })}
                          </VisuallyHidden>
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : list.isSuccess ? (
        <Text>{t('funding.lines.none')}</Text>
      ) : null}
      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
      {editing ? (
        <EligibilityDialog
          programmeId={id}
          line={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setDone(t('funding.lines.saved', { number: saved.invoiceNumber }));
          }}
        />
      ) : null}
      {splitOf ? <SplitDialog programmeId={id} line={splitOf} onClose={() => setSplitOf(null)} /> : null}
    </Page>
  );
}

function EligibilityDialog({
  programmeId,
  line,
  onClose,
  onSaved,
}: {
  programmeId: string;
  line: ExpenseLine;
  onClose: () => void;
  onSaved: (saved: ExpenseLine) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [eligibility, setEligibility] = useState<Eligibility>(line.eligibility);
  const [amount, setAmount] = useState(line.eligibility === 'partly' ? centsForInput(line.eligibleCents) : '');
  const [reason, setReason] = useState(line.eligibilityReason ?? '');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: { eligibility: Eligibility; eligibleCents: number | null; eligibilityReason: string | null }) =>
      unwrap(api.PATCH('/api/funding/expense-lines/{id}', { params: { path: { id: line.id } }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error
    ? fundingFormProblem(t, save.error, ['eligibility', 'eligibleCents', 'eligibilityReason'])
    : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const cents = eurosToCents(parseDecimal(amount));
    if (eligibility === 'partly' && (cents === null || Number.isNaN(cents)))
      found.eligibleCents = t('funding.amountInvalid');
    if (eligibility !== 'eligible' && !reason.trim())
      found.eligibilityReason = t('funding.fieldErrors.reason_required');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      eligibility,
      eligibleCents: eligibility === 'partly' ? cents : null,
      eligibilityReason: eligibility === 'eligible' ? null : reason.trim(),
    });
  };
  return (
    <Dialog title={t('funding.lines.eligibilityTitle', { number: line.invoiceNumber })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t('funding.lines.eligibilityHelp', { ht: formatMoney(line.htCents), supplier: line.supplierName })}
          </Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Radio.Group
            label={t('funding.lines.eligibility')}
            value={eligibility}
            onChange={(value) => {
              if ((ELIGIBILITIES as readonly string[]).includes(value)) setEligibility(value as Eligibility);
            }}
            error={errors.eligibility}
          >
            <Stack gap={4} mt="xs">
              {ELIGIBILITIES.map((e) => (
                <Radio key={e} value={e} label={t(`funding.eligibility.${e}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {eligibility === 'partly' ? (
            <TextInput
              label={t('funding.lines.eligibleEuros')}
              description={t('funding.lines.eligibleEurosHelp', { ht: formatMoney(line.htCents) })}
              required
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.eligibleCents}
              maw="20rem"
            />
          ) : null}
          {eligibility !== 'eligible' ? (
            <Textarea
              label={t('funding.lines.reason')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.eligibilityReason}
            />
          ) : null}
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function SplitDialog({ programmeId, line, onClose }: { programmeId: string; line: ExpenseLine; onClose: () => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  // The budget view names the programme's schools: no extra request per line.
  const budget = useQuery(budgetQuery(programmeId));
  const nameOf = new Map((budget.data?.schools ?? []).map((s) => [s.schoolId, s]));
  return (
    <Dialog title={t('funding.lines.splitTitle', { number: line.invoiceNumber })} onClose={onClose}>
      <Stack gap="md">
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.lines.splitTitle', { number: line.invoiceNumber })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.budget.school')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.lines.ht')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.schools.map((s) => {
                const school = nameOf.get(s.schoolId);
                return (
                  <Table.Tr key={s.schoolId}>
                    <Table.Th scope="row" fw={400}>
                      {school?.name ? `${school.name} (${school.uai})` : s.schoolId}
                    </Table.Th>
                    <Table.Td ta="right">{formatMoney(s.amountCents)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('funding.budget.total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatMoney(line.schools.reduce((sum, s) => sum + s.amountCents, 0))}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
