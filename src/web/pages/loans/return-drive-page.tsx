import { Button, Checkbox, List, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { ScanBox } from '../assets/scan-box.tsx';
import { CONDITIONS } from './search.ts';

/**
 * The end-of-year return drive of one school (`/loans/return-drive?schoolId=…&dueBy=…`):
 * the loans due by a date still out, under their pseudonyms; the bulk return
 * by scanning tag after tag, each answered at once (returned, or refused with
 * its reason); a CSV of what is still out.
 */

type DriveResult = Schemas['ReturnDriveScanResult']['results'][number] & { seq: number };
type Condition = (typeof CONDITIONS)[number];

export interface DriveSearch {
  schoolId?: string;
  dueBy?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseDriveSearch(search: Record<string, unknown>): DriveSearch {
  const out: DriveSearch = {};
  if (typeof search.schoolId === 'string' && UUID.test(search.schoolId)) out.schoolId = search.schoolId.toLowerCase();
  if (typeof search.dueBy === 'string' && DAY.test(search.dueBy)) out.dueBy = search.dueBy;
  return out;
}

function exportHref(search: DriveSearch & { schoolId: string }): string {
  const query = new URLSearchParams({ school: search.schoolId });
  if (search.dueBy) query.set('dueBy', search.dueBy);
  return `/api/loans/return-drive/export?${query}`;
}

export function ReturnDrivePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signedIn/loans/return-drive' });
  const navigate = useNavigate({ from: '/loans/return-drive' });
  const me = useSignedInMe();
  const captionId = useId();
  const update = (patch: Partial<DriveSearch>) =>
    void navigate({
      search: (previous) => {
        const next: DriveSearch = { ...previous, ...patch };
        for (const key of Object.keys(next) as (keyof DriveSearch)[]) if (!next[key]) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const schoolId = search.schoolId;
  const drive = useQuery({
    queryKey: ['loans', 'drive', schoolId, search.dueBy ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/loans/return-drive', {
          params: { query: { school: schoolId as string, ...(search.dueBy ? { dueBy: search.dueBy } : {}) } },
        }),
      ),
    enabled: Boolean(schoolId),
    placeholderData: keepPreviousData,
  });
  const data = schoolId ? drive.data : undefined;
  const mayReturn = hasPermission(me, 'loans.handover');

  return (
    <Page title={t('loans.drive.title')}>
      <Text>{t('loans.drive.intro')}</Text>
      <Paper withBorder p="md" role="search" aria-label={t('loans.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OneSchoolPicker
            label={t('loans.fields.school')}
            value={schoolId ?? ''}
            onChange={(id) => update({ schoolId: id || undefined })}
          />
          <TextInput
            label={t('loans.drive.dueBy')}
            description={t('loans.drive.dueByHelp')}
            type="date"
            value={search.dueBy ?? data?.dueBy ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ dueBy: DAY.test(value) ? value : undefined });
            }}
          />
        </SimpleGrid>
      </Paper>

      {!schoolId ? <Text>{t('loans.drive.chooseSchool')}</Text> : null}
      {drive.isError ? <FormAlert kind="error">{errorMessage(t, drive.error)}</FormAlert> : null}

      {schoolId && data ? (
        <>
          <Text role="status" aria-live="polite">
            {t('loans.drive.counts', {
              loans: formatNumber(data.counts.dueStillOut),
              items: formatNumber(data.counts.itemsStillOut),
              later: formatNumber(data.counts.outNotYetDue),
            })}
          </Text>
          {mayReturn ? <DriveScan schoolId={schoolId} /> : null}
          <Panel
            title={t('loans.drive.stillOut')}
            actions={
              <Button component="a" variant="default" href={exportHref({ ...search, schoolId })} download>
                {t('loans.drive.export')}
              </Button>
            }
          >
            {data.loans.length === 0 ? (
              <Text>{t('loans.drive.none')}</Text>
            ) : (
              <TableScroll labelledBy={captionId}>
                <Table striped verticalSpacing="sm" aria-busy={drive.isFetching}>
                  <caption id={captionId}>{t('loans.drive.caption', { date: formatDate(data.dueBy) })}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('loans.fields.household')}</Table.Th>
                      <Table.Th scope="col">{t('loans.fields.devices')}</Table.Th>
                      <Table.Th scope="col">{t('loans.fields.dueDate')}</Table.Th>
                      <Table.Th scope="col">{t('loans.drive.daysOverdue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.loans.map((loan) => (
                      <Table.Tr key={loan.id}>
                        <Table.Th scope="row">
                          <AnchorLink to="/loans/$id" params={{ id: loan.id }} ff="monospace">
                            {loan.household.pseudonym}
                          </AnchorLink>
                        </Table.Th>
                        <Table.Td>
                          {loan.items.map((item) => (
                            <Text key={item.assetId} size="sm">
                              <Text span ff="monospace" fw={600}>
                                {item.tag}
                              </Text>{' '}
                              — {item.model}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>{formatDate(loan.dueDate)}</Table.Td>
                        <Table.Td>
                          {loan.daysOverdue > 0 ? t('loans.drive.days', { count: loan.daysOverdue }) : '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Panel>
        </>
      ) : null}
    </Page>
  );
}

/** Each scan is a return at once; the answers pile up, newest first, and are announced. */
function DriveScan({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resultsId = useId();
  const [wiped, setWiped] = useState(false);
  const [wipeError, setWipeError] = useState<string | null>(null);
  const [condition, setCondition] = useState<Condition>('ok');
  const [results, setResults] = useState<readonly DriveResult[]>([]);
  const seq = useRef(0);
  const [announcement, setAnnouncement] = useState('');
  const say = (r: Omit<DriveResult, 'seq'>) =>
    r.outcome === 'returned'
      ? t('loans.drive.returned', { tag: r.tag })
      : t('loans.drive.refusedWith', {
          tag: r.tag,
          reason: r.reason ? t(`loans.drive.reasons.${r.reason}`) : t('loans.drive.reasons.refused'),
        });
  const scan = useMutation({
    mutationFn: (tag: string) =>
      unwrap(
        api.POST('/api/loans/return-drive/returns', {
          body: { school: schoolId, tags: [tag], condition, wiped: true },
        }),
      ),
    onSuccess: async (answer) => {
      const numbered = answer.results.map((r) => {
        seq.current += 1;
        return { ...r, seq: seq.current };
      });
      setResults((previous) => [...numbered.reverse(), ...previous]);
      setAnnouncement(numbered.map(say).join(' '));
      if (answer.returned > 0) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['loans'] }),
          queryClient.invalidateQueries({ queryKey: ['assets'] }),
        ]);
      }
    },
  });
  const onScan = (text: string) => {
    if (!wiped) {
      setWipeError(t('loans.drive.wipeFirst'));
      setAnnouncement(t('loans.drive.wipeFirst'));
      return;
    }
    scan.mutate(text);
  };
  return (
    <Panel title={t('loans.drive.scanTitle')}>
      <Text size="sm">{t('loans.drive.scanIntro')}</Text>
      <Checkbox
        label={t('loans.drive.wiped')}
        description={t('loans.return.wipedHelp')}
        checked={wiped}
        onChange={(e) => {
          setWiped(e.currentTarget.checked);
          setWipeError(null);
        }}
        error={wipeError}
        aria-invalid={wipeError ? true : undefined}
      />
      <Radio.Group
        label={t('loans.fields.condition')}
        value={condition}
        onChange={(v) => setCondition((CONDITIONS as readonly string[]).includes(v) ? (v as Condition) : 'ok')}
      >
        <Stack gap="xs" mt="xs">
          {CONDITIONS.map((c) => (
            <Radio key={c} value={c} label={t(`loans.conditions.${c}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <ScanBox
        label={t('loans.scan.field')}
        description={t('loans.scan.fieldHelp')}
        submitLabel={t('loans.scan.submit')}
        onScan={onScan}
      />
      {scan.isError ? <FormAlert kind="error">{errorMessage(t, scan.error)}</FormAlert> : null}
      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>
      <Stack gap={4}>
        <Title order={3} id={resultsId} size="h4">
          {t('loans.drive.resultsTitle')}
        </Title>
        {results.length === 0 ? (
          <Text size="sm">{t('loans.drive.noResults')}</Text>
        ) : (
          <List aria-labelledby={resultsId} spacing={4}>
            {results.map((r) => (
              <List.Item key={r.seq}>
                <Text span fw={700} c={r.outcome === 'returned' ? '#1e6b34' : '#a51d2d'}>
                  {say(r)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Panel>
  );
}
