import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { PriorityBadge } from '../schools/badges.tsx';
import { AllocationPanel } from './allocation-panel.tsx';
import { HouseholdPanel } from './household-panel.tsx';
import { RequestStatusBadge, reasonLabel } from './labels.tsx';
import { type LoanRequest, reasonsQuery, requestQuery, requestSaved } from './loan-queries.ts';

type Decision = 'approve' | 'reject' | 'cancel';

/**
 * One loan request: the household (for the roles that may read it), the
 * need and the eligibility decision; a manager approves or refuses it; then
 * a device (and accessories) is allocated from the school's carts or stock.
 */
export function RequestPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/loans/requests/$id' });
  const request = useQuery(requestQuery(id));
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);

  if (request.error instanceof ApiError && (request.error.status === 404 || request.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!request.data) {
    return (
      <Page title={t('loans.request.titleShort')}>
        {request.isError ? (
          <FormAlert kind="error">{errorMessage(t, request.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = request.data;
  return (
    <Page
      title={t('loans.request.title', { pseudonym: data.household.pseudonym })}
      actions={
        <Group gap="sm">
          <Text>
            <Anchor component={Link} to="/loans/requests">
              {t('loans.request.backToList')}
            </Anchor>
          </Text>
          <RequestStatusBadge value={data.status} />
        </Group>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <RequestPanel request={data} onDone={setDone} />
      <HouseholdPanel household={data.household} />
      {data.can.allocate ? <AllocationPanel request={data} /> : null}
    </Page>
  );
}

function RequestPanel({ request, onDone }: { request: LoanRequest; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const reasons = useQuery(reasonsQuery);
  const [dialog, setDialog] = useState<Decision | null>(null);
  // Cancelling is a manager's decision too (the API's `loans.approve`), while the request is not served yet.
  const canCancel =
    hasPermission(me, 'loans.approve') && (request.status === 'pending' || request.status === 'approved');
  return (
    <Panel
      title={t('loans.request.about')}
      actions={
        <>
          {request.can.approve ? (
            <>
              <Button onClick={() => setDialog('approve')}>{t('loans.request.approve')}</Button>
              <Button variant="outline" color="red.9" onClick={() => setDialog('reject')}>
                {t('loans.request.reject')}
              </Button>
            </>
          ) : null}
          {canCancel ? (
            <Button variant="default" onClick={() => setDialog('cancel')}>
              {t('loans.request.cancel')}
            </Button>
          ) : null}
        </>
      }
    >
      <Facts
        empty={t('loans.notGiven')}
        items={[
          [t('loans.fields.status'), <RequestStatusBadge key="s" value={request.status} />],
          [
            t('loans.fields.school'),
            <Group key="school" gap="xs">
              <span>{request.school.name}</span>
              <PriorityBadge value={request.school.priorityEducation as 'none' | 'REP' | 'REP+'} />
            </Group>,
          ],
          [t('loans.fields.deviceType'), request.need.categoryName ?? t('loans.need.anyDevice')],
          [t('loans.fields.connectivity'), request.need.connectivity ? t('loans.yes') : t('loans.no')],
          [
            t('loans.fields.eligibility'),
            `${request.eligibility.eligible ? t('loans.eligibility.yes') : t('loans.eligibility.no')} — ${reasonLabel(
              reasons.data,
              request.eligibility.reasonCode,
            )}`,
          ],
          [t('loans.fields.decidedOn'), formatDate(request.eligibility.decidedOn)],
          [t('loans.fields.filedOn'), formatDateTime(request.createdAt)],
          [
            t('loans.fields.loan'),
            request.loanId ? (
              <AnchorLink key="loan" to="/loans/$id" params={{ id: request.loanId }}>
                {t('loans.request.openLoan')}
              </AnchorLink>
            ) : null,
          ],
        ]}
      />
      {dialog ? (
        <DecisionDialog
          request={request}
          decision={dialog}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            onDone(message);
          }}
        />
      ) : null}
    </Panel>
  );
}

const PATHS = {
  approve: '/api/loans/requests/{id}/approve',
  reject: '/api/loans/requests/{id}/reject',
  cancel: '/api/loans/requests/{id}/cancel',
} as const;

function DecisionDialog({
  request,
  decision,
  onClose,
  onDone,
}: {
  request: LoanRequest;
  decision: Decision;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: () => unwrap(api.POST(PATHS[decision], { params: { path: { id: request.id } } })),
    onSuccess: async (saved) => {
      await requestSaved(queryClient, saved);
      onDone(t(`loans.request.done.${decision}`));
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`loans.request.confirm.${decision}Title`, { pseudonym: request.household.pseudonym })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <Stack gap="md">
        <Text>{t(`loans.request.confirm.${decision}`)}</Text>
        {decide.isError ? <FormAlert kind="error">{errorMessage(t, decide.error)}</FormAlert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('loans.request.keep')}
          </Button>
          <Button
            color={decision === 'approve' ? undefined : 'red.9'}
            loading={decide.isPending}
            onClick={() => decide.mutate()}
          >
            {t(`loans.request.${decision}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
