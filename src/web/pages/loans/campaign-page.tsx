import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';

/**
 * One crisis campaign: what it is, the live dashboard per school (polled),
 * the proposed allocation (REP+, REP, then by request date) that the manager
 * trims before confirming it in bulk, each pair answered (done, or refused
 * with its reason), and the conventions to print for families without e-mail.
 */

type Campaign = Schemas['LoanCampaign'];
type Pair = Schemas['LoanCampaignProposal']['pairs'][number];
type ConfirmResult = Schemas['ConfirmLoanCampaignResult'];

export function CampaignPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/loans/campaigns/$id' });
  const campaign = useQuery({
    queryKey: ['loans', 'campaigns', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/loans/campaigns/{id}', { params: { path: { id } } })),
  });
  if (campaign.error instanceof ApiError && (campaign.error.status === 404 || campaign.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!campaign.data) {
    return (
      <Page title={t('loans.campaigns.titleShort')}>
        {campaign.isError ? (
          <FormAlert kind="error">{errorMessage(t, campaign.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = campaign.data;
  return (
    <Page
      title={t('loans.campaigns.campaignTitle', { name: data.name })}
      actions={
        <Text>
          <Anchor component={Link} to="/loans/campaigns">
            {t('loans.campaigns.backToList')}
          </Anchor>
        </Text>
      }
    >
      <Panel title={t('loans.campaigns.about')}>
        <Facts
          empty={t('loans.notGiven')}
          items={[
            [t('loans.campaigns.fields.status'), t(`loans.campaigns.status.${data.status}`)],
            [t('loans.campaigns.fields.reason'), data.reason],
            [t('loans.campaigns.fields.startsOn'), data.startsOn ? formatDate(data.startsOn) : null],
            [t('loans.campaigns.fields.endsOn'), data.endsOn ? formatDate(data.endsOn) : null],
            [t('loans.campaigns.fields.dueDate'), data.dueDate ? formatDate(data.dueDate) : null],
            [t('loans.campaigns.fields.schools'), data.schools.map((s) => `${s.name} (${s.uai})`).join(', ')],
            [t('loans.campaigns.fields.openedAt'), formatDateTime(data.openedAt)],
          ]}
        />
      </Panel>
      <DashboardPanel campaign={data} />
      {data.can.confirm ? <ProposalPanel campaign={data} /> : null}
      <Panel title={t('loans.campaigns.conventions')}>
        <Text size="sm">{t('loans.campaigns.conventionsHelp')}</Text>
        <Group gap="sm">
          <Button component="a" variant="default" href={`/api/loans/campaigns/${data.id}/conventions.pdf`} download>
            {t('loans.campaigns.conventionsPaper')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/loans/campaigns/${data.id}/conventions.pdf?delivery=all`}
            download
          >
            {t('loans.campaigns.conventionsAll')}
          </Button>
        </Group>
      </Panel>
    </Page>
  );
}

const COUNTS = ['requests', 'waiting', 'allocated', 'accepted', 'handedOver', 'returned', 'availableDevices'] as const;

function DashboardPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const captionId = useId();
  const dashboard = useQuery({
    queryKey: ['loans', 'campaigns', 'dashboard', campaign.id],
    queryFn: () => unwrap(api.GET('/api/loans/campaigns/{id}/dashboard', { params: { path: { id: campaign.id } } })),
    // Live: the schools hand devices over while the manager watches.
    refetchInterval: 15_000,
  });
  const data = dashboard.data;
  return (
    <Panel title={t('loans.campaigns.dashboard')}>
      {dashboard.isError ? <FormAlert kind="error">{errorMessage(t, dashboard.error)}</FormAlert> : null}
      {!data ? (
        <Text>{t('common.loading')}</Text>
      ) : (
        <>
          <Text size="sm">
            {t('loans.campaigns.dashboardAt', {
              at: formatDateTime(data.at),
              central: formatNumber(data.centralStock.availableDevices),
            })}
          </Text>
          <TableScroll labelledBy={captionId}>
            <Table striped verticalSpacing="xs">
              <caption id={captionId}>{t('loans.campaigns.dashboardCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('loans.fields.school')}</Table.Th>
                  {COUNTS.map((c) => (
                    <Table.Th scope="col" key={c} ta="right">
                      {t(`loans.campaigns.counts.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.schools.map((row) => (
                  <Table.Tr key={row.school.id}>
                    <Table.Th scope="row">
                      {row.school.name} ({row.school.uai})
                    </Table.Th>
                    {COUNTS.map((c) => (
                      <Table.Td key={c} ta="right">
                        {formatNumber(row[c])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('loans.campaigns.total')}</Table.Th>
                  {COUNTS.map((c) => (
                    <Table.Td key={c} ta="right" fw={700}>
                      {formatNumber(data.totals[c])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
        </>
      )}
    </Panel>
  );
}

function warningsOf(pair: Pair): string[] {
  const list: string[] = [...pair.warnings];
  if (pair.device.source === 'other_school') list.push('other_school');
  if (pair.hotspot?.source === 'other_school' && !list.includes('other_school')) list.push('other_school');
  return list;
}

function ProposalPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const resultsCaptionId = useId();
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [result, setResult] = useState<ConfirmResult | null>(null);
  const proposal = useQuery({
    queryKey: ['loans', 'campaigns', 'proposal', campaign.id],
    queryFn: () => unwrap(api.GET('/api/loans/campaigns/{id}/proposal', { params: { path: { id: campaign.id } } })),
    enabled: false,
    gcTime: 0,
  });
  const pairs = (proposal.data?.pairs ?? []).filter((p) => !removed.has(p.request.id));
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/campaigns/{id}/confirm', {
          params: { path: { id: campaign.id } },
          body: { pairs: pairs.map((p) => ({ requestId: p.request.id, assetIds: p.assetIds })) },
        }),
      ),
    onSuccess: async (answer) => {
      setResult(answer);
      setAnnouncement(t('loans.campaigns.confirmed', { done: answer.done, refused: answer.refused }));
      queryClient.removeQueries({ queryKey: ['loans', 'campaigns', 'proposal', campaign.id] });
      setRemoved(new Set());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['loans'] }),
        queryClient.invalidateQueries({ queryKey: ['assets'] }),
      ]);
    },
  });
  const pseudonymOf = new Map((proposal.data?.pairs ?? []).map((p) => [p.request.id, p.request.household.pseudonym]));
  const [confirmedNames, setConfirmedNames] = useState<ReadonlyMap<string, string>>(new Map());

  return (
    <Panel
      title={t('loans.campaigns.proposal')}
      actions={
        <Button
          variant="default"
          loading={proposal.isFetching}
          onClick={() => {
            setRemoved(new Set());
            setResult(null);
            void proposal.refetch();
          }}
        >
          {proposal.data ? t('loans.campaigns.recompute') : t('loans.campaigns.compute')}
        </Button>
      }
    >
      <Text size="sm">{t('loans.campaigns.proposalHelp')}</Text>
      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>
      {proposal.isError ? <FormAlert kind="error">{errorMessage(t, proposal.error)}</FormAlert> : null}
      {confirm.isError ? <FormAlert kind="error">{errorMessage(t, confirm.error)}</FormAlert> : null}
      {proposal.data ? (
        <>
          <Text>
            {t('loans.campaigns.proposalSummary', {
              pairs: formatNumber(pairs.length),
              unmatched: formatNumber(proposal.data.unmatched.length),
              devices: formatNumber(proposal.data.leftover.devices),
              hotspots: formatNumber(proposal.data.leftover.hotspots),
            })}
          </Text>
          {pairs.length === 0 ? (
            <Text>{t('loans.campaigns.noPairs')}</Text>
          ) : (
            <TableScroll labelledBy={captionId}>
              <Table striped verticalSpacing="xs">
                <caption id={captionId}>{t('loans.campaigns.proposalCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('loans.fields.household')}</Table.Th>
                    <Table.Th scope="col">{t('loans.fields.school')}</Table.Th>
                    <Table.Th scope="col">{t('loans.campaigns.fields.priority')}</Table.Th>
                    <Table.Th scope="col">{t('loans.campaigns.fields.device')}</Table.Th>
                    <Table.Th scope="col">{t('loans.campaigns.fields.hotspot')}</Table.Th>
                    <Table.Th scope="col">{t('loans.campaigns.fields.warnings')}</Table.Th>
                    <Table.Th scope="col">{t('loans.incidents.fields.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pairs.map((p) => (
                    <Table.Tr key={p.request.id}>
                      <Table.Th scope="row" ff="monospace">
                        {p.request.household.pseudonym}
                      </Table.Th>
                      <Table.Td>{p.request.school.name}</Table.Td>
                      <Table.Td>{t(`loans.campaigns.priority.${p.request.school.priorityEducation}`)}</Table.Td>
                      <Table.Td>
                        <Text span ff="monospace" fw={600}>
                          {p.device.tag}
                        </Text>{' '}
                        — {p.device.model}
                      </Table.Td>
                      <Table.Td ff="monospace">{p.hotspot?.tag ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {warningsOf(p).map((w) => (
                            <Badge
                              key={w}
                              color="#8a4a00"
                              variant="outline"
                              tt="none"
                              styles={{ label: { color: '#8a4a00' } }}
                            >
                              {t(`loans.campaigns.warnings.${w}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('loans.campaigns.removeOne', { pseudonym: p.request.household.pseudonym })}
                          onClick={() => {
                            setRemoved(new Set([...removed, p.request.id]));
                            setAnnouncement(t('loans.campaigns.removed', { pseudonym: p.request.household.pseudonym }));
                          }}
                        >
                          {t('loans.campaigns.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {pairs.length > 0 ? (
            <Group justify="flex-end">
              <Button
                loading={confirm.isPending}
                onClick={() => {
                  setConfirmedNames(pseudonymOf);
                  confirm.mutate();
                }}
              >
                {t('loans.campaigns.confirm', { count: pairs.length })}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
      {result ? (
        <TableScroll labelledBy={resultsCaptionId}>
          <Table striped verticalSpacing="xs">
            <caption id={resultsCaptionId}>
              {t('loans.campaigns.resultsCaption', { done: result.done, refused: result.refused })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.fields.household')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.outcome')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.delivery')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.results.map((r) => (
                <Table.Tr key={r.requestId}>
                  <Table.Th scope="row" ff="monospace">
                    {r.loanId ? (
                      <AnchorLink to="/loans/$id" params={{ id: r.loanId }}>
                        {confirmedNames.get(r.requestId) ?? r.requestId}
                      </AnchorLink>
                    ) : (
                      (confirmedNames.get(r.requestId) ?? r.requestId)
                    )}
                  </Table.Th>
                  <Table.Td>
                    {r.outcome === 'done'
                      ? t('loans.campaigns.done')
                      : t('loans.campaigns.refusedWith', {
                          reason: t(`loans.campaigns.reasons.${r.reason ?? 'refused'}`),
                        })}
                  </Table.Td>
                  <Table.Td>{r.delivery ? t(`loans.campaigns.delivery.${r.delivery}`) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {result ? (
        <Text size="sm">{t(`loans.campaigns.mails.${result.mails.status}`, { count: result.mails.queued })}</Text>
      ) : null}
    </Panel>
  );
}
