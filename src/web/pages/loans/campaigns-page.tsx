import { Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { SchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, fieldOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { loanFormProblem } from './labels.tsx';

/**
 * Crisis campaigns (continuity of teaching while schools are closed): the
 * list, newest first, and the dialog that opens one for chosen schools.
 * Each campaign's page holds the proposal, the bulk confirmation, the
 * conventions to print and the live dashboard.
 */

export const campaignsQuery = {
  queryKey: ['loans', 'campaigns', 'list'] as const,
  queryFn: () => unwrap(api.GET('/api/loans/campaigns', { params: { query: { limit: 200, offset: 0 } } })),
};

export function CampaignsPage() {
  const { t } = useTranslation();
  const list = useQuery(campaignsQuery);
  const captionId = useId();
  const [opening, setOpening] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Page
      title={t('loans.campaigns.title')}
      actions={<Button onClick={() => setOpening(true)}>{t('loans.campaigns.open')}</Button>}
    >
      <Text>{t('loans.campaigns.intro')}</Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('loans.campaigns.none')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>{t('loans.campaigns.caption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.campaigns.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.schools')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.closure')}</Table.Th>
                <Table.Th scope="col">{t('loans.campaigns.fields.openedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/loans/campaigns/$id" params={{ id: c.id }}>
                      {c.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{t(`loans.campaigns.status.${c.status}`)}</Table.Td>
                  <Table.Td>{c.schools.length}</Table.Td>
                  <Table.Td>
                    {c.startsOn || c.endsOn
                      ? t('loans.campaigns.range', {
                          from: c.startsOn ? formatDate(c.startsOn) : '…',
                          to: c.endsOn ? formatDate(c.endsOn) : '…',
                        })
                      : '—'}
                  </Table.Td>
                  <Table.Td>{formatDateTime(c.openedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {opening ? <OpenCampaignDialog onClose={() => setOpening(false)} /> : null}
    </Page>
  );
}

const KNOWN = ['name', 'reason', 'startsOn', 'endsOn', 'dueDate', 'schoolIds'];

function OpenCampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/campaigns', {
          body: {
            name,
            reason,
            startsOn: startsOn || null,
            endsOn: endsOn || null,
            dueDate: dueDate || null,
            schoolIds,
          },
        }),
      ),
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: ['loans', 'campaigns'] });
      await navigate({ to: '/loans/campaigns/$id', params: { id: campaign.id } });
    },
  });
  useFocusFirstProblem(form, create.error ?? checked);
  const problem = create.error ? loanFormProblem(t, create.error, KNOWN, fieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('loans.campaigns.nameRequired');
    if (!reason.trim()) found.reason = t('loans.campaigns.reasonRequired');
    if (schoolIds.length === 0) found.schoolIds = t('loans.campaigns.schoolsRequired');
    if (Object.keys(found).length) {
      setChecked(found);
      create.reset();
      return;
    }
    setChecked(null);
    create.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('loans.campaigns.open')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('loans.campaigns.fields.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('loans.campaigns.fields.reason')}
            description={t('loans.campaigns.reasonHelp')}
            required
            maxLength={1000}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group grow align="start">
            <TextInput
              label={t('loans.campaigns.fields.startsOn')}
              type="date"
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              label={t('loans.campaigns.fields.endsOn')}
              type="date"
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={errors.endsOn}
            />
          </Group>
          <TextInput
            label={t('loans.campaigns.fields.dueDate')}
            description={t('loans.campaigns.dueDateHelp')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
            maw="20rem"
          />
          <SchoolPicker
            label={t('loans.campaigns.fields.schools')}
            required
            value={schoolIds}
            onChange={setSchoolIds}
            error={errors.schoolIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('loans.campaigns.openSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
