import { Anchor, Button, Group, Input, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { FamilyLinkPanel } from './family-link-panel.tsx';
import { HandoverDialog, ReturnDialog } from './handover-dialogs.tsx';
import { HouseholdPanel } from './household-panel.tsx';
import { IncidentsPanel } from './incidents-panel.tsx';
import { LoanStatusBadge } from './labels.tsx';
import { type Loan, loanQuery, loanSaved } from './loan-queries.ts';
import { LoanMessagesPanel } from './messages-page.tsx';

/**
 * One family loan, step by step: the convention (PDF, the family link with
 * its QR code, or the paper signed by hand), the handover by scanning each
 * device (blocked until the convention is accepted), and the return with the
 * wipe. Each step's button shows only when the server says it is possible
 * (`can`), and says why when it is not yet.
 */
export function LoanPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/loans/$id' });
  const loan = useQuery(loanQuery(id));
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);

  if (loan.error instanceof ApiError && (loan.error.status === 404 || loan.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!loan.data) {
    return (
      <Page title={t('loans.loan.titleShort')}>
        {loan.isError ? (
          <FormAlert kind="error">{errorMessage(t, loan.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = loan.data;
  return (
    <Page
      title={t('loans.loan.title', { pseudonym: data.household.pseudonym })}
      actions={
        <Group gap="sm">
          <Text>
            <Anchor component={Link} to="/loans">
              {t('loans.loan.backToList')}
            </Anchor>
          </Text>
          <LoanStatusBadge value={data.status} overdue={data.overdue} />
        </Group>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <StepsPanel loan={data} onDone={setDone} />
      <ConventionPanel loan={data} onDone={setDone} />
      {data.can.sendLink ? <FamilyLinkPanel loan={data} /> : null}
      <ItemsPanel loan={data} />
      <IncidentsPanel loan={data} onDone={setDone} />
      {data.can.seePersonalData ? <LoanMessagesPanel loan={data} onDone={setDone} /> : null}
      <HouseholdPanel household={data.household} />
    </Page>
  );
}

const condition = (t: (key: string) => string, value: string | null) => (value ? t(`loans.conditions.${value}`) : null);

/** Where the loan stands, and the next step: hand over, or take back. */
function StepsPanel({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const whyId = useId();
  const [dialog, setDialog] = useState<'handover' | 'return' | null>(null);
  const blocked = loan.status === 'allocated';
  return (
    <Panel
      title={t('loans.loan.about')}
      actions={
        <>
          {loan.can.handover ? <Button onClick={() => setDialog('handover')}>{t('loans.handover.open')}</Button> : null}
          {blocked ? (
            <Button disabled aria-describedby={whyId}>
              {t('loans.handover.open')}
            </Button>
          ) : null}
          {loan.can.return ? <Button onClick={() => setDialog('return')}>{t('loans.return.open')}</Button> : null}
        </>
      }
    >
      {blocked ? (
        <Text id={whyId} fw={600}>
          {t('loans.handover.blocked')}
        </Text>
      ) : null}
      <Facts
        empty={t('loans.notGiven')}
        items={[
          [t('loans.fields.status'), <LoanStatusBadge key="s" value={loan.status} overdue={loan.overdue} />],
          [t('loans.fields.school'), loan.school.name],
          [t('loans.fields.dueDate'), formatDate(loan.dueDate)],
          [t('loans.fields.allocatedAt'), formatDateTime(loan.allocatedAt)],
          [
            t('loans.fields.acceptedAt'),
            loan.acceptedAt
              ? t(`loans.acceptedVia.${loan.acceptedVia ?? 'link'}`, { date: formatDateTime(loan.acceptedAt) })
              : null,
          ],
          [
            t('loans.fields.handedOverAt'),
            loan.handedOverAt
              ? t('loans.loan.withCondition', {
                  date: formatDateTime(loan.handedOverAt),
                  condition: condition(t, loan.conditionOut),
                })
              : null,
          ],
          ...(loan.conditionOutNotes ? ([[t('loans.conditionNotes.out'), loan.conditionOutNotes]] as const) : []),
          [
            t('loans.fields.returnedAt'),
            loan.returnedAt
              ? t('loans.loan.withCondition', {
                  date: formatDateTime(loan.returnedAt),
                  condition: condition(t, loan.conditionIn),
                })
              : null,
          ],
          ...(loan.conditionInNotes ? ([[t('loans.conditionNotes.in'), loan.conditionInNotes]] as const) : []),
          [t('loans.fields.wipedAt'), loan.wipedAt ? formatDateTime(loan.wipedAt) : null],
          [t('loans.fields.closedAt'), loan.closedAt ? formatDateTime(loan.closedAt) : null],
          [
            t('loans.fields.request'),
            <AnchorLink key="r" to="/loans/requests/$id" params={{ id: loan.requestId }}>
              {t('loans.loan.openRequest')}
            </AnchorLink>,
          ],
        ]}
      />
      {dialog === 'handover' ? (
        <HandoverDialog
          loan={loan}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onDone(t('loans.handover.done'));
          }}
        />
      ) : null}
      {dialog === 'return' ? (
        <ReturnDialog
          loan={loan}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            onDone(saved.status === 'handed_over' ? t('loans.return.partial') : t('loans.return.done'));
          }}
        />
      ) : null}
    </Panel>
  );
}

/** The convention: its PDF (French or English), and, while it waits, the paper signed by hand. */
function ConventionPanel({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const pdf = (lang: 'fr' | 'en') => `/api/loans/${loan.id}/convention.pdf?lang=${lang}`;
  const readable = loan.can.seePersonalData && !loan.household.purged;
  return (
    <Panel title={t('loans.convention.title')}>
      <Text>
        {loan.acceptedAt
          ? t(`loans.acceptedVia.${loan.acceptedVia ?? 'link'}`, { date: formatDateTime(loan.acceptedAt) })
          : t('loans.convention.notAccepted')}
      </Text>
      {readable ? (
        <Group gap="sm">
          <Button component="a" variant="default" href={pdf('fr')} download lang="fr">
            {t('loans.convention.downloadFr')}
          </Button>
          <Button component="a" variant="default" href={pdf('en')} download>
            {t('loans.convention.downloadEn')}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t('loans.convention.hidden')}</Text>
      )}
      {loan.status === 'allocated' && loan.can.sendLink ? <PaperForm loan={loan} onDone={onDone} /> : null}
    </Panel>
  );
}

const PAPER_TYPES = 'application/pdf,image/jpeg,image/png,image/webp';

function PaperForm({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [noFile, setNoFile] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = useMutation({
    mutationFn: (scan: File) =>
      uploadFile<Loan>(`/api/loans/${loan.id}/paper-acceptance`, scan, {
        contentType: scan.type || 'application/octet-stream',
      }),
    onSuccess: async (saved) => {
      await loanSaved(queryClient, saved);
      setFile(null);
      setInputKey((k) => k + 1);
      onDone(t('loans.paper.done'));
    },
  });
  useFocusFirstProblem(form, upload.error ?? noFile);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setNoFile(t('loans.paper.fileRequired'));
      upload.reset();
      return;
    }
    setNoFile(null);
    upload.mutate(file);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t('loans.paper.title')}>
      <Stack gap="sm" maw={640}>
        <Text fw={700}>{t('loans.paper.title')}</Text>
        {upload.isError ? <FormAlert kind="error">{errorMessage(t, upload.error)}</FormAlert> : null}
        <Input.Wrapper
          label={t('loans.paper.file')}
          description={t('loans.paper.fileHelp')}
          id={fileId}
          error={noFile ?? undefined}
        >
          <input
            key={inputKey}
            id={fileId}
            className="file-input"
            type="file"
            accept={PAPER_TYPES}
            aria-invalid={noFile ? true : undefined}
            aria-describedby={`${fileId}-description${noFile ? ` ${fileId}-error` : ''}`}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setNoFile(null);
            }}
          />
        </Input.Wrapper>
        <Group>
          <Button type="submit" variant="default" loading={upload.isPending}>
            {t('loans.paper.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemsPanel({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Panel title={t('loans.items.title')}>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="xs">
          <caption id={captionId}>
            <VisuallyHidden>{t('loans.items.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
              <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
              <Table.Th scope="col">{t('assets.fields.serial')}</Table.Th>
              <Table.Th scope="col">{t('loans.items.role')}</Table.Th>
              <Table.Th scope="col">{t('loans.items.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.items.map((item) => (
              <Table.Tr key={item.assetId}>
                <Table.Th scope="row">
                  <AnchorLink to="/assets/$id" params={{ id: item.assetId }} ff="monospace">
                    {item.tag}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{item.model}</Table.Td>
                <Table.Td>{item.serial ?? '—'}</Table.Td>
                <Table.Td>{t(`loans.items.roles.${item.role}`, { defaultValue: item.role })}</Table.Td>
                <Table.Td>{item.open ? t('loans.items.open') : t('loans.items.back')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Panel>
  );
}
